//===- TrainingSession.cpp - What the training passes share ---------------===//
#include "TrainingSession.h"

#include "photon/Transforms/PassLocation.h"
#include "photon/Bridge/RuntimeBridge.h"
#include "photon/Runtime/Gradient.h"
#include "photon/Runtime/Progress.h"
#include "photon/Transforms/Report.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>

using namespace mlir;

namespace photon {

FailureOr<TrainingSession> TrainingSession::open(ModuleOp module,
                                                 StringRef passName,
                                                 const TrainingKnobs &knobs,
                                                 bool allowZeroEpochs) {
  auto bad = [&](const Twine &message) {
    mlir::emitError(networkLocation(module)) << passName << ": " << message;
    return failure();
  };
  if (knobs.epochs < (allowZeroEpochs ? 0 : 1) ||
      knobs.epochs > runtime::kMaxEpochs)
    return bad("'epochs' must be in " + Twine(allowZeroEpochs ? 0 : 1) +
               ".." + Twine(runtime::kMaxEpochs) + ", got " +
               Twine(knobs.epochs));
  if (knobs.batchSize < 1 || knobs.batchSize > runtime::kMaxBatchSize)
    return bad("'batch-size' must be in 1.." + Twine(runtime::kMaxBatchSize) +
               ", got " + Twine(knobs.batchSize));
  if (!(knobs.learningRate > 0.0) || !std::isfinite(knobs.learningRate))
    return bad("'learning-rate' must be a finite value > 0, got " +
               Twine(std::to_string(knobs.learningRate)));
  if (knobs.optimizer != "adam" && knobs.optimizer != "sgd")
    return bad("'optimizer' must be adam or sgd, got '" + knobs.optimizer +
               "'");
  if (!runtime::parsePhaseRange(knobs.phaseRange))
    return bad("'phase-range' must be wrap or floor, got '" +
               knobs.phaseRange + "'");
  if (knobs.threads < 1 || knobs.threads > runtime::kMaxThreads)
    return bad("'threads' must be in 1.." + Twine(runtime::kMaxThreads) +
               ", got " + Twine(knobs.threads));

  if (!knobs.report.empty() && failed(checkReportPath(module, knobs.report)))
    return failure();

  TrainingSession session;
  session.module = module;
  session.passName = passName.str();
  session.options = knobs;
  FailureOr<func::FuncOp> func = getEntryFunction(module);
  if (failed(func))
    return failure();
  session.func = *func;
  FailureOr<runtime::Program> program = buildProgram(*func);
  if (failed(program))
    return failure();
  session.network = std::move(*program);
  if (llvm::Error error = runtime::checkTrainable(session.network))
    return bad(llvm::toString(std::move(error)));

  llvm::Expected<runtime::TrainTestSplit> data =
      runtime::loadDataSelection(knobs.data);
  if (!data)
    return bad(llvm::toString(data.takeError()));
  session.data = std::move(*data);
  if (session.data.train.dims() != session.network.inputs)
    return bad("the network takes " + Twine(session.network.inputs) +
               " inputs but data set '" + knobs.data.dataset + "' has " +
               Twine(session.data.train.dims()) + " features");
  if (session.data.train.classes > session.network.outputs)
    return bad("the network has " + Twine(session.network.outputs) +
               " outputs but data set '" + knobs.data.dataset + "' has " +
               Twine(session.data.train.classes) + " classes");
  return session;
}

llvm::Error TrainingSession::train(
    runtime::Program &program,
    std::function<void(runtime::TrainOptions &)> customize) {
  runtime::TrainOptions train;
  train.epochs = options.epochs;
  train.batchSize = options.batchSize;
  train.learningRate = options.learningRate;
  train.optimizer = options.optimizer == "sgd" ? runtime::OptimizerKind::Sgd
                                               : runtime::OptimizerKind::Adam;
  train.cosineDecay = options.cosineDecay;
  train.phaseRange =
      runtime::parsePhaseRange(options.phaseRange).value_or(
          runtime::PhaseRange::Wrap);
  train.seed = static_cast<uint64_t>(options.seed);
  train.threads = options.threads;
  if (customize)
    customize(train);
  if (train.epochs == 0)
    return llvm::Error::success();
  runtime::ProgressMeter meter(
      (progressLabel.empty() ? passName : progressLabel) + ": epochs",
      train.epochs);
  if (meter.visible())
    train.progress = [&](int, double loss, double accuracy) {
      meter.advance(1, llvm::formatv("loss {0:f4}, train accuracy {1:f2} %",
                                     loss, 100.0 * accuracy)
                           .str());
    };
  llvm::Expected<runtime::TrainResult> result = runtime::train(
      program, data.train.features, data.train.labels, train);
  if (!result)
    return result.takeError();
  return llvm::Error::success();
}

static double accuracyOn(const runtime::Program &program,
                         const runtime::Dataset &set, int threads) {
  llvm::Expected<runtime::Evaluation> evaluation =
      runtime::evaluate(program, set.features, set.labels, threads);
  if (!evaluation) {
    llvm::consumeError(evaluation.takeError());
    return std::nan("");
  }
  return evaluation->accuracy;
}

double TrainingSession::testAccuracy(const runtime::Program &program) {
  return accuracyOn(program, data.test, options.threads);
}

double TrainingSession::trainAccuracy(const runtime::Program &program) {
  return accuracyOn(program, data.train, options.threads);
}

double TrainingSession::validationAccuracy(const runtime::Program &program) {
  if (data.validation.samples() == 0)
    return trainAccuracy(program);
  return accuracyOn(program, data.validation, options.threads);
}

const char *TrainingSession::selectionSplitName() const {
  return data.validation.samples() == 0 ? "train" : "validation";
}

llvm::Expected<TrainingSession::NoisyAccuracy>
TrainingSession::noisyTestAccuracy(const runtime::Program &program,
                                   const runtime::NoiseModel &model,
                                   int trials, uint64_t seed) {
  llvm::Expected<runtime::MonteCarloResult> noisy =
      runtime::evaluateUnderNoise(program, model, data.test.features,
                                  data.test.labels, trials, seed,
                                  options.threads);
  if (!noisy)
    return noisy.takeError();
  return NoisyAccuracy{testAccuracy(program), std::move(*noisy)};
}

std::string TrainingSession::describeBeforeAfter(const NoisyAccuracy &before,
                                                 const NoisyAccuracy &after) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << llvm::format("  before: clean %.2f %%, noisy %.2f ± %.2f %% (worst "
                     "%.2f %%, %d chips)\n",
                     100.0 * before.clean, 100.0 * before.noisy.mean,
                     100.0 * before.noisy.std, 100.0 * before.noisy.worst,
                     before.noisy.trials)
     << llvm::format("  after:  clean %.2f %%, noisy %.2f ± %.2f %% (worst "
                     "%.2f %%)\n",
                     100.0 * after.clean, 100.0 * after.noisy.mean,
                     100.0 * after.noisy.std, 100.0 * after.noisy.worst);
  return text;
}

