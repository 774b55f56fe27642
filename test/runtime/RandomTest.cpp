//===- RandomTest.cpp - Seeded generator and Haar unitaries ---------------===//
#include "photon/Runtime/Decomposition.h"
#include "photon/Runtime/Random.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace photon::runtime;

namespace {

TEST(Random, SameSeedSameStream) {
  Random a(42), b(42), c(43);
  bool differs = false;
  for (int i = 0; i < 1000; ++i) {
    uint64_t x = a.next();
    ASSERT_EQ(x, b.next());
    differs |= x != c.next();
  }
  EXPECT_TRUE(differs);
  Random d(7), e(7);
  for (int i = 0; i < 101; ++i) {
    ASSERT_EQ(d.normal(), e.normal());
    ASSERT_EQ(d.uniform(), e.uniform());
  }
}

TEST(Random, KnownFirstValueOfSeedZero) {
  // splitmix64(0) seeding then xoshiro256**: pinned so that streams stay the
  // same across releases (seeded experiments must reproduce).
  Random r(0);
  const uint64_t first = r.next();
  Random again(0);
  EXPECT_EQ(again.next(), first);
  EXPECT_EQ(first, 0x99EC5F36CB75F2B4ULL);
}

TEST(Random, UniformAndNormalMoments) {
  Random r(1);
  const int count = 200000;
  double sum = 0, sumSq = 0, nSum = 0, nSumSq = 0, nMin = 0, nMax = 0;
  for (int i = 0; i < count; ++i) {
    double u = r.uniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
    sumSq += u * u;
    double z = r.normal();
    ASSERT_TRUE(std::isfinite(z));
    nSum += z;
    nSumSq += z * z;
    nMin = std::min(nMin, z);
    nMax = std::max(nMax, z);
  }
  EXPECT_NEAR(sum / count, 0.5, 0.005);
  EXPECT_NEAR(sumSq / count - 0.25, 1.0 / 12, 0.003);
  EXPECT_NEAR(nSum / count, 0.0, 0.01);
  EXPECT_NEAR(nSumSq / count, 1.0, 0.01);
  EXPECT_LT(nMin, -3.5);
  EXPECT_GT(nMax, 3.5);
}

TEST(Random, HaarUnitaryIsUnitaryAndSeeded) {
  for (int n : {1, 2, 5, 32, 100}) {
    Random r(n);
    Eigen::MatrixXcd u = haarUnitary(n, r);
    EXPECT_LT(unitarityError(u), 1e-13) << n;
    Random again(n);
    EXPECT_EQ(u, haarUnitary(n, again));
  }
}

TEST(Random, HaarEntriesHaveTheRightScale) {
  // For Haar U (N x N), E|u_ij|² = 1/N and the phases are uniform.
  Random r(3);
  const int n = 8, trials = 400;
  double sumSq = 0;
  std::complex<double> sum = 0;
  for (int t = 0; t < trials; ++t) {
    Eigen::MatrixXcd u = haarUnitary(n, r);
    sumSq += std::norm(u(0, 0)) + std::norm(u(n - 1, 2));
    sum += u(0, 0) + u(n - 1, 2);
  }
  EXPECT_NEAR(sumSq / (2 * trials), 1.0 / n, 0.02);
  EXPECT_LT(std::abs(sum) / (2 * trials), 0.05);
}

} // namespace
