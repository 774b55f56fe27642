//===- PruneRandom.cpp - Random pruning (the control) ---------------------===//
#include "TrainingSession.h"

#include "photon/Dialect/PhotonicOps.h"
#include "photon/Transforms/Passes.h"

#include "photon/Runtime/Metrics.h"
#include "photon/Runtime/RandomPruning.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

namespace photon {
#define GEN_PASS_DEF_PRUNERANDOM
#include "photon/Transforms/Passes.h.inc"
} // namespace photon

using namespace mlir;
using namespace photon;

namespace {

struct PruneRandomPass
    : public photon::impl::PruneRandomBase<PruneRandomPass> {
  using PruneRandomBase::PruneRandomBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (ratio != "uniform" && ratio != "erk") {
      mlir::emitError(module.getLoc()) << "photonic-prune-random: 'ratio' must be uniform "
                            "or erk, got '"
                         << ratio << "'";
      return signalPassFailure();
    }
    FailureOr<TrainingSession> session =
        TrainingSession::open(module, "photonic-prune-random",
                              PHOTON_TRAINING_KNOBS(), /*allowZeroEpochs=*/true);
    if (failed(session))
      return signalPassFailure();
    runtime::Program &program = session->program();
    runtime::NetworkMetrics before = runtime::computeMetrics(program);

    runtime::RandomPruningOptions options;
    options.fraction = fraction;
    options.ratio = ratio == "erk" ? runtime::LayerRatio::Erk
                                   : runtime::LayerRatio::Uniform;
    options.seed = static_cast<uint64_t>(pruneSeed.getValue());
    llvm::Expected<runtime::RandomPruningResult> result =
        runtime::pruneRandom(program, options);
    if (!result) {
      mlir::emitError(module.getLoc()) << "photonic-prune-random: "
                         << llvm::toString(result.takeError());
      return signalPassFailure();
    }
    if (llvm::Error error = session->train(program)) {
      mlir::emitError(module.getLoc()) << "photonic-prune-random: "
                         << llvm::toString(std::move(error));
      return signalPassFailure();
    }
    session->write(program);

    double accuracy = session->testAccuracy(program);
    runtime::NetworkMetrics after = runtime::computeMetrics(program);
    llvm::errs() << llvm::format(
        "photonic-prune-random: %s, %d shifters pruned: sparsity %.1f %%, "
        "test accuracy %.2f %%\n",
        ratio.getValue().c_str(), result->totalPruned,
        100.0 * after.prunable.sparsity(), 100.0 * accuracy);
    if (failed(session->writeReport(llvm::json::Object{
            {"ratio", ratio.getValue()},
            {"fraction", fraction.getValue()},
            {"pruned", result->totalPruned},
            {"accuracy_after", accuracy},
            {"metrics_before", runtime::toJson(before)},
            {"metrics_after", runtime::toJson(after)},
            {"change", runtime::toJson(runtime::compareMetrics(before, after))}})))
      return signalPassFailure();
  }
};

} // namespace
