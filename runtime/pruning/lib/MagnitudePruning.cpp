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

double phaseMagnitudeSigma(const Mesh &mesh, PhaseCriterion criterion) {
  // Two passes (mean, then squared deviations) for accuracy.
  std::vector<double> values;
  for (int i = 0; i < 2 * mesh.mziCount(); ++i)
    if (isLiveNonZero(mesh, i))
      values.push_back(phaseMagnitude(shifterPhase(mesh, i), criterion));
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

static llvm::Error checkAlpha(double alpha) {
  if (!(alpha > 0.0) || !std::isfinite(alpha))
    return makeError(llvm::formatv(
        "magnitude pruning alpha is {0}, expected a finite value > 0",
        llvm::format("%g", alpha)));
  return llvm::Error::success();
}

llvm::Expected<int> pruneByMagnitude(Program &program, double alpha,
                                     PhaseCriterion criterion) {
  if (llvm::Error e = checkAlpha(alpha))
    return std::move(e);
  int pruned = 0;
  for (int layer : meshLayerIndices(program)) {
    Mesh &mesh = program.layers[layer].mesh;
    pruned += pruneBelowThreshold(
        mesh, alpha * phaseMagnitudeSigma(mesh, criterion), criterion);
  }
  return pruned;
}

llvm::Expected<std::vector<MagnitudeStep>>
pruneByMagnitudeIterative(Program &program,
                          const IterativeMagnitudeOptions &options,
                          const std::function<void(Program &)> &fineTune) {
  if (llvm::Error e = checkAlpha(options.alpha))
    return std::move(e);
  if (options.steps < 1)
    return makeError(llvm::formatv(
        "iterative magnitude pruning has {0} steps, expected at least 1",
        options.steps));
  std::vector<int> meshes = meshLayerIndices(program);
  std::vector<double> sigma;
  for (int layer : meshes)
    sigma.push_back(
        phaseMagnitudeSigma(program.layers[layer].mesh, options.criterion));

  std::vector<MagnitudeStep> steps;
  for (int s = 1; s <= options.steps; ++s) {
    MagnitudeStep step;
    step.step = s;
    // s / steps is exactly 1 at the last step: the one-shot threshold.
    const double scale = static_cast<double>(s) / options.steps;
    for (size_t m = 0; m < meshes.size(); ++m) {
      Mesh &mesh = program.layers[meshes[m]].mesh;
      if (options.recomputeSigma)
        sigma[m] = phaseMagnitudeSigma(mesh, options.criterion);
      double threshold = options.alpha * sigma[m] * scale;
      step.thresholds.push_back(threshold);
      step.pruned += pruneBelowThreshold(mesh, threshold, options.criterion);
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
