//===- Diagonal.cpp - The Σ factor: attenuators and a gain ----------------===//
#include "photon/Runtime/Diagonal.h"

#include "photon/Runtime/Convention.h"

#include <algorithm>
#include <cassert>
#include <complex>

namespace photon::runtime {

Diagonal diagonalFromSingularValues(const Eigen::VectorXd &sigma, int inputs,
                                    int outputs) {
  Diagonal d;
  d.inputs = inputs;
  d.outputs = outputs;
  const int count = std::min(inputs, outputs);
  d.theta.assign(count, 0.0);
  double beta = 0.0;
  for (int i = 0; i < count && i < sigma.size(); ++i)
    beta = std::max(beta, sigma[i]);
  d.gain = beta;
  if (beta <= 0.0)
    return d; // all zero: gain 0, heaters off
  for (int i = 0; i < count; ++i) {
    double value = i < sigma.size() ? std::max(sigma[i], 0.0) : 0.0;
    d.theta[i] = attenuatorPhase(value / beta);
  }
  return d;
}

Eigen::MatrixXd diagonalMatrix(const Diagonal &diagonal) {
  Eigen::MatrixXd m = Eigen::MatrixXd::Zero(diagonal.outputs, diagonal.inputs);
  for (size_t i = 0; i < diagonal.theta.size(); ++i)
    m(i, i) = diagonal.gain * attenuatorTransmission(diagonal.theta[i]);
  return m;
}

namespace {
template <typename Matrix>
void applyDiagonalImpl(const Diagonal &diagonal, const Matrix &in,
                       Matrix &out) {
  using Scalar = typename Matrix::Scalar::value_type;
  assert(in.rows() == diagonal.inputs);
  const Eigen::Index batch = in.cols();
  // Compute into a temporary when `in` and `out` alias.
  Matrix result = Matrix::Zero(diagonal.outputs, batch);
  for (size_t i = 0; i < diagonal.theta.size(); ++i) {
    const Scalar t = static_cast<Scalar>(
        diagonal.gain * attenuatorTransmission(diagonal.theta[i]));
    result.row(i) = in.row(i) * t;
  }
  out = std::move(result);
}
} // namespace

void applyDiagonal(const Diagonal &diagonal, const Eigen::MatrixXcd &in,
                   Eigen::MatrixXcd &out) {
  applyDiagonalImpl(diagonal, in, out);
}
void applyDiagonal(const Diagonal &diagonal, const Eigen::MatrixXcf &in,
                   Eigen::MatrixXcf &out) {
  applyDiagonalImpl(diagonal, in, out);
}

} // namespace photon::runtime
