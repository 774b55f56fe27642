//===- DeadShifters.h - Eliminating shifters at phase 0 ---------*- C++ -*-===//
//
// A thermo-optic shifter at phase 0 needs no heater, so it need not be
// fabricated. These functions mark such shifters as eliminated (mask 0,
// phase exactly 0) and count what was removed.
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_RUNTIME_DEADSHIFTERS_H
#define PHOTON_RUNTIME_DEADSHIFTERS_H

#include "photon/Runtime/Diagonal.h"
#include "photon/Runtime/Mesh.h"
#include "photon/Runtime/PowerModel.h"

namespace photon::runtime {

/// The distance of a phase from 0 on the circle: min(w, 2π − w) with w the
/// phase wrapped into [0, 2π).
double phaseDistanceFromZero(double phase);

/// What one elimination removed (newly masked shifters only).
struct EliminationCounts {
  int theta = 0;
  int phi = 0;
  int outputs = 0;
  int attenuators = 0;
  /// MZIs whose θ and φ are both masked afterwards (fixed crossings),
  /// including ones that were already fully masked before.
  int fixedCrossings = 0;
  /// Static power of the eliminated shifters before elimination, in mW.
  double powerSavedMilliwatts = 0.0;

  int shifters() const { return theta + phi + outputs + attenuators; }
  EliminationCounts &operator+=(const EliminationCounts &other);
};

/// Masks every mesh shifter within `tolerance` of 0 (on the circle) and sets
/// its phase to exactly 0.
EliminationCounts eliminateDeadShifters(Mesh &mesh, double tolerance,
                                        const PowerModel &power);

/// Masks every attenuator with θ <= `tolerance` (full transmission) and sets
/// its θ to exactly 0.
EliminationCounts eliminateDeadAttenuators(Diagonal &diagonal,
                                           double tolerance,
                                           const PowerModel &power);

} // namespace photon::runtime

#endif // PHOTON_RUNTIME_DEADSHIFTERS_H
