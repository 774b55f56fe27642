//===- RandomPruning.cpp - Random pruning (the control) -------------------===//
//
// See RandomPruning.h and docs/pruning.md.
//
//===----------------------------------------------------------------------===//
#include "photon/Runtime/RandomPruning.h"

#include "photon/Runtime/Pruning.h"
#include "photon/Runtime/Random.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace photon::runtime {

const char *layerRatioName(LayerRatio ratio) {
  switch (ratio) {
  case LayerRatio::Uniform:
    return "uniform";
  case LayerRatio::Erk:
    return "erk";
  case LayerRatio::Snip:
    return "snip";
  }
  return "uniform";
}

/// SNIP layer ratios: the share of each mesh among the kept top scores.
static llvm::Expected<std::vector<double>>
snipSparsities(const Program &program, double fraction,
               const std::vector<std::vector<double>> &saliency) {
  std::vector<int> meshes = meshLayerIndices(program);
  if (saliency.size() != meshes.size())
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        llvm::formatv("SNIP saliency has {0} meshes, the program {1}",
                      saliency.size(), meshes.size())
            .str());
  struct Score {
    double value;
    size_t mesh;
    size_t index;
  };
  std::vector<Score> pool;
  for (size_t l = 0; l < meshes.size(); ++l) {
    const size_t size = 2 * program.layers[meshes[l]].mesh.mziCount();
    if (saliency[l].size() != size)
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          llvm::formatv("SNIP saliency of mesh {0} has {1} scores, expected "
                        "{2}",
                        l, saliency[l].size(), size)
              .str());
    for (size_t i = 0; i < size; ++i) {
      if (!std::isfinite(saliency[l][i]))
        return llvm::createStringError(
            llvm::inconvertibleErrorCode(),
            llvm::formatv("SNIP saliency of mesh {0}, shifter {1} is not "
                          "finite",
                          l, i)
                .str());
      pool.push_back({saliency[l][i], l, i});
    }
  }
  const size_t keep = static_cast<size_t>(
      std::floor((1.0 - fraction) * static_cast<double>(pool.size()) + 0.5));
  // Highest scores first; ties by (mesh, index), lower first.
  std::stable_sort(pool.begin(), pool.end(), [](const Score &a, const Score &b) {
    return a.value > b.value;
  });
  std::vector<double> kept(meshes.size(), 0.0);
  for (size_t i = 0; i < std::min(keep, pool.size()); ++i)
    kept[pool[i].mesh] += 1.0;
  std::vector<double> sparsity(meshes.size(), 0.0);
  for (size_t l = 0; l < meshes.size(); ++l)
    if (!saliency[l].empty())
      sparsity[l] = 1.0 - kept[l] / static_cast<double>(saliency[l].size());
  return sparsity;
}

