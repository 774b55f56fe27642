//===- Pruning.h - Pruning mesh phase shifters ------------------*- C++ -*-===//
//
// The primitives shared by every pruning method (magnitude, lottery ticket,
// random; see MagnitudePruning.h, LotteryTicket.h, RandomPruning.h and
// docs/pruning.md):
//
//  - The prunable shifters are θ and φ of every MZI of every Mesh layer, i.e.
//    mask indices [0, 2K) of each mesh. Output screens and Σ attenuators are
//    never pruned.
//  - Pruning a shifter sets its phase to exactly 0.0 and its mask entry to 0
//    (the mask is created all ones first when empty).
//  - Decisions rank shifters by a phase magnitude (PhaseCriterion): by
//    default the wrapped phase w = wrapPhase(phase) ∈ [0, 2π), the heater's
//    setting and what its power follows (the LTH paper's "magnitude"); or,
//    as an option, the distance from 0 on the circle min(w, 2π − w)
//    (phaseDistanceFromZero in DeadShifters.h), under which 6.2 rad is small.
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_RUNTIME_PRUNING_H
#define PHOTON_RUNTIME_PRUNING_H

#include "photon/Runtime/Program.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <optional>

#include <vector>

namespace photon::runtime {

/// Where a fraction or a threshold applies.
enum class PruneScope {
  /// Each mesh on its own (`scope=layer`: a layer read as one mesh;
  /// Photon's default before Tier).
  LayerWise,
  /// All meshes of the program pooled ("global").
  Global,
  /// Each mesh on its own, θ and φ ranked separately ("layer-arm"): the
  /// bottom k of each mesh's θ and the bottom k of its φ.
  LayerArm,
  /// The meshes of one dense layer pooled: its V† and U meshes ranked
  /// together (Layer::sourceLayer; a mesh of unknown provenance is its own
  /// pool). The LTH paper's "tier", read as one of its three linear layers.
  Tier,
};

/// The pass option's spelling: "layer", "layer-arm", "tier" or "global"
/// (parsePruneScope's inverse).
const char *pruneScopeName(PruneScope scope);
/// Parses a pass option's spelling: "layer" (LayerWise), "layer-arm",
/// "tier" or "global".
std::optional<PruneScope> parsePruneScope(llvm::StringRef name);

/// How a shifter's phase is turned into the magnitude that pruning ranks.
enum class PhaseCriterion {
  /// w = wrapPhase(phase) ∈ [0, 2π): the heater setting, proportional to its
  /// static power. The LTH paper's magnitude; the default.
  Wrapped,
  /// min(w, 2π − w) ∈ [0, π]: the distance from 0 on the circle (Photon's
  /// option: 6.2 rad counts as nearly off).
  Circular,
};

/// "wrapped" or "circular".
const char *phaseCriterionName(PhaseCriterion criterion);
/// Parses "wrapped" or "circular".
std::optional<PhaseCriterion> parsePhaseCriterion(llvm::StringRef name);

/// The magnitude of `phase` under `criterion`.
double phaseMagnitude(double phase, PhaseCriterion criterion);

/// Indices in Program::layers of the Mesh layers, in program order.
std::vector<int> meshLayerIndices(const Program &program);

/// The meshes ranked together under `scope`, as groups of indices into
/// Program::layers in program order: one group per mesh (LayerWise,
/// LayerArm), per run of consecutive meshes with the same known
/// sourceLayer (Tier; a mesh of unknown provenance is its own group) or one
/// group of every mesh (Global; empty when there is no mesh).
std::vector<std::vector<int>> meshGroups(const Program &program,
                                         PruneScope scope);

/// Creates an all-ones mask when `mesh.mask` is empty.
void ensureMask(Mesh &mesh);

/// Prunes mesh shifter `index` (mask order: θ in [0, K), φ in [K, 2K)):
/// phase = 0.0, mask = 0.
void pruneShifter(Mesh &mesh, int index);

/// True when prunable shifter `index` is unmasked and its phase is not 0
/// after wrapping: a candidate for magnitude-based pruning.
bool isLiveNonZero(const Mesh &mesh, int index);

/// Sets every masked phase of every mesh (θ, φ, outputs) and every masked
/// attenuator to exactly 0.0. The pruning drivers call it after each
/// training callback, so masks hold even when a trainer moved a masked phase.
void applyMasks(Program &program);

/// Prunes the bottom `k` fraction (0 < k < 1) of the live, non-zero
/// prunable shifters by phase magnitude (`criterion`): per mesh (LayerWise),
/// per mesh and arm (LayerArm), per dense layer (Tier: consecutive meshes
/// with the same known sourceLayer) or over all meshes (Global). The number
/// pruned in a pool of n candidates is floor(k·n + 1/2); ties are broken by
/// (layer, index), lower first. Returns the number of shifters pruned.
llvm::Expected<int>
pruneBottomPercentile(Program &program, double k, PruneScope scope,
                      PhaseCriterion criterion = PhaseCriterion::Wrapped);

} // namespace photon::runtime

#endif // PHOTON_RUNTIME_PRUNING_H
