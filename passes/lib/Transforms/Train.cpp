//===- Train.cpp - Hardware-aware training of the phases ------------------===//
#include "TrainingSession.h"

#include "photon/Transforms/PassLocation.h"
#include "photon/Dialect/PhotonicOps.h"
#include "photon/Transforms/Passes.h"

#include "photon/Runtime/Metrics.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

namespace photon {
#define GEN_PASS_DEF_TRAIN
#include "photon/Transforms/Passes.h.inc"
} // namespace photon

using namespace mlir;
using namespace photon;

namespace {

struct TrainPass : public photon::impl::TrainBase<TrainPass> {
  using TrainBase::TrainBase;

  void runOnOperation() override {
    FailureOr<TrainingSession> session =
        TrainingSession::open(getOperation(), "photonic-train",
                              PHOTON_TRAINING_KNOBS(), /*allowZeroEpochs=*/false);
    if (failed(session))
      return signalPassFailure();
    runtime::Program &program = session->program();
    // Lottery-ticket resets need the phases from before the first training.
    session->initialProgram();
    if (llvm::Error error = session->train(program)) {
      mlir::emitError(networkLocation(getOperation()))
          << "photonic-train: " << llvm::toString(std::move(error));
      return signalPassFailure();
    }
    if (failed(session->write(program)))
      return signalPassFailure();

    double trainAccuracy = session->trainAccuracy(program);
    double validationAccuracy = session->validationAccuracy(program);
    double testAccuracy = session->testAccuracy(program);
    runtime::NetworkMetrics metrics = runtime::computeMetrics(program);
    llvm::errs() << llvm::format(
        "photonic-train: %d epochs on %s: train accuracy %.2f %%, %s "
        "accuracy %.2f %%, test accuracy %.2f %%; mesh shifters at 0: %.1f "
        "%%, mean phase %.3f rad\n",
        epochs.getValue(), session->describeData().c_str(),
        100.0 * trainAccuracy, session->selectionSplitName(),
        100.0 * validationAccuracy, 100.0 * testAccuracy,
        100.0 * metrics.prunable.sparsity(), metrics.prunable.meanPhase());
    if (failed(session->writeReport(llvm::json::Object{
            {"epochs", epochs.getValue()},
            {"train_accuracy", trainAccuracy},
            {"validation_accuracy", validationAccuracy},
            {"test_accuracy", testAccuracy},
            {"metrics", runtime::toJson(metrics)}})))
      return signalPassFailure();
  }
};

} // namespace
