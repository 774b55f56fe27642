//===- SvgText.cpp - Text and colour for the SVG picture ------------------===//
#include "SvgText.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>

namespace photon::svg {

std::string escape(llvm::StringRef text) {
  std::string out;
  for (char c : text)
    out += c == '&'    ? "&amp;"
           : c == '<'  ? "&lt;"
           : c == '>'  ? "&gt;"
           : c == '"'  ? "&quot;"
           : c == '\'' ? "&apos;"
                       : std::string(1, c);
  return out;
}

std::string num(double value, int digits) {
  char buffer[64];
  std::snprintf(buffer, sizeof(buffer), "%.*f", digits, value);
  std::string text = buffer;
  if (text.find_first_not_of("-0.") == std::string::npos)
    text = std::string(buffer + (buffer[0] == '-'));
  return text;
}

std::string colourAt(double t) {
  static const unsigned char stops[][3] = {
      {68, 1, 84},    {71, 44, 122},  {59, 81, 139},
      {44, 113, 142}, {33, 144, 141}, {39, 173, 129},
      {92, 200, 99},  {170, 220, 50}, {253, 231, 37}};
  const int last = static_cast<int>(std::size(stops)) - 1;
  t = std::clamp(std::isfinite(t) ? t : 0.0, 0.0, 1.0) * last;
  int i = std::min(static_cast<int>(t), last - 1);
  double f = t - i;
  char buffer[8];
  int rgb[3];
  for (int c = 0; c < 3; ++c)
    rgb[c] = static_cast<int>(
        std::lround(stops[i][c] + f * (stops[i + 1][c] - stops[i][c])));
  std::snprintf(buffer, sizeof(buffer), "#%02x%02x%02x", rgb[0], rgb[1],
                rgb[2]);
  return buffer;
}

} // namespace photon::svg
