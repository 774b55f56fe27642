//===- SzoFinetune.cpp - On-chip fine-tuning by SZO-SCD -------------------===//
//
// Deploys the network on one simulated chip (static phase noise drawn once)
// and tunes the active shifters with forward queries only: SZO-SCD or the
// zeroth-order gradient baseline (runtime/SzoScd.h, ZerothOrder.h). See the
// pass description in Passes.td.
//
//===----------------------------------------------------------------------===//
#include "TrainingSession.h"

#include "photon/Transforms/PassLocation.h"
#include "photon/Bridge/RuntimeBridge.h"
#include "photon/Dialect/PhotonicOps.h"
#include "photon/Transforms/Passes.h"

#include "photon/Runtime/Gradient.h"
#include "photon/Runtime/Metrics.h"
#include "photon/Runtime/MonteCarlo.h"
#include "photon/Runtime/NoiseModel.h"
#include "photon/Runtime/Pruning.h"
#include "photon/Runtime/Random.h"
#include "photon/Runtime/Simulator.h"
#include "photon/Runtime/SzoScd.h"
#include "photon/Runtime/ZerothOrder.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>
#include <string>

namespace photon {
#define GEN_PASS_DEF_SZOFINETUNE
#include "photon/Transforms/Passes.h.inc"
} // namespace photon

using namespace mlir;
using namespace photon;

namespace {

/// The chip: programmed phases → realised phases (static draws fixed).
struct Chip {
  runtime::NoiseModel model;
  runtime::StaticNoiseSample sample;

  runtime::Program realise(const runtime::Program &programmed) const {
    runtime::Program chip = programmed;
    runtime::applyPhaseNoise(chip, sample, model);
    return chip;
  }

