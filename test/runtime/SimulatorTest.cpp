//===- SimulatorTest.cpp - Running whole programs -------------------------===//
#include "photon/Runtime/Decomposition.h"
#include "photon/Runtime/Simulator.h"
#include "photon/Runtime/Svd.h"

#include "TestUtil.h"

#include <gtest/gtest.h>

using namespace photon::runtime;
using namespace photon::runtime::test;

namespace {

/// encode → V† mesh → Σ → U mesh for W (rows x cols).
Program linearProgram(const Eigen::MatrixXcd &w, Topology topology,
                      bool encode) {
  const int rows = static_cast<int>(w.rows()), cols = static_cast<int>(w.cols());
  SvdFactors f = factorizeSvd(w);
  Program p;
  p.inputs = cols;
  p.outputs = rows;
  if (encode) {
    Layer e;
    e.kind = LayerKind::Encode;
    e.inputs = e.outputs = cols;
    p.layers.push_back(e);
  }
  Layer v;
  v.kind = LayerKind::Mesh;
  v.inputs = v.outputs = cols;
  v.mesh = decomposeUnitary(topology, f.vAdjoint);
  v.sourceLayer = 0;
  v.factor = "V";
  p.layers.push_back(v);
  Layer s;
  s.kind = LayerKind::Diagonal;
  s.inputs = cols;
  s.outputs = rows;
  s.diagonal = diagonalFromSingularValues(f.sigma, cols, rows);
  p.layers.push_back(s);
  Layer u;
  u.kind = LayerKind::Mesh;
  u.inputs = u.outputs = rows;
  u.mesh = decomposeUnitary(topology, f.u);
  p.layers.push_back(u);
  return p;
}

TEST(Simulator, LinearProgramEqualsWx) {
  for (Topology topology : {Topology::Clements, Topology::Reck})
    for (auto [rows, cols] : {std::pair{10, 16}, {16, 10}, {8, 8}, {1, 3}}) {
      Eigen::MatrixXcd w = randomComplex(rows, cols, rows + 7 * cols);
      Program p = linearProgram(w, topology, /*encode=*/false);
      ASSERT_FALSE(bool(verifyProgram(p)));
      Eigen::MatrixXcd x = randomComplex(cols, 33, 3);
      Eigen::MatrixXcd y = simulate(p, x);
      ASSERT_EQ(y.rows(), rows);
      ASSERT_EQ(y.cols(), 33);
      Eigen::MatrixXcd expected = w * x;
      EXPECT_LT(maxAbsDiff(y, expected), 1e-12 * expected.cwiseAbs().maxCoeff());
    }
}

TEST(Simulator, EncodeLoadsComplexValues) {
  Eigen::MatrixXcd w = randomComplex(4, 6, 1);
  Program p = linearProgram(w, Topology::Clements, /*encode=*/true);
  ASSERT_FALSE(bool(verifyProgram(p)));
  EXPECT_TRUE(p.electricalInputs());
  EXPECT_FALSE(p.electricalOutputs());
  Eigen::MatrixXcd x = randomComplex(6, 5, 2);
  Eigen::MatrixXcd y = simulate(p, x);
  Eigen::MatrixXcd expected = w * x; // IQ modulation keeps the phase.
  EXPECT_LT(maxAbsDiff(y, expected), 1e-12 * expected.cwiseAbs().maxCoeff());
}

TEST(Simulator, ActivationAndDetectHandComputed) {
  // A 2-mode program: the identity mesh, softplus, then detect.
  Program p;
  p.inputs = p.outputs = 2;
  Layer mesh;
  mesh.kind = LayerKind::Mesh;
  mesh.inputs = mesh.outputs = 2;
  mesh.mesh = decomposeClements(Eigen::MatrixXcd::Identity(2, 2));
  Layer act;
  act.kind = LayerKind::Activation;
  act.inputs = act.outputs = 2;
  act.activation = Activation::Softplus;
  Layer det;
  det.kind = LayerKind::Detect;
  det.inputs = det.outputs = 2;
  p.layers = {mesh, act, det};
  ASSERT_FALSE(bool(verifyProgram(p)));
  EXPECT_TRUE(p.electricalOutputs());
  Eigen::MatrixXcd x(2, 2);
  x << Complex(3, 4), Complex(0, 0), Complex(-1, 0), Complex(0, 2);
  Eigen::MatrixXcd y = simulate(p, x);
  // |softplus(|z|)|² : ln(1+e^5)², ln(2)², ln(1+e)², ln(1+e²)².
  const double a = std::log1p(std::exp(5.0)), b = std::log(2.0),
               c = std::log1p(std::exp(1.0)), d = std::log1p(std::exp(2.0));
  EXPECT_NEAR(y(0, 0).real(), a * a, 1e-13);
  EXPECT_NEAR(y(0, 1).real(), b * b, 1e-13);
  EXPECT_NEAR(y(1, 0).real(), c * c, 1e-13);
  EXPECT_NEAR(y(1, 1).real(), d * d, 1e-13);
  EXPECT_EQ(y.imag().cwiseAbs().maxCoeff(), 0.0);

  // Modulus drops the phase.
  p.layers[1].activation = Activation::Modulus;
  y = simulate(p, x);
  EXPECT_NEAR(y(0, 0).real(), 25.0, 1e-13);
  EXPECT_NEAR(y(1, 1).real(), 4.0, 1e-13);
}

TEST(Simulator, EmptyProgramIsIdentity) {
  Program p;
  p.inputs = p.outputs = 3;
  ASSERT_FALSE(bool(verifyProgram(p)));
  Eigen::MatrixXcd x = randomComplex(3, 4, 9);
  EXPECT_EQ(simulate(p, x), x);
}

TEST(Simulator, FloatCloseToDouble) {
  Eigen::MatrixXcd w = randomComplex(10, 16, 5);
  Program p = linearProgram(w, Topology::Clements, /*encode=*/true);
  Layer act;
  act.kind = LayerKind::Activation;
  act.inputs = act.outputs = 10;
  act.activation = Activation::Softplus;
  p.layers.push_back(act);
  Layer det;
  det.kind = LayerKind::Detect;
  det.inputs = det.outputs = 10;
  p.layers.push_back(det);
  ASSERT_FALSE(bool(verifyProgram(p)));
  Eigen::MatrixXcd x = randomComplex(16, 64, 6);
  Eigen::MatrixXcd y = simulate(p, x);
  Eigen::MatrixXcf yf = simulate(p, Eigen::MatrixXcf(x.cast<std::complex<float>>()));
  EXPECT_LT(maxAbsDiff(yf.cast<Complex>(), y), 1e-5 * y.cwiseAbs().maxCoeff());
}

} // namespace
