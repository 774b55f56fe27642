//===- FastAtan2Test.cpp - fastAtan2 against long-double atan2 ------------===//
#include "photon/Runtime/FastAtan2.h"

#include "photon/Runtime/Random.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <limits>

using namespace photon::runtime;

namespace {

/// One ulp of π.
constexpr double kUlpOfPi = 4.440892098500626e-16;

/// |f(y, x) - atan2(y, x)| with the reference in long double.
double error(double y, double x, double (*f)(double, double) = fastAtan2) {
  const long double exact = std::atan2(static_cast<long double>(y),
                                       static_cast<long double>(x));
  return static_cast<double>(
      std::fabs(static_cast<long double>(f(y, x)) - exact));
}

double stdAtan2(double y, double x) { return std::atan2(y, x); }

TEST(FastAtan2, WithinOneUlpOfPiOnRandomArguments) {
  Random random(7);
  double worst = 0.0, worstStd = 0.0;
  for (int i = 0; i < 1000000; ++i) {
    // Both signs, moduli over 20 decades, and every octant.
    const double y = random.normal() * std::pow(10.0, random.uniform() * 20 - 10);
    const double x = random.normal() * std::pow(10.0, random.uniform() * 20 - 10);
    worst = std::max(worst, error(y, x));
    worstStd = std::max(worstStd, error(y, x, stdAtan2));
  }
  std::printf("fastAtan2 worst error %.3g (std::atan2: %.3g)\n", worst,
              worstStd);
  EXPECT_LT(worst, kUlpOfPi);
}

TEST(FastAtan2, ReductionBoundaries) {
  // Ratios at and next to the table points k/8 and their midpoints (where
  // the reduced argument is largest), in all four quadrants.
  double worst = 0.0;
  for (int k = 0; k <= 16; ++k) {
    const double t = k / 16.0;
    for (double r : {t, std::nextafter(t, 0.0), std::nextafter(t, 2.0)})
      for (double sy : {1.0, -1.0})
        for (double sx : {1.0, -1.0}) {
          worst = std::max(worst, error(sy * r, sx * 1.0));
          worst = std::max(worst, error(sy * 1.0, sx * r));
        }
  }
  EXPECT_LT(worst, kUlpOfPi);
}

TEST(FastAtan2, SpecialValuesMatchStdAtan2) {
  const double inf = std::numeric_limits<double>::infinity();
  const double tiny = std::numeric_limits<double>::denorm_min();
  const double values[] = {0.0, -0.0, 1.0, -1.0, tiny, -tiny, 1e308, -1e308,
                           inf, -inf};
  for (double y : values)
    for (double x : values) {
      const double expected = std::atan2(y, x);
      const double got = fastAtan2(y, x);
      EXPECT_NEAR(got, expected, kUlpOfPi) << "y=" << y << " x=" << x;
      EXPECT_EQ(std::signbit(got), std::signbit(expected))
          << "y=" << y << " x=" << x;
    }
  EXPECT_TRUE(std::isnan(fastAtan2(NAN, 1.0)));
  EXPECT_TRUE(std::isnan(fastAtan2(1.0, NAN)));
  // The axes and the diagonals are exact multiples of π/4 rounded once.
  EXPECT_EQ(fastAtan2(1.0, 0.0), std::atan2(1.0, 0.0));
  EXPECT_EQ(fastAtan2(0.0, -1.0), std::atan2(0.0, -1.0));
  EXPECT_EQ(fastAtan2(-0.0, -1.0), std::atan2(-0.0, -1.0));
  EXPECT_EQ(fastAtan2(1.0, 1.0), std::atan2(1.0, 1.0));
}

} // namespace
