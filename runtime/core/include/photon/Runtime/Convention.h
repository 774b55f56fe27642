//===- Convention.h - The optical conventions of Photon ---------*- C++ -*-===//
//
// The single source of truth for the MZI transfer matrix, the Σ attenuator
// and phase wrapping. Simulation, decomposition, export and reports all use
// these functions; docs/conventions.md states the same formulas.
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_RUNTIME_CONVENTION_H
#define PHOTON_RUNTIME_CONVENTION_H

#include <Eigen/Core>
#include <complex>

namespace photon::runtime {

using Complex = std::complex<double>;
constexpr double kPi = 3.14159265358979323846;
constexpr double kTwoPi = 2.0 * kPi;

/// Wraps a finite phase into [0, 2π). Values that round to 2π map to 0.
double wrapPhase(double phase);

/// The 2x2 transfer matrix of a "phase-first" MZI acting on modes (top,
/// bottom): M(θ, φ) = B · P(θ) · B · P(φ), with the 50:50 coupler
/// B = (1/√2)[[1, i], [i, 1]] and P(x) = diag(e^{ix}, 1). φ is the external
/// shifter on the top input arm, θ the internal shifter on the top arm
/// between the couplers. Written out:
///   M = i e^{iθ/2} [[e^{iφ} sin(θ/2),  cos(θ/2)],
///                   [e^{iφ} cos(θ/2), -sin(θ/2)]].
/// θ = 0 is the full cross state, θ = π the bar state.
Eigen::Matrix2cd mziTransfer(double theta, double phi);

/// Σ attenuator convention: one balanced MZI per singular value whose field
/// transmission is real, t(θ) = cos(θ/2). θ = 0 (heater off) transmits fully,
/// θ = π blocks the mode.
double attenuatorTransmission(double theta);

/// The attenuator phase in [0, π] that transmits t ∈ [0, 1] (clamped).
double attenuatorPhase(double transmission);

} // namespace photon::runtime

#endif // PHOTON_RUNTIME_CONVENTION_H
