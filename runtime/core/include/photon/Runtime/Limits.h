//===- Limits.h - Documented limits on sizes read from input ----*- C++ -*-===//
//
// Every size, count or magnitude that Photon reads from a file or an option
// is checked against one of these limits before anything is allocated or
// computed with it, so hostile input gets a one-line error instead of an
// overflow, a huge allocation, a stack overflow or a non-finite result.
// docs/formats.md ("Limits") and docs/reliability.md list them with their
// reasons; change them here only.
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_RUNTIME_LIMITS_H
#define PHOTON_RUNTIME_LIMITS_H

#include <cstdint>
#include <optional>

namespace photon::runtime {

/// Modes of a field, mesh, diagonal or program (and the width of any
/// electrical vector). 4096 is 5x MNIST's 784 pixels; a 4096-mode mesh has
/// 8,386,560 MZIs and its N x N complex transfer matrix takes 256 MiB, and
/// with N <= 4096 every derived count (N², 2·N(N-1)/2 + N) fits in an int.
constexpr int64_t kMaxModes = 4096;

/// Elements of a dense weight, unitary or adapter matrix: kMaxModes².
constexpr int64_t kMaxMatrixElements = kMaxModes * kMaxModes;

/// Monte Carlo trials (noisy chips) of one evaluation: 10^6 chips already
/// take days on a 16-mode network; the accuracies then fill 8 MB.
constexpr int64_t kMaxTrials = 1000000;

/// Mini-batch size of training: 65,536 columns of a 4096-mode field are
/// 4 GiB, the most a batch may reasonably hold.
constexpr int64_t kMaxBatchSize = 65536;

/// Training epochs (and pruning rounds, SZO-SCD epochs).
constexpr int64_t kMaxEpochs = 1000000;

/// Worker threads of training and Monte Carlo evaluation.
constexpr int64_t kMaxThreads = 256;

/// Values of one noise sweep (photon-run --sweep).
constexpr int64_t kMaxSweepSteps = 1000;

/// Nesting depth of a JSON document (a runtime program is 3 deep) and of
/// the regions, attributes and types of an MLIR file (a model is about 6
/// deep). Both parsers recurse once per level; 256 levels stay far inside
/// an 8 MiB stack.
constexpr int64_t kMaxNestingDepth = 256;

/// Largest accepted value of a noise standard deviation or of the crosstalk
/// coefficient (phase_sigma in rad, gamma_sigma, coupler_sigma,
/// weight_sigma, detector_sigma relative). 10 is far past any chip (a σ of
/// 10 rad already makes every phase uniform) and keeps every noisy phase
/// and transfer finite.
constexpr double kMaxNoiseSigma = 10.0;

/// Largest insertion loss per device, dB (the field factor 10^(-L/20) stays
/// a normal double through thousands of devices).
constexpr double kMaxLossDb = 100.0;

/// Largest global optical gain β of a Σ diagonal: 10^6 (120 dB of
/// amplification) keeps gain², summed over layers, far from overflow.
constexpr double kMaxGain = 1e6;

/// Largest power of one phase shifter at π, of an ADC or of a re-encoding
/// channel, mW (a kilowatt per device; totals over 2·kMaxModes² shifters
/// stay finite).
constexpr double kMaxDevicePowerMw = 1e6;

/// a · b when both are >= 0 and the product is <= `limit`; std::nullopt on
/// overflow or when the product exceeds the limit.
inline std::optional<int64_t> checkedProduct(int64_t a, int64_t b,
                                             int64_t limit) {
  if (a < 0 || b < 0)
    return std::nullopt;
  if (a != 0 && b > limit / a)
    return std::nullopt;
  return a * b;
}

} // namespace photon::runtime

#endif // PHOTON_RUNTIME_LIMITS_H