  double accuracy(const runtime::Program &programmed,
                  const runtime::Dataset &set) const {
    runtime::Program chip = realise(programmed);
    Eigen::MatrixXcd outputs = runtime::simulate(chip, set.features);
    int correct = runtime::countCorrect(outputs, chip.electricalOutputs(),
                                        set.labels);
    return set.samples() ? static_cast<double>(correct) / set.samples() : 0.0;
  }
};

struct SzoFinetunePass
    : public photon::impl::SzoFinetuneBase<SzoFinetunePass> {
  using SzoFinetuneBase::SzoFinetuneBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    auto fail = [&](const llvm::Twine &message) {
      mlir::emitError(networkLocation(module))
          << "photonic-szo-finetune: " << message;
      signalPassFailure();
    };
    if (method != "szo-scd" && method != "zo")
      return fail("'method' must be szo-scd or zo, got '" + method + "'");
    if (!(alpha > 0.0 && alpha <= 1.0))
      return fail("'alpha' must be in (0, 1], got " + llvm::formatv("{0}", alpha.getValue()).str());
    if (!(sparsity > 0.0 && sparsity <= 1.0))
      return fail("'s' must be in (0, 1], got " + llvm::formatv("{0}", sparsity.getValue()).str());
    if (!(power >= 0.0 && power <= 1.0))
      return fail("'p' must be in [0, 1], got " + llvm::formatv("{0}", power.getValue()).str());
    if (epochs < 1 || epochs > runtime::kMaxEpochs || batchSize < 1 ||
        batchSize > runtime::kMaxBatchSize || maxQueries < 0 ||
        directions < 1 || directions > runtime::kMaxBatchSize)
      return fail(llvm::formatv("expects epochs in 1..{0}, batch-size and "
                                "directions in 1..{1} and max-queries >= 0",
                                runtime::kMaxEpochs, runtime::kMaxBatchSize)
                      .str());
    if (evalEvery < 0)
      return fail("'eval-every' must be >= 0, got " +
                  llvm::formatv("{0}", evalEvery.getValue()).str());
    if (!(targetAccuracy >= 0.0 && targetAccuracy <= 1.0))
      return fail("'target-accuracy' must be in [0, 1], got " +
                  llvm::formatv("{0}", targetAccuracy.getValue()).str());
    if (targetAccuracy > 0.0 && evalEvery == 0)
      return fail("'target-accuracy' needs 'eval-every' > 0");
    llvm::Expected<runtime::NoiseModel> model =
        runtime::parseNoiseModel(deployNoise);
    if (!model)
      return fail("bad 'deploy-noise': " + llvm::toString(model.takeError()));

    TrainingKnobs knobs;
    knobs.data.dataset = dataset;
    knobs.data.dataDir = dataDir;
    knobs.data.trainFile = trainFile;
    knobs.data.testFile = testFile;
    knobs.data.fftRadius = fftRadius;
    knobs.data.trainLimit = trainLimit;
    knobs.data.validation = validation;
    knobs.data.validationSeed = static_cast<uint64_t>(validationSeed.getValue());
    knobs.epochs = 0;
    knobs.report = report;
    FailureOr<TrainingSession> session =
        TrainingSession::open(module, "photonic-szo-finetune", knobs,
                              /*allowZeroEpochs=*/true);
    if (failed(session))
      return signalPassFailure();
    runtime::Program &program = session->program();
    const runtime::Dataset &trainSet = session->split().train;
    const runtime::Dataset &testSet = session->split().test;

    // The active set: from the IR when every mesh has one, else drawn.
    SmallVector<MeshOp> meshOps;
    session->function().walk([&](MeshOp op) { meshOps.push_back(op); });
    std::vector<int> meshLayers = runtime::meshLayerIndices(program);
    if (meshLayers.size() != meshOps.size())
      return fail("internal error: mesh ops and mesh layers differ");
    bool fromIr = !meshOps.empty() &&
                  llvm::all_of(meshOps, [](MeshOp op) {
                    return op.getActive().has_value();
                  });
    runtime::ActiveShifters active;
    if (fromIr) {
      active.meshLayers = meshLayers;
      for (MeshOp op : meshOps)
        active.flags.emplace_back(op.getActive()->begin(),
                                  op.getActive()->end());
      if (llvm::Error error = runtime::checkActiveShifters(program, active))
        return fail(llvm::toString(std::move(error)));
    } else {
      llvm::Expected<runtime::ActiveShifters> drawn =
          runtime::selectActiveShifters(program, alpha,
                                        static_cast<uint64_t>(seed));
      if (!drawn)
        return fail(llvm::toString(drawn.takeError()));
      active = std::move(*drawn);
    }
    if (tuneSigma) {
      runtime::addTunableAttenuators(program, active);
      if (llvm::Error error = runtime::checkActiveShifters(program, active))
        return fail(llvm::toString(std::move(error)));
    }
    // The chip heats only the active shifters (NoiseModel.h, crosstalk).
    runtime::markActiveShifters(program, active);

    Chip chip;
    chip.model = *model;
    {
      runtime::Random random(static_cast<uint64_t>(noiseSeed.getValue()));
      chip.sample = runtime::sampleStaticNoise(program, chip.model, random);
    }
    // A query realises the programmed phases on the chip and measures the
    // mini-batch loss. Both methods query one batch many times in a row, so
    // the batch's columns are gathered once and the buffers are reused.
    std::vector<int> cachedBatch;
    Eigen::MatrixXcd batchInputs;
    std::vector<int> batchLabels;
    runtime::Program realised;
    auto queryLoss = [&](const runtime::Program &programmed,
                         const std::vector<int> &batch) {
      if (batch != cachedBatch) {
        cachedBatch = batch;
        batchInputs.resize(trainSet.features.rows(),
                           static_cast<Eigen::Index>(batch.size()));
        batchLabels.resize(batch.size());
        for (size_t j = 0; j < batch.size(); ++j) {
          batchInputs.col(static_cast<Eigen::Index>(j)) =
              trainSet.features.col(batch[j]);
          batchLabels[j] = trainSet.labels[batch[j]];
        }
      }
      realised = programmed;
      runtime::applyPhaseNoise(realised, chip.sample, chip.model);
      return runtime::crossEntropyLoss(realised, batchInputs, batchLabels);
    };

    // What decisions use: the validation split (the training split when
    // there is none), never the test split.
    const runtime::Dataset &selectSet = session->split().validation.samples()
                                            ? session->split().validation
                                            : trainSet;
    const double ideal = session->testAccuracy(program);
    const double idealSelect = session->validationAccuracy(program);
    const double deployedBefore = chip.accuracy(program, testSet);
    const double selectBefore = chip.accuracy(program, selectSet);
    const double activePowerBefore =
        runtime::activePowerMw(program, active, runtime::PowerModel{});

    // Checkpoints: queries so far, then the chip's accuracies and power.
    llvm::json::Array checkpoints;
    std::optional<int64_t> queriesToTarget;
    auto checkpoint = [&](const runtime::Program &current,
                          const runtime::OnChipCounters &c) {
      const double select = chip.accuracy(current, selectSet);
      checkpoints.push_back(llvm::json::Object{
          {"queries", c.queries},
          {"samples", c.samples},
          {"validation_accuracy", select},
          {"test_accuracy", chip.accuracy(current, testSet)},
          {"active_power_mw",
           runtime::activePowerMw(current, active, runtime::PowerModel{})},
          {"total_power_mw",
           runtime::computeMetrics(current).totalPowerMw()}});
      if (targetAccuracy > 0.0 && select >= targetAccuracy) {
        queriesToTarget = c.queries;
        return false;
      }
      return true;
    };

    // The options both methods share, then each method's own.
    auto common = [&](runtime::OnChipOptions &o) {
      o.alpha = alpha;
      o.epochs = epochs;
      o.batchSize = batchSize;
      o.seed = static_cast<uint64_t>(seed.getValue());
      o.maxQueries = maxQueries;
      if (evalEvery > 0) {
        o.checkpoint = checkpoint;
        o.checkpointEvery = evalEvery;
      }
    };
    llvm::Expected<runtime::OnChipResult> result =
        llvm::createStringError(llvm::inconvertibleErrorCode(), "not run");
    if (method == "szo-scd") {
      runtime::SzoScdOptions o;
      common(o);
      o.s = sparsity;
      o.delta = delta;
      o.decay = decay;
      o.p = power;
      result = runtime::runSzoScd(program, active, trainSet.samples(),
                                  queryLoss, o);
    } else {
      runtime::ZerothOrderOptions o;
      common(o);
      o.directions = directions;
      o.mu = mu;
      o.learningRate = zoLearningRate;
      o.decay = decay;
      result = runtime::runZerothOrder(program, active, trainSet.samples(),
                                       queryLoss, o);
    }
    if (!result)
      return fail(llvm::toString(result.takeError()));

    program = result->program;
    if (failed(session->write(program)))
      return signalPassFailure();
    for (auto [op, flags] : llvm::zip(meshOps, active.flags)) {
      SmallVector<bool> bits(flags.begin(), flags.end());
      op.setActiveAttr(DenseBoolArrayAttr::get(op.getContext(), bits));
    }

    const double deployedAfter = chip.accuracy(program, testSet);
    const double selectAfter = chip.accuracy(program, selectSet);
    const double activePowerAfter =
        runtime::activePowerMw(program, active, runtime::PowerModel{});
    const runtime::OnChipCounters &c = result->totals;
    llvm::errs() << llvm::format(
        "photonic-szo-finetune: %s on %s, chip %s, %d of %d mesh shifters "
        "active, %d attenuators tuned\n"
        "  test accuracy: ideal %.2f %%, deployed %.2f %% -> %.2f %%\n"
        "  %lld queries (%lld samples), %lld accepted steps, %lld step "
        "backs (%lld skipped for power)\n"
        "  active shifter power %.1f -> %.1f mW\n",
        method.getValue().c_str(), session->describeData().c_str(),
        runtime::formatNoiseModel(chip.model).c_str(), active.meshCount(),
        runtime::computeMetrics(program).prunable.count,
        static_cast<int>(active.attenuators.size()), 100.0 * ideal,
        100.0 * deployedBefore, 100.0 * deployedAfter,
        static_cast<long long>(c.queries), static_cast<long long>(c.samples),
        static_cast<long long>(c.accepted), static_cast<long long>(c.stepBacks),
        static_cast<long long>(c.skippedStepBacks), activePowerBefore,
        activePowerAfter);
    if (targetAccuracy > 0.0) {
      std::string outcome =
          queriesToTarget
              ? llvm::formatv("reached after {0} queries", *queriesToTarget)
                    .str()
              : std::string("not reached");
      llvm::errs() << llvm::format("  target %.2f %% %s accuracy: %s\n",
                                   100.0 * targetAccuracy,
                                   session->selectionSplitName(),
                                   outcome.c_str());
    }
    if (failed(session->writeReport(llvm::json::Object{
            {"method", method.getValue()},
            {"deploy_noise", runtime::formatNoiseModel(chip.model)},
            {"active_shifters", active.meshCount()},
            {"tuned_attenuators", static_cast<int64_t>(active.attenuators.size())},
            {"selection_split", session->selectionSplitName()},
            {"ideal_validation_accuracy", idealSelect},
            {"validation_accuracy_before", selectBefore},
            {"validation_accuracy_after", selectAfter},
            {"target_accuracy", targetAccuracy.getValue()},
            {"queries_to_target", queriesToTarget
                                      ? llvm::json::Value(*queriesToTarget)
                                      : llvm::json::Value(nullptr)},
            {"checkpoints", std::move(checkpoints)},
            {"ideal_accuracy", ideal},
            {"deployed_accuracy_before", deployedBefore},
            {"deployed_accuracy_after", deployedAfter},
            {"queries", c.queries},
            {"samples", c.samples},
            {"accepted", c.accepted},
            {"step_backs", c.stepBacks},
            {"skipped_step_backs", c.skippedStepBacks},
            {"active_power_mw_before", activePowerBefore},
            {"active_power_mw_after", activePowerAfter},
            {"total_power_mw_after",
             runtime::computeMetrics(program).totalPowerMw()}})))
      return signalPassFailure();
  }
};

} // namespace
