//===- ConventionTest.cpp - MZI convention, wrapping, power ---------------===//
#include "photon/Runtime/Convention.h"
#include "photon/Runtime/PowerModel.h"

#include "TestUtil.h"

#include <gtest/gtest.h>

using namespace photon::runtime;
using namespace photon::runtime::test;

namespace {

Eigen::Matrix2cd coupler() {
  Eigen::Matrix2cd b;
  b << 1.0, Complex(0, 1), Complex(0, 1), 1.0;
  return b / std::sqrt(2.0);
}

Eigen::Matrix2cd shifter(double x) {
  Eigen::Matrix2cd p = Eigen::Matrix2cd::Identity();
  p(0, 0) = std::polar(1.0, x);
  return p;
}

TEST(Convention, WrapPhaseIntoZeroTwoPi) {
  EXPECT_EQ(wrapPhase(0.0), 0.0);
  EXPECT_DOUBLE_EQ(wrapPhase(1.0), 1.0);
  EXPECT_DOUBLE_EQ(wrapPhase(kTwoPi + 1.0), 1.0);
  EXPECT_NEAR(wrapPhase(-1.0), kTwoPi - 1.0, 1e-15);
  EXPECT_NEAR(wrapPhase(-5 * kTwoPi + 0.25), 0.25, 1e-13);
  EXPECT_NEAR(wrapPhase(7 * kPi), kPi, 1e-13);
  EXPECT_EQ(wrapPhase(kTwoPi), 0.0);
  EXPECT_EQ(wrapPhase(-kTwoPi), 0.0);
  // Tiny negative values round to 2π and must map to 0, -0 to +0.
  EXPECT_EQ(wrapPhase(-1e-300), 0.0);
  EXPECT_FALSE(std::signbit(wrapPhase(-0.0)));
  Random random(5);
  for (int i = 0; i < 10000; ++i) {
    double x = (random.uniform() - 0.5) * 1000.0;
    double w = wrapPhase(x);
    ASSERT_GE(w, 0.0);
    ASSERT_LT(w, kTwoPi);
    double turns = (x - w) / kTwoPi;
    ASSERT_NEAR(turns, std::round(turns), 1e-9);
  }
}

TEST(Convention, MziTransferEqualsCouplerProduct) {
  Random random(1);
  const Eigen::Matrix2cd b = coupler();
  for (int i = 0; i < 200; ++i) {
    double theta = kTwoPi * random.uniform(), phi = kTwoPi * random.uniform();
    Eigen::Matrix2cd expected = b * shifter(theta) * b * shifter(phi);
    Eigen::Matrix2cd actual = mziTransfer(theta, phi);
    ASSERT_LT(maxAbsDiff(actual, expected), 1e-15) << theta << " " << phi;
  }
}

TEST(Convention, MziTransferClosedForm) {
  Random random(2);
  const Complex i(0, 1);
  for (int k = 0; k < 200; ++k) {
    double theta = kTwoPi * random.uniform(), phi = kTwoPi * random.uniform();
    Complex pre = i * std::polar(1.0, theta / 2), e = std::polar(1.0, phi);
    double s = std::sin(theta / 2), c = std::cos(theta / 2);
    Eigen::Matrix2cd expected;
    expected << pre * e * s, pre * c, pre * e * c, -pre * s;
    ASSERT_LT(maxAbsDiff(mziTransfer(theta, phi), expected), 1e-15);
    Eigen::Matrix2cd m = mziTransfer(theta, phi);
    Eigen::Matrix2cd gram = m.adjoint() * m;
    ASSERT_LT(maxAbsDiff(gram, Eigen::Matrix2cd::Identity()), 1e-15);
  }
}

TEST(Convention, CrossAndBarStates) {
  for (double phi : {0.0, 0.7, 3.0}) {
    Eigen::Matrix2cd cross = mziTransfer(0.0, phi);
    EXPECT_LT(std::abs(cross(0, 0)), 1e-15);
    EXPECT_LT(std::abs(cross(1, 1)), 1e-15);
    EXPECT_NEAR(std::abs(cross(0, 1)), 1.0, 1e-15);
    EXPECT_NEAR(std::abs(cross(1, 0)), 1.0, 1e-15);
    Eigen::Matrix2cd bar = mziTransfer(kPi, phi);
    EXPECT_LT(std::abs(bar(0, 1)), 1e-15);
    EXPECT_LT(std::abs(bar(1, 0)), 1e-15);
    EXPECT_NEAR(std::abs(bar(0, 0)), 1.0, 1e-15);
    EXPECT_NEAR(std::abs(bar(1, 1)), 1.0, 1e-15);
  }
  // θ = π, φ = 0 is diag(-1, 1).
  Eigen::Matrix2cd bar = mziTransfer(kPi, 0.0);
  EXPECT_NEAR(bar(0, 0).real(), -1.0, 1e-15);
  EXPECT_NEAR(bar(1, 1).real(), 1.0, 1e-15);
}

TEST(Convention, MziTransferIsTwoPiPeriodic) {
  for (double theta : {0.3, 2.0, 5.0})
    EXPECT_LT(maxAbsDiff(mziTransfer(theta, 1.1),
                         mziTransfer(theta + kTwoPi, 1.1 - kTwoPi)),
              1e-14);
}

TEST(Convention, Attenuator) {
  EXPECT_EQ(attenuatorTransmission(0.0), 1.0);
  EXPECT_NEAR(attenuatorTransmission(kPi), 0.0, 1e-15);
  EXPECT_EQ(attenuatorPhase(1.0), 0.0);
  EXPECT_EQ(attenuatorPhase(2.0), 0.0);
  EXPECT_EQ(attenuatorPhase(0.0), kPi);
  EXPECT_EQ(attenuatorPhase(-1.0), kPi);
  for (double t = 0.0; t <= 1.0; t += 0.01) {
    double theta = attenuatorPhase(t);
    EXPECT_GE(theta, 0.0);
    EXPECT_LE(theta, kPi);
    EXPECT_NEAR(attenuatorTransmission(theta), t, 1e-15);
  }
}

TEST(PowerModel, ProportionalToWrappedPhase) {
  PowerModel model;
  EXPECT_EQ(model.piPowerMilliwatts, 25.0);
  EXPECT_EQ(model.heaterPower(0.0), 0.0);
  EXPECT_NEAR(model.heaterPower(kPi), 25.0, 1e-12);
  EXPECT_NEAR(model.heaterPower(kPi / 2), 12.5, 1e-12);
  EXPECT_NEAR(model.heaterPower(-kPi / 2), 37.5, 1e-12);
  EXPECT_NEAR(model.heaterPower(kTwoPi + 1.0), 25.0 / kPi, 1e-12);
  model.piPowerMilliwatts = 10.0;
  EXPECT_NEAR(model.heaterPower(kPi), 10.0, 1e-12);
}

} // namespace
