//===- MonteCarlo.cpp - Accuracy of a program under noise -----------------===//
#include "photon/Runtime/MonteCarlo.h"

#include "photon/Runtime/Limits.h"
#include "photon/Runtime/Metrics.h"
#include "photon/Runtime/WorkerPool.h"

#include "llvm/Support/FormatVariadic.h"

#include <algorithm>
#include <cmath>


namespace photon::runtime {

namespace {
llvm::Error makeError(const llvm::Twine &message) {
  return llvm::make_error<llvm::StringError>(message,
                                             llvm::inconvertibleErrorCode());
}

uint64_t mix(uint64_t z) {
  z += 0x9e3779b97f4a7c15ULL;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}
} // namespace

uint64_t trialSeed(uint64_t seed, uint64_t trial) {
  return mix(mix(seed) ^ mix(trial + 0x5851f42d4c957f2dULL));
}

int countCorrect(const Eigen::MatrixXcd &outputs, bool electricalOutputs,
                 llvm::ArrayRef<int> labels) {
  int correct = 0;
  for (Eigen::Index s = 0; s < outputs.cols(); ++s) {
    int best = 0;
    double top = -INFINITY;
    for (Eigen::Index i = 0; i < outputs.rows(); ++i) {
      const double score = electricalOutputs ? outputs(i, s).real()
                                             : std::norm(outputs(i, s));
      if (score > top) {
        top = score;
        best = static_cast<int>(i);
      }
    }
    correct += best == labels[s];
  }
  return correct;
}

llvm::Expected<MonteCarloResult>
evaluateUnderNoise(const Program &program, const NoiseModel &model,
                   const Eigen::MatrixXcd &inputs, llvm::ArrayRef<int> labels,
                   int trials, uint64_t seed, int threads,
                   const PowerModel &power,
                   const std::function<void()> &onTrialDone) {
  if (llvm::Error e = verifyProgram(program))
    return std::move(e);
  if (llvm::Error e = checkNoiseModel(model))
    return std::move(e);
  if (trials < 1 || trials > kMaxTrials)
    return makeError(llvm::formatv("trials is {0}, expected 1..{1}", trials,
                                   kMaxTrials));
  if (threads < 1 || threads > kMaxThreads)
    return makeError(llvm::formatv("threads is {0}, expected 1..{1}", threads,
                                   kMaxThreads));
  if (inputs.rows() != program.inputs)
    return makeError(llvm::formatv(
        "the inputs have {0} rows but the program takes {1} inputs",
        inputs.rows(), program.inputs));
  if (static_cast<size_t>(inputs.cols()) != labels.size())
    return makeError(llvm::formatv("{0} samples but {1} labels", inputs.cols(),
                                   labels.size()));
  for (size_t s = 0; s < labels.size(); ++s)
    if (labels[s] < 0 || labels[s] >= program.outputs)
      return makeError(llvm::formatv(
          "label {0} of sample {1} is outside [0, {2}) (the program's "
          "outputs)",
          labels[s], s, program.outputs));

  MonteCarloResult result;
  result.trials = trials;
  result.samples = static_cast<int>(inputs.cols());
  result.accuracies.assign(trials, 0.0);
  result.staticPowerMw = computeMetrics(program, power).totalPowerMw();
  const bool electrical = program.electricalOutputs();

  auto runTrial = [&](int trial) {
    Random random(trialSeed(seed, static_cast<uint64_t>(trial)));
    NoisyProgram noisy = sampleNoisyProgram(program, model, random);
    Eigen::MatrixXcd outputs = simulateNoisy(noisy, inputs, model, random);
    const int correct = countCorrect(outputs, electrical, labels);
    result.accuracies[trial] =
        result.samples > 0 ? double(correct) / result.samples : 0.0;
    if (onTrialDone)
      onTrialDone();
  };
  // Trials are claimed one at a time (WorkerPool.h); each writes only its
  // own slot.
  WorkerPool pool(std::clamp(threads, 1, trials));
  pool.run(trials, [&](int trial, int) { runTrial(trial); });

  // Deviations from the first trial keep the mean exact (and the std 0)
  // when every trial has the same accuracy.
  const double first = result.accuracies.front();
  double sum = 0.0;
  for (double a : result.accuracies)
    sum += a - first;
  result.mean = first + sum / trials;
  double squares = 0.0;
  for (double a : result.accuracies)
    squares += (a - result.mean) * (a - result.mean);
  result.std = trials > 1 ? std::sqrt(squares / (trials - 1)) : 0.0;
  result.worst = *std::min_element(result.accuracies.begin(),
                                   result.accuracies.end());
  result.best = *std::max_element(result.accuracies.begin(),
                                   result.accuracies.end());
  return result;
}

} // namespace photon::runtime
