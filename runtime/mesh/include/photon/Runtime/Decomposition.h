//===- Decomposition.h - Unitary to MZI mesh --------------------*- C++ -*-===//
//
// Clements et al., "Optimal design for universal multiport interferometers",
// Optica 3(12), 2016 (rectangular mesh), and Reck et al., PRL 73, 1994
// (triangular mesh), in the phase-first MZI convention of Convention.h.
// Both run in O(N³): each nulling updates only the two rows or columns an
// MZI touches. All phases are wrapped to [0, 2π).
//
// Result: U = D · T_K ⋯ T_1 exactly as in Mesh.h, each MZI placed on its
// site of meshLayout(topology, N) (found by ASAP layering of the application
// order), θ ∈ [0, π], φ and the output phases in [0, 2π).
//
// Each nulling step looks at a target entry t (to be made 0) and the pivot p
// it is rotated into; generically θ = 2·atan2(|p|, |t|) ∈ (0, π) and φ is
// fixed by the phases of t and p (and, after the output diagonal has been
// moved through the MZI, by the diagonal). An entry counts as zero when its
// modulus is at most 2^-50 (about 8.9e-16; entries of a unitary are at most
// 1, so this only catches rounding junk). Canonical choices:
//  - target zero (including target and pivot both zero): the MZI is set to
//    the bar state θ = π, φ = 0;
//  - otherwise pivot zero: the cross state θ = 0, φ = 0;
//  - an MZI whose θ is exactly 0 or π in the result always has φ = 0: its
//    external phase is moved to the output screen instead
//    (M(π, φ) = diag(e^{iφ}, 1)·M(π, 0), M(0, φ) = diag(1, e^{iφ})·M(0, 0)),
//    also when the output diagonal is moved through it.
// Consequences: the identity and any diagonal phase matrix give θ = π, φ = 0
// for every MZI (all phases in the output screen); a permutation matrix gives
// only exact bar (θ = π) and cross (θ = 0) states with φ = 0. Each entry
// treated as zero changes the result by at most 2^-50.
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_RUNTIME_DECOMPOSITION_H
#define PHOTON_RUNTIME_DECOMPOSITION_H

#include "photon/Runtime/Mesh.h"

namespace photon::runtime {

/// Decomposes a unitary `u` (N x N, N >= 1) into a mesh of the given
/// topology with meshMatrix(result) == u to rounding. `u` must be unitary
/// (checked by the caller, see unitarityError).
Mesh decomposeUnitary(Topology topology, const Eigen::MatrixXcd &u);
Mesh decomposeClements(const Eigen::MatrixXcd &u);
Mesh decomposeReck(const Eigen::MatrixXcd &u);

/// max |U†U - I| over all entries.
double unitarityError(const Eigen::MatrixXcd &u);

/// The tolerance the dialect and the passes accept for unitarity.
constexpr double kUnitarityTolerance = 1e-8;

} // namespace photon::runtime

#endif // PHOTON_RUNTIME_DECOMPOSITION_H
