//===- ZerothOrder.h - On-chip zeroth-order training ------------*- C++ -*-===//
//
// In-situ ("on-chip") training of a runtime Program when only the loss can
// be measured: the chip is a black box that, programmed with a set of
// phases, returns the loss of a mini-batch. This header holds what every
// such optimizer shares and the plain zeroth-order gradient baseline:
//
//  - QueryLoss, the black box. The caller may model anything inside it
//    (γ drift, thermal crosstalk, measurement noise): the optimizers only
//    see the *programmed* phases and the returned loss.
//  - Query accounting. One call of QueryLoss is one query: a network
//    forward evaluation of one mini-batch, the unit of the SZO-SCD paper's
//    "#ONN forward" (Gu et al., AAAI 2021, Table 1). `samples` adds up the
//    batch sizes of all queries (samples pushed through the chip). Calls
//    made by OnChipOptions::evaluate are neither.
//  - Active shifters (the paper's mixed active/passive deployment: Σ and a
//    fraction α of the U/V phases stay tunable, the rest is fixed). Only
//    mesh θ/φ shifters that are unmasked can be active mesh shifters; output
//    phase screens are passive (Reck's D, Eq. 1, is a fixed ±1 diagonal).
//    The live Σ attenuators (Diagonal layers) can be made tunable as well
//    (addTunableAttenuators, the paper's "only the diagonal matrix Σ and a
//    small fraction α of phases ... are implemented by active devices"); an
//    attenuator phase lives in [0, π] (non-negative transmission
//    cos(θ/2), docs/conventions.md), so a step on it is clamped to [0, π]
//    instead of wrapped (boundShifterPhase). Every non-active phase of the
//    program is returned bit-identical.
//  - A query budget (`maxQueries`), so that optimizers can be compared at
//    equal cost, and a per-epoch trace.
//
// The baseline, runZerothOrder, is the FLOPS-style estimator (Gu et al.,
// "FLOPS", DAC 2020) restricted to the active coordinates:
//   g = (1/Q) Σ_q [(L(θ + μ u_q) − L(θ)) / μ] u_q,   θ ← wrap(θ − η g),
// with u_q Gaussian or Rademacher over the active coordinates (optionally
// only a random fraction s of them per iteration, the paper's "FLOPS with
// two-level sparsity"). One iteration costs Q + 1 queries: L(θ) once and
// one per direction.
//
// Everything is single-threaded and seeded (runtime::Random): the same
// program, options and (deterministic) QueryLoss give bit-identical results.
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_RUNTIME_ZEROTHORDER_H
#define PHOTON_RUNTIME_ZEROTHORDER_H

#include "photon/Runtime/PowerModel.h"
#include "photon/Runtime/Program.h"
#include "photon/Runtime/Random.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace photon::runtime {

/// The chip: the loss of the network programmed with `programmed` on the
/// samples `batch` (indices into the caller's training set, each in
/// [0, numSamples)). Every call is one query. Must return a finite value.
using QueryLoss = std::function<double(const Program &programmed,
                                       const std::vector<int> &batch)>;

/// One tunable shifter: mesh shifter `index` (mask order [θ..., φ...,
/// outputs...], docs/conventions.md) of the Mesh at Program::layers[layer],
/// or attenuator `index` of the Diagonal layer at Program::layers[layer].
struct ShifterRef {
  int layer = -1;
  int index = -1;
};

/// The active (tunable) shifters of a program; all others are passive.
struct ActiveShifters {
  /// Program::layers indices of the Mesh layers, in program order
  /// (meshLayerIndices).
  std::vector<int> meshLayers;
  /// flags[m][i] == 1 when shifter i (mask order) of mesh meshLayers[m] is
  /// active; flags[m].size() == that mesh's shifterCount().
  std::vector<std::vector<uint8_t>> flags;
  /// Tunable Σ attenuators (Diagonal layers), in program order.
  std::vector<ShifterRef> attenuators;

