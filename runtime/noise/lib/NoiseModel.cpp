//===- NoiseModel.cpp - Composable hardware non-idealities ----------------===//
//
// See NoiseModel.h for the model and docs/noise.md for the formulas. This
// file holds the model's spec (parse, check, format) and the quantizers;
// NoisyProgram.cpp draws chips and runs programs on them.
//
//===----------------------------------------------------------------------===//
#include "photon/Runtime/NoiseModel.h"

#include "photon/Runtime/MonteCarlo.h"

#include "photon/Runtime/Convention.h"
#include "photon/Runtime/Limits.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <utility>

namespace photon::runtime {

namespace {

llvm::Error makeError(const llvm::Twine &message) {
  return llvm::make_error<llvm::StringError>(message,
                                             llvm::inconvertibleErrorCode());
}

/// Shortest text that reads back as the same double.
std::string shortest(double value) {
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof(buffer), value);
  return std::string(buffer, result.ptr);
}

constexpr std::array<llvm::StringRef, 11> kKeys = {
    "phase_sigma",   "gamma_sigma", "crosstalk",  "phase_bits",
    "keep_pruned",   "coupler_sigma", "loss_db",  "input_bits",
    "output_bits",   "weight_sigma",  "detector_sigma"};

std::string validKeys() { return llvm::join(kKeys, ", "); }

/// The member behind a real-valued key, or null.
double NoiseModel::*realMember(llvm::StringRef key) {
  if (key == "phase_sigma")
    return &NoiseModel::phaseSigma;
  if (key == "gamma_sigma")
    return &NoiseModel::gammaSigma;
  if (key == "crosstalk")
    return &NoiseModel::crosstalk;
  if (key == "keep_pruned")
    return &NoiseModel::keepPruned;
  if (key == "coupler_sigma")
    return &NoiseModel::couplerSigma;
  if (key == "loss_db")
    return &NoiseModel::lossDb;
  if (key == "weight_sigma")
    return &NoiseModel::weightSigma;
  if (key == "detector_sigma")
    return &NoiseModel::detectorSigma;
  return nullptr;
}

/// The member behind a bits key, or null.
int NoiseModel::*bitsMember(llvm::StringRef key) {
  if (key == "phase_bits")
    return &NoiseModel::phaseBits;
  if (key == "input_bits")
    return &NoiseModel::inputBits;
  if (key == "output_bits")
    return &NoiseModel::outputBits;
  return nullptr;
}

/// Smallest accepted bit count of a bits key (the signed quantizers need a
/// sign bit and a magnitude bit).
int minBits(llvm::StringRef key) { return key == "phase_bits" ? 1 : 2; }

llvm::Error checkBits(llvm::StringRef key, double value) {
  const int lo = minBits(key);
  if (!(value >= lo && value <= 32 && value == std::floor(value)))
    return makeError(llvm::formatv(
        "noise spec: '{0}' must be an integer in {1}..32, got {2}{3}", key, lo,
        shortest(value),
        lo == 2 && value == 1 ? " (a signed quantizer needs a sign bit and "
                                "at least one magnitude bit)"
                              : ""));
  return llvm::Error::success();
}

llvm::Error checkReal(llvm::StringRef key, double value) {
  if (key == "keep_pruned" && value != 0.0 && value != 1.0)
    return makeError(llvm::formatv(
        "noise spec: 'keep_pruned' must be 0 or 1, got {0}", shortest(value)));
  if (!std::isfinite(value))
    return makeError(llvm::formatv("noise spec: '{0}' must be finite, got {1}",
                                   key, shortest(value)));
  if (value < 0.0)
    return makeError(llvm::formatv("noise spec: '{0}' must be >= 0, got {1}",
                                   key, shortest(value)));
  // Bounded so that every noisy phase, transfer and intensity stays finite.
  const double limit = key == "loss_db" ? kMaxLossDb : kMaxNoiseSigma;
  if (value > limit)
    return makeError(llvm::formatv(
        "noise spec: '{0}' must be <= {1} (docs/formats.md, Limits), got {2}",
        key, shortest(limit), shortest(value)));
  return llvm::Error::success();
}
} // namespace

//===----------------------------------------------------------------------===//
// NoiseModel and its spec
//===----------------------------------------------------------------------===//

bool NoiseModel::hasPhaseNoise() const {
  return phaseSigma > 0.0 || gammaSigma > 0.0 || crosstalk > 0.0 ||
         phaseBits > 0;
}

bool NoiseModel::needsTransferMatrices() const {
  return couplerSigma > 0.0 || lossDb > 0.0;
}

bool NoiseModel::hasStaticNoise() const {
  return hasPhaseNoise() || needsTransferMatrices();
}

bool NoiseModel::hasDynamicNoise() const {
  return inputBits > 0 || outputBits > 0 || weightSigma > 0.0 ||
         detectorSigma > 0.0;
}

llvm::ArrayRef<llvm::StringRef> noiseParameterKeys() { return kKeys; }

bool isNoiseBitsKey(llvm::StringRef key) {
  return key == "phase_bits" || key == "input_bits" || key == "output_bits";
}

llvm::Error checkNoiseModel(const NoiseModel &model) {
  for (llvm::StringRef key : kKeys) {
    if (double NoiseModel::*field = realMember(key)) {
      if (llvm::Error e = checkReal(key, model.*field))
        return e;
    } else if (int NoiseModel::*bits = bitsMember(key)) {
      if (model.*bits != 0)
        if (llvm::Error e = checkBits(key, model.*bits))
          return e;
    }
  }
  return llvm::Error::success();
}

