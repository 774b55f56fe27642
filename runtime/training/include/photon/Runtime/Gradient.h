//===- Gradient.h - Analytic phase gradients of a program -------*- C++ -*-===//
//
// Hardware-aware training differentiates the loss with respect to the
// physical parameters of a runtime Program, not with respect to weights:
//  - every Mesh layer: θ_k and φ_k of each MZI and the output screen ω_i;
//  - every Diagonal layer: each attenuator θ_i (transmission cos(θ_i/2)) and
//    the gain β.
// The loss of a batch of B samples is the mean cross-entropy of LogSoftmax
// over the detected intensities (the program must end with detect):
//   L = (1/B) Σ_b [ log Σ_j exp(y_bj) − y_b,label(b) ],   y = |E|².
//
// Gradients are exact (reverse-mode, no finite differences). For a field z
// the backward pass carries G_z = ∂L/∂Re z + i ∂L/∂Im z, so that for a real
// parameter p, ∂L/∂p = Σ Re(conj(G_y) · ∂y/∂p), and a linear map y = A z
// gives G_z = A† G_y. Per layer (y the output, x the input):
//  - detect y = |x|²:            G_x = 2 (∂L/∂y) x;
//  - output screen y = e^{iω} x: ∂L/∂ω_i = Re(conj(G_y,i) · i y_i);
//  - MZI out = M(θ, φ) z = B P(θ) B P(φ) z with a = P(φ) z, c = P(θ) B a:
//      ∂L/∂θ = Re(conj((B† G_out)_0) · i c_0),
//      ∂L/∂φ = Re(conj((G_a)_0) · i a_0),  G_a = B† P(θ)† B† G_out,
//      G_z = M† G_out.
//    The mesh is walked backwards from its output; each MZI's input is
//    rebuilt from its output with M⁻¹ = M†, so no intermediate field is
//    stored. (The kernel works in a phase-tracked frame, MeshPlan in
//    GradientKernels.h, where M = g·R(θ)·diag(w, 1) with g = i e^{iθ/2}:
//    the products conj(G)·field are frame-invariant, and ∂g/∂θ = (i/2) g
//    adds the (1/2) Re(conj(G)·i·out) term.)
//  - diagonal y_i = β cos(θ_i/2) x_i:
//      ∂L/∂θ_i = −(β/2) sin(θ_i/2) Re(conj(G_y,i) x_i),
//      ∂L/∂β = Σ_i cos(θ_i/2) Re(conj(G_y,i) x_i),  G_x,i = β cos(θ_i/2) G_y,i
//    (0 for the terminated inputs i >= outputs).
//  - activations (Activation.h), with r = |x|, u = x/r:
//      identity: G_x = G_y;
//      softplus f = s(r)·u: the Jacobian is s'(r) = sigmoid(r) along u and
//        s(r)/r across it, so G_x = u·(s'(r) Re(ū G_y) + i (s(r)/r) Im(ū G_y));
//      modulus f = r: G_x = u·Re(G_y).
//    Both are singular at x = 0 (the forward takes the phase of 0 as 0):
//    for r < 1e-30 no gradient flows, G_x = 0.
//  - encode has no parameters.
//  - adapter y = z + B h, h = A x (z the layer input, x the field after the
//    source layer; see Program.h):
//      G_z = G_y,  ∂L/∂B = G_y h†,  G_h = B† G_y,  ∂L/∂A = G_h x†,
//      G_x += A† G_h   (added to the gradient at the source layer's output),
//    each complex entry's gradient given as ∂L/∂Re + i ∂L/∂Im.
//
// Forward noise (ForwardNoise, for noise- and quantization-aware training
// after ALoRA): input DAC on the program inputs, weight error at the end of
// every linear block, the adapters' converters and the output ADC on the
// detected intensities, all as simulateNoisy applies them (docs/noise.md),
// in the forward pass only; the backward pass treats the noise as a
// constant and every quantizer as the identity (straight-through).
//
// Masks (Mesh::mask, Diagonal::mask): a masked (pruned) shifter or
// attenuator gets a gradient of exactly 0.
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_RUNTIME_GRADIENT_H
#define PHOTON_RUNTIME_GRADIENT_H

#include "photon/Runtime/Program.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

#include <Eigen/Core>
#include <memory>
#include <vector>

namespace photon::runtime {

/// ∂L/∂(parameters) of one layer; only the fields of its kind are sized.
struct LayerGradient {
  /// Mesh: ∂L/∂θ_k per MZI in layout order; Diagonal: ∂L/∂θ_i per attenuator.
  std::vector<double> theta;
  /// Mesh: ∂L/∂φ_k per MZI in layout order.
  std::vector<double> phi;
  /// Mesh: ∂L/∂ω_i of the output phase screen.
  std::vector<double> outputPhases;
  /// Diagonal: ∂L/∂β.
  double gain = 0.0;
  /// Adapter: ∂L/∂Re + i ∂L/∂Im of every entry of A (rank x N) and B
  /// (M x rank).
  Eigen::MatrixXcd adapterA, adapterB;
};

/// The gradient of a loss with respect to every parameter of a Program,
/// one LayerGradient per program layer (same order).
struct ProgramGradient {
  std::vector<LayerGradient> layers;

