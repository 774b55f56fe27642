//===- DiagonalTest.cpp - Σ attenuators and the full SVD chain ------------===//
#include "photon/Runtime/Decomposition.h"
#include "photon/Runtime/Diagonal.h"
#include "photon/Runtime/Svd.h"

#include "TestUtil.h"

#include <gtest/gtest.h>

using namespace photon::runtime;
using namespace photon::runtime::test;

namespace {

TEST(Diagonal, FromSingularValues) {
  Eigen::VectorXd sigma(3);
  sigma << 4.0, 2.0, 0.0;
  Diagonal d = diagonalFromSingularValues(sigma, 3, 5);
  EXPECT_EQ(d.inputs, 3);
  EXPECT_EQ(d.outputs, 5);
  ASSERT_EQ(d.theta.size(), 3u);
  EXPECT_EQ(d.gain, 4.0);
  EXPECT_EQ(d.theta[0], 0.0); // σ_max: heater off
  EXPECT_NEAR(d.theta[1], 2.0 * std::acos(0.5), 1e-15);
  EXPECT_EQ(d.theta[2], kPi); // σ = 0: blocked
  Eigen::MatrixXd m = diagonalMatrix(d);
  ASSERT_EQ(m.rows(), 5);
  ASSERT_EQ(m.cols(), 3);
  Eigen::MatrixXd expected = Eigen::MatrixXd::Zero(5, 3);
  expected(0, 0) = 4.0;
  expected(1, 1) = 2.0;
  EXPECT_LT((m - expected).cwiseAbs().maxCoeff(), 1e-15);
}

TEST(Diagonal, UnsortedAndWide) {
  Eigen::VectorXd sigma(2);
  sigma << 0.5, 3.0;
  Diagonal d = diagonalFromSingularValues(sigma, 6, 2);
  EXPECT_EQ(d.gain, 3.0);
  Eigen::MatrixXd m = diagonalMatrix(d);
  ASSERT_EQ(m.rows(), 2);
  ASSERT_EQ(m.cols(), 6);
  EXPECT_NEAR(m(0, 0), 0.5, 1e-15);
  EXPECT_NEAR(m(1, 1), 3.0, 1e-15);
  EXPECT_EQ(m.rightCols(4).cwiseAbs().maxCoeff(), 0.0);
}

TEST(Diagonal, AllZero) {
  Eigen::VectorXd sigma = Eigen::VectorXd::Zero(4);
  Diagonal d = diagonalFromSingularValues(sigma, 4, 4);
  EXPECT_EQ(d.gain, 0.0);
  for (double t : d.theta)
    EXPECT_EQ(t, 0.0);
  EXPECT_EQ(diagonalMatrix(d).cwiseAbs().maxCoeff(), 0.0);
}

TEST(Diagonal, RandomSigmaRoundTrip) {
  Random random(8);
  Eigen::VectorXd sigma(10);
  for (int i = 0; i < 10; ++i)
    sigma[i] = random.uniform() * 3.0;
  sigma[3] = 0.0;
  Diagonal d = diagonalFromSingularValues(sigma, 10, 12);
  Eigen::MatrixXd m = diagonalMatrix(d);
  for (int i = 0; i < 10; ++i) {
    EXPECT_NEAR(m(i, i), sigma[i], 1e-14);
    EXPECT_GE(d.theta[i], 0.0);
    EXPECT_LE(d.theta[i], kPi);
  }
}

TEST(Diagonal, ApplyDiagonal) {
  Eigen::VectorXd sigma(2);
  sigma << 2.0, 1.0;
  Diagonal d = diagonalFromSingularValues(sigma, 3, 2);
  Eigen::MatrixXcd in = randomComplex(3, 5, 1);
  Eigen::MatrixXcd out;
  applyDiagonal(d, in, out);
  Eigen::MatrixXcd expected = diagonalMatrix(d).cast<Complex>() * in;
  EXPECT_LT(maxAbsDiff(out, expected), 1e-15);
  Eigen::MatrixXcf inF = in.cast<std::complex<float>>();
  Eigen::MatrixXcf outF;
  applyDiagonal(d, inF, outF);
  EXPECT_LT(maxAbsDiff(outF.cast<Complex>(), expected), 1e-5);
  // In place (aliasing) is allowed.
  Eigen::MatrixXcd x = in;
  applyDiagonal(d, x, x);
  EXPECT_LT(maxAbsDiff(x, expected), 1e-15);
}

/// W → SVD → (U mesh, Σ diagonal, V† mesh) → W.
class ChainTest
    : public ::testing::TestWithParam<std::tuple<Topology, int, int, bool>> {};

TEST_P(ChainTest, MeshDiagonalMeshReproducesW) {
  auto [topology, rows, cols, rankDeficient] = GetParam();
  Eigen::MatrixXcd w = randomComplex(rows, cols, rows * 31 + cols);
  if (rankDeficient)
    w = randomComplex(rows, 2, 5) * randomComplex(2, cols, 6);
  SvdFactors f = factorizeSvd(w);
  Mesh uMesh = decomposeUnitary(topology, f.u);
  Mesh vMesh = decomposeUnitary(topology, f.vAdjoint);
  Diagonal sigma = diagonalFromSingularValues(f.sigma, cols, rows);
  Eigen::MatrixXcd back =
      meshMatrix(uMesh) * diagonalMatrix(sigma).cast<Complex>() *
      meshMatrix(vMesh);
  const double norm = w.cwiseAbs().maxCoeff();
  EXPECT_LE(maxAbsDiff(back, w), 1e-10 * norm);
}

INSTANTIATE_TEST_SUITE_P(
    Shapes, ChainTest,
    ::testing::Combine(::testing::Values(Topology::Clements, Topology::Reck),
                       ::testing::Values(1, 5, 16),
                       ::testing::Values(1, 3, 16), ::testing::Bool()));

TEST(Chain, ZeroMatrix) {
  Eigen::MatrixXcd w = Eigen::MatrixXcd::Zero(4, 6);
  SvdFactors f = factorizeSvd(w);
  Diagonal sigma = diagonalFromSingularValues(f.sigma, 6, 4);
  Eigen::MatrixXcd back =
      meshMatrix(decomposeClements(f.u)) *
      diagonalMatrix(sigma).cast<Complex>() *
      meshMatrix(decomposeClements(f.vAdjoint));
  EXPECT_EQ(back.cwiseAbs().maxCoeff(), 0.0);
}

} // namespace
