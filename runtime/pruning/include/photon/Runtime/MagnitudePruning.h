//===- MagnitudePruning.h - Phase-angle magnitude pruning -------*- C++ -*-===//
//
// The baseline of the LTH paper (Sec. 3.2.1 and 4.1): in each mesh, prune
// the prunable shifters whose phase magnitude (Pruning.h: wrapped by
// default, circular as an option) is below α·σ_layer, where σ_layer is the
// standard deviation of the non-zero magnitudes of the mesh's live θ and φ
// shifters (with PruneScope::Tier, of the live shifters of all meshes of
// its dense layer; Global: of the whole network). One-shot prunes
// at α·σ once; iterative approaches α·σ in `steps` equal steps
// (α·σ/10 each by default) with a fine-tuning callback after every step.
// See docs/pruning.md.
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_RUNTIME_MAGNITUDEPRUNING_H
#define PHOTON_RUNTIME_MAGNITUDEPRUNING_H

#include "photon/Runtime/Program.h"
#include "photon/Runtime/Pruning.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"

#include <functional>
#include <vector>

namespace photon::runtime {

/// σ_layer of a mesh: the population standard deviation (divide by n) of
/// the magnitudes of its live, non-zero θ and φ shifters; 0 when there are
/// none.
double phaseMagnitudeSigma(const Mesh &mesh,
                           PhaseCriterion criterion = PhaseCriterion::Wrapped);

/// σ of a group of meshes (indices into Program::layers, as meshGroups
/// gives them): the population standard deviation of the magnitudes of the
/// live, non-zero θ and φ shifters of all of them; 0 when there are none.
double phaseMagnitudeSigma(const Program &program, llvm::ArrayRef<int> meshes,
                           PhaseCriterion criterion = PhaseCriterion::Wrapped);

/// Prunes every live θ or φ shifter of `mesh` whose magnitude is strictly
/// below `threshold`, including live shifters already at phase 0 (they get
/// masked). Returns the number newly pruned.
int pruneBelowThreshold(Mesh &mesh, double threshold,
                        PhaseCriterion criterion = PhaseCriterion::Wrapped);

/// One-shot magnitude pruning: threshold α·σ in every mesh, σ taken over
/// the mesh's group under `scope` (LayerWise: the mesh; Tier: its dense
/// layer; Global: every mesh; LayerArm is an error). α must be finite and
/// > 0. Returns the number of shifters pruned.
llvm::Expected<int>
pruneByMagnitude(Program &program, double alpha,
                 PhaseCriterion criterion = PhaseCriterion::Wrapped,
                 PruneScope scope = PruneScope::Tier);

struct IterativeMagnitudeOptions {
  double alpha = 1.0;
  PhaseCriterion criterion = PhaseCriterion::Wrapped;
  /// Which meshes share a σ (as pruneByMagnitude).
  PruneScope scope = PruneScope::Tier;
  /// Step s = 1..steps prunes at (s / steps)·α·σ_layer.
  int steps = 10;
  /// false: σ_layer is computed once, before the first step, so the last
  /// step prunes at exactly the one-shot threshold α·σ_layer (the paper's
  /// reading). true: σ_layer is recomputed from the current phases before
  /// every step.
  bool recomputeSigma = false;
};

/// One step of iterative magnitude pruning.
struct MagnitudeStep {
  int step = 0;
  /// Threshold of each mesh, in program order of the meshes (radians).
  std::vector<double> thresholds;
  /// Shifters pruned by this step.
  int pruned = 0;
  /// Sparsity of the prunable shifters after the step's fine-tuning.
  double sparsity = 0.0;
};

/// Iterative magnitude pruning: for s = 1..steps, prune at (s/steps)·α·σ,
/// then call `fineTune` (may be empty) and re-apply the masks.
llvm::Expected<std::vector<MagnitudeStep>>
pruneByMagnitudeIterative(Program &program,
                          const IterativeMagnitudeOptions &options,
                          const std::function<void(Program &)> &fineTune);

llvm::json::Value toJson(const std::vector<MagnitudeStep> &steps);

} // namespace photon::runtime

#endif // PHOTON_RUNTIME_MAGNITUDEPRUNING_H
