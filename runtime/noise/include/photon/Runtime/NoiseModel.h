//===- NoiseModel.h - Composable hardware non-idealities --------*- C++ -*-===//
//
// A NoiseModel lists the non-idealities of a deployed photonic chip; every
// component is off by default, so the default model is the ideal chip. The
// formulas, defaults and spec keys are documented in docs/noise.md.
//
// Static components (fabrication and deployment; sampled once per chip, i.e.
// once per Monte Carlo trial):
//  - phase_bits (n): the phase DAC. A programmed phase φ becomes
//      code = round(wrap(φ) / 2π · 2^n) mod 2^n,   φ_q = code · 2π / 2^n.
//  - gamma_sigma (σ_γ): drift of the phase-to-power coefficient γ of each
//    shifter (SZO-SCD, Gu et al., AAAI 2021): φ_v = γ_i · φ_q with
//    γ_i = 1 + Δγ_i, Δγ_i ~ N(0, σ_γ²) truncated to [−3σ_γ, 3σ_γ].
//  - crosstalk (ω): thermal crosstalk Φ_c = Ω Φ_v (SZO-SCD): each live
//    shifter gains ω · φ_v,j from every adjacent *active* shifter j (active:
//    live and heated, i.e. programmed phase wrapping to non-zero, and, in a
//    mesh that carries an active set (Mesh::active, the SZO-SCD
//    deployment), marked active: passive shifters are fixed, unheated and
//    never aggressors, the paper's Eq. 6). Adjacency
//    (crosstalkNeighbours): the θ heaters of neighbouring MZIs of the same
//    column (modes m and m ± 2), the φ heaters likewise, neighbouring output
//    shifters (modes i ± 1) and neighbouring Σ attenuators (i ± 1).
//  - phase_sigma (σ_PS): additive fabrication phase error, φ = φ_c + ε_i,
//    ε_i ~ N(0, σ_PS²), on every live (fabricated) shifter, heated or not.
//  - coupler_sigma (σ_c): each directional coupler's bar power ratio is
//    r = 1/2 + δ, δ ~ N(0, σ_c²) truncated to [−3σ_c, 3σ_c] and r clamped to
//    [0, 1]; two couplers per MZI and per live Σ attenuator.
//  - loss_db (L): insertion loss of every MZI (and live attenuator), a field
//    factor 10^(−L/20) on both of its modes.
// The phase pipeline per shifter is quantize → γ → crosstalk → +ε. Masked
// (pruned, not fabricated) shifters keep phase exactly 0: no heater, no
// error, no crosstalk. Coupler error and loss need explicit transfer
// matrices (NoisyProgram::meshTransfer). A noisy chip runs each linear block
// (one dense layer U Σ V†) as one dense matrix built once per chip
// (NoisyProgram::blockTransfer); the ideal chip runs simulate()'s kernels.
//
// Dynamic components (fresh for every inference, i.e. every sample):
//  - input_bits (n ≥ 2): input DAC, per input vector x with s = max_i |x_i|:
//      Re and Im of each x_i become round(v / s · Q) · s / Q, Q = 2^(n−1) − 1
//    (symmetric, 2^n − 1 levels; ALoRA's per-MVM dynamic range).
//  - weight_sigma (σ_W): ALoRA's analog weight error, y = (W + δW) x per
//    matrix-vector product, W the transfer matrix of a linear block (a
//    maximal run of Mesh and Diagonal layers, i.e. one dense layer U Σ V†),
//    δW_ij circular complex Gaussian with E|δW_ij|² = (σ_W · max |W_ij|)².
//    Sampled exactly in distribution as y = W x + n with n_i circular
//    complex Gaussian, E|n_i|² = (σ_W · max|W_ij| · ‖x‖)², independent per
//    output and sample (O(N) per sample instead of O(N²)).
//  - detector_sigma (σ_D): photodetector noise on detected intensities,
//    I_i + σ_D · max_k I_k · z_i, z_i ~ N(0, 1) (relative to the brightest
//    detector of that sample; not clamped at 0).
//  - output_bits (n ≥ 2): output ADC, per output vector with s = max over
//    the vector: detected intensities use 2^n levels k · s / (2^n − 1)
//    (negative values clamp to 0); optical outputs quantize Re and Im as the
//    input DAC does (s = max |y_i|).
//
// Reproducibility: every component draws from its own stream, seeded from
// the caller's Random in a fixed order, and draws for every shifter (masked
// or not) in mask order, so a realization depends only on the seed and the
// program's structure, and changing one component's σ rescales the same
// underlying draws (common random numbers).
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_RUNTIME_NOISEMODEL_H
#define PHOTON_RUNTIME_NOISEMODEL_H

