//===- NumpyRandomTest.cpp - numpy's legacy RandomState streams -----------===//
//
// Expected values were printed by numpy 1.24.2 (Debian's python3-numpy):
//   np.random.RandomState(0).randint(0, 2**32, size=4, dtype=np.uint64)
//   np.random.RandomState(0).random_sample(4)
//   np.random.RandomState(0).randint(0, 2**40, size=4, dtype=np.uint64)
//   np.random.RandomState(0).permutation(10) and (10000)
//   np.random.RandomState(12345).permutation(20)
//
//===----------------------------------------------------------------------===//
#include "photon/Runtime/NumpyRandom.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <vector>

using namespace photon::runtime;

namespace {

TEST(NumpyRandomTest, RawOutputsOfSeedZero) {
  NumpyRandomState random(0);
  EXPECT_EQ(random.nextUint32(), 2357136044U);
  EXPECT_EQ(random.nextUint32(), 2546248239U);
  EXPECT_EQ(random.nextUint32(), 3071714933U);
  EXPECT_EQ(random.nextUint32(), 3626093760U);
}

TEST(NumpyRandomTest, ReferenceSeedMatchesMt19937) {
  // Matsumoto and Nishimura's reference: init_genrand(5489) starts with
  // 3499211612 (also std::mt19937's default stream).
  NumpyRandomState random(5489);
  EXPECT_EQ(random.nextUint32(), 3499211612U);
}

TEST(NumpyRandomTest, RandomSampleOfSeedZero) {
  NumpyRandomState random(0);
  EXPECT_EQ(random.randomSample(), 0.5488135039273248);
  EXPECT_EQ(random.randomSample(), 0.7151893663724195);
  EXPECT_EQ(random.randomSample(), 0.6027633760716439);
  EXPECT_EQ(random.randomSample(), 0.5448831829968969);
}

TEST(NumpyRandomTest, WideIntervalUsesHighWordFirst) {
  NumpyRandomState random(0);
  const uint64_t max = (uint64_t(1) << 40) - 1;
  EXPECT_EQ(random.randomInterval(max), 741280623151ULL);
  EXPECT_EQ(random.randomInterval(max), 506137267392ULL);
  EXPECT_EQ(random.randomInterval(max), 291447657211ULL);
  EXPECT_EQ(random.randomInterval(max), 841157541223ULL);
}

TEST(NumpyRandomTest, IntervalZeroDrawsNothing) {
  NumpyRandomState a(3), b(3);
  EXPECT_EQ(a.randomInterval(0), 0U);
  EXPECT_EQ(a.nextUint32(), b.nextUint32());
}

TEST(NumpyRandomTest, PermutationOfTen) {
  EXPECT_EQ(NumpyRandomState(0).permutation(10),
            (std::vector<int>{2, 8, 4, 9, 1, 6, 7, 3, 0, 5}));
  EXPECT_EQ(NumpyRandomState(12345).permutation(20),
            (std::vector<int>{13, 8, 16, 3, 15, 12, 0, 10, 7, 11, 6, 17, 19,
                              18, 14, 9, 4, 1, 5, 2}));
}

/// The permutation behind the MNIST split (docs/datasets.md).
TEST(NumpyRandomTest, PermutationOfTenThousand) {
  const std::vector<int> p = NumpyRandomState(0).permutation(10000);
  ASSERT_EQ(p.size(), 10000U);
  EXPECT_EQ(std::vector<int>(p.begin(), p.begin() + 10),
            (std::vector<int>{9394, 898, 2398, 5906, 2343, 8225, 5506, 6451,
                              2670, 3497}));
  EXPECT_EQ(std::vector<int>(p.begin() + 8000, p.begin() + 8010),
            (std::vector<int>{3477, 9567, 8284, 3129, 8427, 2779, 6079, 2573,
                              4377, 6382}));
  EXPECT_EQ(std::vector<int>(p.end() - 10, p.end()),
            (std::vector<int>{3468, 6744, 5874, 4373, 7891, 9225, 4859, 3264,
                              9845, 2732}));
  // sum(i * p[i]) over the whole permutation, as numpy gives it.
  uint64_t checksum = 0;
  for (size_t i = 0; i < p.size(); ++i)
    checksum += uint64_t(i) * uint64_t(p[i]);
  EXPECT_EQ(checksum, 249197439393ULL);
  std::vector<int> sorted = p;
  std::sort(sorted.begin(), sorted.end());
  for (int i = 0; i < 10000; ++i)
    ASSERT_EQ(sorted[i], i);
}

TEST(NumpyRandomTest, EmptyAndSingletonPermutations) {
  EXPECT_TRUE(NumpyRandomState(0).permutation(0).empty());
  EXPECT_EQ(NumpyRandomState(0).permutation(1), std::vector<int>{0});
}

} // namespace
