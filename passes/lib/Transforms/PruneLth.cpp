//===- PruneLth.cpp - Lottery-ticket pruning of phase shifters ------------===//
#include "TrainingSession.h"

#include "photon/Transforms/PassLocation.h"
#include "photon/Dialect/PhotonicOps.h"
#include "photon/Transforms/Passes.h"

#include "photon/Runtime/LotteryTicket.h"
#include "photon/Runtime/Metrics.h"
#include "photon/Runtime/Progress.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>

namespace photon {
#define GEN_PASS_DEF_PRUNELTH
#include "photon/Transforms/Passes.h.inc"
} // namespace photon

using namespace mlir;
using namespace photon;

namespace {

struct PruneLthPass : public photon::impl::PruneLthBase<PruneLthPass> {
  using PruneLthBase::PruneLthBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    runtime::LthOptions options;
    if (!rates.empty())
      options.rates.assign(rates.begin(), rates.end());
    for (double rate : options.rates)
      if (!(rate > 0.0 && rate < 1.0)) {
        mlir::emitError(networkLocation(module)) << "photonic-prune-lth: every rate must be in "
                              "(0, 1), got "
                           << rate;
        return signalPassFailure();
      }
    std::optional<runtime::PruneScope> parsedScope =
        runtime::parsePruneScope(scope);
    if (!parsedScope) {
      mlir::emitError(networkLocation(module))
          << "photonic-prune-lth: 'scope' must be layer, layer-arm, tier or "
             "global, got '"
          << scope << "'";
      return signalPassFailure();
    }
    if (maxRounds < 0 || maxRounds > runtime::kMaxEpochs ||
        !(maxAccuracyLoss >= 0.0) ||
        !(minSparsity >= 0.0 && minSparsity <= 1.0)) {
      mlir::emitError(networkLocation(module))
          << "photonic-prune-lth: expects max-rounds in 0.."
          << runtime::kMaxEpochs
          << ", max-accuracy-loss >= 0 and min-sparsity in [0, 1]";
      return signalPassFailure();
    }
    options.scope = *parsedScope;
    std::optional<runtime::PhaseCriterion> parsedCriterion =
        runtime::parsePhaseCriterion(criterion);
    if (!parsedCriterion) {
      mlir::emitError(networkLocation(module))
          << "photonic-prune-lth: 'criterion' must be wrapped or circular, "
             "got '"
          << criterion << "'";
      return signalPassFailure();
    }
    options.criterion = *parsedCriterion;
    for (int e : retrainEpochs)
      if (e < 1 || e > runtime::kMaxEpochs) {
        mlir::emitError(networkLocation(module))
            << "photonic-prune-lth: every retrain-epochs value must be in 1.."
            << runtime::kMaxEpochs << ", got " << e;
        return signalPassFailure();
      }
    options.retrainAttempts = static_cast<int>(retrainEpochs.size());
    options.maxRounds = maxRounds;
    options.maxAccuracyLoss = maxAccuracyLoss;
    options.minSparsity = minSparsity;

    FailureOr<TrainingSession> session =
        TrainingSession::open(module, "photonic-prune-lth",
                              PHOTON_TRAINING_KNOBS(), /*allowZeroEpochs=*/true);
    if (failed(session))
      return signalPassFailure();
    runtime::Program &program = session->program();
    runtime::Program initial = session->initialProgram();
    runtime::NetworkMetrics before = runtime::computeMetrics(program);
    // Round 0 is the dense network trained from its initial phases: a
    // network photonic-train already trained is reset first, so that round 0
    // retrains it exactly (training is deterministic for a seed).
    if (llvm::Error error = runtime::resetToInitial(program, initial)) {
      mlir::emitError(networkLocation(module))
          << "photonic-prune-lth: " << llvm::toString(std::move(error));
      return signalPassFailure();
    }

    llvm::Error trainError = llvm::Error::success();
    runtime::LthCallbacks callbacks;
    int trainings = 0;
    callbacks.train = [&](runtime::Program &ticket) {
      session->setProgressLabel("photonic-prune-lth round " +
                                std::to_string(trainings++));
      if (llvm::Error error = session->train(ticket))
        trainError = llvm::joinErrors(std::move(trainError), std::move(error));
    };
    callbacks.retrain = [&](runtime::Program &ticket, int attempt) {
      const int epochs = retrainEpochs[attempt - 1];
      session->setProgressLabel("photonic-prune-lth round " +
                                std::to_string(trainings - 1) + " retraining " +
                                std::to_string(attempt));
      if (llvm::Error error = session->train(
              ticket, [&](runtime::TrainOptions &t) { t.epochs = epochs; }))
        trainError = llvm::joinErrors(std::move(trainError), std::move(error));
    };
    // Rounds are chosen on the validation split; the test split is only
    // reported.
    callbacks.evaluate = [&](const runtime::Program &ticket) {
      return session->validationAccuracy(ticket);
    };
    callbacks.report = [&](const runtime::Program &ticket) {
      return session->testAccuracy(ticket);
    };
    if (runtime::progressVisible())
      callbacks.onRound = [&](const runtime::LthRound &round) {
        llvm::errs() << llvm::format(
            "photonic-prune-lth: round %d  sparsity %.1f %%  %s accuracy "
            "%.2f %%  test accuracy %.2f %%\n",
            round.round, 100.0 * round.sparsity, session->selectionSplitName(),
            100.0 * round.accuracy, 100.0 * round.testAccuracy);
      };
    llvm::Expected<runtime::LthResult> result =
        runtime::runLotteryTicket(program, initial, options, callbacks);
    if (!result || trainError) {
      llvm::Error error = result ? std::move(trainError)
                                 : llvm::joinErrors(result.takeError(),
                                                    std::move(trainError));
      mlir::emitError(networkLocation(module)) << "photonic-prune-lth: "
                         << llvm::toString(std::move(error));
      return signalPassFailure();
    }
    if (failed(session->write(program)))
      return signalPassFailure();

    runtime::NetworkMetrics after = runtime::computeMetrics(program);
    runtime::MetricsComparison change = runtime::compareMetrics(before, after);
    // The report first: a write failure prints one error line, no table.
    if (failed(session->writeReport(llvm::json::Object{
            {"lth", runtime::toJson(*result)},
            {"scope", runtime::pruneScopeName(options.scope)},
            {"criterion", runtime::phaseCriterionName(options.criterion)},
            {"selection_split", session->selectionSplitName()},
            {"metrics_before", runtime::toJson(before)},
            {"metrics_after", runtime::toJson(after)},
            {"change", runtime::toJson(change)}})))
      return signalPassFailure();
    llvm::errs() << "photonic-prune-lth: " << session->describeData() << ", "
                 << runtime::pruneScopeName(options.scope) << ", criterion "
                 << runtime::phaseCriterionName(options.criterion)
                 << ", chosen on " << session->selectionSplitName()
                 << ", stopped by " << runtime::lthStopName(result->stop)
                 << "\n";
    runtime::printLthTable(*result, llvm::errs());
  }
};

} // namespace
