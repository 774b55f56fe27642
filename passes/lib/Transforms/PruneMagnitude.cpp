//===- PruneMagnitude.cpp - Phase-magnitude pruning -----------------------===//
#include "TrainingSession.h"

#include "photon/Transforms/PassLocation.h"
#include "photon/Dialect/PhotonicOps.h"
#include "photon/Transforms/Passes.h"

#include "photon/Runtime/MagnitudePruning.h"
#include "photon/Runtime/Metrics.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>

namespace photon {
#define GEN_PASS_DEF_PRUNEMAGNITUDE
#include "photon/Transforms/Passes.h.inc"
} // namespace photon

using namespace mlir;
using namespace photon;

namespace {

struct PruneMagnitudePass
    : public photon::impl::PruneMagnitudeBase<PruneMagnitudePass> {
  using PruneMagnitudeBase::PruneMagnitudeBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (!(alpha > 0.0) || !std::isfinite(alpha)) {
      mlir::emitError(networkLocation(module)) << "photonic-prune-magnitude: 'alpha' must be a "
                            "finite value > 0, got "
                         << alpha.getValue();
      return signalPassFailure();
    }
    if (mode != "one-shot" && mode != "iterative") {
      mlir::emitError(networkLocation(module)) << "photonic-prune-magnitude: 'mode' must be "
                            "one-shot or iterative, got '"
                         << mode << "'";
      return signalPassFailure();
    }
    if (steps < 1 || steps > runtime::kMaxEpochs) {
      mlir::emitError(networkLocation(module))
          << "photonic-prune-magnitude: 'steps' must be in 1.."
          << runtime::kMaxEpochs << ", got " << steps.getValue();
      return signalPassFailure();
    }
    std::optional<runtime::PhaseCriterion> parsedCriterion =
        runtime::parsePhaseCriterion(criterion);
    if (!parsedCriterion) {
      mlir::emitError(networkLocation(module))
          << "photonic-prune-magnitude: 'criterion' must be wrapped or "
             "circular, got '"
          << criterion << "'";
      return signalPassFailure();
    }
    std::optional<runtime::PruneScope> parsedScope =
        runtime::parsePruneScope(scope);
    if (!parsedScope || *parsedScope == runtime::PruneScope::LayerArm) {
      mlir::emitError(networkLocation(module))
          << "photonic-prune-magnitude: 'scope' must be layer, tier or "
             "global, got '"
          << scope << "'";
      return signalPassFailure();
    }
    FailureOr<TrainingSession> session =
        TrainingSession::open(module, "photonic-prune-magnitude",
                              PHOTON_TRAINING_KNOBS(), /*allowZeroEpochs=*/true);
    if (failed(session))
      return signalPassFailure();
    runtime::Program &program = session->program();
    runtime::NetworkMetrics before = runtime::computeMetrics(program);
    double accuracyBefore = session->testAccuracy(program);
    double validationBefore = session->validationAccuracy(program);

    llvm::Error trainError = llvm::Error::success();
    auto fineTune = [&](runtime::Program &pruned) {
      if (llvm::Error error = session->train(pruned))
        trainError = llvm::joinErrors(std::move(trainError), std::move(error));
    };
    llvm::json::Value steps_json = nullptr;
    if (mode == "one-shot") {
      llvm::Expected<int> pruned = runtime::pruneByMagnitude(
          program, alpha, *parsedCriterion, *parsedScope);
      if (!pruned) {
        mlir::emitError(networkLocation(module)) << "photonic-prune-magnitude: "
                           << llvm::toString(pruned.takeError());
        return signalPassFailure();
      }
      fineTune(program);
    } else {
      runtime::IterativeMagnitudeOptions options;
      options.alpha = alpha;
      options.steps = steps;
      options.criterion = *parsedCriterion;
      options.scope = *parsedScope;
      llvm::Expected<std::vector<runtime::MagnitudeStep>> result =
          runtime::pruneByMagnitudeIterative(program, options, fineTune);
      if (!result) {
        mlir::emitError(networkLocation(module)) << "photonic-prune-magnitude: "
                           << llvm::toString(result.takeError());
        return signalPassFailure();
      }
      steps_json = runtime::toJson(*result);
    }
    if (trainError) {
      mlir::emitError(networkLocation(module)) << "photonic-prune-magnitude: "
                         << llvm::toString(std::move(trainError));
      return signalPassFailure();
    }
    if (failed(session->write(program)))
      return signalPassFailure();

    double accuracyAfter = session->testAccuracy(program);
    double validationAfter = session->validationAccuracy(program);
    runtime::NetworkMetrics after = runtime::computeMetrics(program);
    runtime::MetricsComparison change = runtime::compareMetrics(before, after);
    llvm::errs() << llvm::format(
        "photonic-prune-magnitude: %s, alpha %g, criterion %s, %s: sparsity "
        "%.1f %% (theta %.1f %%, phi %.1f %%), %s accuracy %.2f %% -> "
        "%.2f %%, test accuracy %.2f %% -> %.2f %%\n",
        mode.getValue().c_str(), alpha.getValue(),
        runtime::phaseCriterionName(*parsedCriterion),
        runtime::pruneScopeName(*parsedScope),
        100.0 * after.prunable.sparsity(), 100.0 * after.theta.sparsity(),
        100.0 * after.phi.sparsity(), session->selectionSplitName(),
        100.0 * validationBefore, 100.0 * validationAfter,
        100.0 * accuracyBefore, 100.0 * accuracyAfter);
    if (failed(session->writeReport(llvm::json::Object{
            {"mode", mode.getValue()},
            {"alpha", alpha.getValue()},
            {"steps", std::move(steps_json)},
            {"criterion", runtime::phaseCriterionName(*parsedCriterion)},
            {"scope", runtime::pruneScopeName(*parsedScope)},
            {"accuracy_before", accuracyBefore},
            {"accuracy_after", accuracyAfter},
            {"validation_accuracy_before", validationBefore},
            {"validation_accuracy_after", validationAfter},
            {"selection_split", session->selectionSplitName()},
            {"metrics_before", runtime::toJson(before)},
            {"metrics_after", runtime::toJson(after)},
            {"change", runtime::toJson(change)}})))
      return signalPassFailure();
  }
};

} // namespace
