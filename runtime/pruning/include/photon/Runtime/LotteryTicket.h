//===- LotteryTicket.h - Lottery-ticket pruning of phase shifters -*- C++
//-*-===//
//
// The LTH paper's method (Sec. 3.2.2, Fig. 4): train, prune the bottom k of
// the non-zero phase magnitudes (per mesh or globally), reset the surviving
// phases to their values before the first training, repeat. Training and
// evaluation are callbacks, so the driver runs with any trainer (and with
// fake ones in tests). See docs/pruning.md for the exact round structure.
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_RUNTIME_LOTTERYTICKET_H
#define PHOTON_RUNTIME_LOTTERYTICKET_H

#include "photon/Runtime/PowerModel.h"
#include "photon/Runtime/Program.h"
#include "photon/Runtime/Pruning.h"

#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <functional>
#include <limits>
#include <optional>
#include <vector>

namespace photon::runtime {

/// Checks that `initial` has the layers of `program` (kinds, widths,
/// topologies, array sizes), so that one can be reset to the other.
llvm::Error checkSameStructure(const Program &program, const Program &initial);

/// Resets `program` to `initial`, keeping its masks: every unmasked mesh
/// shifter (θ, φ, outputs), every unmasked attenuator and every gain gets
/// its value in `initial` bit-exactly; masked shifters are set to exactly
/// 0. The masks of `initial` are ignored. Fails (changing nothing) when the
/// structures differ.
llvm::Error resetToInitial(Program &program, const Program &initial);

struct LthOptions {
  /// Pruning rate k_r of each round (each in (0, 1)); the last value
  /// repeats. Default: the paper's 10 % for ten rounds, then 25 %.
  std::vector<double> rates = {0.10, 0.10, 0.10, 0.10, 0.10, 0.10,
                               0.10, 0.10, 0.10, 0.10, 0.25};
  PruneScope scope = PruneScope::Tier;
  /// What "bottom k" ranks: the wrapped phase (the paper's magnitude).
  PhaseCriterion criterion = PhaseCriterion::Wrapped;
  /// R_max: the most pruning steps; round R_max trains the ticket pruned
  /// R_max times and ends the run.
  int maxRounds = 16;
  /// Largest acceptable accuracy loss against round 0, in the units of the
  /// evaluate callback (the default assumes fractions: 5 points).
  double maxAccuracyLoss = 0.05;
  /// Stop once the prunable sparsity (Metrics.h) reaches this value.
  double minSparsity = 1.0;
  /// [LTH] 3.2.2: "the training hyperparameters should be adjusted in each
  /// round to obtain a sufficiently high accuracy (< 5% accuracy loss)
  /// before the phase angles are pruned". A round (after round 0) that
  /// loses more than maxAccuracyLoss is reset to the initial phases and
  /// retrained by LthCallbacks::retrain with attempt = 1, 2, … up to this
  /// many times, until one is acceptable. 0: no retraining.
  int retrainAttempts = 0;
  /// For the power column of the records.
  PowerModel power;
};

/// One LTH round: the ticket pruned `round` times, trained and evaluated.
struct LthRound {
  int round = 0;
  /// The rate whose pruning produced this round's ticket (0 for round 0).
  double rate = 0.0;
  /// Shifters pruned to produce this round's ticket.
  int pruned = 0;
  /// Sparsity of the prunable shifters after training: all, θ, φ, and per
  /// mesh (program order).
  double sparsity = 0.0;
  double thetaSparsity = 0.0;
  double phiSparsity = 0.0;
  std::vector<double> meshSparsity;
  /// Shifters masked (pruned) so far, out of `prunable`.
  int masked = 0;
  int prunable = 0;
  /// The accuracy that selects (LthCallbacks::evaluate: the validation
  /// split in the passes).
  double accuracy = 0.0;
  /// Accuracy of round 0 minus this round's accuracy.
  double accuracyLoss = 0.0;
  /// The reported accuracy (LthCallbacks::report: the test split in the
  /// passes), never used to decide; NaN without a report callback.
  double testAccuracy = std::numeric_limits<double>::quiet_NaN();
  /// Mean wrapped phase of the prunable shifters (radians), their heater
  /// power and the power of every shifter (mW), after training.
  double meanPhase = 0.0;
  double prunablePowerMw = 0.0;
  double totalPowerMw = 0.0;
  /// accuracyLoss <= maxAccuracyLoss.
  bool acceptable = false;
  /// The selecting accuracy of each training of this round, in order: the
  /// first training, then each retraining (LthOptions::retrainAttempts).
  /// The record's other fields describe the last one.
  std::vector<double> attemptAccuracies;
};

struct LthCallbacks {
  /// Trains the program in place (required). Masked phases must stay 0;
  /// the driver re-applies the masks after each call anyway.
  std::function<void(Program &)> train;
  /// Returns the accuracy that stop rules and the best ticket are chosen on
  /// (required; a validation split, never the test split).
  std::function<double(const Program &)> evaluate;
  /// Optional: returns an accuracy that is only recorded (the test split).
  std::function<double(const Program &)> report;
  /// Optional: a longer retraining of the best ticket at the end (reset to
  /// the initial phases with the best round's masks first). When empty the
  /// best round's trained program is the result.
  std::function<void(Program &)> finalTrain;
  /// Retrains a ticket that lost too much (required when
  /// LthOptions::retrainAttempts > 0): called with the ticket reset to its
  /// initial phases and attempt = 1, 2, …; it should train differently
  /// from `train` (e.g. more epochs). Masked phases must stay 0.
  std::function<void(Program &, int attempt)> retrain;
  /// Optional: called with each round's record as soon as it is complete.
  std::function<void(const LthRound &)> onRound;
};

enum class LthStop {
  /// The ticket reached LthOptions::minSparsity (checked first).
  MinSparsity,
  /// A round lost more than LthOptions::maxAccuracyLoss (or was NaN).
  AccuracyLoss,
  /// Round LthOptions::maxRounds was trained.
  MaxRounds,
  /// No live, non-zero prunable shifter was left to prune.
  Exhausted,
};

/// "min-sparsity", "accuracy-loss", "max-rounds" or "exhausted".
const char *lthStopName(LthStop stop);

struct LthResult {
  std::vector<LthRound> rounds;
  LthStop stop = LthStop::MaxRounds;
  /// The best ticket: the last round whose loss is acceptable (round 0
  /// always is). The program returned is this round's trained program, or
  /// its retrained version when finalTrain is set.
  int bestRound = 0;
  /// Accuracy after finalTrain (when set), by evaluate and by report.
  std::optional<double> finalAccuracy;
  std::optional<double> finalTestAccuracy;
};

/// Runs LTH pruning on `program`, whose phases before the first training are
/// `initial` (usually program == initial at the call). Per round r = 0, 1, …:
///   1. note whether the sparsity already reaches minSparsity (Fig. 4
///      checks sparsity first);
///   2. train; evaluate; if the loss exceeds maxAccuracyLoss, reset and
///      retrain (retrainAttempts times at most, until acceptable); record;
///   3. stop when the loss exceeds maxAccuracyLoss, when step 1 fired, or
///      when r == maxRounds;
///   4. prune the bottom k_r (rates[min(r, size-1)]) of the non-zero live
///      prunable shifters, stop if there was none, reset the survivors to
///      `initial`.
/// On return `program` holds the best ticket (see LthResult::bestRound).
/// Fails on bad options (a rate outside (0, 1), no rate, a negative
/// maxRounds, maxAccuracyLoss or retrainAttempts, missing callbacks) or
/// mismatched programs.
llvm::Expected<LthResult> runLotteryTicket(Program &program,
                                           const Program &initial,
                                           const LthOptions &options,
                                           const LthCallbacks &callbacks);

llvm::json::Value toJson(const LthRound &round);
llvm::json::Value toJson(const LthResult &result);
/// A fixed-width table, one line per round.
void printLthTable(const LthResult &result, llvm::raw_ostream &os);

} // namespace photon::runtime

#endif // PHOTON_RUNTIME_LOTTERYTICKET_H
