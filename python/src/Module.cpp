//===- Module.cpp - The photon._photon extension module
//--------------------===//
#include "Common.h"

#include <cstdint>

namespace photon::python {

void throwError(llvm::Error error) {
  throw Error(llvm::toString(std::move(error)));
}

namespace {
template <typename T> constexpr bool isComplex = false;
template <typename T> constexpr bool isComplex<std::complex<T>> = true;
} // namespace

template <typename T>
py::array_t<T, py::array::c_style> toArray(py::handle object,
                                           const char *what) {
  py::array array = py::array::ensure(object);
  if (!array)
    throw py::type_error(std::string(what) +
                         " must be an array of numbers, "
                         "got " +
                         std::string(py::str(py::type::of(object))));
  const char kind = array.dtype().kind();
  const bool numeric = kind == 'b' || kind == 'i' || kind == 'u' ||
                       kind == 'f' || (kind == 'c' && isComplex<T>);
  if (!numeric)
    throw py::type_error(std::string(what) + " must be an array of " +
                         (isComplex<T> ? "real or complex" : "real") +
                         " numbers, got dtype " +
                         std::string(py::str(array.dtype())));
  auto result =
      py::array_t<T, py::array::c_style | py::array::forcecast>::ensure(array);
  if (!result)
    throw py::error_already_set();
  return result;
}

template <typename T>
py::array_t<std::complex<T>, py::array::c_style>
toBatch(py::handle object, int width, const char *what, bool &single) {
  auto array = toArray<std::complex<T>>(object, what);
  single = array.ndim() == 1;
  const bool fits = (array.ndim() == 1 && array.shape(0) == width) ||
                    (array.ndim() == 2 && array.shape(1) == width);
  if (!fits) {
    std::string shape = "(";
    for (py::ssize_t d = 0; d < array.ndim(); ++d)
      shape += (d ? ", " : "") + std::to_string(array.shape(d));
    shape += array.ndim() == 1 ? ",)" : ")";
    throw py::value_error(std::string(what) + " must have shape (batch, " +
                          std::to_string(width) + ") or (" +
                          std::to_string(width) + ",) for this program, got " +
                          shape);
  }
  return array;
}

template <typename Scalar>
py::array
fromColumns(Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic> &&matrix,
            bool single) {
  using Matrix = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>;
  auto *owned = new Matrix(std::move(matrix));
  py::capsule base(
      owned, [](void *pointer) { delete static_cast<Matrix *>(pointer); });
  const py::ssize_t rows = owned->rows(), cols = owned->cols();
  const py::ssize_t size = sizeof(Scalar);
  if (single)
    return py::array_t<Scalar>({rows}, {size}, owned->data(), base);
  return py::array_t<Scalar>({cols, rows}, {rows * size, size}, owned->data(),
                             base);
}

py::array fromMatrix(Eigen::MatrixXcd &&matrix) {
  auto *owned = new Eigen::MatrixXcd(std::move(matrix));
  py::capsule base(owned, [](void *pointer) {
    delete static_cast<Eigen::MatrixXcd *>(pointer);
  });
  const py::ssize_t rows = owned->rows(), cols = owned->cols();
  const py::ssize_t size = sizeof(std::complex<double>);
  return py::array_t<std::complex<double>>({rows, cols}, {size, rows * size},
                                           owned->data(), base);
}

template py::array_t<double, py::array::c_style> toArray<double>(py::handle,
                                                                 const char *);
template py::array_t<int64_t, py::array::c_style>
toArray<int64_t>(py::handle, const char *);
template py::array_t<std::complex<double>, py::array::c_style>
toArray<std::complex<double>>(py::handle, const char *);
template py::array_t<std::complex<double>, py::array::c_style>
toBatch<double>(py::handle, int, const char *, bool &);
template py::array_t<std::complex<float>, py::array::c_style>
toBatch<float>(py::handle, int, const char *, bool &);
template py::array fromColumns(Eigen::MatrixXcd &&, bool);
template py::array fromColumns(Eigen::MatrixXcf &&, bool);
template py::array fromColumns(Eigen::MatrixXd &&, bool);
template py::array fromColumns(Eigen::MatrixXf &&, bool);

} // namespace photon::python

PYBIND11_MODULE(_photon, module) {
  namespace py = pybind11;
  module.doc() = "Photon's compiler and runtime (see docs/python.md); use the "
                 "photon package, which wraps this module";
  py::register_exception<photon::python::Error>(module, "Error",
                                                PyExc_RuntimeError);
  photon::python::bindCompiler(module);
  photon::python::bindRuntime(module);
  photon::python::bindProgram(module);
}
