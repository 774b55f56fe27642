//===- SvdTest.cpp - SVD factorisation of dense layers --------------------===//
#include "photon/Runtime/Decomposition.h"
#include "photon/Runtime/Svd.h"

#include "TestUtil.h"

#include <gtest/gtest.h>

using namespace photon::runtime;
using namespace photon::runtime::test;

namespace {

struct Shape {
  int rows, cols;
};

void PrintTo(const Shape &shape, std::ostream *os) {
  *os << shape.rows << "x" << shape.cols;
}

void checkSvd(const Eigen::MatrixXcd &w) {
  const int m = static_cast<int>(w.rows()), n = static_cast<int>(w.cols());
  SvdFactors f = factorizeSvd(w);
  ASSERT_EQ(f.u.rows(), m);
  ASSERT_EQ(f.u.cols(), m);
  ASSERT_EQ(f.vAdjoint.rows(), n);
  ASSERT_EQ(f.vAdjoint.cols(), n);
  ASSERT_EQ(f.sigma.size(), std::min(m, n));
  EXPECT_LT(unitarityError(f.u), 1e-12);
  EXPECT_LT(unitarityError(f.vAdjoint), 1e-12);
  for (Eigen::Index i = 0; i < f.sigma.size(); ++i) {
    EXPECT_GE(f.sigma[i], 0.0);
    if (i > 0) {
      EXPECT_LE(f.sigma[i], f.sigma[i - 1]);
    }
  }
  Eigen::MatrixXcd sigma = Eigen::MatrixXcd::Zero(m, n);
  for (Eigen::Index i = 0; i < f.sigma.size(); ++i)
    sigma(i, i) = f.sigma[i];
  Eigen::MatrixXcd back = f.u * sigma * f.vAdjoint;
  const double scale = std::max(1.0, w.cwiseAbs().maxCoeff());
  EXPECT_LT(maxAbsDiff(back, w), 1e-12 * scale) << m << "x" << n;
}

class SvdTest : public ::testing::TestWithParam<Shape> {};

TEST_P(SvdTest, Complex) {
  Shape s = GetParam();
  checkSvd(randomComplex(s.rows, s.cols, 1 + s.rows * 100 + s.cols));
}

TEST_P(SvdTest, Real) {
  Shape s = GetParam();
  Eigen::MatrixXcd w =
      randomComplex(s.rows, s.cols, 2 + s.rows * 100 + s.cols).real().cast<Complex>();
  checkSvd(w);
}

TEST_P(SvdTest, RankDeficient) {
  Shape s = GetParam();
  const int rank = std::max(1, std::min(s.rows, s.cols) / 2);
  Eigen::MatrixXcd w = randomComplex(s.rows, rank, 3) *
                       randomComplex(rank, s.cols, 4);
  checkSvd(w);
  SvdFactors f = factorizeSvd(w);
  for (Eigen::Index i = rank; i < f.sigma.size(); ++i)
    EXPECT_LT(f.sigma[i], 1e-12 * f.sigma[0]);
}

TEST_P(SvdTest, Zero) {
  Shape s = GetParam();
  Eigen::MatrixXcd w = Eigen::MatrixXcd::Zero(s.rows, s.cols);
  checkSvd(w);
  SvdFactors f = factorizeSvd(w);
  for (Eigen::Index i = 0; i < f.sigma.size(); ++i)
    EXPECT_EQ(f.sigma[i], 0.0);
}

INSTANTIATE_TEST_SUITE_P(Shapes, SvdTest,
                         ::testing::Values(Shape{1, 1}, Shape{3, 5},
                                           Shape{5, 3}, Shape{10, 16},
                                           Shape{16, 10}, Shape{16, 16},
                                           Shape{64, 64}, Shape{100, 70}));

TEST(Svd, KnownSingularValues) {
  Eigen::MatrixXcd w = Eigen::MatrixXcd::Zero(3, 2);
  w(0, 1) = 2.0;
  w(2, 0) = Complex(0, -5.0);
  SvdFactors f = factorizeSvd(w);
  EXPECT_NEAR(f.sigma[0], 5.0, 1e-14);
  EXPECT_NEAR(f.sigma[1], 2.0, 1e-14);
}

} // namespace