  /// Number of active shifters (mesh shifters and attenuators).
  int count() const;
  /// Number of active mesh shifters.
  int meshCount() const;
  /// The active shifters, by mesh then index, then the attenuators.
  std::vector<ShifterRef> coordinates() const;
};

/// Makes every live attenuator of every Diagonal layer of `program` tunable
/// (replaces active.attenuators).
void addTunableAttenuators(const Program &program, ActiveShifters &active);

/// Copies the mesh flags of `active` into each Mesh::active of `program`,
/// which is what the noise model reads to tell aggressors from passive
/// shifters (NoiseModel.h, crosstalk).
void markActiveShifters(Program &program, const ActiveShifters &active);

/// `phase` made a valid setting of `shifter`: wrapped into [0, 2π) for a
/// mesh shifter, clamped to [0, π] for an attenuator.
double boundShifterPhase(const Program &program, const ShifterRef &shifter,
                         double phase);

/// Chooses the active shifters: in each mesh with n candidates (unmasked θ
/// and φ shifters; masked ones and output phases never), floor(α·n + ½)
/// of them uniformly at random (a partial Fisher-Yates shuffle driven by one
/// runtime::Random(seed) stream over the meshes in program order). An
/// unmasked shifter at phase 0 is a candidate. α = 1 makes every candidate
/// active. Fails when α is not in [0, 1].
llvm::Expected<ActiveShifters>
selectActiveShifters(const Program &program, double alpha, uint64_t seed);

/// Checks that `active` matches the program (one flag vector per Mesh layer,
/// of the mesh's shifterCount), that every active shifter is an unmasked
/// θ or φ shifter and every tunable attenuator a live one of a Diagonal
/// layer, listed once.
llvm::Error checkActiveShifters(const Program &program,
                                const ActiveShifters &active);

/// Static heater power of the active shifters (attenuators included), mW
/// (PowerModel::heaterPower of each wrapped phase).
double activePowerMw(const Program &program, const ActiveShifters &active,
                     const PowerModel &power = {});

/// The phase of a mesh shifter (mask order) or attenuator, by reference.
double &shifterPhaseRef(Program &program, const ShifterRef &shifter);

/// ⌈s·n⌉ clamped to [1, n] (0 when n = 0): the coordinates tuned per
/// iteration for sparsity s ∈ (0, 1]. s·n within 1e-9 of an integer counts
/// as that integer (0.1 · 30 is 3, not 4).
int sparseCount(double s, int n);

/// The mini-batches of one epoch: a Fisher-Yates shuffle of [0, numSamples)
/// driven by `random`, cut into batches of `batchSize` (the last one may be
/// smaller).
std::vector<std::vector<int>> epochBatches(int numSamples, int batchSize,
                                           Random &random);

/// Counts a run's queries and enforces its budget.
class QueryBudget {
public:
  /// maxQueries = 0: no budget.
  QueryBudget(const QueryLoss &queryLoss, int64_t maxQueries);
  /// The loss, or std::nullopt (without calling queryLoss) when the budget
  /// is spent.
  std::optional<double> query(const Program &programmed,
                              const std::vector<int> &batch);
  int64_t queries() const { return queryCount; }
  int64_t samples() const { return sampleCount; }
  /// True once a query was refused.
  bool exhausted() const { return refused; }
  /// True once queryLoss returned a NaN or infinity.
  bool sawNonFinite() const { return nonFinite; }

private:
  QueryLoss queryLoss;
  int64_t maxQueries;
  int64_t queryCount = 0;
  int64_t sampleCount = 0;
  bool refused = false;
  bool nonFinite = false;
};

