//===- Simulator.cpp - Running a program on a batch -----------------------===//
#include "photon/Runtime/Simulator.h"

#include <cassert>
#include <vector>

namespace photon::runtime {

namespace {
template <typename T>
Eigen::Matrix<std::complex<T>, Eigen::Dynamic, Eigen::Dynamic>
simulateImpl(const Program &program,
             const Eigen::Ref<const Eigen::Matrix<
                 std::complex<T>, Eigen::Dynamic, Eigen::Dynamic>> &inputs) {
  using Matrix =
      Eigen::Matrix<std::complex<T>, Eigen::Dynamic, Eigen::Dynamic>;
  assert(inputs.rows() == program.inputs);
  Matrix x = inputs;
  // The fields adapters read: saved[i] is the output of layer i when a
  // later adapter names it as its source (the program input for -1).
  std::vector<Matrix> saved;
  Matrix programInput;
  if (program.hasAdapters()) {
    saved.resize(program.layers.size());
    for (const Layer &layer : program.layers)
      if (layer.kind == LayerKind::Adapter && layer.adapter.source < 0)
        programInput = inputs;
  }
  for (size_t index = 0; index < program.layers.size(); ++index) {
    const Layer &layer = program.layers[index];
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
    case LayerKind::Oeo:
    case LayerKind::Readout:
      applyBoundary(layer.boundary, x);
      break;
    case LayerKind::Adapter: {
      // y + B (A x_source), digital and exact.
      const Adapter &adapter = layer.adapter;
      const Matrix &source =
          adapter.source < 0 ? programInput : saved[adapter.source];
      const Matrix a = adapter.a.template cast<std::complex<T>>();
      const Matrix b = adapter.b.template cast<std::complex<T>>();
      const Matrix correction = b * (a * source);
      x += correction; // as simulateNoisy, so the ideal chip matches

      break;
    }
    }
    if (!saved.empty())
      for (size_t later = index + 1; later < program.layers.size(); ++later)
        if (program.layers[later].kind == LayerKind::Adapter &&
            program.layers[later].adapter.source == static_cast<int>(index)) {
          saved[index] = x;
          break;
        }
  }
  return x;
}
} // namespace

Eigen::MatrixXcd simulate(const Program &program,
                          const Eigen::Ref<const Eigen::MatrixXcd> &inputs) {
  return simulateImpl<double>(program, inputs);
}
Eigen::MatrixXcf simulate(const Program &program,
                          const Eigen::Ref<const Eigen::MatrixXcf> &inputs) {
  return simulateImpl<float>(program, inputs);
}

} // namespace photon::runtime
