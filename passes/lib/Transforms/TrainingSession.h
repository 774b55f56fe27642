//===- TrainingSession.h - What the training passes share -------*- C++ -*-===//
//
// photonic-train and the pruning passes all read the network of the
// module's function, load a data set and train with the same options. This
// file does that once: option checks (with errors naming the pass and the
// option), data loading, training with progress on a terminal, evaluation
// and the write-back into IR.
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_TRANSFORMS_TRAININGSESSION_H
#define PHOTON_TRANSFORMS_TRAININGSESSION_H

#include "photon/Runtime/DataSelection.h"
#include "photon/Runtime/Limits.h"
#include "photon/Runtime/MonteCarlo.h"
#include "photon/Runtime/Program.h"
#include "photon/Runtime/Trainer.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "llvm/Support/JSON.h"

#include <string>

namespace photon {

/// The options of photonicDataOptions and photonicTrainOptions (Passes.td).
struct TrainingKnobs {
  runtime::DataSelection data;
  int epochs = 20;
  int batchSize = 64;
  double learningRate = 0.02;
  std::string optimizer = "adam";
  bool cosineDecay = true;
  std::string phaseRange = "wrap";
  int64_t seed = 0;
  int threads = 2;
  std::string report;
};

/// Copies the shared options out of a generated pass base (they are
/// protected members there, so this expands inside the pass).
#define PHOTON_TRAINING_KNOBS()                                                \
  [&] {                                                                        \
    ::photon::TrainingKnobs knobs;                                             \
    knobs.data.dataset = dataset;                                              \
    knobs.data.dataDir = dataDir;                                              \
    knobs.data.trainFile = trainFile;                                          \
    knobs.data.testFile = testFile;                                            \
    knobs.data.fftRadius = fftRadius;                                          \
    knobs.data.trainLimit = trainLimit;                                        \
    knobs.data.validation = validation;                                        \
    knobs.data.validationSeed = static_cast<uint64_t>(validationSeed.getValue()); \
    knobs.epochs = epochs;                                                     \
    knobs.batchSize = batchSize;                                               \
    knobs.learningRate = learningRate;                                         \
    knobs.optimizer = optimizer;                                               \
    knobs.cosineDecay = cosineDecay;                                           \
    knobs.phaseRange = phaseRange;                                             \
    knobs.seed = seed;                                                         \
    knobs.threads = threads;                                                   \
    knobs.report = report;                                                     \
    return knobs;                                                              \
  }()

class TrainingSession {
public:
  /// Checks the options, reads the network and loads the data. Emits an
  /// error on the module (naming `passName` and the option or file) and
  /// returns failure without touching the IR.
  static mlir::FailureOr<TrainingSession>
  open(mlir::ModuleOp module, llvm::StringRef passName,
       const TrainingKnobs &knobs, bool allowZeroEpochs);

  /// The network as read from the IR (the caller changes it in place).
  runtime::Program &program() { return network; }
  mlir::func::FuncOp function() { return func; }
  const TrainingKnobs &knobs() const { return options; }
  /// The loaded training and test splits.
  const runtime::TrainTestSplit &split() const { return data; }

  /// Trains `program` for the configured epochs (nothing when 0) on the
  /// training split, with a progress meter over the epochs
  /// (runtime/Progress.h: on a terminal, or as --progress forces).
  /// `customize`, when set, adjusts the training options built from the
  /// pass options (noise hooks, frozen phases) before training.
  llvm::Error
  train(runtime::Program &program,
        std::function<void(runtime::TrainOptions &)> customize = nullptr);
  /// Test-split accuracy of `program`.
  double testAccuracy(const runtime::Program &program);
  /// Training-split accuracy of `program`.
  double trainAccuracy(const runtime::Program &program);
  /// Validation-split accuracy of `program`: what pruning decisions use.
  /// With `validation=0` (no validation split) the training split's
  /// accuracy stands in; the test split is never used to decide.
  double validationAccuracy(const runtime::Program &program);
  /// "validation" or "train": the split validationAccuracy() measures.
  const char *selectionSplitName() const;
  /// Test-split accuracy of `program` without noise and over `trials`
  /// Monte Carlo chips of `model`.
  struct NoisyAccuracy {
    double clean = 0.0;
    runtime::MonteCarloResult noisy;
  };
  llvm::Expected<NoisyAccuracy>
  noisyTestAccuracy(const runtime::Program &program,
                    const runtime::NoiseModel &model, int trials,
                    uint64_t seed);
  /// The two summary lines "  before: clean …, noisy … ± … % (worst …,
  /// N chips)" and "  after: …" of the noise passes.
  static std::string describeBeforeAfter(const NoisyAccuracy &before,
                                         const NoisyAccuracy &after);
  /// Adds clean_accuracy_before/after and noisy_before/after to a report.
  static void addBeforeAfter(llvm::json::Object &report,
                             const NoisyAccuracy &before,
                             const NoisyAccuracy &after);
  /// Quantizes the training features on an n-bit input DAC (NoiseModel.h,
  /// per-vector range), for quantization-aware training. (Noisy evaluation
  /// applies the input DAC itself.)
  void quantizeInputs(int bits);

  /// The program the IR stores as initial values, or the current program
  /// when the IR has none (they are then written into the IR).
  runtime::Program initialProgram();

  /// Writes `program`'s phases and masks back into the IR. Fails (with an
  /// error naming the pass and the layer and field) without touching the
  /// IR when training left a phase or gain non-finite or out of range.
  mlir::LogicalResult write(const runtime::Program &program);

  /// Writes `report` (if requested) as JSON; emits an error on failure.
  mlir::LogicalResult writeReport(llvm::json::Object report);

  /// What the next train() calls' meter says before ": epochs" (default:
  /// the pass name), e.g. "photonic-prune-lth round 3".
  void setProgressLabel(std::string label) { progressLabel = std::move(label); }

  /// "dataset (N train, V validation, M test samples)".
  std::string describeData() const;

private:
  TrainingSession() = default;

  mlir::ModuleOp module;
  mlir::func::FuncOp func;
  std::string passName;
  std::string progressLabel;
  TrainingKnobs options;
  runtime::Program network;
  runtime::TrainTestSplit data;
};

} // namespace photon

#endif // PHOTON_TRANSFORMS_TRAININGSESSION_H