llvm::Error setNoiseParameter(NoiseModel &model, llvm::StringRef key,
                              double value) {
  if (double NoiseModel::*field = realMember(key)) {
    if (llvm::Error e = checkReal(key, value))
      return e;
    model.*field = value;
    return llvm::Error::success();
  }
  if (int NoiseModel::*bits = bitsMember(key)) {
    if (llvm::Error e = checkBits(key, value))
      return e;
    model.*bits = static_cast<int>(value);
    return llvm::Error::success();
  }
  return makeError(llvm::formatv("noise spec: unknown key '{0}' (valid keys: "
                                 "{1})",
                                 key, validKeys()));
}

double getNoiseParameter(const NoiseModel &model, llvm::StringRef key) {
  if (double NoiseModel::*field = realMember(key))
    return model.*field;
  if (int NoiseModel::*bits = bitsMember(key))
    return model.*bits;
  assert(false && "unknown noise parameter");
  return 0.0;
}

llvm::Expected<NoiseModel> parseNoiseModel(llvm::StringRef spec) {
  NoiseModel model;
  spec = spec.trim();
  if (spec.empty() || spec == "none")
    return model;
  llvm::SmallVector<llvm::StringRef, 16> entries;
  spec.split(entries, ',');
  std::vector<std::string> seen;
  for (llvm::StringRef entry : entries) {
    entry = entry.trim();
    auto [rawKey, rawValue] = entry.split('=');
    llvm::StringRef key = rawKey.trim(), text = rawValue.trim();
    if (!entry.contains('=') || key.empty())
      return makeError(llvm::formatv(
          "noise spec: expected key=value, got '{0}' (valid keys: {1})", entry,
          validKeys()));
    if (!llvm::is_contained(kKeys, key))
      return makeError(llvm::formatv(
          "noise spec: unknown key '{0}' (valid keys: {1})", key, validKeys()));
    if (llvm::is_contained(seen, key.str()))
      return makeError(
          llvm::formatv("noise spec: '{0}' is given twice", key));
    seen.push_back(key.str());
    double value = 0.0;
    // getAsDouble (strtod) also reads "inf", "nan" and hex; the range
    // checks reject the first two.
    if (text.empty() || text.getAsDouble(value, /*AllowInexact=*/true))
      return makeError(llvm::formatv(
          "noise spec: '{0}' needs a number, got '{1}'", key, text));
    if (isNoiseBitsKey(key)) {
      long long integer = 0;
      if (text.getAsInteger(10, integer))
        return makeError(llvm::formatv(
            "noise spec: '{0}' must be an integer in {1}..32, got '{2}'", key,
            minBits(key), text));
    }
    if (llvm::Error e = setNoiseParameter(model, key, value))
      return std::move(e);
  }
  return model;
}

std::string formatNoiseModel(const NoiseModel &model) {
  std::string out;
  for (llvm::StringRef key : kKeys) {
    const double value = getNoiseParameter(model, key);
    if (value == 0.0)
      continue;
    if (!out.empty())
      out += ',';
    out += key.str() + "=" + shortest(value);
  }
  return out.empty() ? std::string("none") : out;
}

//===----------------------------------------------------------------------===//
// Quantizers
//===----------------------------------------------------------------------===//

QuantizedPhase quantizePhase(double phase, int bits) {
  assert(bits >= 1 && bits <= 32 && "phase DAC bits out of range");
  const double levels = std::ldexp(1.0, bits); // 2^bits, exact
  const double scaled = std::round(wrapPhase(phase) / kTwoPi * levels);
  uint64_t code = static_cast<uint64_t>(scaled);
  const uint64_t count = uint64_t(1) << bits;
  code %= count; // a phase just below 2π rounds up to 2^n: code 0
  QuantizedPhase q;
  q.code = code;
  q.phase = static_cast<double>(code) * (kTwoPi / levels);
  return q;
}

double quantizeSigned(double value, double scale, int bits) {
  assert(bits >= 2 && bits <= 32 && "signed quantizer bits out of range");
  if (!(scale > 0.0))
    return value;
  const double q = std::ldexp(1.0, bits - 1) - 1.0;
  const double code = std::clamp(std::round(value / scale * q), -q, q);
  return code * scale / q;
}

double quantizeUnsigned(double value, double scale, int bits) {
  assert(bits >= 1 && bits <= 32 && "unsigned quantizer bits out of range");
  if (!(scale > 0.0))
    return value;
  const double q = std::ldexp(1.0, bits) - 1.0;
  const double code = std::clamp(std::round(value / scale * q), 0.0, q);
  return code * scale / q;
}

void quantizeComplexColumns(Eigen::MatrixXcd &x, int bits) {
  for (Eigen::Index c = 0; c < x.cols(); ++c) {
    const double scale = x.col(c).size() ? x.col(c).cwiseAbs().maxCoeff() : 0;
    for (Eigen::Index r = 0; r < x.rows(); ++r) {
      const std::complex<double> z = x(r, c);
      x(r, c) = {quantizeSigned(z.real(), scale, bits),
                 quantizeSigned(z.imag(), scale, bits)};
    }
  }
}

void quantizeIntensityColumns(Eigen::MatrixXcd &x, int bits) {
  for (Eigen::Index c = 0; c < x.cols(); ++c) {
    const double scale = x.col(c).size() ? x.col(c).real().maxCoeff() : 0;
    for (Eigen::Index r = 0; r < x.rows(); ++r)
      x(r, c) = {quantizeUnsigned(x(r, c).real(), scale, bits), 0.0};
  }
}

} // namespace photon::runtime
