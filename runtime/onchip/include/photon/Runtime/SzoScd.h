//===- SzoScd.h - Power-aware sparse ZO coordinate descent ------*- C++ -*-===//
//
// SZO-SCD, the stochastic zeroth-order sparse coordinate descent of Gu et
// al., "Efficient On-Chip Learning for Optical Neural Networks Through
// Power-Aware Sparse Zeroth-Order Optimization" (AAAI 2021), with its
// power-aware dynamic pruning (Algorithm 1). It tunes the active shifters of
// a deployed program in situ, seeing the chip only through QueryLoss
// (ZerothOrder.h: query accounting, active shifters, budget, trace).
//
// Iteration t (Algorithm 1, lines 2-12), with step δ_t:
//   1. take the next mini-batch I (epoch-wise shuffling);
//   2. pick k = sparseCount(s, |A|) = ⌈s·|A|⌉ active shifters uniformly
//      without replacement, in random order;
//   3. for each picked φ_i in turn:
//        if L_I(φ_i + δ) < L_I(φ_i):  φ_i ← φ_i + δ                (line 5-6)
//        else, the step back φ_i − δ:
//          if power(φ_i − δ) > power(φ_i), skip it (keep φ_i) with
//          probability p                                        (lines 8-10)
//          otherwise φ_i ← φ_i − δ, *without* measuring it       (line 12)
//      every new phase is wrapped into [0, 2π) (Problem Formulation:
//      "φ = (φ mod 2π) at each iteration"); a tuned Σ attenuator's is
//      clamped to [0, π] instead (boundShifterPhase, ZerothOrder.h).
// After each epoch δ ← δ · decay (Experimental Results: δ = 0.02, an
// epoch-wise exponential decay of 0.985, mini-batches of 32).
//
// Power is proportional to the wrapped phase (PowerModel.h), so a step back
// raises the power exactly when φ_i − δ wraps around 0 to near 2π; a +δ step
// that is accepted may raise it, but only when it lowers the loss.
//
// Queries. L_I(φ_i) is known without a query after an accepted +δ or a
// skipped step back (it is the last measured loss); after an unmeasured
// step back, and at the start of an iteration (new batch), it is measured
// when the next coordinate needs it. Each coordinate therefore costs one
// query for L_I(φ_i + δ) plus one for the reference after a step back, about
// 1.5 on average: the paper's "1.5 T α s d" ONN forwards (Table 1).
//
// StepBackRule::Evaluated replaces line 12 by a measured step back that is
// kept only when it lowers the loss (otherwise φ_i is restored), a greedy
// variant close to the stochastic three-point method (Eq. 9). It is not
// the paper's SZO-SCD; it is provided for comparison.
//
// Every non-active phase (and every mask, gain and untuned attenuator) is
// returned bit-identical; a phase that ends where it started after a
// skipped or undone step back is bit-identical too.
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_RUNTIME_SZOSCD_H
#define PHOTON_RUNTIME_SZOSCD_H

#include "photon/Runtime/ZerothOrder.h"

namespace photon::runtime {

/// What happens when the +δ step does not lower the loss.
enum class StepBackRule {
  /// Algorithm 1: step back to φ − δ unmeasured (unless power-pruned).
  Blind,
  /// Measure φ − δ and keep it only when it lowers the loss.
  Evaluated,
};

const char *stepBackRuleName(StepBackRule rule);

/// True when the step back raises the heater power of the shifter, i.e.
/// wrapPhase(stepBackPhase) > wrapPhase(currentPhase) (power is
/// proportional to the wrapped phase for any P_π > 0).
bool stepBackRaisesPower(double currentPhase, double stepBackPhase);

/// Power-aware dynamic pruning (Algorithm 1, lines 8-10, as the text of
/// "Power-aware Dynamic Pruning" states it: "the optimizer will prune
/// backward steps with probability p if ... the power consumption increases
/// in the negative direction"): true, i.e. keep the current phase, when the
/// step back raises the power and uniformDraw < p. uniformDraw is a
/// U[0, 1) draw, so p = 1 always skips a power-raising step back and p = 0
/// never does. A step back that does not raise the power is never skipped.
bool skipStepBack(double currentPhase, double stepBackPhase, double p,
                  double uniformDraw);

struct SzoScdOptions : OnChipOptions {
  /// Fraction s ∈ (0, 1] of the active shifters tuned per iteration.
  double s = 0.1;
  /// Initial step δ_0 > 0, rad.
  double delta = 0.02;
  /// δ ← δ · decay after each epoch (> 0; 1 keeps δ constant).
  double decay = 0.985;
  /// Power awareness p ∈ [0, 1]: probability of skipping a power-raising
  /// step back.
  double p = 0.0;
  StepBackRule stepBack = StepBackRule::Blind;
};

/// Runs SZO-SCD on the active shifters of `program` (the input is not
/// changed; OnChipResult::program holds the final phases) over `numSamples`
/// training samples for options.epochs epochs or until options.maxQueries.
/// A coordinate whose measurements do not fit in the budget is left as it
/// was. Fails on invalid options or active set, or when queryLoss returns a
/// non-finite value.
///
/// Random streams (all from options.seed, independent of each other): the
/// batch order, the coordinate choice and the power-awareness draws, so runs
/// differing only in p see the same batches and coordinate sequence.
/// Draws for p are made only for power-raising step backs.
llvm::Expected<OnChipResult>
runSzoScd(const Program &program, const ActiveShifters &active, int numSamples,
          const QueryLoss &queryLoss, const SzoScdOptions &options);
/// As above with selectActiveShifters(program, options.alpha, options.seed).
llvm::Expected<OnChipResult> runSzoScd(const Program &program, int numSamples,
                                       const QueryLoss &queryLoss,
                                       const SzoScdOptions &options);

} // namespace photon::runtime

#endif // PHOTON_RUNTIME_SZOSCD_H
