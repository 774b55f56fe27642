//===- SzoScd.cpp - Power-aware sparse zeroth-order coordinate descent ----===//
//
// See SzoScd.h. Section names and line numbers refer to Gu et al., AAAI 2021
// ("Proposed ONN On-Chip Learning Framework": Mixed-training with SZO-SCD,
// Eq. 7; Power-aware Dynamic Pruning, Algorithm 1).
//
//===----------------------------------------------------------------------===//
#include "photon/Runtime/SzoScd.h"

#include "photon/Runtime/Convention.h"

#include "llvm/Support/FormatVariadic.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace photon::runtime {

namespace {

llvm::Error makeError(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

} // namespace

const char *stepBackRuleName(StepBackRule rule) {
  return rule == StepBackRule::Blind ? "blind" : "evaluated";
}

bool stepBackRaisesPower(double currentPhase, double stepBackPhase) {
  return wrapPhase(stepBackPhase) > wrapPhase(currentPhase);
}

bool skipStepBack(double currentPhase, double stepBackPhase, double p,
                  double uniformDraw) {
  // Algorithm 1 line 9 draws b ~ Bernoulli(p) and line 10 sets
  // φ ← φ − b·δ, which read literally would *take* the step with
  // probability p (and make p = 1 power-unaware). The text of the section
  // and Fig. 6 ("fully-power-aware (p = 1) pruning can cut down 30%-50%
  // power") say the step is pruned with probability p; we follow the text.
  return stepBackRaisesPower(currentPhase, stepBackPhase) && uniformDraw < p;
}

llvm::Expected<OnChipResult>
runSzoScd(const Program &program, const ActiveShifters &active, int numSamples,
          const QueryLoss &queryLoss, const SzoScdOptions &options) {
  if (llvm::Error error =
          detail::checkOnChipOptions(options, numSamples, queryLoss))
    return std::move(error);
  if (llvm::Error error =
          detail::checkSparsityAndDecay(options.s, options.decay))
    return std::move(error);
  if (!(options.delta > 0.0 && std::isfinite(options.delta)))
    return makeError(llvm::formatv(
        "step delta is {0}, expected a finite positive value", options.delta));
  if (!(options.p >= 0.0 && options.p <= 1.0))
    return makeError(llvm::formatv(
        "power awareness p is {0}, expected a value in [0, 1]", options.p));
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
  Random powerRandom(detail::streamSeed(options.seed, 2));
  QueryBudget budget(queryLoss, options.maxQueries);
  OnChipCounters totals;
  std::vector<int> pool(static_cast<size_t>(n));
  std::iota(pool.begin(), pool.end(), 0);

  auto nonFinite = [&] {
    return makeError(llvm::formatv(
        "queryLoss returned a non-finite loss (query {0})", budget.queries()));
  };
  auto iterate = [&](const std::vector<int> &batch, double delta,
                     detail::EpochTally &tally) -> llvm::Expected<bool> {
    // Line 3: Φ_s ⊆ A, |Φ_s| = ⌈s|A|⌉, without replacement; pool[0, k) in
    // the order drawn is the order of line 4.
    for (int i = 0; i < perIteration; ++i)
      std::swap(pool[i], pool[i + detail::uniformIndex(coordRandom, n - i)]);
    // L_I(current phases), when known (line 5's right-hand side).
    std::optional<double> reference;
    bool started = false;
    for (int k = 0; k < perIteration; ++k) {
      double &phase = shifterPhaseRef(current, coords[pool[k]]);
      if (!reference) {
        reference = budget.query(current, batch);
        if (!reference)
          return false;
        if (budget.sawNonFinite())
          return nonFinite();
        if (!started) {
          started = true;
          tally.countIteration(*reference, totals);
        }
      }
      const double original = phase;
      // Lines 5-6: try φ + δ, keep it when the loss decreases.
      phase = boundShifterPhase(current, coords[pool[k]], original + delta);
      const std::optional<double> plus = budget.query(current, batch);
      if (!plus) {
        phase = original;
        return false;
      }
      if (budget.sawNonFinite())
        return nonFinite();
      ++totals.updates;
      if (*plus < *reference) {
        reference = plus;
        ++totals.accepted;
        continue;
      }
      // Lines 7-12: the step back φ − δ. Lines 8-10: power-aware dynamic
      // pruning skips it with probability p when it raises the power; the
      // Bernoulli draw is made only then.
      const double back =
          boundShifterPhase(current, coords[pool[k]], original - delta);
      if (stepBackRaisesPower(original, back) &&
          skipStepBack(original, back, options.p, powerRandom.uniform())) {
        phase = original;
        ++totals.skippedStepBacks;
        continue; // L_I(φ) is still the reference.
      }
      phase = back;
      if (options.stepBack == StepBackRule::Blind) {
        // Line 12: taken without a measurement (no descent guarantee).
        ++totals.stepBacks;
        reference.reset();
        continue;
      }
      // StepBackRule::Evaluated: measure it, keep it only if it is better.
      const std::optional<double> minus = budget.query(current, batch);
      if (!minus) {
        phase = original;
        return false;
      }
      if (budget.sawNonFinite())
        return nonFinite();
      if (*minus < *reference) {
        reference = minus;
        ++totals.stepBacks;
      } else {
        phase = original;
        ++totals.restored;
      }
    }
    return true;
  };
  // Line 13: δ_{t+1} = Update(δ_t), epoch-wise exponential decay.
  result.finalStep = options.delta;
  if (llvm::Error error =
          detail::runEpochs(result, numSamples, options, options.decay,
                            batchRandom, budget, totals, iterate))
    return std::move(error);
  return result;
}

llvm::Expected<OnChipResult> runSzoScd(const Program &program, int numSamples,
                                       const QueryLoss &queryLoss,
                                       const SzoScdOptions &options) {
  llvm::Expected<ActiveShifters> active =
      selectActiveShifters(program, options.alpha, options.seed);
  if (!active)
    return active.takeError();
  return runSzoScd(program, *active, numSamples, queryLoss, options);
}

} // namespace photon::runtime
