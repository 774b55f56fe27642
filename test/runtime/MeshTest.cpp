//===- MeshTest.cpp - meshMatrix and the batched applyMesh ----------------===//
#include "photon/Runtime/Decomposition.h"
#include "photon/Runtime/Mesh.h"

#include "TestUtil.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace photon::runtime;
using namespace photon::runtime::test;

namespace {

Mesh randomMesh(Topology topology, int n, uint64_t seed) {
  Random random(seed);
  Mesh mesh = makeZeroMesh(topology, n);
  for (double &t : mesh.theta)
    t = kTwoPi * random.uniform();
  for (double &p : mesh.phi)
    p = kTwoPi * random.uniform();
  for (double &p : mesh.outputPhases)
    p = kTwoPi * random.uniform();
  return mesh;
}

TEST(Mesh, ZeroMesh) {
  Mesh mesh = makeZeroMesh(Topology::Clements, 5);
  EXPECT_EQ(mesh.modes, 5);
  EXPECT_EQ(mesh.mziCount(), 10);
  EXPECT_EQ(mesh.shifterCount(), 25);
  EXPECT_TRUE(mesh.mask.empty());
  // All cross states: a fixed permutation (up to phases), not the identity.
  Eigen::MatrixXcd u = meshMatrix(mesh);
  EXPECT_LT(unitarityError(u), 1e-14);
  for (int i = 0; i < 5; ++i)
    for (int j = 0; j < 5; ++j) {
      double a = std::abs(u(i, j));
      EXPECT_TRUE(a < 1e-14 || std::abs(a - 1.0) < 1e-14);
    }
  EXPECT_GT(maxAbsDiff(u, Eigen::MatrixXcd::Identity(5, 5)), 0.5);
}

TEST(Mesh, SingleMziIsTheTransfer) {
  Mesh mesh = makeZeroMesh(Topology::Clements, 2);
  mesh.theta[0] = 1.2;
  mesh.phi[0] = 0.4;
  mesh.outputPhases = {0.3, 2.0};
  Eigen::MatrixXcd d = Eigen::MatrixXcd::Zero(2, 2);
  d(0, 0) = std::polar(1.0, 0.3);
  d(1, 1) = std::polar(1.0, 2.0);
  Eigen::MatrixXcd expected = d * mziTransfer(1.2, 0.4);
  EXPECT_LT(maxAbsDiff(meshMatrix(mesh), expected), 1e-15);
}

TEST(Mesh, MatrixFollowsLayoutOrder) {
  // U = D · T_K ⋯ T_1 built by hand from the layout.
  for (Topology topology : {Topology::Clements, Topology::Reck}) {
    const int n = 6;
    Mesh mesh = randomMesh(topology, n, 3);
    std::vector<MziSite> sites = meshLayout(topology, n);
    Eigen::MatrixXcd u = Eigen::MatrixXcd::Identity(n, n);
    for (size_t k = 0; k < sites.size(); ++k) {
      Eigen::MatrixXcd t = Eigen::MatrixXcd::Identity(n, n);
      t.block(sites[k].mode, sites[k].mode, 2, 2) =
          mziTransfer(mesh.theta[k], mesh.phi[k]);
      u = (t * u).eval();
    }
    Eigen::MatrixXcd d = Eigen::MatrixXcd::Zero(n, n);
    for (int i = 0; i < n; ++i)
      d(i, i) = std::polar(1.0, mesh.outputPhases[i]);
    u = (d * u).eval();
    EXPECT_LT(maxAbsDiff(meshMatrix(mesh), u), 1e-14);
  }
}

class ApplyMeshTest
    : public ::testing::TestWithParam<std::tuple<Topology, int, int>> {};

TEST_P(ApplyMeshTest, MatchesMeshMatrixDoubleAndFloat) {
  auto [topology, n, batch] = GetParam();
  Mesh mesh = randomMesh(topology, n, 100 + n);
  Eigen::MatrixXcd u = meshMatrix(mesh);
  ASSERT_LT(unitarityError(u), 1e-13);
  Eigen::MatrixXcd x = randomComplex(n, batch, 7 + n);
  Eigen::MatrixXcd expected = u * x;

  Eigen::MatrixXcd y = x;
  applyMesh(mesh, y);
  EXPECT_LT(maxAbsDiff(y, expected), 1e-13 * std::max(1, n / 8));

  Eigen::MatrixXcf yf = x.cast<std::complex<float>>();
  applyMesh(mesh, yf);
  Eigen::MatrixXcd back = yf.cast<Complex>();
  EXPECT_LT(maxAbsDiff(back, expected), 2e-5 * std::sqrt(double(n)) * 4);

  // Prepared once, applied twice: U² x.
  PreparedMesh prepared = prepareMesh(mesh);
  Eigen::MatrixXcd z = x;
  applyMesh(prepared, z);
  applyMesh(prepared, z);
  Eigen::MatrixXcd twice = u * expected;
  EXPECT_LT(maxAbsDiff(z, twice), 2e-13 * std::max(1, n / 8));
}

INSTANTIATE_TEST_SUITE_P(
    Shapes, ApplyMeshTest,
    ::testing::Combine(::testing::Values(Topology::Clements, Topology::Reck),
                       ::testing::Values(1, 2, 3, 5, 8, 17, 64),
                       ::testing::Values(1, 7, 16, 37)));

TEST(Mesh, ApplyMeshOnABlockWithOuterStride) {
  const int n = 9;
  Mesh mesh = randomMesh(Topology::Clements, n, 11);
  Eigen::MatrixXcd big = randomComplex(n + 4, 20, 12);
  Eigen::MatrixXcd original = big;
  applyMesh(mesh, big.block(2, 3, n, 13));
  Eigen::MatrixXcd expected = original;
  expected.block(2, 3, n, 13) = meshMatrix(mesh) * original.block(2, 3, n, 13);
  EXPECT_LT(maxAbsDiff(big, expected), 1e-14);
}

TEST(Mesh, ApplyMeshLargeModesUsesHeapScratch) {
  const int n = 530; // above the stack scratch limit
  Mesh mesh = randomMesh(Topology::Clements, n, 13);
  Eigen::MatrixXcd x = randomComplex(n, 3, 14);
  Eigen::MatrixXcd y = x;
  applyMesh(mesh, y);
  EXPECT_LT(maxAbsDiff(y, meshMatrix(mesh) * x), 1e-12);
}

TEST(Mesh, ApplyMeshWithBarCrossAndBalancedMzis) {
  // θ = 0 (cross), θ = π (bar) and θ = π/2 (|sin| = |cos|) make one of an
  // MZI's coefficients exactly 0 or the two equal: the prepared form must
  // never divide by the zero one.
  const int n = 12;
  Mesh mesh = randomMesh(Topology::Clements, n, 21);
  const double special[] = {0.0, kPi, 0.5 * kPi, kTwoPi, 1.5 * kPi};
  for (size_t k = 0; k < mesh.theta.size(); ++k)
    if (k % 2 == 0)
      mesh.theta[k] = special[(k / 2) % 5];
  Eigen::MatrixXcd x = randomComplex(n, 11, 22);
  Eigen::MatrixXcd y = x;
  applyMesh(mesh, y);
  EXPECT_LT(maxAbsDiff(y, meshMatrix(mesh) * x), 1e-13);
  Eigen::MatrixXcf yf = x.cast<std::complex<float>>();
  applyMesh(mesh, yf);
  EXPECT_LT(maxAbsDiff(yf.cast<Complex>(), meshMatrix(mesh) * x), 1e-5);
}

TEST(Mesh, DeepMeshRenormalisesPendingFactorsInFloat) {
  // 300 modes: each field passes ~300 MZIs, each shrinking its pending
  // factor by |cos(θ/2)| (about a halving on average), so the factors pass
  // 2^-40 many times; without the rescales the float kernel's stored values
  // would overflow (2^128).
  const int n = 300;
  Mesh mesh = randomMesh(Topology::Clements, n, 23);
  PreparedMesh prepared = prepareMesh(mesh);
  EXPECT_GT(std::count(prepared.rescale.begin(), prepared.rescale.end(), 1),
            n);
  Eigen::MatrixXcd x = randomComplex(n, 5, 24);
  Eigen::MatrixXcd expected = meshMatrix(mesh) * x;
  Eigen::MatrixXcf yf = x.cast<std::complex<float>>();
  applyMesh(prepared, yf);
  EXPECT_TRUE(yf.allFinite());
  EXPECT_LT(maxAbsDiff(yf.cast<Complex>(), expected), 2e-4);
  Eigen::MatrixXcd y = x;
  applyMesh(prepared, y);
  EXPECT_LT(maxAbsDiff(y, expected), 1e-11);
}

TEST(Mesh, EmptyBatch) {
  Mesh mesh = randomMesh(Topology::Clements, 4, 1);
  Eigen::MatrixXcd x(4, 0);
  applyMesh(mesh, x);
  EXPECT_EQ(x.cols(), 0);
}

} // namespace
