//===- Trainer.h - Hardware-aware training of a program ---------*- C++ -*-===//
//
// Trains the phases of a runtime Program in place on a labelled set with
// mini-batches: each epoch shuffles the samples (Fisher-Yates driven by a
// runtime::Random seeded once with TrainOptions::seed), cuts them into
// batches of batchSize (the last one may be smaller), and per batch computes
// the mean LogSoftmax cross-entropy and its exact phase gradient
// (GradientEngine, Gradient.h) and applies one optimizer step (Optimizer.h).
// Masked shifters stay exactly 0. The same seed and data give bit-identical
// phases, whatever the thread count and timing.
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_RUNTIME_TRAINER_H
#define PHOTON_RUNTIME_TRAINER_H

#include "photon/Runtime/Gradient.h"
#include "photon/Runtime/Optimizer.h"
#include "photon/Runtime/Program.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

#include <Eigen/Core>
#include <cstdint>
#include <functional>
#include <vector>

namespace photon::runtime {

struct TrainOptions {
  int epochs = 10;
  int batchSize = 64;
  /// Initial learning rate η.
  double learningRate = 0.02;
  OptimizerKind optimizer = OptimizerKind::Adam;
  /// SGD momentum (ignored by Adam).
  double momentum = 0.0;
  /// Cosine decay of η over all epochs · batches-per-epoch steps.
  bool cosineDecay = false;
  /// Seeds the shuffling.
  uint64_t seed = 0;
  /// Worker threads per batch (each batch is split over them), 1..256;
  /// epochs and batchSize are bounded too (Limits.h).
  int threads = 2;
  /// Called after each epoch (numbered from 1) with the mean training loss
  /// and accuracy of that epoch, measured on each batch before its update.
  std::function<void(int epoch, double loss, double accuracy)> progress;
  /// Noise-aware / quantization-aware training: when set, each batch's
  /// forward and backward pass runs on a copy of the program that this hook
  /// perturbs (e.g. samples phase noise, fake-quantizes phases; `step`
  /// counts batches from 0), and the gradient found there updates the clean
  /// program (the straight-through estimator). The hook may perturb masked
  /// phases of the copy (a pruned shifter left on the chip still errs); the
  /// clean program's masked phases stay exactly 0 (the optimizer skips
  /// them).
  std::function<void(Program &forward, int64_t step)> perturb;
  /// Train the adapters only (OptimizerOptions::freezePhases).
  bool freezePhases = false;
  /// How mesh phases are kept in [0, 2π) (Optimizer.h: wrap or floor).
  PhaseRange phaseRange = PhaseRange::Wrap;
  /// Dynamic noise sampled in each batch's forward pass (Gradient.h:
  /// input DAC, weight error, converters, output ADC), straight-through in
  /// the backward pass; batch `step` draws with seed mix(noise.seed, step).
  ForwardNoise forwardNoise;
};

/// The training statistics of one epoch (see TrainOptions::progress).
struct EpochStats {
  int epoch = 0;
  double loss = 0.0;
  double accuracy = 0.0;
};

struct TrainResult {
  std::vector<EpochStats> epochs;
  /// Optimizer updates made.
  int64_t steps = 0;
};

/// Trains `program` in place on the columns of `inputs` (program.inputs x
/// samples) with `labels` (one per column, each in [0, program.outputs)).
/// Fails, changing nothing, when the program is not trainable
/// (checkTrainable), the data do not fit it (checkDataset) or the options
/// are invalid (epochs < 0, batchSize < 1, a non-finite or negative rate).
llvm::Expected<TrainResult> train(Program &program,
                                  const Eigen::MatrixXcd &inputs,
                                  llvm::ArrayRef<int> labels,
                                  const TrainOptions &options);

struct Evaluation {
  /// Fraction of samples whose largest output is their label.
  double accuracy = 0.0;
  /// Mean cross-entropy.
  double loss = 0.0;
  int samples = 0;
};

/// Accuracy and mean loss of `program` on a labelled set (batched, split
/// over `threads`; the result does not depend on `threads`).
llvm::Expected<Evaluation> evaluate(const Program &program,
                                    const Eigen::MatrixXcd &inputs,
                                    llvm::ArrayRef<int> labels,
                                    int threads = 2);

} // namespace photon::runtime

#endif // PHOTON_RUNTIME_TRAINER_H