  /// All zeros, shaped like `program` (parameterless layers stay empty).
  static ProgramGradient zerosLike(const Program &program);
  void setZero();
};

/// Number of trainable parameters of `program`. Their flat order, used by
/// the optimizers, is per layer: Mesh θ_0..θ_{K-1}, φ_0..φ_{K-1},
/// ω_0..ω_{N-1} (the mask order); Diagonal θ_0..θ_{n-1}, then β; Adapter
/// Re, Im of each entry of A (row-major), then of B.
int parameterCount(const Program &program);
/// The phase parameters alone (mesh shifters, attenuators and gains).
int phaseParameterCount(const Program &program);
/// The adapter parameters alone (2 real numbers per complex entry).
int adapterParameterCount(const Program &program);

/// Dynamic noise sampled in the engine's forward pass (see the file
/// comment); every member's default switches it off.
struct ForwardNoise {
  /// Input DAC on each sample's input vector (and on the adapters' inputs).
  int inputBits = 0;
  /// ADC on each sample's detected intensities (and on the adapters'
  /// outputs, as a signed complex quantizer).
  int outputBits = 0;
  /// σ_W: y = W x + n at the end of every linear block, n_i circular
  /// complex Gaussian with E|n_i|² = (σ_W · max|W_ij| · ‖x‖)².
  double weightSigma = 0.0;
  /// The draws of sample j come from Random(mix(seed, j)), so they depend
  /// only on the seed and the sample's column, never on threads or order.
  uint64_t seed = 0;
  bool enabled() const {
    return inputBits > 0 || outputBits > 0 || weightSigma > 0.0;
  }
};

/// Checks that `program` is verified (verifyProgram) and ends with a detect
/// or readout layer, so that it can be trained with the cross-entropy loss.
llvm::Error checkTrainable(const Program &program);

/// Checks the data of a classification set: inputs has program.inputs rows
/// and labels.size() columns, and every label is in [0, program.outputs).
llvm::Error checkDataset(const Program &program,
                         const Eigen::MatrixXcd &inputs,
                         llvm::ArrayRef<int> labels);

/// Loss and accuracy counts of one batch.
struct BatchStats {
  /// Mean cross-entropy over the batch.
  double loss = 0.0;
  /// Samples whose largest output (lowest index on ties) is the label.
  int correct = 0;
  int count = 0;
};

/// The batched forward/backward engine. Built once for a program structure
/// (its layer kinds and widths); setParameters re-reads the phases after
/// each update without allocating. Samples are processed in blocks of
/// kGradientLanes (SIMD lanes, one column per sample); a batch is cut into
/// such blocks, the blocks are split over `threads` std::threads in
/// contiguous ranges, each block writes its own partial gradient and the
/// partials are summed in block order. The result therefore depends only
/// on the batch, never on the thread count or on timing: it is
/// bit-identical for 1 and 2 threads. After construction no call allocates
/// unless a batch is larger than any before.
class GradientEngine {
public:
  static constexpr int kGradientLanes = 8;

  /// `program` must pass checkTrainable; threads >= 1 (clamped).
  GradientEngine(const Program &program, int threads);
  ~GradientEngine();
  GradientEngine(const GradientEngine &) = delete;
  GradientEngine &operator=(const GradientEngine &) = delete;

  /// Reads the phases, gains, masks and adapters of `program`, which must
  /// have the structure the engine was built for.
  void setParameters(const Program &program);

  /// Samples `noise` in every later forward pass (off by default). The
  /// weight error's full scales max|W_ij| are taken from the parameters of
  /// the next setParameters call.
  void setForwardNoise(const ForwardNoise &noise);

  /// Forward and backward on the samples `indices` (columns of `inputs`,
  /// labels[indices[j]]). Writes d(mean loss)/d(parameter) into `gradient`
  /// (resized to the program's shape when needed), with exact zeros at
  /// masked shifters and attenuators.
  BatchStats lossAndGradient(const Eigen::MatrixXcd &inputs,
                             llvm::ArrayRef<int> labels,
                             llvm::ArrayRef<int> indices,
                             ProgramGradient &gradient);
  /// As above on every column of `inputs`.
  BatchStats lossAndGradient(const Eigen::MatrixXcd &inputs,
                             llvm::ArrayRef<int> labels,
                             ProgramGradient &gradient);

  /// Forward only: loss and accuracy counts on `indices` (or every column).
  BatchStats evaluate(const Eigen::MatrixXcd &inputs,
                      llvm::ArrayRef<int> labels,
                      llvm::ArrayRef<int> indices);
  BatchStats evaluate(const Eigen::MatrixXcd &inputs,
                      llvm::ArrayRef<int> labels);

  int threads() const;

  struct Impl;

private:
  std::unique_ptr<Impl> impl;
};

/// One-shot convenience: checks the program and data, then returns the mean
/// loss over all columns of `inputs` and writes its gradient.
llvm::Expected<double> computeLossAndGradient(const Program &program,
                                              const Eigen::MatrixXcd &inputs,
                                              llvm::ArrayRef<int> labels,
                                              ProgramGradient &gradient,
                                              int threads = 1);

/// The reference loss, from the plain simulator (simulate in Simulator.h):
/// mean cross-entropy of LogSoftmax over the detected outputs.
double crossEntropyLoss(const Program &program, const Eigen::MatrixXcd &inputs,
                        llvm::ArrayRef<int> labels);

} // namespace photon::runtime

#endif // PHOTON_RUNTIME_GRADIENT_H
