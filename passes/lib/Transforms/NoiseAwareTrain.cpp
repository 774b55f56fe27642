//===- NoiseAwareTrain.cpp - Noise- and quantization-aware training -------===//
//
// Each mini-batch trains on a freshly sampled noisy copy of the phases
// (NoiseModel.h: applyPhaseNoise) with the straight-through estimator; see
// the pass description in Passes.td and docs/noise.md.
//
//===----------------------------------------------------------------------===//
#include "TrainingSession.h"

#include "photon/Transforms/PassLocation.h"
#include "photon/Dialect/PhotonicOps.h"
#include "photon/Transforms/Passes.h"

#include "photon/Runtime/NoiseModel.h"
#include "photon/Runtime/Random.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

namespace photon {
#define GEN_PASS_DEF_NOISEAWARETRAIN
#include "photon/Transforms/Passes.h.inc"
} // namespace photon

using namespace mlir;
using namespace photon;

namespace {

struct NoiseAwareTrainPass
    : public photon::impl::NoiseAwareTrainBase<NoiseAwareTrainPass> {
  using NoiseAwareTrainBase::NoiseAwareTrainBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    auto fail = [&](const llvm::Twine &message) {
      mlir::emitError(networkLocation(module))
          << "photonic-noise-aware-train: " << message;
      signalPassFailure();
    };
    if (noise.empty())
      return fail("'noise' is required (e.g. noise=phase_sigma=0.05; keys "
                  "in docs/noise.md)");
    llvm::Expected<runtime::NoiseModel> model =
        runtime::parseNoiseModel(noise);
    if (!model)
      return fail("bad 'noise': " + llvm::toString(model.takeError()));
    if (!model->hasPhaseNoise() && model->inputBits == 0)
      return fail("'noise' has no component that training can model "
                  "(phase_sigma, gamma_sigma, crosstalk, phase_bits or "
                  "input_bits)");
    if (evalTrials < 1 || evalTrials > runtime::kMaxTrials)
      return fail("'eval-trials' must be in 1.." +
                  llvm::Twine(runtime::kMaxTrials) + ", got " +
                  llvm::Twine(evalTrials.getValue()));

    FailureOr<TrainingSession> session = TrainingSession::open(
        module, "photonic-noise-aware-train", PHOTON_TRAINING_KNOBS(),
        /*allowZeroEpochs=*/false);
    if (failed(session))
      return signalPassFailure();
    runtime::Program &program = session->program();
    session->initialProgram();
    const uint64_t seed = static_cast<uint64_t>(noiseSeed.getValue());

    auto before = session->noisyTestAccuracy(program, *model, evalTrials, seed);
    if (!before)
      return fail(llvm::toString(before.takeError()));

    if (model->inputBits > 0)
      session->quantizeInputs(model->inputBits);
    const runtime::NoiseModel trainingNoise = *model;
    auto withNoise = [&](runtime::TrainOptions &o) {
      o.perturb = runtime::phaseNoiseHook(trainingNoise, seed ^ 0x6e6f697365ULL);
    };
    if (llvm::Error error = session->train(program, withNoise))
      return fail(llvm::toString(std::move(error)));
    if (failed(session->write(program)))
      return signalPassFailure();

    auto after = session->noisyTestAccuracy(program, *model, evalTrials, seed);
    if (!after)
      return fail(llvm::toString(after.takeError()));
    llvm::errs() << llvm::format(
                        "photonic-noise-aware-train: %d epochs on %s under "
                        "%s\n",
                        epochs.getValue(), session->describeData().c_str(),
                        runtime::formatNoiseModel(*model).c_str())
                 << TrainingSession::describeBeforeAfter(*before, *after);
    llvm::json::Object report{{"epochs", epochs.getValue()},
                              {"noise", runtime::formatNoiseModel(*model)}};
    TrainingSession::addBeforeAfter(report, *before, *after);
    if (failed(session->writeReport(std::move(report))))
      return signalPassFailure();
  }
};

} // namespace
