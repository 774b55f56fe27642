//===- MagnitudePruning.cpp - Phase-angle magnitude pruning ---------------===//
//
// See MagnitudePruning.h and docs/pruning.md.
//
//===----------------------------------------------------------------------===//
#include "photon/Runtime/MagnitudePruning.h"

#include "photon/Runtime/Metrics.h"
#include "photon/Runtime/Pruning.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"

#include <cmath>

namespace photon::runtime {

static llvm::Error makeError(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message.str());
}

/// Appends the magnitudes of the live, non-zero θ and φ shifters of `mesh`.
static void appendMagnitudes(const Mesh &mesh, PhaseCriterion criterion,
                             std::vector<double> &values) {
  for (int i = 0; i < 2 * mesh.mziCount(); ++i)
    if (isLiveNonZero(mesh, i))
      values.push_back(phaseMagnitude(shifterPhase(mesh, i), criterion));
}

/// Population standard deviation; 0 for no values. Two passes (mean, then
/// squared deviations) for accuracy.
static double populationSigma(const std::vector<double> &values) {
  if (values.empty())
    return 0.0;
  double mean = 0.0;
  for (double v : values)
    mean += v;
  mean /= values.size();
  double var = 0.0;
  for (double v : values)
    var += (v - mean) * (v - mean);
  return std::sqrt(var / values.size());
}

double phaseMagnitudeSigma(const Mesh &mesh, PhaseCriterion criterion) {
  std::vector<double> values;
  appendMagnitudes(mesh, criterion, values);
  return populationSigma(values);
}

double phaseMagnitudeSigma(const Program &program, llvm::ArrayRef<int> meshes,
                           PhaseCriterion criterion) {
  std::vector<double> values;
  for (int layer : meshes)
    appendMagnitudes(program.layers[layer].mesh, criterion, values);
  return populationSigma(values);
}

int pruneBelowThreshold(Mesh &mesh, double threshold,
                        PhaseCriterion criterion) {
  int pruned = 0;
  for (int i = 0; i < 2 * mesh.mziCount(); ++i) {
    if (!mesh.mask.empty() && mesh.mask[i] == 0)
      continue;
    if (phaseMagnitude(shifterPhase(mesh, i), criterion) < threshold) {
      pruneShifter(mesh, i);
      ++pruned;
    }
  }
  return pruned;
}

static llvm::Error checkAlphaAndScope(double alpha, PruneScope scope) {
  if (!(alpha > 0.0) || !std::isfinite(alpha))
    return makeError(llvm::formatv(
        "magnitude pruning alpha is {0}, expected a finite value > 0",
        llvm::format("%g", alpha)));
  if (scope == PruneScope::LayerArm)
    return makeError("magnitude pruning takes scope layer-wise, tier or "
                     "global, not layer-arm");
  return llvm::Error::success();
}

namespace {
/// A mesh and the group whose σ it shares.
struct GroupedMesh {
  int layer;
  size_t group;
};
} // namespace

static std::vector<GroupedMesh>
groupedMeshes(const std::vector<std::vector<int>> &groups) {
  std::vector<GroupedMesh> meshes;
  for (size_t g = 0; g < groups.size(); ++g)
    for (int layer : groups[g])
      meshes.push_back({layer, g});
  return meshes;
}

llvm::Expected<int> pruneByMagnitude(Program &program, double alpha,
                                     PhaseCriterion criterion,
                                     PruneScope scope) {
  if (llvm::Error e = checkAlphaAndScope(alpha, scope))
    return std::move(e);
  // Every σ before any pruning: a group's meshes share one threshold.
  const std::vector<std::vector<int>> groups = meshGroups(program, scope);
  std::vector<double> sigma;
  for (const std::vector<int> &group : groups)
    sigma.push_back(phaseMagnitudeSigma(program, group, criterion));
  int pruned = 0;
  for (const GroupedMesh &m : groupedMeshes(groups))
    pruned += pruneBelowThreshold(program.layers[m.layer].mesh,
                                  alpha * sigma[m.group], criterion);
  return pruned;
}

llvm::Expected<std::vector<MagnitudeStep>>
pruneByMagnitudeIterative(Program &program,
                          const IterativeMagnitudeOptions &options,
                          const std::function<void(Program &)> &fineTune) {
  if (llvm::Error e = checkAlphaAndScope(options.alpha, options.scope))
    return std::move(e);
  if (options.steps < 1)
    return makeError(llvm::formatv(
        "iterative magnitude pruning has {0} steps, expected at least 1",
        options.steps));
  const std::vector<std::vector<int>> groups =
      meshGroups(program, options.scope);
  const std::vector<GroupedMesh> meshes = groupedMeshes(groups);
  std::vector<double> sigma;
  for (const std::vector<int> &group : groups)
    sigma.push_back(phaseMagnitudeSigma(program, group, options.criterion));

  std::vector<MagnitudeStep> steps;
  for (int s = 1; s <= options.steps; ++s) {
    MagnitudeStep step;
    step.step = s;
    // s / steps is exactly 1 at the last step: the one-shot threshold.
    const double scale = static_cast<double>(s) / options.steps;
    if (options.recomputeSigma)
      for (size_t g = 0; g < groups.size(); ++g)
        sigma[g] = phaseMagnitudeSigma(program, groups[g], options.criterion);
    for (const GroupedMesh &m : meshes) {
      const double threshold = options.alpha * sigma[m.group] * scale;
      step.thresholds.push_back(threshold);
      step.pruned += pruneBelowThreshold(program.layers[m.layer].mesh,
                                         threshold, options.criterion);
    }
    if (fineTune) {
      fineTune(program);
      applyMasks(program);
    }
    step.sparsity = computeMetrics(program).prunable.sparsity();
    steps.push_back(std::move(step));
  }
  return steps;
}

llvm::json::Value toJson(const std::vector<MagnitudeStep> &steps) {
  llvm::json::Array array;
  for (const MagnitudeStep &s : steps) {
    llvm::json::Array thresholds;
    for (double t : s.thresholds)
      thresholds.push_back(t);
    array.push_back(
        llvm::json::Object{{"step", s.step},
                           {"thresholds_rad", std::move(thresholds)},
                           {"pruned", s.pruned},
                           {"sparsity", s.sparsity}});
  }
  return array;
}

} // namespace photon::runtime