#include "photon/Runtime/Mesh.h"
#include "photon/Runtime/Program.h"
#include "photon/Runtime/Random.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <functional>
#include <vector>

namespace photon::runtime {

/// The non-idealities of a chip. Every member's default switches it off.
/// The spec key of each member is given in brackets.
struct NoiseModel {
  // Static (per chip / Monte Carlo trial).
  /// [phase_sigma] σ_PS, rad: additive phase error of each live shifter.
  double phaseSigma = 0.0;
  /// [gamma_sigma] σ_γ: relative drift of each shifter's γ (truncated ±3σ).
  double gammaSigma = 0.0;
  /// [crosstalk] ω: thermal coupling to each adjacent active shifter.
  double crosstalk = 0.0;
  /// [phase_bits] phase DAC bits over [0, 2π), 1..32; 0 = ideal.
  int phaseBits = 0;
  /// [keep_pruned] 0 (default): a pruned (masked) shifter is not fabricated
  /// and stays exactly 0. 1: it stays on the chip, unheated at phase 0, and
  /// still takes its additive phase error and crosstalk from active
  /// neighbours (the LTH paper's noise study). Only 0 and 1 are accepted.
  double keepPruned = 0.0;
  /// [coupler_sigma] σ of each coupler's bar power ratio around 1/2.
  double couplerSigma = 0.0;
  /// [loss_db] insertion loss per MZI (and live attenuator), dB.
  double lossDb = 0.0;

  // Dynamic (per inference).
  /// [input_bits] input DAC bits, 2..32; 0 = ideal.
  int inputBits = 0;
  /// [output_bits] output ADC bits, 2..32; 0 = ideal.
  int outputBits = 0;
  /// [weight_sigma] σ_W as a fraction of a block's full scale max|W_ij|.
  double weightSigma = 0.0;
  /// [detector_sigma] σ_D relative to the sample's largest intensity.
  double detectorSigma = 0.0;

