//===- Convention.cpp - The optical conventions of Photon -----------------===//
//
// See Convention.h. M(θ, φ) = B · P(θ) · B · P(φ) (phase-first MZI).
//
//===----------------------------------------------------------------------===//
#include "photon/Runtime/Convention.h"

#include <algorithm>
#include <cmath>

namespace photon::runtime {

double wrapPhase(double phase) {
  // Most phases are already in range (-0.0 maps to +0.0).
  if (phase > 0.0 && phase < kTwoPi)
    return phase;
  // fmod is exact, so only the final shift into [0, 2π) can round.
  double wrapped = std::fmod(phase, kTwoPi);
  if (wrapped < 0.0)
    wrapped += kTwoPi;
  // Values that round up to 2π, and -0.0, map to +0.0.
  if (wrapped >= kTwoPi || wrapped == 0.0)
    wrapped = 0.0;
  return wrapped;
}

Eigen::Matrix2cd mziTransfer(double theta, double phi) {
  const double s = std::sin(0.5 * theta);
  const double c = std::cos(0.5 * theta);
  // i·e^{iθ/2} = i(cos(θ/2) + i sin(θ/2)) = -sin(θ/2) + i cos(θ/2).
  const Complex g(-s, c);
  const Complex e(std::cos(phi), std::sin(phi));
  Eigen::Matrix2cd m;
  m(0, 0) = g * e * s;
  m(0, 1) = g * c;
  m(1, 0) = g * e * c;
  m(1, 1) = -g * s;
  return m;
}

double attenuatorTransmission(double theta) { return std::cos(0.5 * theta); }

double attenuatorPhase(double transmission) {
  if (!(transmission < 1.0)) // also catches NaN: treat as fully open
    return 0.0;
  if (transmission <= 0.0)
    return kPi;
  return 2.0 * std::acos(transmission);
}

} // namespace photon::runtime