llvm::Expected<std::vector<double>>
randomLayerSparsities(const Program &program, double fraction,
                      LayerRatio ratio,
                      const std::vector<std::vector<double>> &saliency) {
  if (!(fraction >= 0.0 && fraction <= 1.0))
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        llvm::formatv("random pruning fraction is {0}, expected a value in "
                      "[0, 1]",
                      llvm::format("%g", fraction))
            .str());
  std::vector<int> meshes = meshLayerIndices(program);
  const size_t n = meshes.size();
  std::vector<double> size(n), score(n);
  double prunable = 0.0;
  for (size_t l = 0; l < n; ++l) {
    const Mesh &mesh = program.layers[meshes[l]].mesh;
    size[l] = 2.0 * mesh.mziCount();
    // ERK: (n_in + n_out) / (n_in · n_out) with n_in = n_out = N.
    score[l] = mesh.modes > 0 ? 2.0 / mesh.modes : 0.0;
    prunable += size[l];
  }
  if (ratio == LayerRatio::Snip)
    return snipSparsities(program, fraction, saliency);
  std::vector<double> sparsity(n, 0.0);
  if (ratio == LayerRatio::Uniform) {
    for (size_t l = 0; l < n; ++l)
      sparsity[l] = size[l] > 0.0 ? fraction : 0.0;
    return sparsity;
  }

  // ERK: density_l = min(1, ε · score_l) with Σ density_l · size_l equal to
  // the kept target; meshes capped at 1 leave the budget to the others.
  const double kept = (1.0 - fraction) * prunable;
  std::vector<bool> dense(n, false);
  double epsilon = 0.0;
  for (;;) {
    double budget = kept, denominator = 0.0;
    for (size_t l = 0; l < n; ++l) {
      if (dense[l])
        budget -= size[l];
      else
        denominator += score[l] * size[l];
    }
    if (denominator <= 0.0)
      break;
    epsilon = budget / denominator;
    bool capped = false;
    for (size_t l = 0; l < n; ++l)
      if (!dense[l] && size[l] > 0.0 && epsilon * score[l] > 1.0) {
        dense[l] = true;
        capped = true;
      }
    if (!capped)
      break;
  }
  for (size_t l = 0; l < n; ++l) {
    if (size[l] == 0.0)
      continue;
    double density = dense[l] ? 1.0 : std::clamp(epsilon * score[l], 0.0, 1.0);
    sparsity[l] = 1.0 - density;
  }
  return sparsity;
}

llvm::Expected<RandomPruningResult>
pruneRandom(Program &program, const RandomPruningOptions &options) {
  llvm::Expected<std::vector<double>> sparsity =
      randomLayerSparsities(program, options.fraction, options.ratio,
                            options.saliency);
  if (!sparsity)
    return sparsity.takeError();
  std::vector<int> meshes = meshLayerIndices(program);
  const size_t n = meshes.size();

  // Integer targets by largest remainders, adding up to round(f · total).
  RandomPruningResult result;
  result.targetSparsity = *sparsity;
  result.targetMasked.assign(n, 0);
  result.pruned.assign(n, 0);
  std::vector<int> size(n);
  std::vector<double> remainder(n, 0.0);
  int total = 0, assigned = 0;
  for (size_t l = 0; l < n; ++l) {
    size[l] = 2 * program.layers[meshes[l]].mesh.mziCount();
    total += size[l];
    double exact = (*sparsity)[l] * size[l];
    int whole = std::min(static_cast<int>(std::floor(exact)), size[l]);
    result.targetMasked[l] = whole;
    remainder[l] = exact - whole;
    assigned += whole;
  }
  const int target =
      static_cast<int>(std::floor(options.fraction * total + 0.5));
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return remainder[a] > remainder[b];
  });
  for (size_t i = 0; assigned < target && i < n; ++i)
    if (result.targetMasked[order[i]] < size[order[i]]) {
      ++result.targetMasked[order[i]];
      ++assigned;
    }

  // Partial Fisher-Yates over the unmasked shifters of each mesh, meshes in
  // program order, one seeded stream.
  Random random(options.seed);
  for (size_t l = 0; l < n; ++l) {
    Mesh &mesh = program.layers[meshes[l]].mesh;
    std::vector<int> pool;
    for (int i = 0; i < size[l]; ++i)
      if (mesh.mask.empty() || mesh.mask[i] != 0)
        pool.push_back(i);
    const int alreadyMasked = size[l] - static_cast<int>(pool.size());
    const int picks = std::max(0, result.targetMasked[l] - alreadyMasked);
    for (int i = 0; i < picks; ++i) {
      int remaining = static_cast<int>(pool.size()) - i;
      int j = i + std::min(static_cast<int>(random.uniform() * remaining),
                           remaining - 1);
      std::swap(pool[i], pool[j]);
      pruneShifter(mesh, pool[i]);
    }
    result.pruned[l] = picks;
    result.totalPruned += picks;
  }
  return result;
}

} // namespace photon::runtime