  /// True when a static component is on.
  bool hasStaticNoise() const;
  /// True when a dynamic component is on.
  bool hasDynamicNoise() const;
  bool isIdeal() const { return !hasStaticNoise() && !hasDynamicNoise(); }
  /// True when a phase component (quantization, γ, crosstalk, σ_PS) is on.
  bool hasPhaseNoise() const;
  /// True when coupler error or loss is on (explicit transfer matrices).
  bool needsTransferMatrices() const;
};

/// The spec keys in canonical order: phase_sigma, gamma_sigma, crosstalk,
/// phase_bits, coupler_sigma, loss_db, input_bits, output_bits,
/// weight_sigma, detector_sigma.
llvm::ArrayRef<llvm::StringRef> noiseParameterKeys();
/// True for the integer (bit count) keys.
bool isNoiseBitsKey(llvm::StringRef key);

/// Checks every member's range: real parameters finite and >= 0, bits 0 or
/// 1..32 (phase) / 2..32 (input, output). Messages name the spec key.
llvm::Error checkNoiseModel(const NoiseModel &model);

/// Sets one parameter by its spec key, validated as the parser does (bits
/// must be integral). Errors name the key; an unknown key lists the valid
/// ones.
llvm::Error setNoiseParameter(NoiseModel &model, llvm::StringRef key,
                              double value);
/// The value of one parameter by its spec key (the key must be valid).
double getNoiseParameter(const NoiseModel &model, llvm::StringRef key);

/// Parses "key=value,key=value,..." (whitespace around keys and values is
/// ignored; "" and "none" give the ideal model). Errors: unknown key (the
/// message lists the valid keys), malformed or non-finite number, negative
/// value, bits out of range or not an integer, a key given twice, an entry
/// without '='.
llvm::Expected<NoiseModel> parseNoiseModel(llvm::StringRef spec);

/// The canonical spec of `model`: its non-default parameters in key order,
/// values in shortest round-trip form; "none" for the ideal model.
/// parseNoiseModel(formatNoiseModel(m)) == m.
std::string formatNoiseModel(const NoiseModel &model);

//===----------------------------------------------------------------------===//
// Quantizers
//===----------------------------------------------------------------------===//

/// A phase on an n-bit DAC over [0, 2π).
struct QuantizedPhase {
  /// round(wrap(φ) / 2π · 2^n) mod 2^n, in [0, 2^n).
  uint64_t code = 0;
  /// code · 2π / 2^n, in [0, 2π).
  double phase = 0.0;
};

/// Quantizes `phase` (any finite value; wrapped first) to `bits` in 1..32.
/// Used by the simulator's phase DAC and by the phase-table exporter.
QuantizedPhase quantizePhase(double phase, int bits);

/// Symmetric signed quantizer (bits >= 2): round(v / scale · Q) · scale / Q
/// with Q = 2^(bits−1) − 1, clamped to [−scale, scale]; v unchanged when
/// scale <= 0.
double quantizeSigned(double value, double scale, int bits);
/// Unsigned quantizer (bits >= 1): round(v / scale · Q) · scale / Q with
/// Q = 2^bits − 1, clamped to [0, scale]; v unchanged when scale <= 0.
double quantizeUnsigned(double value, double scale, int bits);

/// In place, per column (one vector per sample) with s = max_i |x_i|:
/// Re and Im of every entry through quantizeSigned(·, s, bits).
void quantizeComplexColumns(Eigen::MatrixXcd &x, int bits);
/// In place, per column with s = max_i Re x_i: Re through
/// quantizeUnsigned(·, s, bits), Im set to 0 (detected intensities).
void quantizeIntensityColumns(Eigen::MatrixXcd &x, int bits);

//===----------------------------------------------------------------------===//
// Devices
//===----------------------------------------------------------------------===//

/// A directional coupler with bar power ratio r (top → top):
/// [[√r, i√(1−r)], [i√(1−r), √r]]; r = 1/2 is Convention.h's B.
Eigen::Matrix2cd couplerMatrix(double barRatio);

/// The MZI of Convention.h built from non-ideal parts:
///   M = a · B(r_out) · P(θ) · B(r_in) · P(φ),   a = 10^(−lossDb/20).
/// With r_in = r_out = 1/2 and lossDb = 0 it equals mziTransfer(θ, φ).
Eigen::Matrix2cd noisyMziTransfer(double theta, double phi, double ratioIn,
                                  double ratioOut, double lossDb);

/// The field transmission of a push-pull Σ attenuator (±θ/2 on its two
/// arms, input on one port, output on the cross port, the ideal global
/// phase i removed) built from couplers r_in, r_out and loss:
///   t = a · (√(r_in (1 − r_out)) e^{iθ/2} + √(r_out (1 − r_in)) e^{−iθ/2}),
/// which is cos(θ/2) (attenuatorTransmission) for ideal couplers.
std::complex<double> noisyAttenuatorTransmission(double theta, double ratioIn,
                                                 double ratioOut,
                                                 double lossDb);

/// For each shifter of a mesh (mask order [θ..., φ..., outputs...]), the
/// indices of its thermally adjacent shifters (see the file comment): same
/// arm and column on mode m ± 2 for θ and φ, output mode i ± 1 for the
/// screen. Sorted ascending.
std::vector<std::vector<int>> crosstalkNeighbours(Topology topology,
                                                  int modes);

//===----------------------------------------------------------------------===//
// Static noise: one chip
//===----------------------------------------------------------------------===//

/// The random draws of one layer, in mask order. Empty vectors for
/// components that are off and for layers without shifters.
struct LayerNoiseSample {
  /// γ_i = 1 + Δγ_i per shifter (attenuators for a Diagonal).
  std::vector<double> gamma;
  /// ε_i per shifter, rad.
  std::vector<double> phaseError;
  /// Bar power ratios of the first and second coupler of each MZI (or
  /// attenuator).
  std::vector<double> ratioIn, ratioOut;
};

/// The static draws of one chip: one entry per program layer.
struct StaticNoiseSample {
  std::vector<LayerNoiseSample> layers;
};

/// Draws the static components of `model` for every shifter and coupler of
/// `program` (masked ones included, so the draws depend only on the
/// structure). Consumes a fixed number of values from `random`.
StaticNoiseSample sampleStaticNoise(const Program &program,
                                    const NoiseModel &model, Random &random);

/// Applies the phase components of `model` with the draws of `sample` to
/// the phases of `program` in place: quantize → γ → crosstalk → +ε for
/// every live shifter of every Mesh and Diagonal layer; masked shifters
/// stay exactly 0. Does nothing when model.hasPhaseNoise() is false.
/// `sample` must come from a program of the same structure. Usable as a
/// TrainOptions::perturb hook for noise-aware training.
void applyPhaseNoise(Program &program, const StaticNoiseSample &sample,
                     const NoiseModel &model);

/// A TrainOptions::perturb hook for noise-aware training: at step t it
/// draws a fresh chip from Random(trialSeed(seed, t)) (MonteCarlo.h) and
/// applies the phase components of `model` to the forward copy. Empty when
/// the model has no phase noise.
std::function<void(Program &, int64_t)> phaseNoiseHook(const NoiseModel &model,
                                                      uint64_t seed);

/// A program as one noisy chip realises it.
struct NoisyProgram {
  /// The program with the phases the chip realises (masked shifters 0).
  /// Noisy phases are not wrapped, and a Σ attenuator phase may leave
  /// [0, π], so this program need not pass verifyProgram.
  Program program;
  /// Per layer: the prepared mesh of a Mesh layer without meshTransfer.
  std::vector<PreparedMesh> prepared;
  /// Per layer: the explicit N x N transfer matrix of a Mesh layer when the
  /// model has coupler error or loss; empty otherwise.
  std::vector<Eigen::MatrixXcd> meshTransfer;
  /// Per layer: the complex diagonal β · t_i (size min(inputs, outputs)) of
  /// a Diagonal layer when the model has coupler error or loss.
  std::vector<Eigen::VectorXcd> diagonalTransfer;
  /// Per layer: at the first layer of each linear block (a maximal run of
  /// Mesh and Diagonal layers), the block's realised transfer matrix
  /// W (outputs x inputs), when the model has a static component and the
  /// block is at most 64 modes wide or has coupler error or loss; the block
  /// then runs as one dense product. Empty otherwise (an ideal chip runs
  /// the kernels of simulate()).
  std::vector<Eigen::MatrixXcd> blockTransfer;
  /// Per layer: at the last layer of each linear block, max |W_ij| of the
  /// block's realised transfer matrix (when weight_sigma > 0 or the block
  /// is collapsed); else 0.
  std::vector<double> blockFullScale;
};

/// The chip `sample` describes running `program`: phases through
/// applyPhaseNoise, transfer matrices from the coupler ratios and loss,
/// full scales for the weight noise.
NoisyProgram realize(const Program &program, const StaticNoiseSample &sample,
                     const NoiseModel &model);

/// realize(program, sampleStaticNoise(program, model, random), model).
NoisyProgram sampleNoisyProgram(const Program &program,
                                const NoiseModel &model, Random &random);

//===----------------------------------------------------------------------===//
// Dynamic noise: inference
//===----------------------------------------------------------------------===//

/// Runs `noisy` on `inputs` (program.inputs x batch, one sample per column)
/// with the dynamic components of `model`: input DAC, weight error at the
/// end of each linear block, detector noise after detect, output ADC. With
/// no dynamic component and an ideal realization the result is
/// bit-identical to simulate(program, inputs). `model` must be the model
/// `noisy` was realised with (the weight error uses its full scales). The
/// draws depend on the batch as a whole (sample order and count); `random`
/// advances by a fixed number of values per call.
Eigen::MatrixXcd simulateNoisy(const NoisyProgram &noisy,
                               const Eigen::MatrixXcd &inputs,
                               const NoiseModel &model, Random &random);

} // namespace photon::runtime

#endif // PHOTON_RUNTIME_NOISEMODEL_H
