//===- MonteCarlo.h - Accuracy of a program under noise ---------*- C++ -*-===//
//
// Monte Carlo evaluation of a classifier under a NoiseModel: each trial is
// one chip (the static components drawn once, NoiseModel.h) running the
// whole labelled set (the dynamic components drawn per sample). Trial t
// uses Random(trialSeed(seed, t)) for its static draws and then for its
// dynamic ones, so the per-trial accuracies are bit-identical whatever the
// thread count: threads only share out the trials.
//
// The predicted class of a sample is its brightest output (lowest index on
// ties): the largest detected intensity when the program ends with detect,
// else the largest |E|² (the classifier detects; no detector noise or ADC
// is applied there). This is photon-run --dataset's rule.
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_RUNTIME_MONTECARLO_H
#define PHOTON_RUNTIME_MONTECARLO_H

#include "photon/Runtime/NoiseModel.h"
#include "photon/Runtime/PowerModel.h"
#include "photon/Runtime/Program.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

#include <Eigen/Core>
#include <cstdint>
#include <functional>
#include <vector>

namespace photon::runtime {

struct MonteCarloResult {
  /// Accuracy of each trial, in trial order.
  std::vector<double> accuracies;
  /// Mean of the accuracies.
  double mean = 0.0;
  /// Sample standard deviation (n − 1 in the denominator; 0 for 1 trial).
  double std = 0.0;
  /// Lowest and highest trial accuracy.
  double worst = 0.0;
  double best = 0.0;
  /// Static heater power of the programmed (noise-free) phases: every live
  /// mesh shifter, output shifter and Σ attenuator (computeMetrics), mW.
  double staticPowerMw = 0.0;
  int samples = 0;
  int trials = 0;
};

/// The seed of trial `trial` of a run seeded with `seed` (splitmix64 of the
/// pair; distinct trials get unrelated streams).
uint64_t trialSeed(uint64_t seed, uint64_t trial);

/// The number of samples whose brightest output is their label (see the
/// file comment). `outputs` is program.outputs x samples.
int countCorrect(const Eigen::MatrixXcd &outputs, bool electricalOutputs,
                 llvm::ArrayRef<int> labels);

/// Runs `trials` noisy chips on the columns of `inputs` (program.inputs x
/// samples) with `labels` (each in [0, program.outputs)), `threads` worker
/// threads (at most `trials` run). Fails when the program does not verify,
/// the data do not fit it, the model is invalid (checkNoiseModel), trials
/// is outside 1..kMaxTrials or threads outside 1..kMaxThreads (Limits.h). `onTrialDone`, when set, is called once per finished trial
/// (from the worker threads: it must be thread-safe, as ProgressMeter is).
llvm::Expected<MonteCarloResult>
evaluateUnderNoise(const Program &program, const NoiseModel &model,
                   const Eigen::MatrixXcd &inputs, llvm::ArrayRef<int> labels,
                   int trials, uint64_t seed, int threads = 2,
                   const PowerModel &power = {},
                   const std::function<void()> &onTrialDone = nullptr);

} // namespace photon::runtime

#endif // PHOTON_RUNTIME_MONTECARLO_H
