//===- Pruning.cpp - Pruning mesh phase shifters --------------------------===//
//
// See Pruning.h and docs/pruning.md.
//
//===----------------------------------------------------------------------===//
#include "photon/Runtime/Pruning.h"

#include "photon/Runtime/Convention.h"
#include "photon/Runtime/DeadShifters.h"
#include "photon/Runtime/Metrics.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace photon::runtime {

const char *pruneScopeName(PruneScope scope) {
  switch (scope) {
  case PruneScope::LayerWise:
    return "layer";
  case PruneScope::Global:
    return "global";
  case PruneScope::LayerArm:
    return "layer-arm";
  case PruneScope::Tier:
    return "tier";
  }
  return "?";
}

std::optional<PruneScope> parsePruneScope(llvm::StringRef name) {
  if (name == "layer")
    return PruneScope::LayerWise;
  if (name == "layer-arm")
    return PruneScope::LayerArm;
  if (name == "tier")
    return PruneScope::Tier;
  if (name == "global")
    return PruneScope::Global;
  return std::nullopt;
}

const char *phaseCriterionName(PhaseCriterion criterion) {
  return criterion == PhaseCriterion::Wrapped ? "wrapped" : "circular";
}

std::optional<PhaseCriterion> parsePhaseCriterion(llvm::StringRef name) {
  if (name == "wrapped")
    return PhaseCriterion::Wrapped;
  if (name == "circular")
    return PhaseCriterion::Circular;
  return std::nullopt;
}

double phaseMagnitude(double phase, PhaseCriterion criterion) {
  return criterion == PhaseCriterion::Wrapped ? wrapPhase(phase)
                                              : phaseDistanceFromZero(phase);
}

std::vector<int> meshLayerIndices(const Program &program) {
  std::vector<int> indices;
  for (size_t i = 0; i < program.layers.size(); ++i)
    if (program.layers[i].kind == LayerKind::Mesh)
      indices.push_back(static_cast<int>(i));
  return indices;
}

std::vector<std::vector<int>> meshGroups(const Program &program,
                                         PruneScope scope) {
  std::vector<std::vector<int>> groups;
  int lastSource = -1;
  for (int layer : meshLayerIndices(program)) {
    const int source = program.layers[layer].sourceLayer;
    const bool join =
        !groups.empty() &&
        (scope == PruneScope::Global ||
         (scope == PruneScope::Tier && source >= 0 && source == lastSource));
    if (join)
      groups.back().push_back(layer);
    else
      groups.push_back({layer});
    lastSource = source;
  }
  return groups;
}

void ensureMask(Mesh &mesh) {
  if (mesh.mask.empty())
    mesh.mask.assign(static_cast<size_t>(mesh.shifterCount()), 1);
}

void pruneShifter(Mesh &mesh, int index) {
  ensureMask(mesh);
  const int mzis = mesh.mziCount();
  if (index < mzis)
    mesh.theta[index] = 0.0;
  else
    mesh.phi[index - mzis] = 0.0;
  mesh.mask[index] = 0;
}

bool isLiveNonZero(const Mesh &mesh, int index) {
  return !isShifterOff(mesh, index);
}

void applyMasks(Program &program) {
  for (Layer &layer : program.layers) {
    if (layer.kind == LayerKind::Mesh && !layer.mesh.mask.empty()) {
      Mesh &mesh = layer.mesh;
      for (int i = 0; i < mesh.shifterCount(); ++i) {
        if (mesh.mask[i] != 0)
          continue;
        const int mzis = mesh.mziCount();
        if (i < mzis)
          mesh.theta[i] = 0.0;
        else if (i < 2 * mzis)
          mesh.phi[i - mzis] = 0.0;
        else
          mesh.outputPhases[i - 2 * mzis] = 0.0;
      }
    } else if (layer.kind == LayerKind::Diagonal) {
      Diagonal &d = layer.diagonal;
      for (size_t i = 0; i < d.mask.size(); ++i)
        if (d.mask[i] == 0)
          d.theta[i] = 0.0;
    }
  }
}

static llvm::Error makeError(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message.str());
}

namespace {
/// A pruning candidate: (adjusted magnitude, layer, index) sorts it.
struct Candidate {
  double magnitude;
  int layer;
  int index;
  bool operator<(const Candidate &o) const {
    return std::tie(magnitude, layer, index) <
           std::tie(o.magnitude, o.layer, o.index);
  }
};
} // namespace

/// Prunes the round(k·n) smallest of `pool`; returns how many.
static int pruneSmallest(Program &program, std::vector<Candidate> &pool,
                         double k) {
  int count = static_cast<int>(std::floor(k * pool.size() + 0.5));
  count = std::min<int>(count, static_cast<int>(pool.size()));
  std::partial_sort(pool.begin(), pool.begin() + count, pool.end());
  for (int i = 0; i < count; ++i)
    pruneShifter(program.layers[pool[i].layer].mesh, pool[i].index);
  return count;
}

llvm::Expected<int> pruneBottomPercentile(Program &program, double k,
                                          PruneScope scope,
                                          PhaseCriterion criterion) {
  if (!(k > 0.0 && k < 1.0))
    return makeError(
        llvm::formatv("pruning fraction k is {0}, expected a value in (0, 1)",
                      llvm::format("%g", k)));
  int pruned = 0;
  for (const std::vector<int> &group : meshGroups(program, scope)) {
    // layer-arm: a group is one mesh, whose θ [0, K) and φ [K, 2K) are
    // ranked apart; otherwise the group's θ and φ form one pool.
    std::vector<Candidate> pool;
    for (int layer : group) {
      const Mesh &mesh = program.layers[layer].mesh;
      const int mzis = mesh.mziCount();
      for (int i = 0; i < 2 * mzis; ++i) {
        if (isLiveNonZero(mesh, i))
          pool.push_back(
              {phaseMagnitude(shifterPhase(mesh, i), criterion), layer, i});
        if (scope == PruneScope::LayerArm && i + 1 == mzis) {
          pruned += pruneSmallest(program, pool, k);
          pool.clear();
        }
      }
    }
    pruned += pruneSmallest(program, pool, k);
  }
  return pruned;
}

} // namespace photon::runtime
