//===- Simulator.cpp - Running a program on a batch -----------------------===//
#include "photon/Runtime/Simulator.h"

#include <cassert>

namespace photon::runtime {

namespace {
template <typename T>
Eigen::Matrix<std::complex<T>, Eigen::Dynamic, Eigen::Dynamic>
simulateImpl(const Program &program,
             const Eigen::Matrix<std::complex<T>, Eigen::Dynamic,
                                 Eigen::Dynamic> &inputs) {
  using Matrix =
      Eigen::Matrix<std::complex<T>, Eigen::Dynamic, Eigen::Dynamic>;
  assert(inputs.rows() == program.inputs);
  Matrix x = inputs;
  for (const Layer &layer : program.layers) {
    switch (layer.kind) {
    case LayerKind::Encode:
      // Amplitude (real) or IQ (complex) modulation: E_i = x_i.
      break;
    case LayerKind::Mesh:
      applyMesh(layer.mesh, x);
      break;
    case LayerKind::Diagonal:
      applyDiagonal(layer.diagonal, x, x);
      break;
    case LayerKind::Activation:
      if (layer.activation != Activation::Identity)
        x = x.unaryExpr([&](std::complex<T> z) {
          return applyActivation(layer.activation, z);
        });
      break;
    case LayerKind::Detect:
      x = x.cwiseAbs2().template cast<std::complex<T>>();
      break;
    }
  }
  return x;
}
} // namespace

Eigen::MatrixXcd simulate(const Program &program,
                          const Eigen::MatrixXcd &inputs) {
  return simulateImpl<double>(program, inputs);
}
Eigen::MatrixXcf simulate(const Program &program,
                          const Eigen::MatrixXcf &inputs) {
  return simulateImpl<float>(program, inputs);
}

} // namespace photon::runtime
