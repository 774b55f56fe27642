//===- Decomposition.h - Unitary to MZI mesh --------------------*- C++ -*-===//
//
// Clements et al., "Optimal design for universal multiport interferometers",
// Optica 3(12), 2016 (rectangular mesh), and Reck et al., PRL 73, 1994
// (triangular mesh), in the phase-first MZI convention of Convention.h.
// Both run in O(N³): each nulling updates only the two rows or columns an
// MZI touches. All phases are wrapped to [0, 2π).
//
// Canonical choices in degenerate cases: when the entry to null is already 0
// the MZI is set to θ = π, φ = 0 (bar state, heater of φ off); when the pivot
// is 0 the MZI is set to θ = 0 (cross state) and φ = 0.
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_RUNTIME_DECOMPOSITION_H
#define PHOTON_RUNTIME_DECOMPOSITION_H

#include "photon/Runtime/Mesh.h"

namespace photon::runtime {

/// Decomposes a unitary `u` (N x N, N >= 1) into a mesh of the given
/// topology with meshMatrix(result) == u to rounding. `u` must be unitary
/// (checked by the caller, see isUnitary).
Mesh decomposeUnitary(Topology topology, const Eigen::MatrixXcd &u);
Mesh decomposeClements(const Eigen::MatrixXcd &u);
Mesh decomposeReck(const Eigen::MatrixXcd &u);

/// max |U†U - I| over all entries.
double unitarityError(const Eigen::MatrixXcd &u);

/// The tolerance the dialect and the passes accept for unitarity.
constexpr double kUnitarityTolerance = 1e-8;

} // namespace photon::runtime

#endif // PHOTON_RUNTIME_DECOMPOSITION_H
