//===- RandomPruning.h - Random pruning (the control) -----------*- C++ -*-===//
//
// Random pruning of prunable shifters, the usual control for magnitude and
// lottery-ticket pruning (Reddy et al., "Pruning Neural Networks", Sec. III):
// a target fraction of the prunable shifters is masked, chosen uniformly at
// random (runtime::Random, seeded) within each mesh, with per-mesh fractions
// from a layer ratio:
//
//  - Uniform: every mesh gets the same fraction.
//  - ERK (Erdős–Rényi-Kernel): the density (1 − sparsity) of a mesh is
//    ε · (n_in + n_out) / (n_in · n_out) with n_in = n_out = N, the mesh's
//    modes, i.e. ε · 2/N, so larger meshes are pruned more; ε is chosen so
//    that the kept shifters add up to the target, and densities above 1 are
//    capped at 1 with the excess spread over the other meshes.
//  - SNIP: the sparsities that keeping the globally top-scored (1 − fraction)
//    of all prunable shifters by SNIP saliency (SnipSaliency.h) would give
//    each mesh; the shifters themselves are then still drawn at random.
//
// See docs/pruning.md for why N (and not the dense layer's shape).
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_RUNTIME_RANDOMPRUNING_H
#define PHOTON_RUNTIME_RANDOMPRUNING_H

#include "photon/Runtime/Program.h"

#include "llvm/Support/Error.h"

#include <cstdint>
#include <vector>

namespace photon::runtime {

enum class LayerRatio { Uniform, Erk, Snip };

/// "uniform", "erk" or "snip".
const char *layerRatioName(LayerRatio ratio);

struct RandomPruningOptions {
  /// Fraction of all prunable shifters that are masked afterwards, in
  /// [0, 1]. Shifters masked before the call count towards it.
  double fraction = 0.0;
  LayerRatio ratio = LayerRatio::Uniform;
  uint64_t seed = 0;
  /// For LayerRatio::Snip: per mesh, the score of each prunable shifter in
  /// mask order (snipSaliency).
  std::vector<std::vector<double>> saliency;
};

struct RandomPruningResult {
  /// Per mesh (program order): the target sparsity from the layer ratio,
  /// the target number of masked shifters (integers adding up to
  /// round(fraction · prunable) by largest remainders) and the number
  /// newly pruned.
  std::vector<double> targetSparsity;
  std::vector<int> targetMasked;
  std::vector<int> pruned;
  int totalPruned = 0;
};

/// The per-mesh target sparsities for a total fraction (program order of the
/// meshes; meshes without MZIs get 0). Fails for a fraction outside [0, 1],
/// or for Snip when `saliency` is not shaped like the meshes' prunable
/// shifters or holds a value that is not finite. Snip keeps the
/// round((1 − fraction) · total) highest scores over all meshes (ties by
/// mesh, then index, lower first).
llvm::Expected<std::vector<double>> randomLayerSparsities(
    const Program &program, double fraction, LayerRatio ratio,
    const std::vector<std::vector<double>> &saliency = {});

/// Masks shifters at random until each mesh has its target number of masked
/// θ/φ shifters (a mesh already above its target keeps its masks, so the
/// total can then exceed the target). Seeded: the same program and options
/// always prune the same shifters.
llvm::Expected<RandomPruningResult>
pruneRandom(Program &program, const RandomPruningOptions &options);

} // namespace photon::runtime

#endif // PHOTON_RUNTIME_RANDOMPRUNING_H