/// Counters of a run, cumulative.
struct OnChipCounters {
  /// Iterations (mini-batches) started.
  int64_t iterations = 0;
  /// QueryLoss calls (one per mini-batch loss evaluation).
  int64_t queries = 0;
  /// Σ of the batch sizes of those calls.
  int64_t samples = 0;
  /// Zeroth-order: parameter updates made (one per iteration that measured
  /// at least one direction). SZO-SCD: coordinates visited (+δ tried).
  int64_t updates = 0;
  /// SZO-SCD only: +δ steps accepted (loss decreased).
  int64_t accepted = 0;
  /// SZO-SCD only: −δ steps taken.
  int64_t stepBacks = 0;
  /// SZO-SCD only: −δ steps skipped by power awareness (phase kept).
  int64_t skippedStepBacks = 0;
  /// SZO-SCD with StepBackRule::Evaluated only: −δ steps measured, found no
  /// better and undone.
  int64_t restored = 0;
};

/// One point of a run's trace: the state after an epoch (epoch 0 is the
/// initial program, before any query).
struct OnChipTracePoint {
  int epoch = 0;
  /// Iterations run in this epoch (fewer than a full epoch when the budget
  /// stopped the run).
  int64_t iterations = 0;
  /// The step used in this epoch: δ for SZO-SCD, η for zeroth-order.
  double step = 0.0;
  /// Mean over this epoch's iterations of the first loss measured on each
  /// mini-batch (the program before that batch's update); NaN when none.
  double batchLoss = 0.0;
  /// OnChipOptions::evaluate of the program after this epoch; NaN when unset.
  double evalLoss = 0.0;
  /// Counters so far.
  OnChipCounters totals;
  /// Static power of the active shifters and of the whole network
  /// (computeMetrics(...).totalPowerMw(): θ, φ, outputs and attenuators), mW.
  double activePowerMw = 0.0;
  double totalPowerMw = 0.0;
};

/// Options shared by the on-chip optimizers.
struct OnChipOptions {
  /// Fraction α of the unmasked θ/φ shifters of each mesh that is active
  /// (used by the overloads that select the active set themselves, with
  /// `seed`).
  double alpha = 0.15;
  /// Passes over the numSamples training samples.
  int epochs = 10;
  int batchSize = 32;
  /// Seeds the batches and the optimizer's random choices.
  uint64_t seed = 0;
  /// Stop once this many queries are spent (0: no budget). The run then
  /// spends exactly maxQueries queries unless it finishes its epochs first;
  /// a step whose measurements would exceed the budget is not made.
  int64_t maxQueries = 0;
  /// For the power figures of the trace.
  PowerModel power;
  /// Optional: a loss of the whole program after each epoch (and of the
  /// initial program) for the trace, e.g. on a test set. Not counted.
  std::function<double(const Program &)> evaluate;
  /// Optional checkpoint, e.g. a validation accuracy: called with the
  /// current program and counters before the first query, then after every
  /// iteration that brings the query count to or past the next multiple of
  /// `checkpointEvery` (never when it is 0). Returning false stops the run
  /// there (OnChipResult::stoppedAtCheckpoint). Its own evaluations are not
  /// queries.
  std::function<bool(const Program &, const OnChipCounters &)> checkpoint;
  int64_t checkpointEvery = 0;
};

/// The result of an on-chip run.
struct OnChipResult {
  /// The final programmed phases (the input program with only the active
  /// shifters changed).
  Program program;
  ActiveShifters active;
  /// Epoch 0 (initial) and one point per epoch run.
  std::vector<OnChipTracePoint> trace;
  OnChipCounters totals;
  /// The step after the last decay.
  double finalStep = 0.0;
  /// True when the run stopped because the budget was spent.
  bool budgetExhausted = false;
  /// True when OnChipOptions::checkpoint stopped the run.
  bool stoppedAtCheckpoint = false;
};

enum class ZoDirection { Gaussian, Rademacher };

const char *zoDirectionName(ZoDirection direction);

