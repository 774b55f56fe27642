//===- InitializerTest.cpp - Seeded weight initialisers -------------------===//
#include "photon/Runtime/Initializer.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace photon::runtime;

namespace {

TEST(Initializer, Names) {
  EXPECT_STREQ(initializerName(Initializer::Normal), "normal");
  EXPECT_STREQ(initializerName(Initializer::Uniform), "uniform");
  EXPECT_EQ(parseInitializer("normal"), Initializer::Normal);
  EXPECT_EQ(parseInitializer("uniform"), Initializer::Uniform);
  EXPECT_FALSE(parseInitializer("glorot").has_value());
}

TEST(Initializer, DeterministicPerSeed) {
  for (Initializer init : {Initializer::Normal, Initializer::Uniform})
    for (bool complexValued : {false, true}) {
      Eigen::MatrixXcd a = initializeWeights(init, 7, 5, 11, complexValued);
      Eigen::MatrixXcd b = initializeWeights(init, 7, 5, 11, complexValued);
      Eigen::MatrixXcd c = initializeWeights(init, 7, 5, 12, complexValued);
      EXPECT_EQ(a, b);
      EXPECT_NE(a, c);
      EXPECT_EQ(a.rows(), 7);
      EXPECT_EQ(a.cols(), 5);
      if (!complexValued) {
        EXPECT_EQ(a.imag().cwiseAbs().maxCoeff(), 0.0);
      } else {
        EXPECT_GT(a.imag().cwiseAbs().maxCoeff(), 0.0);
      }
    }
}

struct Moments {
  double mean, varRe, varIm;
};

Moments moments(const Eigen::MatrixXcd &w) {
  const double n = static_cast<double>(w.size());
  double mean = w.real().sum() / n;
  double varRe = w.real().array().square().sum() / n;
  double varIm = w.imag().array().square().sum() / n;
  return {mean, varRe, varIm};
}

TEST(Initializer, NormalVariance) {
  const int rows = 300, cols = 400;
  Moments real = moments(initializeWeights(Initializer::Normal, rows, cols, 1,
                                           false));
  EXPECT_NEAR(real.mean, 0.0, 0.002);
  EXPECT_NEAR(real.varRe, 1.0 / cols, 0.03 / cols);
  Moments cplx = moments(initializeWeights(Initializer::Normal, rows, cols, 2,
                                           true));
  EXPECT_NEAR(cplx.varRe, 0.5 / cols, 0.03 / cols);
  EXPECT_NEAR(cplx.varIm, 0.5 / cols, 0.03 / cols);
}

TEST(Initializer, UniformGlorotRangeAndVariance) {
  const int rows = 300, cols = 400;
  const double limit = std::sqrt(6.0 / (rows + cols));
  Eigen::MatrixXcd w = initializeWeights(Initializer::Uniform, rows, cols, 3,
                                         false);
  EXPECT_LE(w.real().cwiseAbs().maxCoeff(), limit);
  EXPECT_GT(w.real().cwiseAbs().maxCoeff(), 0.99 * limit);
  Moments real = moments(w);
  const double variance = 2.0 / (rows + cols);
  EXPECT_NEAR(real.varRe, variance, 0.03 * variance);
  Moments cplx = moments(initializeWeights(Initializer::Uniform, rows, cols, 4,
                                           true));
  EXPECT_NEAR(cplx.varRe, variance / 2, 0.03 * variance);
  EXPECT_NEAR(cplx.varIm, variance / 2, 0.03 * variance);
}

} // namespace
