//===- Trainer.cpp - Hardware-aware training of a program -----------------===//
#include "photon/Runtime/Trainer.h"

#include "photon/Runtime/Gradient.h"
#include "photon/Runtime/Limits.h"
#include "photon/Runtime/Random.h"

#include "llvm/Support/FormatVariadic.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace photon::runtime {

namespace {
llvm::Error makeError(const llvm::Twine &message) {
  return llvm::make_error<llvm::StringError>(message,
                                             llvm::inconvertibleErrorCode());
}

/// splitmix64 of the pair: one unrelated noise stream per batch.
uint64_t batchNoiseSeed(uint64_t seed, int64_t step) {
  uint64_t z = seed ^ (0x9e3779b97f4a7c15ULL * static_cast<uint64_t>(step + 1));
  z += 0x9e3779b97f4a7c15ULL;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

llvm::Error checkOptions(const TrainOptions &options) {
  if (options.epochs < 0 || options.epochs > kMaxEpochs)
    return makeError(llvm::formatv("epochs is {0}, expected 0..{1}",
                                   options.epochs, kMaxEpochs));
  if (options.batchSize < 1 || options.batchSize > kMaxBatchSize)
    return makeError(llvm::formatv("batch size is {0}, expected 1..{1}",
                                   options.batchSize, kMaxBatchSize));
  if (options.threads < 1 || options.threads > kMaxThreads)
    return makeError(llvm::formatv("threads is {0}, expected 1..{1}",
                                   options.threads, kMaxThreads));
  if (!std::isfinite(options.learningRate) || options.learningRate < 0.0)
    return makeError(llvm::formatv(
        "learning rate is {0}, expected a finite value >= 0",
        options.learningRate));
  if (!std::isfinite(options.momentum) || options.momentum < 0.0)
    return makeError(llvm::formatv(
        "momentum is {0}, expected a finite value >= 0", options.momentum));
  return llvm::Error::success();
}
} // namespace

llvm::Expected<TrainResult> train(Program &program,
                                  const Eigen::MatrixXcd &inputs,
                                  llvm::ArrayRef<int> labels,
                                  const TrainOptions &options) {
  if (llvm::Error e = checkTrainable(program))
    return std::move(e);
  if (llvm::Error e = checkDataset(program, inputs, labels))
    return std::move(e);
  if (llvm::Error e = checkOptions(options))
    return std::move(e);

  const int samples = static_cast<int>(inputs.cols());
  const int batches = (samples + options.batchSize - 1) / options.batchSize;
  OptimizerOptions optimizerOptions;
  optimizerOptions.kind = options.optimizer;
  optimizerOptions.learningRate = options.learningRate;
  optimizerOptions.momentum = options.momentum;
  optimizerOptions.cosineDecay = options.cosineDecay;
  optimizerOptions.totalSteps = static_cast<int64_t>(options.epochs) * batches;
  optimizerOptions.freezePhases = options.freezePhases;
  optimizerOptions.phaseRange = options.phaseRange;
  Optimizer optimizer(program, optimizerOptions);
  GradientEngine engine(program, options.threads);
  ProgramGradient gradient = ProgramGradient::zerosLike(program);

  Random random(options.seed);
  std::vector<int> order(samples);
  std::iota(order.begin(), order.end(), 0);
  TrainResult result;
  Program forward;
  int64_t step = 0;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    for (int i = samples - 1; i > 0; --i) { // Fisher-Yates
      int j = static_cast<int>(random.uniform() * (i + 1));
      std::swap(order[i], order[std::min(j, i)]);
    }
    double lossSum = 0.0;
    int correct = 0;
    for (int b = 0; b < batches; ++b) {
      const int first = b * options.batchSize;
      const int count = std::min(options.batchSize, samples - first);
      llvm::ArrayRef<int> batch(order.data() + first, count);
      if (options.forwardNoise.enabled()) {
        ForwardNoise noise = options.forwardNoise;
        noise.seed = batchNoiseSeed(options.forwardNoise.seed, step);
        engine.setForwardNoise(noise);
      }
      if (options.perturb) {
        forward = program;
        options.perturb(forward, step);
        engine.setParameters(forward);
      } else {
        engine.setParameters(program);
      }
      ++step;
      BatchStats stats = engine.lossAndGradient(inputs, labels, batch, gradient);
      lossSum += stats.loss * count;
      correct += stats.correct;
      optimizer.step(program, gradient);
    }
    EpochStats epochStats;
    epochStats.epoch = epoch;
    epochStats.loss = samples > 0 ? lossSum / samples : 0.0;
    epochStats.accuracy =
        samples > 0 ? static_cast<double>(correct) / samples : 0.0;
    result.epochs.push_back(epochStats);
    if (options.progress)
      options.progress(epoch, epochStats.loss, epochStats.accuracy);
  }
  result.steps = optimizer.steps();
  return result;
}

llvm::Expected<Evaluation> evaluate(const Program &program,
                                    const Eigen::MatrixXcd &inputs,
                                    llvm::ArrayRef<int> labels, int threads) {
  if (llvm::Error e = checkTrainable(program))
    return std::move(e);
  if (llvm::Error e = checkDataset(program, inputs, labels))
    return std::move(e);
  GradientEngine engine(program, threads);
  BatchStats stats = engine.evaluate(inputs, labels);
  Evaluation evaluation;
  evaluation.samples = stats.count;
  evaluation.loss = stats.loss;
  evaluation.accuracy =
      stats.count > 0 ? static_cast<double>(stats.correct) / stats.count : 0.0;
  return evaluation;
}

} // namespace photon::runtime