void TrainingSession::addBeforeAfter(llvm::json::Object &report,
                                     const NoisyAccuracy &before,
                                     const NoisyAccuracy &after) {
  auto toJson = [](const runtime::MonteCarloResult &r) {
    return llvm::json::Object{{"mean", r.mean},   {"std", r.std},
                              {"worst", r.worst}, {"best", r.best},
                              {"trials", r.trials}};
  };
  report["clean_accuracy_before"] = before.clean;
  report["clean_accuracy_after"] = after.clean;
  report["noisy_before"] = toJson(before.noisy);
  report["noisy_after"] = toJson(after.noisy);
}

void TrainingSession::quantizeInputs(int bits) {
  runtime::quantizeComplexColumns(data.train.features, bits);
}

runtime::Program TrainingSession::initialProgram() {
  if (hasInitialValues(func))
    return readInitialValues(func, network);
  writeInitialValues(func, network);
  return network;
}

LogicalResult TrainingSession::write(const runtime::Program &program) {
  // A diverged run (an absurd learning rate) must not reach the IR as nan.
  if (llvm::Error error = runtime::verifyProgram(program)) {
    mlir::emitError(networkLocation(module))
        << passName << ": training diverged: "
        << llvm::toString(std::move(error)) << " (lower the learning rate)";
    return failure();
  }
  writeProgram(func, program);
  return success();
}

LogicalResult TrainingSession::writeReport(llvm::json::Object report) {
  if (options.report.empty())
    return success();
  report["pass"] = passName;
  report["dataset"] = options.data.dataset;
  report["train_samples"] = data.train.samples();
  report["validation_samples"] = data.validation.samples();
  report["test_samples"] = data.test.samples();
  return writeJsonReport(module, options.report,
                         llvm::json::Value(std::move(report)));
}

std::string TrainingSession::describeData() const {
  return options.data.dataset + " (" + std::to_string(data.train.samples()) +
         " train, " + std::to_string(data.validation.samples()) +
         " validation, " + std::to_string(data.test.samples()) +
         " test samples)";
}

} // namespace photon
