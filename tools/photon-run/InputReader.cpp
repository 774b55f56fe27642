//===- InputReader.cpp - Input vectors for photon-run ---------------------===//
#include "InputReader.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/Twine.h"

#include <cmath>
#include <complex>
#include <optional>
#include <vector>

using namespace llvm;

namespace photon {

/// Parses "1.5", "2j", "1.5-2e-3j", "-1+2j".
static std::optional<std::complex<double>> parseValue(StringRef token) {
  double re = 0.0, im = 0.0;
  if (!token.consume_back("j")) {
    if (token.getAsDouble(re))
      return std::nullopt;
    return std::complex<double>(re, 0.0);
  }
  // Split at the last sign that is not the leading one or an exponent's.
  size_t split = StringRef::npos;
  for (size_t i = token.size(); i-- > 1;)
    if ((token[i] == '+' || token[i] == '-') && token[i - 1] != 'e' &&
        token[i - 1] != 'E') {
      split = i;
      break;
    }
  StringRef imag = split == StringRef::npos ? token : token.substr(split);
  if (split != StringRef::npos && token.substr(0, split).getAsDouble(re))
    return std::nullopt;
  if (imag == "+" || imag == "-" || imag.empty())
    im = imag == "-" ? -1.0 : 1.0;
  else if (imag.getAsDouble(im))
    return std::nullopt;
  return std::complex<double>(re, im);
}

Expected<Eigen::MatrixXcd> parseInputVectors(StringRef text,
                                             StringRef sourceName, int width) {
  std::vector<std::complex<double>> values;
  SmallVector<StringRef> lines;
  text.split(lines, '\n');
  int samples = 0;
  for (auto [lineIndex, rawLine] : llvm::enumerate(lines)) {
    StringRef line = rawLine.trim();
    if (line.empty() || line.starts_with("#"))
      continue;
    SmallVector<StringRef> tokens;
    SplitString(line, tokens, " \t,\r");
    if (static_cast<int>(tokens.size()) != width)
      return createStringError(inconvertibleErrorCode(),
                               "%s:%zu: expected %d values (the program's "
                               "input width), got %zu",
                               sourceName.str().c_str(), lineIndex + 1, width,
                               tokens.size());
    for (StringRef token : tokens) {
      std::optional<std::complex<double>> value = parseValue(token);
      if (!value || !std::isfinite(value->real()) ||
          !std::isfinite(value->imag()))
        return createStringError(inconvertibleErrorCode(),
                                 "%s:%zu: '%s' is not a finite number",
                                 sourceName.str().c_str(), lineIndex + 1,
                                 token.str().c_str());
      values.push_back(*value);
    }
    ++samples;
  }
  if (samples == 0)
    return createStringError(inconvertibleErrorCode(),
                             "%s: no input vectors", sourceName.str().c_str());
  Eigen::MatrixXcd batch(width, samples);
  for (int s = 0; s < samples; ++s)
    for (int i = 0; i < width; ++i)
      batch(i, s) = values[static_cast<size_t>(s) * width + i];
  return batch;
}

} // namespace photon
