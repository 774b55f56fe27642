//===- Diagonal.h - The Σ factor: attenuators and a gain --------*- C++ -*-===//
//
// Σ of W = U Σ V† is an outputs x inputs diagonal, realised by one attenuator
// per singular value (transmission cos(θ_i/2), see Convention.h) followed by
// a global optical gain β = σ_max on the outputs:
//   Σ[i][i] = β · cos(θ_i / 2)  for i < min(inputs, outputs), 0 elsewhere.
// Input modes i >= outputs are terminated; output modes i >= inputs are dark.
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_RUNTIME_DIAGONAL_H
#define PHOTON_RUNTIME_DIAGONAL_H

#include <Eigen/Core>
#include <cstdint>
#include <vector>

namespace photon::runtime {

struct Diagonal {
  int inputs = 0;
  int outputs = 0;
  /// Attenuator phases, size min(inputs, outputs).
  std::vector<double> theta;
  /// Global optical gain β >= 0.
  double gain = 1.0;
  /// Per-attenuator fabrication flags, empty when all are fabricated;
  /// otherwise of size min(inputs, outputs). 0 marks an eliminated
  /// attenuator (a plain waveguide), whose θ is exactly 0.
  std::vector<uint8_t> mask;
};

/// Realises singular values (non-negative, any order) as attenuators and a
/// gain: β = max σ, θ_i = attenuatorPhase(σ_i / β). When every σ is 0 the
/// gain is 0 and every θ is 0 (heaters off).
Diagonal diagonalFromSingularValues(const Eigen::VectorXd &sigma, int inputs,
                                    int outputs);

/// The outputs x inputs matrix Σ.
Eigen::MatrixXd diagonalMatrix(const Diagonal &diagonal);

/// out (outputs x batch) = Σ · in (inputs x batch).
void applyDiagonal(const Diagonal &diagonal, const Eigen::MatrixXcd &in,
                   Eigen::MatrixXcd &out);
void applyDiagonal(const Diagonal &diagonal, const Eigen::MatrixXcf &in,
                   Eigen::MatrixXcf &out);

} // namespace photon::runtime

#endif // PHOTON_RUNTIME_DIAGONAL_H
