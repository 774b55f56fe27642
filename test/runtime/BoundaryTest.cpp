//===- BoundaryTest.cpp - Optical-to-electrical boundaries ----------------===//
#include "photon/Runtime/Boundary.h"
#include "photon/Runtime/Gradient.h"
#include "photon/Runtime/PowerModel.h"
#include "photon/Runtime/Program.h"
#include "photon/Runtime/Simulator.h"

#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace photon::runtime;

namespace {

TEST(BoundaryTest, ElementwiseFunctionsMatchTheirFormulas) {
  EXPECT_EQ(applyElementwise(ElectricalFunction::Relu, -0.5), 0.0);
  EXPECT_EQ(applyElementwise(ElectricalFunction::Relu, 0.75), 0.75);
  EXPECT_DOUBLE_EQ(applyElementwise(ElectricalFunction::Sigmoid, 0.3),
                   1.0 / (1.0 + std::exp(-0.3)));
  EXPECT_DOUBLE_EQ(applyElementwise(ElectricalFunction::Sigmoid, -800.0), 0.0);
  EXPECT_DOUBLE_EQ(applyElementwise(ElectricalFunction::Tanh, -0.4),
                   std::tanh(-0.4));
  EXPECT_DOUBLE_EQ(applyElementwise(ElectricalFunction::Softplus, 0.2),
                   std::log(1.0 + std::exp(0.2)));
  // No overflow for large arguments: softplus(x) -> x.
  EXPECT_DOUBLE_EQ(applyElementwise(ElectricalFunction::Softplus, 1000.0),
                   1000.0);
  EXPECT_EQ(applyElementwise(ElectricalFunction::Abs, -2.0), 2.0);
  for (const char *name : {"identity", "relu", "sigmoid", "tanh", "softplus",
                           "abs", "softmax", "log_softmax"}) {
    std::optional<ElectricalFunction> f = parseElectricalFunction(name);
    ASSERT_TRUE(f.has_value()) << name;
    EXPECT_STREQ(electricalFunctionName(*f), name);
  }
  EXPECT_FALSE(parseElectricalFunction("gelu").has_value());
}

TEST(BoundaryTest, DetectsTheRealPartAddsBiasAndAppliesTheFunction) {
  Boundary b{ElectricalFunction::Relu, {0.5, -1.0}};
  Eigen::MatrixXcd x(2, 2);
  x << std::complex<double>(1.0, 3.0), std::complex<double>(-2.0, 0.0),
      std::complex<double>(0.25, -1.0), std::complex<double>(2.0, 0.5);
  applyBoundary(b, x);
  EXPECT_EQ(x(0, 0), std::complex<double>(1.5, 0.0));
  EXPECT_EQ(x(1, 0), std::complex<double>(0.0, 0.0)); // 0.25 - 1 < 0
  EXPECT_EQ(x(0, 1), std::complex<double>(0.0, 0.0)); // -2 + 0.5 < 0
  EXPECT_EQ(x(1, 1), std::complex<double>(1.0, 0.0));
}

TEST(BoundaryTest, LogSoftmaxAndSoftmaxActOnEachColumn) {
  Eigen::MatrixXcd x(3, 1);
  x << 1.0, 2.0, 3.0;
  Eigen::MatrixXcd y = x;
  applyBoundary({ElectricalFunction::LogSoftmax, {}}, y);
  const double logSum = std::log(std::exp(1.0) + std::exp(2.0) + std::exp(3.0));
  for (int i = 0; i < 3; ++i)
    EXPECT_NEAR(y(i, 0).real(), x(i, 0).real() - logSum, 1e-15);
  applyBoundary({ElectricalFunction::Softmax, {}}, x);
  EXPECT_NEAR(x(2, 0).real(), std::exp(3.0 - logSum), 1e-15);
  EXPECT_NEAR(x.col(0).real().sum(), 1.0, 1e-15);
}

Program boundaryProgram() {
  Program p;
  p.inputs = p.outputs = 2;
  Layer encode;
  encode.kind = LayerKind::Encode;
  encode.inputs = encode.outputs = 2;
  Layer oeo;
  oeo.kind = LayerKind::Oeo;
  oeo.inputs = oeo.outputs = 2;
  oeo.boundary = {ElectricalFunction::Tanh, {0.1, 0.2}};
  Layer readout;
  readout.kind = LayerKind::Readout;
  readout.inputs = readout.outputs = 2;
  readout.boundary = {ElectricalFunction::LogSoftmax, {}};
  p.layers = {encode, oeo, readout};
  return p;
}

TEST(BoundaryTest, ProgramsWithBoundariesSimulateAndRoundTrip) {
  Program p = boundaryProgram();
  ASSERT_FALSE(static_cast<bool>(verifyProgram(p)));
  EXPECT_TRUE(p.electricalOutputs());
  EXPECT_TRUE(p.hasBoundaries());
  Eigen::MatrixXcd x(2, 1);
  x << 0.5, -1.5;
  Eigen::MatrixXcd y = simulate(p, x);
  const double a = std::tanh(0.6), b = std::tanh(-1.3);
  const double logSum = std::log(std::exp(a) + std::exp(b));
  EXPECT_NEAR(y(0, 0).real(), a - logSum, 1e-15);
  EXPECT_NEAR(y(1, 0).real(), b - logSum, 1e-15);
  EXPECT_EQ(y(1, 0).imag(), 0.0);

  std::string json;
  llvm::raw_string_ostream os(json);
  writeProgram(p, os);
  llvm::Expected<Program> back = parseProgram(json, "p.json");
  ASSERT_TRUE(static_cast<bool>(back)) << llvm::toString(back.takeError());
  ASSERT_EQ(back->layers.size(), 3u);
  EXPECT_EQ(back->layers[1].kind, LayerKind::Oeo);
  EXPECT_EQ(back->layers[1].boundary.function, ElectricalFunction::Tanh);
  EXPECT_EQ(back->layers[1].boundary.bias, (std::vector<double>{0.1, 0.2}));
  EXPECT_EQ(back->layers[2].boundary.function, ElectricalFunction::LogSoftmax);
  EXPECT_TRUE(back->layers[2].boundary.bias.empty());
}

std::string errorOf(const Program &p) {
  llvm::Error e = verifyProgram(p);
  return e ? llvm::toString(std::move(e)) : "";
}

TEST(BoundaryTest, VerifierNamesTheLayerAndField) {
  Program p = boundaryProgram();
  p.layers[1].boundary.function = ElectricalFunction::Softmax;
  EXPECT_EQ(errorOf(p), "layers[1] (oeo): 'function' is softmax, which only "
                        "a readout layer may apply");
  p = boundaryProgram();
  p.layers[1].boundary.bias = {1.0};
  EXPECT_EQ(errorOf(p), "layers[1] (oeo): 'bias' has 1 entries, expected 2");
  p = boundaryProgram();
  std::swap(p.layers[1], p.layers[2]);
  EXPECT_EQ(errorOf(p), "layers[1] (readout): 'op': a readout layer may only "
                        "be the last layer");
  llvm::Expected<Program> bad = parseProgram(
      R"({"format": "photon-program", "version": 1, "inputs": 1,
          "outputs": 1, "layers": [{"op": "readout", "inputs": 1,
          "outputs": 1, "function": "gelu"}]})",
      "bad.json");
  ASSERT_FALSE(static_cast<bool>(bad));
  EXPECT_EQ(llvm::toString(bad.takeError()),
            "bad.json: layers[0] (readout): unknown 'function' \"gelu\" "
            "(expected identity, relu, sigmoid, tanh, softplus, abs, softmax "
            "or log_softmax)");
}

TEST(BoundaryTest, ConvertersArePricedByThePowerModel) {
  ConverterCount oeo = converterCount(16, /*reencode=*/true);
  ConverterCount readout = converterCount(10, /*reencode=*/false);
  EXPECT_EQ(oeo.adcs, 16);
  EXPECT_EQ(oeo.dacs, 16);
  EXPECT_EQ(readout.adcs, 10);
  EXPECT_EQ(readout.dacs, 0);
  PowerModel power;
  power.adcPowerMilliwatts = 2.0;
  power.dacPowerMilliwatts = 3.0;
  EXPECT_DOUBLE_EQ(power.converterPower(oeo.adcs, oeo.dacs), 80.0);
}

TEST(BoundaryTest, ProgramsEndingInAReadoutAreTrainable) {
  EXPECT_FALSE(static_cast<bool>(checkTrainable(boundaryProgram())));
}

} // namespace
