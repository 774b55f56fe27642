//===- DecompositionTest.cpp - Clements and Reck decompositions -----------===//
#include "photon/Runtime/Decomposition.h"

#include "TestUtil.h"

#include <gtest/gtest.h>

using namespace photon::runtime;
using namespace photon::runtime::test;

namespace {

void expectPhasesWrapped(const Mesh &mesh) {
  for (double t : mesh.theta) {
    ASSERT_GE(t, 0.0);
    ASSERT_LE(t, kPi); // the decompositions only produce θ ∈ [0, π]
  }
  for (double p : mesh.phi) {
    ASSERT_GE(p, 0.0);
    ASSERT_LT(p, kTwoPi);
  }
  for (double p : mesh.outputPhases) {
    ASSERT_GE(p, 0.0);
    ASSERT_LT(p, kTwoPi);
  }
}

void checkDecomposition(Topology topology, const Eigen::MatrixXcd &u,
                        double tolerance = 1e-12) {
  const int n = static_cast<int>(u.rows());
  Mesh mesh = decomposeUnitary(topology, u);
  ASSERT_EQ(mesh.topology, topology);
  ASSERT_EQ(mesh.modes, n);
  ASSERT_EQ(mesh.mziCount(), mziCount(n));
  ASSERT_EQ(static_cast<int>(mesh.phi.size()), mziCount(n));
  ASSERT_EQ(static_cast<int>(mesh.outputPhases.size()), n);
  EXPECT_TRUE(mesh.mask.empty());
  expectPhasesWrapped(mesh);
  EXPECT_LE(maxAbsDiff(meshMatrix(mesh), u), tolerance)
      << topologyName(topology) << " N=" << n;
}

class HaarTest
    : public ::testing::TestWithParam<std::tuple<Topology, int>> {};

TEST_P(HaarTest, ReconstructsHaarUnitary) {
  auto [topology, n] = GetParam();
  for (uint64_t seed : {1u, 2u}) {
    if (n >= 128 && seed > 1)
      break;
    Random random(seed * 1000 + n);
    Eigen::MatrixXcd u = haarUnitary(n, random);
    ASSERT_LT(unitarityError(u), 1e-12);
    checkDecomposition(topology, u);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Sizes, HaarTest,
    ::testing::Combine(::testing::Values(Topology::Clements, Topology::Reck),
                       ::testing::Values(1, 2, 3, 4, 5, 7, 8, 16, 31, 64, 128,
                                         256)));

class SpecialTest
    : public ::testing::TestWithParam<std::tuple<Topology, int>> {};

TEST_P(SpecialTest, Identity) {
  auto [topology, n] = GetParam();
  Eigen::MatrixXcd u = Eigen::MatrixXcd::Identity(n, n);
  checkDecomposition(topology, u, 1e-14);
  // Canonical: every MZI in the bar state with its φ heater off.
  Mesh mesh = decomposeUnitary(topology, u);
  for (int k = 0; k < mesh.mziCount(); ++k) {
    EXPECT_EQ(mesh.theta[k], kPi);
    EXPECT_EQ(mesh.phi[k], 0.0);
  }
}

TEST_P(SpecialTest, Reversal) {
  auto [topology, n] = GetParam();
  checkDecomposition(topology, reversal(n), 1e-14);
}

TEST_P(SpecialTest, RandomPermutation) {
  auto [topology, n] = GetParam();
  for (uint64_t seed : {3u, 4u, 5u}) {
    Eigen::MatrixXcd p = randomPermutation(n, seed + n);
    checkDecomposition(topology, p, 1e-14);
    // Permutations decompose into exact bar and cross states.
    Mesh mesh = decomposeUnitary(topology, p);
    for (int k = 0; k < mesh.mziCount(); ++k) {
      EXPECT_TRUE(mesh.theta[k] == 0.0 || mesh.theta[k] == kPi)
          << mesh.theta[k];
      EXPECT_EQ(mesh.phi[k], 0.0);
    }
  }
}

TEST_P(SpecialTest, DiagonalPhases) {
  auto [topology, n] = GetParam();
  Eigen::MatrixXcd d = randomDiagonalPhases(n, 17 + n);
  checkDecomposition(topology, d, 1e-14);
  Mesh mesh = decomposeUnitary(topology, d);
  for (int k = 0; k < mesh.mziCount(); ++k) {
    EXPECT_EQ(mesh.theta[k], kPi);
    EXPECT_EQ(mesh.phi[k], 0.0);
  }
}

TEST_P(SpecialTest, PermutationTimesHaar) {
  // Sparse structure with generic entries: exercises zero targets next to
  // non-zero pivots.
  auto [topology, n] = GetParam();
  if (n < 4)
    return;
  Random random(9 + n);
  Eigen::MatrixXcd block = Eigen::MatrixXcd::Identity(n, n);
  block.topLeftCorner(n / 2, n / 2) = haarUnitary(n / 2, random);
  block.bottomRightCorner(n - n / 2, n - n / 2) =
      haarUnitary(n - n / 2, random);
  checkDecomposition(topology, block);
  checkDecomposition(topology, Eigen::MatrixXcd(randomPermutation(n, 4) * block));
}

TEST_P(SpecialTest, MeshRoundTrip) {
  // decompose(meshMatrix(random mesh)) realises the same unitary.
  auto [topology, n] = GetParam();
  Random random(n);
  Mesh mesh = makeZeroMesh(topology, n);
  for (double &t : mesh.theta)
    t = kTwoPi * random.uniform();
  for (double &p : mesh.phi)
    p = kTwoPi * random.uniform();
  checkDecomposition(topology, meshMatrix(mesh));
}

INSTANTIATE_TEST_SUITE_P(
    Sizes, SpecialTest,
    ::testing::Combine(::testing::Values(Topology::Clements, Topology::Reck),
                       ::testing::Values(1, 2, 3, 4, 5, 6, 7, 8, 16, 33)));

TEST(Decomposition, RoundingJunkIsTreatedAsZero) {
  // Q·Q† is the identity up to rounding junk (~1e-16) off the diagonal: the
  // decomposition still picks the canonical bar states with φ = 0.
  Random random(21);
  Eigen::MatrixXcd q = haarUnitary(8, random);
  Eigen::MatrixXcd nearIdentity = q * q.adjoint();
  ASSERT_GT(maxAbsDiff(nearIdentity, Eigen::MatrixXcd::Identity(8, 8)), 0.0);
  for (Topology topology : {Topology::Clements, Topology::Reck}) {
    Mesh mesh = decomposeUnitary(topology, nearIdentity);
    for (int k = 0; k < mesh.mziCount(); ++k) {
      EXPECT_EQ(mesh.theta[k], kPi);
      EXPECT_EQ(mesh.phi[k], 0.0);
    }
    EXPECT_LT(maxAbsDiff(meshMatrix(mesh), nearIdentity), 1e-14);
  }
}

TEST(Decomposition, PhaseOnlyOneByOne) {
  Eigen::MatrixXcd u(1, 1);
  u(0, 0) = std::polar(1.0, -0.5);
  for (Topology topology : {Topology::Clements, Topology::Reck}) {
    Mesh mesh = decomposeUnitary(topology, u);
    ASSERT_EQ(mesh.outputPhases.size(), 1u);
    EXPECT_NEAR(mesh.outputPhases[0], kTwoPi - 0.5, 1e-15);
    EXPECT_LT(maxAbsDiff(meshMatrix(mesh), u), 1e-15);
  }
}

TEST(Decomposition, TwoByTwoClosedForm) {
  // A single MZI with output phases decomposes back to its own θ.
  for (double theta : {0.3, 1.0, 2.5, 3.0}) {
    Eigen::MatrixXcd u = mziTransfer(theta, 1.7);
    Mesh mesh = decomposeClements(u);
    EXPECT_NEAR(mesh.theta[0], theta, 1e-14);
    EXPECT_LT(maxAbsDiff(meshMatrix(mesh), u), 1e-15);
  }
}

TEST(Decomposition, UnitarityError) {
  EXPECT_EQ(unitarityError(Eigen::MatrixXcd::Identity(3, 3)), 0.0);
  Eigen::MatrixXcd a = Eigen::MatrixXcd::Identity(3, 3);
  a(0, 0) = 1.1;
  EXPECT_NEAR(unitarityError(a), 0.21, 1e-12);
  EXPECT_EQ(unitarityError(Eigen::MatrixXcd(0, 0)), 0.0);
  Random random(3);
  EXPECT_LT(unitarityError(haarUnitary(50, random)), 1e-13);
}

} // namespace
