//===- Optimizer.h - First-order optimizers over phases ---------*- C++ -*-===//
//
// Updates the parameters of a Program (Gradient.h: mesh θ, φ and output
// phases, attenuator θ and gains) from a ProgramGradient:
//  - SGD with optional momentum μ (PyTorch convention):
//      v ← μ v + g (v = g on the first step),  p ← p − η_t v;
//  - Adam (Kingma & Ba, 2015), at step t = 1, 2, …:
//      m ← β1 m + (1 − β1) g,  v ← β2 v + (1 − β2) g²,
//      p ← p − η_t · (m / (1 − β1^t)) / (√(v / (1 − β2^t)) + ε).
// The learning rate is constant, η_t = η, or follows a cosine decay over
// `totalSteps` updates: η_t = η · (1 + cos(π · t / T)) / 2 with t the number
// of updates already made (so the first update uses η) and t clamped to T.
//
// A gain g > 0 is optimized as u = ln g (gradient g·∂L/∂g, then g = e^u), so
// it stays positive (a gain of exactly 0 stays 0). After every update: mesh
// phases are brought back into [0, 2π) as PhaseRange says (wrapped, or
// floored at 0 and wrapped above), attenuator phases clamped to [0, π], so
// the program stays valid (verifyProgram). A masked (pruned) shifter or
// attenuator is never touched: its phase stays exactly 0 and its optimizer
// state 0.
// Adapter entries (Program.h) are updated as two real parameters each, Re
// and Im, without any constraint. With `freezePhases` only the adapters
// change: every mesh phase, attenuator and gain keeps its value (ALoRA's
// frozen analog weights).
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_RUNTIME_OPTIMIZER_H
#define PHOTON_RUNTIME_OPTIMIZER_H

#include "photon/Runtime/Gradient.h"
#include "photon/Runtime/Program.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace photon::runtime {

enum class OptimizerKind { Adam, Sgd };

/// "adam" or "sgd".
const char *optimizerName(OptimizerKind kind);
std::optional<OptimizerKind> parseOptimizer(std::string_view name);

/// How a mesh phase (θ, φ or an output phase) that an update takes out of
/// [0, 2π) is brought back.
///  - Wrap (the default): modulo 2π (wrapPhase). The transfer matrix is
///    periodic in every phase, so this loses nothing; a phase pushed just
///    below 0 becomes ≈ 2π, the most expensive setting of a heater.
///  - Floor (ours, not the LTH paper's): a phase pushed below 0 stops at
///    exactly 0 (a thermo-optic heater only adds phase, and at 0 it is off,
///    Metrics.h); a phase pushed to 2π or beyond still wraps, since 2π costs
///    the same as 0 optically. A floored phase is an ordinary trainable
///    parameter: a later gradient may raise it again.
enum class PhaseRange { Wrap, Floor };

/// "wrap" or "floor".
const char *phaseRangeName(PhaseRange range);
std::optional<PhaseRange> parsePhaseRange(std::string_view name);

struct OptimizerOptions {
  OptimizerKind kind = OptimizerKind::Adam;
  /// η, the (initial) learning rate.
  double learningRate = 0.02;
  /// Adam's moment decays and ε.
  double beta1 = 0.9;
  double beta2 = 0.999;
  double epsilon = 1e-8;
  /// SGD momentum μ (0: plain SGD).
  double momentum = 0.0;
  /// Cosine decay of η over totalSteps updates (ignored when totalSteps <= 0).
  bool cosineDecay = false;
  int64_t totalSteps = 0;
  /// Leave every phase, attenuator and gain unchanged (train adapters only).
  bool freezePhases = false;
  /// How mesh phases are kept in [0, 2π).
  PhaseRange phaseRange = PhaseRange::Wrap;
};

/// The state of one optimizer over the parameters of one program structure
/// (one moment entry per parameter, in the flat order of parameterCount).
class Optimizer {
public:
  Optimizer(const Program &program, const OptimizerOptions &options);

  /// Applies one update to `program` (the structure given at construction).
  void step(Program &program, const ProgramGradient &gradient);

  /// The learning rate η_t the next step will use.
  double learningRate() const;
  /// Updates made so far.
  int64_t steps() const { return stepCount; }
  const OptimizerOptions &options() const { return opts; }

private:
  /// Updates one parameter with its gradient; `index` is its flat index.
  double update(size_t index, double value, double grad, double rate);

  OptimizerOptions opts;
  int64_t stepCount = 0;
  /// Adam's first and second moments, or SGD's momentum buffer (first).
  std::vector<double> first, second;
  /// Bias corrections 1 − β1^t and 1 − β2^t of the current step.
  double correction1 = 1.0, correction2 = 1.0;
};

} // namespace photon::runtime

#endif // PHOTON_RUNTIME_OPTIMIZER_H
