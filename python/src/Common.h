//===- Common.h - Shared pieces of the Python bindings ----------*- C++ -*-===//
//
// The extension module photon._photon is split by concern: Compiler.cpp
// (MLIR: compile, translate), Runtime.cpp (meshes, decompositions, noise,
// data sets) and Program.cpp (runtime programs on NumPy arrays). The
// Python-facing API (argument handling, dicts) is python/photon/__init__.py.
//
// Unlike the rest of Photon these files are compiled with exceptions: every
// failure becomes a C++ exception that pybind11 turns into a Python one
// (photon.Error for Photon's diagnostics, ValueError / TypeError for bad
// arguments). The libraries they call are unchanged and report through
// llvm::Error / MLIR diagnostics.
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_PYTHON_COMMON_H
#define PHOTON_PYTHON_COMMON_H

#include "photon/Runtime/Program.h"

#include "llvm/Support/Error.h"

#include <Eigen/Core>
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <complex>
#include <stdexcept>
#include <string>

namespace photon::python {

namespace py = pybind11;

/// A diagnostic from Photon (bad IR, pipeline, program, noise spec, data
/// set): photon.Error in Python, a RuntimeError.
struct Error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Throws Error with the message of `error` (which must be a failure).
[[noreturn]] void throwError(llvm::Error error);

/// The value of `expected`, or Error with its message.
template <typename T> T unwrap(llvm::Expected<T> expected) {
  if (!expected)
    throwError(expected.takeError());
  return std::move(*expected);
}
inline void check(llvm::Error error) {
  if (error)
    throwError(std::move(error));
}

/// `object` (any array-like of bool, integer, real or complex numbers) as a
/// C-contiguous array of T; throws TypeError naming `what` for anything
/// else. No copy when it already is one.
template <typename T>
py::array_t<T, py::array::c_style> toArray(py::handle object, const char *what);

/// A batch of samples for a program of width `width`: `object` is one
/// sample (shape (width,)) or one per row (shape (batch, width)). Returns
/// the C-contiguous array (rows = samples) and sets `single` for a 1-D
/// input. Throws ValueError for another shape.
template <typename T>
py::array_t<std::complex<T>, py::array::c_style>
toBatch(py::handle object, int width, const char *what, bool &single);

/// The columns of `matrix` (outputs x batch, Eigen's column-major order)
/// as the rows of a NumPy array (batch x outputs) that owns the matrix: no
/// copy. With `single` the result is the 1-D first row.
template <typename Scalar>
py::array
fromColumns(Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic> &&matrix,
            bool single);

/// A square matrix as a 2-D NumPy array (row = output mode) that owns it.
py::array fromMatrix(Eigen::MatrixXcd &&matrix);

void bindCompiler(py::module_ &module);
void bindRuntime(py::module_ &module);
void bindProgram(py::module_ &module);

} // namespace photon::python

#endif // PHOTON_PYTHON_COMMON_H