struct ZerothOrderOptions : OnChipOptions {
  /// Q: random directions per iteration (FLOPS uses 60).
  int directions = 60;
  /// μ: the finite-difference smoothing radius, rad.
  double mu = 1e-3;
  /// η: the SGD learning rate.
  double learningRate = 0.1;
  /// η ← η · decay after each epoch.
  double decay = 1.0;
  /// Fraction s ∈ (0, 1] of the active coordinates perturbed per iteration
  /// (sparseCount(s, |A|) drawn without replacement); 1: all of them.
  double s = 1.0;
  ZoDirection direction = ZoDirection::Gaussian;
};

/// The zeroth-order gradient baseline. Each iteration: draw the next
/// mini-batch I; measure L_I(θ); for q = 1..Q draw u_q (independent
/// standard normal, or ±1, entries on the chosen coordinates, 0 elsewhere),
/// program bound(θ + μ u_q) and measure L_I; then set
/// θ ← bound(θ − η · (1/Q') Σ_q [(L_I(θ + μ u_q) − L_I(θ)) / μ] u_q), where
/// Q' = Q except when the budget ran out after Q' ≥ 1 directions (that last
/// update averages the Q' measured ones). Fails, changing nothing, on
/// invalid options or active set, or when queryLoss returns a non-finite
/// value.
llvm::Expected<OnChipResult> runZerothOrder(const Program &program,
                                            const ActiveShifters &active,
                                            int numSamples,
                                            const QueryLoss &queryLoss,
                                            const ZerothOrderOptions &options);
/// As above with selectActiveShifters(program, options.alpha, options.seed).
llvm::Expected<OnChipResult> runZerothOrder(const Program &program,
                                            int numSamples,
                                            const QueryLoss &queryLoss,
                                            const ZerothOrderOptions &options);

namespace detail {
/// Checks the options every on-chip optimizer shares.
llvm::Error checkOnChipOptions(const OnChipOptions &options, int numSamples,
                               const QueryLoss &queryLoss);
/// Checks a coordinate sparsity s ∈ (0, 1] and a step decay > 0.
llvm::Error checkSparsityAndDecay(double s, double decay);
/// A trace point for the current program.
OnChipTracePoint makeTracePoint(const Program &program,
                                const ActiveShifters &active,
                                const OnChipOptions &options, int epoch,
                                int64_t iterations, double step, double lossSum,
                                int64_t lossCount,
                                const OnChipCounters &totals);
/// A seed for sub-stream `stream` of `seed` (splitmix64 mixing), so that
/// e.g. the batch order does not depend on the optimizer's other draws.
uint64_t streamSeed(uint64_t seed, uint64_t stream);
/// A uniform index in [0, n).
int uniformIndex(Random &random, int n);
/// What one epoch did, for its trace point.
struct EpochTally {
  int64_t iterations = 0;
  double lossSum = 0.0;
  int64_t lossCount = 0;
  /// Counts an iteration whose first measured loss was `loss`.
  void countIteration(double loss, OnChipCounters &totals) {
    ++iterations;
    ++totals.iterations;
    lossSum += loss;
    ++lossCount;
  }
};
/// One optimizer iteration on `batch` with the current step (δ or η):
/// true to go on, false when the query budget ran out, or an error.
using OnChipIteration = llvm::function_ref<llvm::Expected<bool>(
    const std::vector<int> &batch, double step, EpochTally &tally)>;
/// The epoch loop both optimizers share. `result.program` is tuned in place
/// and `result.finalStep` holds the initial step on entry. Per epoch: the
/// mini-batches of a fresh shuffle (`batchRandom`), `iterate` on each, a
/// trace point, then step ← step · decay if the epoch ran to its end. Fills
/// the trace (with epoch 0 first), the counters and the budget flag.
llvm::Error runEpochs(OnChipResult &result, int numSamples,
                      const OnChipOptions &options, double decay,
                      Random &batchRandom, QueryBudget &budget,
                      OnChipCounters &totals, OnChipIteration iterate);
} // namespace detail

} // namespace photon::runtime

#endif // PHOTON_RUNTIME_ZEROTHORDER_H
