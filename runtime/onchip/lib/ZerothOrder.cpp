//===- ZerothOrder.cpp - On-chip zeroth-order training --------------------===//
//
// See ZerothOrder.h.
//
//===----------------------------------------------------------------------===//
#include "photon/Runtime/ZerothOrder.h"

#include "photon/Runtime/Convention.h"
#include "photon/Runtime/Metrics.h"
#include "photon/Runtime/Pruning.h"

#include "llvm/Support/FormatVariadic.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace photon::runtime {

namespace {

llvm::Error makeError(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

bool isMasked(const Mesh &mesh, int index) {
  return !mesh.mask.empty() && mesh.mask[index] == 0;
}

} // namespace

//===----------------------------------------------------------------------===//
// Active shifters
//===----------------------------------------------------------------------===//

int ActiveShifters::meshCount() const {
  int n = 0;
  for (const std::vector<uint8_t> &mesh : flags)
    for (uint8_t flag : mesh)
      n += flag != 0;
  return n;
}

int ActiveShifters::count() const {
  return meshCount() + static_cast<int>(attenuators.size());
}

std::vector<ShifterRef> ActiveShifters::coordinates() const {
  std::vector<ShifterRef> result;
  for (size_t m = 0; m < flags.size() && m < meshLayers.size(); ++m)
    for (size_t i = 0; i < flags[m].size(); ++i)
      if (flags[m][i] != 0)
        result.push_back({meshLayers[m], static_cast<int>(i)});
  result.insert(result.end(), attenuators.begin(), attenuators.end());
  return result;
}

void addTunableAttenuators(const Program &program, ActiveShifters &active) {
  active.attenuators.clear();
  for (size_t l = 0; l < program.layers.size(); ++l) {
    const Layer &layer = program.layers[l];
    if (layer.kind != LayerKind::Diagonal)
      continue;
    const Diagonal &d = layer.diagonal;
    for (size_t i = 0; i < d.theta.size(); ++i)
      if (d.mask.empty() || d.mask[i] != 0)
        active.attenuators.push_back(
            {static_cast<int>(l), static_cast<int>(i)});
  }
}

void markActiveShifters(Program &program, const ActiveShifters &active) {
  for (size_t m = 0; m < active.meshLayers.size() && m < active.flags.size();
       ++m)
    program.layers[active.meshLayers[m]].mesh.active = active.flags[m];
}

double boundShifterPhase(const Program &program, const ShifterRef &shifter,
                         double phase) {
  if (program.layers[shifter.layer].kind == LayerKind::Diagonal)
    return std::clamp(phase, 0.0, kPi);
  return wrapPhase(phase);
}

llvm::Expected<ActiveShifters>
selectActiveShifters(const Program &program, double alpha, uint64_t seed) {
  if (!(alpha >= 0.0 && alpha <= 1.0))
    return makeError(llvm::formatv(
        "active fraction alpha is {0}, expected a value in [0, 1]", alpha));
  ActiveShifters active;
  active.meshLayers = meshLayerIndices(program);
  Random random(seed);
  for (int layer : active.meshLayers) {
    const Mesh &mesh = program.layers[layer].mesh;
    std::vector<uint8_t> flags(static_cast<size_t>(mesh.shifterCount()), 0);
    std::vector<int> pool;
    for (int i = 0; i < 2 * mesh.mziCount(); ++i)
      if (!isMasked(mesh, i))
        pool.push_back(i);
    const int n = static_cast<int>(pool.size());
    const int take = std::min(
        n, static_cast<int>(std::floor(alpha * static_cast<double>(n) + 0.5)));
    if (take == n) {
      for (int i : pool)
        flags[i] = 1;
    } else {
      // Partial Fisher-Yates: pool[0, take) becomes a uniform sample.
      for (int i = 0; i < take; ++i) {
        const int j = i + detail::uniformIndex(random, n - i);
        std::swap(pool[i], pool[j]);
        flags[pool[i]] = 1;
      }
    }
    active.flags.push_back(std::move(flags));
  }
  return active;
}

llvm::Error checkActiveShifters(const Program &program,
                                const ActiveShifters &active) {
  const std::vector<int> meshes = meshLayerIndices(program);
  if (active.meshLayers != meshes || active.flags.size() != meshes.size())
    return makeError(llvm::formatv(
        "active shifters list {0} meshes (flags for {1}), the program has {2}",
        active.meshLayers.size(), active.flags.size(), meshes.size()));
  for (size_t m = 0; m < meshes.size(); ++m) {
    const Mesh &mesh = program.layers[meshes[m]].mesh;
    const std::vector<uint8_t> &flags = active.flags[m];
    if (static_cast<int>(flags.size()) != mesh.shifterCount())
      return makeError(llvm::formatv(
          "active flags of layer {0} have {1} entries, expected {2}", meshes[m],
          flags.size(), mesh.shifterCount()));
    for (int i = 0; i < mesh.shifterCount(); ++i) {
      if (flags[i] == 0)
        continue;
      if (i >= 2 * mesh.mziCount())
        return makeError(
            llvm::formatv("layer {0}: output phase {1} cannot be active",
                          meshes[m], i - 2 * mesh.mziCount()));
      if (isMasked(mesh, i))
        return makeError(llvm::formatv(
            "layer {0}: shifter {1} is masked and cannot be active", meshes[m],
            i));
    }
  }
  for (size_t a = 0; a < active.attenuators.size(); ++a) {
    const ShifterRef &ref = active.attenuators[a];
    const bool diagonal =
        ref.layer >= 0 && ref.layer < static_cast<int>(program.layers.size()) &&
        program.layers[ref.layer].kind == LayerKind::Diagonal;
    if (!diagonal)
      return makeError(llvm::formatv(
          "tunable attenuator {0} names layer {1}, which is not a diagonal",
          a, ref.layer));
    const Diagonal &d = program.layers[ref.layer].diagonal;
    if (ref.index < 0 || ref.index >= static_cast<int>(d.theta.size()))
      return makeError(llvm::formatv(
          "layer {0}: attenuator {1} does not exist ({2} attenuators)",
          ref.layer, ref.index, d.theta.size()));
    if (!d.mask.empty() && d.mask[ref.index] == 0)
      return makeError(llvm::formatv(
          "layer {0}: attenuator {1} is eliminated and cannot be tuned",
          ref.layer, ref.index));
    for (size_t b = 0; b < a; ++b)
      if (active.attenuators[b].layer == ref.layer &&
          active.attenuators[b].index == ref.index)
        return makeError(llvm::formatv(
            "layer {0}: attenuator {1} is listed twice", ref.layer, ref.index));
  }
  return llvm::Error::success();
}

double activePowerMw(const Program &program, const ActiveShifters &active,
                     const PowerModel &power) {
  double sum = 0.0;
  for (const ShifterRef &c : active.coordinates()) {
    const Layer &layer = program.layers[c.layer];
    sum += power.heaterPower(layer.kind == LayerKind::Diagonal
                                 ? layer.diagonal.theta[c.index]
                                 : shifterPhase(layer.mesh, c.index));
  }
  return sum;
}

double &shifterPhaseRef(Program &program, const ShifterRef &shifter) {
  if (program.layers[shifter.layer].kind == LayerKind::Diagonal)
    return program.layers[shifter.layer].diagonal.theta[shifter.index];
  Mesh &mesh = program.layers[shifter.layer].mesh;
  const int mzis = mesh.mziCount();
  if (shifter.index < mzis)
    return mesh.theta[shifter.index];
  if (shifter.index < 2 * mzis)
    return mesh.phi[shifter.index - mzis];
  return mesh.outputPhases[shifter.index - 2 * mzis];
}

int sparseCount(double s, int n) {
  if (n <= 0)
    return 0;
  const double exact = s * static_cast<double>(n);
  const double nearest = std::round(exact);
  const double k =
      std::abs(exact - nearest) <= 1e-9 ? nearest : std::ceil(exact);
  return static_cast<int>(std::clamp(k, 1.0, static_cast<double>(n)));
}

std::vector<std::vector<int>> epochBatches(int numSamples, int batchSize,
                                           Random &random) {
  std::vector<int> order(static_cast<size_t>(std::max(numSamples, 0)));
  std::iota(order.begin(), order.end(), 0);
  for (int i = numSamples - 1; i > 0; --i) // Fisher-Yates
    std::swap(order[i], order[detail::uniformIndex(random, i + 1)]);
  std::vector<std::vector<int>> batches;
  for (int start = 0; start < numSamples; start += batchSize) {
    const int end = std::min(numSamples, start + batchSize);
    batches.emplace_back(order.begin() + start, order.begin() + end);
  }
  return batches;
}

//===----------------------------------------------------------------------===//
// Query accounting
//===----------------------------------------------------------------------===//

QueryBudget::QueryBudget(const QueryLoss &queryLoss, int64_t maxQueries)
    : queryLoss(queryLoss), maxQueries(maxQueries) {}

std::optional<double> QueryBudget::query(const Program &programmed,
                                         const std::vector<int> &batch) {
  if (maxQueries > 0 && queryCount >= maxQueries) {
    refused = true;
    return std::nullopt;
  }
  ++queryCount;
  sampleCount += static_cast<int64_t>(batch.size());
  const double loss = queryLoss(programmed, batch);
  if (!std::isfinite(loss))
    nonFinite = true;
  return loss;
}

//===----------------------------------------------------------------------===//
// Shared driver pieces
//===----------------------------------------------------------------------===//

namespace detail {

llvm::Error checkOnChipOptions(const OnChipOptions &options, int numSamples,
                               const QueryLoss &queryLoss) {
  if (!queryLoss)
    return makeError("no queryLoss given");
  if (numSamples < 1)
    return makeError(
        llvm::formatv("numSamples is {0}, expected at least 1", numSamples));
  if (options.epochs < 0)
    return makeError(
        llvm::formatv("epochs is {0}, expected at least 0", options.epochs));
  if (options.batchSize < 1)
    return makeError(llvm::formatv("batch size is {0}, expected at least 1",
                                   options.batchSize));
  if (options.maxQueries < 0)
    return makeError(
        llvm::formatv("maxQueries is {0}, expected 0 (no budget) or more",
                      options.maxQueries));
  return llvm::Error::success();
}

llvm::Error checkSparsityAndDecay(double s, double decay) {
  if (!(s > 0.0 && s <= 1.0))
    return makeError(
        llvm::formatv("sparsity s is {0}, expected a value in (0, 1]", s));
  if (!(decay > 0.0 && std::isfinite(decay)))
    return makeError(llvm::formatv(
        "decay is {0}, expected a finite positive value", decay));
  return llvm::Error::success();
}

OnChipTracePoint makeTracePoint(const Program &program,
                                const ActiveShifters &active,
                                const OnChipOptions &options, int epoch,
                                int64_t iterations, double step, double lossSum,
                                int64_t lossCount,
                                const OnChipCounters &totals) {
  OnChipTracePoint point;
  point.epoch = epoch;
  point.iterations = iterations;
  point.step = step;
  point.batchLoss = lossCount > 0 ? lossSum / static_cast<double>(lossCount)
                                  : std::numeric_limits<double>::quiet_NaN();
  point.evalLoss = options.evaluate ? options.evaluate(program)
                                    : std::numeric_limits<double>::quiet_NaN();
  point.totals = totals;
  point.activePowerMw = activePowerMw(program, active, options.power);
  point.totalPowerMw = computeMetrics(program, options.power).totalPowerMw();
  return point;
}

int uniformIndex(Random &random, int n) {
  return std::min(static_cast<int>(random.uniform() * n), n - 1);
}

uint64_t streamSeed(uint64_t seed, uint64_t stream) {
  // splitmix64 finalizer of seed + (stream + 1)·golden ratio.
  uint64_t z = seed + (stream + 1) * 0x9e3779b97f4a7c15ULL;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

llvm::Error runEpochs(OnChipResult &result, int numSamples,
                      const OnChipOptions &options, double decay,
                      Random &batchRandom, QueryBudget &budget,
                      OnChipCounters &totals, OnChipIteration iterate) {
  Program &current = result.program;
  double step = result.finalStep;
  auto syncCounters = [&] {
    totals.queries = budget.queries();
    totals.samples = budget.samples();
  };
  result.trace.push_back(
      makeTracePoint(current, result.active, options, 0, 0, step, 0.0, 0,
                     totals));
  bool stop = result.active.count() == 0;
  // Checkpoints: before the first query, then each `checkpointEvery`.
  int64_t nextCheckpoint = options.checkpointEvery;
  auto checkpoint = [&] {
    syncCounters();
    if (!options.checkpoint(current, totals)) {
      result.stoppedAtCheckpoint = true;
      stop = true;
    }
  };
  if (options.checkpoint && !stop)
    checkpoint();
  for (int epoch = 1; epoch <= options.epochs && !stop; ++epoch) {
    const std::vector<std::vector<int>> batches =
        epochBatches(numSamples, options.batchSize, batchRandom);
    EpochTally tally;
    for (const std::vector<int> &batch : batches) {
      llvm::Expected<bool> goOn = iterate(batch, step, tally);
      if (!goOn)
        return goOn.takeError();
      if (!*goOn) {
        stop = true;
        break;
      }
      if (options.checkpoint && options.checkpointEvery > 0 &&
          budget.queries() >= nextCheckpoint) {
        while (nextCheckpoint <= budget.queries())
          nextCheckpoint += options.checkpointEvery;
        checkpoint();
        if (stop)
          break;
      }
    }
    syncCounters();
    if (tally.iterations > 0 || !stop)
      result.trace.push_back(makeTracePoint(current, result.active, options,
                                            epoch, tally.iterations, step,
                                            tally.lossSum, tally.lossCount,
                                            totals));
    if (!stop)
      step *= decay;
  }
  syncCounters();
  result.totals = totals;
  result.finalStep = step;
  result.budgetExhausted = budget.exhausted();
  return llvm::Error::success();
}

} // namespace detail

//===----------------------------------------------------------------------===//
// The zeroth-order gradient baseline
//===----------------------------------------------------------------------===//

const char *zoDirectionName(ZoDirection direction) {
  return direction == ZoDirection::Gaussian ? "gaussian" : "rademacher";
}

llvm::Expected<OnChipResult> runZerothOrder(const Program &program,
                                            const ActiveShifters &active,
                                            int numSamples,
                                            const QueryLoss &queryLoss,
                                            const ZerothOrderOptions &options) {
  if (llvm::Error error =
          detail::checkOnChipOptions(options, numSamples, queryLoss))
    return std::move(error);
  if (options.directions < 1)
    return makeError(llvm::formatv("directions Q is {0}, expected at least 1",
                                   options.directions));
  if (!(options.mu > 0.0 && std::isfinite(options.mu)))
    return makeError(llvm::formatv(
        "smoothing mu is {0}, expected a finite positive value", options.mu));
  if (!(options.learningRate >= 0.0 && std::isfinite(options.learningRate)))
    return makeError(
        llvm::formatv("learning rate is {0}, expected a finite value >= 0",
                      options.learningRate));
  if (llvm::Error error =
          detail::checkSparsityAndDecay(options.s, options.decay))
    return std::move(error);
  if (llvm::Error error = checkActiveShifters(program, active))
    return std::move(error);

  OnChipResult result;
  result.program = program;
  result.active = active;
  Program &current = result.program;

  const std::vector<ShifterRef> coords = active.coordinates();
  const int n = static_cast<int>(coords.size());
  const int perIteration = sparseCount(options.s, n);
  Random batchRandom(detail::streamSeed(options.seed, 0));
  Random coordRandom(detail::streamSeed(options.seed, 1));
  Random directionRandom(detail::streamSeed(options.seed, 2));
  QueryBudget budget(queryLoss, options.maxQueries);
  OnChipCounters totals;

  std::vector<int> pool(static_cast<size_t>(n));
  std::iota(pool.begin(), pool.end(), 0);
  std::vector<double *> phases(static_cast<size_t>(perIteration));
  std::vector<double> original(static_cast<size_t>(perIteration));
  std::vector<double> direction(static_cast<size_t>(perIteration));
  std::vector<double> gradient(static_cast<size_t>(perIteration));

  auto iterate = [&](const std::vector<int> &batch, double lr,
                     detail::EpochTally &tally) -> llvm::Expected<bool> {
    // The coordinates of this iteration (partial Fisher-Yates when s < 1).
    if (perIteration < n)
      for (int i = 0; i < perIteration; ++i)
        std::swap(pool[i], pool[i + detail::uniformIndex(coordRandom, n - i)]);
    for (int j = 0; j < perIteration; ++j) {
      phases[j] = &shifterPhaseRef(current, coords[pool[j]]);
      original[j] = *phases[j];
    }

    const std::optional<double> base = budget.query(current, batch);
    if (!base)
      return false;
    if (budget.sawNonFinite())
      return makeError(
          llvm::formatv("queryLoss returned a non-finite loss (query {0})",
                        budget.queries()));
    tally.countIteration(*base, totals);

    std::fill(gradient.begin(), gradient.end(), 0.0);
    int measured = 0;
    bool goOn = true;
    for (int q = 0; q < options.directions; ++q) {
      for (int j = 0; j < perIteration; ++j) {
        direction[j] = options.direction == ZoDirection::Gaussian
                           ? directionRandom.normal()
                           : ((directionRandom.next() >> 63) ? 1.0 : -1.0);
        *phases[j] = boundShifterPhase(current, coords[pool[j]],
                                       original[j] + options.mu * direction[j]);
      }
      const std::optional<double> loss = budget.query(current, batch);
      for (int j = 0; j < perIteration; ++j)
        *phases[j] = original[j];
      if (!loss) {
        goOn = false;
        break;
      }
      const double slope = (*loss - *base) / options.mu;
      for (int j = 0; j < perIteration; ++j)
        gradient[j] += slope * direction[j];
      ++measured;
    }
    if (budget.sawNonFinite())
      return makeError(llvm::formatv(
          "queryLoss returned a non-finite loss (within query {0})",
          budget.queries()));
    if (measured > 0) {
      const double scale = lr / static_cast<double>(measured);
      for (int j = 0; j < perIteration; ++j)
        *phases[j] = boundShifterPhase(current, coords[pool[j]],
                                       original[j] - scale * gradient[j]);
      ++totals.updates;
    }
    return goOn;
  };
  result.finalStep = options.learningRate;
  if (llvm::Error error =
          detail::runEpochs(result, numSamples, options, options.decay,
                            batchRandom, budget, totals, iterate))
    return std::move(error);
  return result;
}

llvm::Expected<OnChipResult> runZerothOrder(const Program &program,
                                            int numSamples,
                                            const QueryLoss &queryLoss,
                                            const ZerothOrderOptions &options) {
  llvm::Expected<ActiveShifters> active =
      selectActiveShifters(program, options.alpha, options.seed);
  if (!active)
    return active.takeError();
  return runZerothOrder(program, *active, numSamples, queryLoss, options);
}

} // namespace photon::runtime
