//===- FastAtan2.cpp - atan2 for bulk phase extraction --------------------===//
//
// Reduction (textbook identities, no library code):
//  1. Quadrants and octants: with a = min(|x|, |y|), b = max(|x|, |y|),
//     t = a/b ∈ [0, 1] and r = atan(t), atan2 is r, π/2 - r (|y| > |x|),
//     π/2 + r (|y| > |x|, x < 0) or π - r (x < 0), negated for y < 0.
//  2. atan(t) = atan(k/8) + atan(t'),  t' = (t - k/8) / (1 + t·k/8),
//     k = round(8t), so |t'| ≤ 1/16. atan(k/8) comes from std::atan once.
//  3. atan(t') = t' - t'³/3 + t'⁵/5 - ... + t'¹³/13 (Taylor); the first
//     omitted term is below 2^-60/15 ≈ 6e-20.
// Rounding: t - k/8 is exact (Sterbenz), t' is within 2 ulp relative (so
// within 2^-56 absolute), the table and the sum within 0.5 ulp each, and
// π/2 and π enter as two-part constants and one rounding: below one ulp of
// π overall (FastAtan2Test measures the worst case on 10^6 arguments
// against a long-double reference).
//
//===----------------------------------------------------------------------===//
#include "photon/Runtime/FastAtan2.h"

#include <array>
#include <cmath>

namespace photon::runtime {

namespace {

const std::array<double, 9> &atanOfEighths() {
  static const std::array<double, 9> table = [] {
    std::array<double, 9> t{};
    for (int k = 0; k < 9; ++k)
      t[k] = std::atan(k / 8.0);
    return t;
  }();
  return table;
}

// π/2 and π as a double plus the remainder (π = 3.14159265358979323846...).
constexpr double kHalfPiHi = 1.5707963267948966;
constexpr double kHalfPiLo = 6.123233995736766e-17;
constexpr double kPiHi = 3.141592653589793;
constexpr double kPiLo = 1.2246467991473532e-16;

} // namespace

double fastAtan2(double y, double x) {
  const double ax = std::fabs(x), ay = std::fabs(y);
  // Zeros, infinities and NaNs keep std::atan2's conventions.
  if (!(ax > 0.0 || ay > 0.0) || !std::isfinite(ax) || !std::isfinite(ay))
    return std::atan2(y, x);
  const bool steep = ay > ax;
  const double t = steep ? ax / ay : ay / ax;
  if (t == 0.0 && !steep) // y/x underflowed or y = 0
    return std::atan2(y, x);
  const int k = static_cast<int>(t * 8.0 + 0.5);
  const double ck = k * 0.125;
  const double u = (t - ck) / (1.0 + t * ck);
  const double u2 = u * u;
  double p = 1.0 / 13.0;
  p = p * u2 - 1.0 / 11.0;
  p = p * u2 + 1.0 / 9.0;
  p = p * u2 - 1.0 / 7.0;
  p = p * u2 + 1.0 / 5.0;
  p = p * u2 - 1.0 / 3.0;
  double r = atanOfEighths()[k] + (u + u * u2 * p);
  // π/2 - r, π/2 + r or π - r with the large part added last, so that the
  // result is rounded once.
  if (steep)
    r = kHalfPiHi + (std::signbit(x) ? kHalfPiLo + r : kHalfPiLo - r);
  else if (std::signbit(x))
    r = kPiHi + (kPiLo - r);
  return std::signbit(y) ? -r : r;
}

} // namespace photon::runtime
