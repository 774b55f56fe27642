//===- DeadShifters.h - Eliminating shifters at phase 0 ---------*- C++ -*-===//
//
// A thermo-optic shifter at phase 0 needs no heater, so it need not be
// fabricated; nor need one that no light reaches or whose light reaches
// nothing that is read. These functions mark such shifters as eliminated
// (mask 0, phase exactly 0) and count what was removed.
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_RUNTIME_DEADSHIFTERS_H
#define PHOTON_RUNTIME_DEADSHIFTERS_H

#include "photon/Runtime/Diagonal.h"
#include "photon/Runtime/Mesh.h"
#include "photon/Runtime/PowerModel.h"

#include <limits>
#include <vector>

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
  /// Of theta + phi + outputs: those removed because they cannot act
  /// (eliminateUnreachableShifters), whatever their phase.
  int unreachable = 0;
  /// MZIs whose θ and φ are both masked afterwards (fixed crossings),
  /// including ones that were already fully masked before.
  int fixedCrossings = 0;
  /// Static power of the eliminated shifters before elimination, in mW.
  double powerSavedMilliwatts = 0.0;

  int shifters() const { return theta + phi + outputs + attenuators; }
  EliminationCounts &operator+=(const EliminationCounts &other);
};

/// Masks every mesh shifter within `tolerance` of 0 (on the circle), sets
/// its phase to exactly 0 and drops it from the active set.
EliminationCounts eliminateDeadShifters(Mesh &mesh, double tolerance,
                                        const PowerModel &power);

/// What surrounds a mesh in its network, for unreachableShifters. The
/// default is a mesh whose every mode is lit and read with its phase.
struct MeshSurroundings {
  /// Input modes [0, litInputs) may carry light, the others are dark (as
  /// behind a Σ with fewer inputs than outputs, Diagonal.h).
  int litInputs = std::numeric_limits<int>::max();
  /// Output modes [0, readOutputs) are used downstream, the others are
  /// discarded (as in front of a Σ with fewer outputs than inputs).
  int readOutputs = std::numeric_limits<int>::max();
  /// False when nothing downstream sees the phase of an output mode: only
  /// per-mode attenuation before photodetection (|E|²) or a modulus.
  bool outputPhaseRead = true;

  /// Every mode lit and read, with its phase.
  static MeshSurroundings all(int modes) { return {modes, modes, true}; }
};

/// The shifters of `mesh` (mask order: θ..., φ..., outputs...) that cannot
/// change its read outputs for any input and any other phase:
///  - θ and φ of an MZI that no light can enter (both input modes dark) or
///    whose light reaches no read output mode, following the light cones
///    through the columns of the layout (MeshLayout.h);
///  - φ, on the MZI's top input arm (Convention.h), also when that arm is
///    dark;
///  - an output shifter on a dark or unread mode, or on every mode when the
///    output phase is not read.
/// Sizes outside [0, modes] are clamped.
std::vector<bool> unreachableShifters(const Mesh &mesh,
                                      const MeshSurroundings &surroundings);

/// Masks every live shifter that unreachableShifters reports and sets its
/// phase to exactly 0 (and drops it from the active set); counts it by arm
/// and as `unreachable`. fixedCrossings stays 0 here (eliminateDeadShifters
/// counts them).
EliminationCounts eliminateUnreachableShifters(
    Mesh &mesh, const MeshSurroundings &surroundings, const PowerModel &power);

/// Masks every attenuator with θ <= `tolerance` (full transmission) and sets
/// its θ to exactly 0.
EliminationCounts eliminateDeadAttenuators(Diagonal &diagonal,
                                           double tolerance,
                                           const PowerModel &power);

} // namespace photon::runtime

#endif // PHOTON_RUNTIME_DEADSHIFTERS_H
