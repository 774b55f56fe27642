//===- PruneRandom.cpp - Random pruning (the control) ---------------------===//
#include "TrainingSession.h"

#include "photon/Transforms/PassLocation.h"
#include "photon/Dialect/PhotonicOps.h"
#include "photon/Transforms/Passes.h"

#include "photon/Runtime/Metrics.h"
#include "photon/Runtime/RandomPruning.h"
#include "photon/Runtime/SnipSaliency.h"

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
    if (ratio != "uniform" && ratio != "erk" && ratio != "snip") {
      mlir::emitError(networkLocation(module))
          << "photonic-prune-random: 'ratio' must be uniform, erk or snip, "
             "got '"
          << ratio << "'";
      return signalPassFailure();
    }
    if (snipSamples < 1) {
      mlir::emitError(networkLocation(module))
          << "photonic-prune-random: 'snip-samples' must be >= 1, got "
          << snipSamples.getValue();
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
    options.ratio = ratio == "erk"    ? runtime::LayerRatio::Erk
                    : ratio == "snip" ? runtime::LayerRatio::Snip
                                      : runtime::LayerRatio::Uniform;
    options.seed = static_cast<uint64_t>(pruneSeed.getValue());
    if (options.ratio == runtime::LayerRatio::Snip) {
      const runtime::Dataset &train = session->split().train;
      int samples = std::min(snipSamples.getValue(), train.samples());
      llvm::Expected<std::vector<std::vector<double>>> saliency =
          runtime::snipSaliency(
              program, train.features.leftCols(samples),
              llvm::ArrayRef<int>(train.labels).take_front(samples), threads);
      if (!saliency) {
        mlir::emitError(networkLocation(module))
            << "photonic-prune-random: " << llvm::toString(saliency.takeError());
        return signalPassFailure();
      }
      options.saliency = std::move(*saliency);
    }
    llvm::Expected<runtime::RandomPruningResult> result =
        runtime::pruneRandom(program, options);
    if (!result) {
      mlir::emitError(networkLocation(module)) << "photonic-prune-random: "
                         << llvm::toString(result.takeError());
      return signalPassFailure();
    }
    if (llvm::Error error = session->train(program)) {
      mlir::emitError(networkLocation(module)) << "photonic-prune-random: "
                         << llvm::toString(std::move(error));
      return signalPassFailure();
    }
    if (failed(session->write(program)))
      return signalPassFailure();

    double accuracy = session->testAccuracy(program);
    double validationAccuracy = session->validationAccuracy(program);
    runtime::NetworkMetrics after = runtime::computeMetrics(program);
    llvm::errs() << llvm::format(
        "photonic-prune-random: %s, %d shifters pruned: sparsity %.1f %%, "
        "%s accuracy %.2f %%, test accuracy %.2f %%\n",
        ratio.getValue().c_str(), result->totalPruned,
        100.0 * after.prunable.sparsity(), session->selectionSplitName(),
        100.0 * validationAccuracy, 100.0 * accuracy);
    llvm::json::Array layerSparsity;
    for (double s : result->targetSparsity)
      layerSparsity.push_back(s);
    if (failed(session->writeReport(llvm::json::Object{
            {"ratio", ratio.getValue()},
            {"fraction", fraction.getValue()},
            {"pruned", result->totalPruned},
            {"target_mesh_sparsity", std::move(layerSparsity)},
            {"accuracy_after", accuracy},
            {"validation_accuracy_after", validationAccuracy},
            {"metrics_before", runtime::toJson(before)},
            {"metrics_after", runtime::toJson(after)},
            {"change", runtime::toJson(runtime::compareMetrics(before, after))}})))
      return signalPassFailure();
  }
};

} // namespace
