//===- NoiseModelTest.cpp - The composable noise model --------------------===//
#include "photon/Runtime/Convention.h"
#include "photon/Runtime/Decomposition.h"
#include "photon/Runtime/NoiseModel.h"
#include "photon/Runtime/RandomNetwork.h"
#include "photon/Runtime/Simulator.h"

#include "TestUtil.h"

#include <gtest/gtest.h>

#include <Eigen/LU>
#include <cmath>
#include <set>

using namespace photon::runtime;
using namespace photon::runtime::test;

namespace {

/// Variance of a standard normal truncated to [−3, 3]:
/// 1 − 2·3·φ(3) / (2Φ(3) − 1).
constexpr double kTruncatedVariance = 0.9733369246625415;

std::string errorOf(llvm::Expected<NoiseModel> model) {
  if (model)
    return "<no error>";
  return llvm::toString(model.takeError());
}

std::string errorOf(llvm::Error error) {
  return error ? llvm::toString(std::move(error)) : "<no error>";
}

NoiseModel parse(llvm::StringRef spec) {
  llvm::Expected<NoiseModel> model = parseNoiseModel(spec);
  EXPECT_TRUE(bool(model)) << spec.str();
  if (!model) {
    llvm::consumeError(model.takeError());
    return {};
  }
  return *model;
}

/// A program of one mesh (optical inputs and outputs).
Program meshProgram(const Mesh &mesh) {
  Program p;
  p.inputs = p.outputs = mesh.modes;
  Layer l;
  l.kind = LayerKind::Mesh;
  l.inputs = l.outputs = mesh.modes;
  l.mesh = mesh;
  p.layers.push_back(l);
  return p;
}

Layer plain(LayerKind kind, int n) {
  Layer l;
  l.kind = kind;
  l.inputs = l.outputs = n;
  return l;
}

/// encode → mesh → detect.
Program detectProgram(const Mesh &mesh) {
  Program p;
  p.inputs = p.outputs = mesh.modes;
  p.layers.push_back(plain(LayerKind::Encode, mesh.modes));
  Layer l = plain(LayerKind::Mesh, mesh.modes);
  l.mesh = mesh;
  p.layers.push_back(l);
  p.layers.push_back(plain(LayerKind::Detect, mesh.modes));
  return p;
}

Mesh haarMesh(Topology topology, int n, uint64_t seed) {
  Random random(seed);
  return decomposeUnitary(topology, haarUnitary(n, random));
}

/// Mesh phases in mask order.
std::vector<double> phasesOf(const Mesh &mesh) {
  std::vector<double> out = mesh.theta;
  out.insert(out.end(), mesh.phi.begin(), mesh.phi.end());
  out.insert(out.end(), mesh.outputPhases.begin(), mesh.outputPhases.end());
  return out;
}

void setPhase(Mesh &mesh, int index, double value) {
  const int k = mesh.mziCount();
  if (index < k)
    mesh.theta[index] = value;
  else if (index < 2 * k)
    mesh.phi[index - k] = value;
  else
    mesh.outputPhases[index - 2 * k] = value;
}

bool bitIdentical(const Eigen::MatrixXcd &a, const Eigen::MatrixXcd &b) {
  return a.rows() == b.rows() && a.cols() == b.cols() &&
         (a.array() == b.array()).all();
}

struct Moments {
  double mean = 0.0, variance = 0.0, maxAbs = 0.0;
};

Moments moments(const std::vector<double> &v) {
  Moments m;
  for (double x : v)
    m.mean += x;
  m.mean /= v.size();
  for (double x : v) {
    m.variance += (x - m.mean) * (x - m.mean);
    m.maxAbs = std::max(m.maxAbs, std::abs(x));
  }
  m.variance /= v.size() - 1;
  return m;
}

//===----------------------------------------------------------------------===//
// Spec
//===----------------------------------------------------------------------===//

TEST(NoiseSpec, ParsesEveryKey) {
  NoiseModel m = parse("phase_sigma=0.02,gamma_sigma=2e-3, crosstalk = 2e-3,"
                       "phase_bits=8,input_bits=8,output_bits=8,"
                       "weight_sigma=0.012,coupler_sigma=0.01,loss_db=0.1,"
                       "detector_sigma=0.01");
  EXPECT_EQ(m.phaseSigma, 0.02);
  EXPECT_EQ(m.gammaSigma, 2e-3);
  EXPECT_EQ(m.crosstalk, 2e-3);
  EXPECT_EQ(m.phaseBits, 8);
  EXPECT_EQ(m.inputBits, 8);
  EXPECT_EQ(m.outputBits, 8);
  EXPECT_EQ(m.weightSigma, 0.012);
  EXPECT_EQ(m.couplerSigma, 0.01);
  EXPECT_EQ(m.lossDb, 0.1);
  EXPECT_EQ(m.detectorSigma, 0.01);
  EXPECT_TRUE(m.hasStaticNoise());
  EXPECT_TRUE(m.hasDynamicNoise());
  EXPECT_EQ(formatNoiseModel(m),
            "phase_sigma=0.02,gamma_sigma=0.002,crosstalk=0.002,phase_bits=8,"
            "coupler_sigma=0.01,loss_db=0.1,input_bits=8,output_bits=8,"
            "weight_sigma=0.012,detector_sigma=0.01");
  NoiseModel again = parse(formatNoiseModel(m));
  for (llvm::StringRef key : noiseParameterKeys())
    EXPECT_EQ(getNoiseParameter(again, key), getNoiseParameter(m, key)) << key.str();
}

TEST(NoiseSpec, EmptyAndNoneAreIdeal) {
  for (llvm::StringRef spec : {"", "none", "  "}) {
    NoiseModel m = parse(spec);
    EXPECT_TRUE(m.isIdeal()) << spec.str();
  }
  EXPECT_EQ(formatNoiseModel(NoiseModel()), "none");
  EXPECT_EQ(noiseParameterKeys().size(), 11u);
  EXPECT_FALSE(bool(checkNoiseModel(NoiseModel())));
}

TEST(NoiseSpec, Errors) {
  EXPECT_EQ(errorOf(parseNoiseModel("phase_sigma=-0.1")),
            "noise spec: 'phase_sigma' must be >= 0, got -0.1");
  EXPECT_EQ(errorOf(parseNoiseModel("weight_sigma=-1e-3")),
            "noise spec: 'weight_sigma' must be >= 0, got -0.001");
  EXPECT_EQ(errorOf(parseNoiseModel("phase_bits=0")),
            "noise spec: 'phase_bits' must be an integer in 1..32, got 0");
  EXPECT_EQ(errorOf(parseNoiseModel("phase_bits=33")),
            "noise spec: 'phase_bits' must be an integer in 1..32, got 33");
  EXPECT_EQ(errorOf(parseNoiseModel("input_bits=0")),
            "noise spec: 'input_bits' must be an integer in 2..32, got 0");
  EXPECT_EQ(errorOf(parseNoiseModel("output_bits=33")),
            "noise spec: 'output_bits' must be an integer in 2..32, got 33");
  EXPECT_EQ(errorOf(parseNoiseModel("input_bits=1")),
            "noise spec: 'input_bits' must be an integer in 2..32, got 1 (a "
            "signed quantizer needs a sign bit and at least one magnitude "
            "bit)");
  EXPECT_EQ(errorOf(parseNoiseModel("phase_bits=8.5")),
            "noise spec: 'phase_bits' must be an integer in 1..32, got '8.5'");
  EXPECT_EQ(errorOf(parseNoiseModel("phase_sigma=0.1,sigma=2")),
            "noise spec: unknown key 'sigma' (valid keys: phase_sigma, "
            "gamma_sigma, crosstalk, phase_bits, keep_pruned, coupler_sigma, "
            "loss_db, "
            "input_bits, output_bits, weight_sigma, detector_sigma)");
  EXPECT_EQ(errorOf(parseNoiseModel("keep_pruned=0.5")),
            "noise spec: 'keep_pruned' must be 0 or 1, got 0.5");
  EXPECT_EQ(errorOf(parseNoiseModel("phase_sigma=abc")),
            "noise spec: 'phase_sigma' needs a number, got 'abc'");
  EXPECT_EQ(errorOf(parseNoiseModel("phase_sigma=0.1x")),
            "noise spec: 'phase_sigma' needs a number, got '0.1x'");
  EXPECT_EQ(errorOf(parseNoiseModel("phase_sigma=")),
            "noise spec: 'phase_sigma' needs a number, got ''");
  EXPECT_EQ(errorOf(parseNoiseModel("phase_sigma=inf")),
            "noise spec: 'phase_sigma' must be finite, got inf");
  EXPECT_EQ(errorOf(parseNoiseModel("crosstalk=nan")),
            "noise spec: 'crosstalk' must be finite, got nan");
  EXPECT_EQ(errorOf(parseNoiseModel("phase_sigma=0.1,phase_sigma=0.2")),
            "noise spec: 'phase_sigma' is given twice");
  EXPECT_EQ(errorOf(parseNoiseModel("phase_sigma")).rfind(
                "noise spec: expected key=value, got 'phase_sigma'", 0),
            0u);
  EXPECT_EQ(errorOf(parseNoiseModel("phase_sigma=0.1,")).rfind(
                "noise spec: expected key=value, got ''", 0),
            0u);
}

TEST(NoiseSpec, SetAndCheck) {
  NoiseModel m;
  EXPECT_FALSE(bool(setNoiseParameter(m, "phase_bits", 6)));
  EXPECT_EQ(m.phaseBits, 6);
  EXPECT_FALSE(bool(setNoiseParameter(m, "loss_db", 0.5)));
  EXPECT_EQ(getNoiseParameter(m, "loss_db"), 0.5);
  EXPECT_EQ(errorOf(setNoiseParameter(m, "phase_bits", 6.5)),
            "noise spec: 'phase_bits' must be an integer in 1..32, got 6.5");
  EXPECT_EQ(errorOf(setNoiseParameter(m, "gamma", 1)).rfind(
                "noise spec: unknown key 'gamma' (valid keys: ", 0),
            0u);
  EXPECT_TRUE(isNoiseBitsKey("output_bits"));
  EXPECT_FALSE(isNoiseBitsKey("loss_db"));
  NoiseModel bad;
  bad.detectorSigma = -1;
  EXPECT_EQ(errorOf(checkNoiseModel(bad)),
            "noise spec: 'detector_sigma' must be >= 0, got -1");
  bad = NoiseModel();
  bad.outputBits = 40;
  EXPECT_EQ(errorOf(checkNoiseModel(bad)),
            "noise spec: 'output_bits' must be an integer in 2..32, got 40");
}

//===----------------------------------------------------------------------===//
// Quantizers
//===----------------------------------------------------------------------===//

TEST(NoiseQuantize, PhaseLevelsAndSpacing) {
  for (int bits : {1, 3, 8}) {
    const uint64_t levels = uint64_t(1) << bits;
    const double step = kTwoPi / double(levels);
    std::set<uint64_t> codes;
    Random random(bits);
    for (int i = 0; i < 20000; ++i) {
      const double phase = kTwoPi * random.uniform();
      QuantizedPhase q = quantizePhase(phase, bits);
      ASSERT_LT(q.code, levels);
      EXPECT_EQ(q.phase, double(q.code) * step);
      // Distance on the circle to the nearest level is at most step / 2.
      double d = std::abs(phase - q.phase);
      d = std::min(d, kTwoPi - d);
      EXPECT_LE(d, 0.5 * step + 1e-12);
      codes.insert(q.code);
    }
    EXPECT_EQ(codes.size(), levels) << bits;
  }
  // Wrapping: just below 2π rounds to code 0; negative phases wrap first.
  EXPECT_EQ(quantizePhase(kTwoPi - 1e-9, 8).code, 0u);
  EXPECT_EQ(quantizePhase(kTwoPi - 1e-9, 8).phase, 0.0);
  EXPECT_EQ(quantizePhase(-kPi / 2, 2).code, 3u);
  EXPECT_EQ(quantizePhase(kPi, 1).code, 1u);
  EXPECT_EQ(quantizePhase(0.0, 32).code, 0u);
  QuantizedPhase fine = quantizePhase(1.0, 32);
  EXPECT_NEAR(fine.phase, 1.0, kTwoPi / std::ldexp(1.0, 33) + 1e-15);
}

TEST(NoiseQuantize, SignedAndUnsignedLevels) {
  for (int bits : {2, 3, 6}) {
    const double scale = 2.5;
    std::set<double> signedLevels, unsignedLevels;
    const int q = (1 << (bits - 1)) - 1;
    for (int i = 0; i <= 100000; ++i) {
      const double v = -scale + 2 * scale * i / 100000.0;
      const double s = quantizeSigned(v, scale, bits);
      EXPECT_LE(std::abs(s - v), 0.5 * scale / q + 1e-12);
      signedLevels.insert(s);
      const double u = quantizeUnsigned(0.5 * (v + scale), scale, bits);
      unsignedLevels.insert(u);
    }
    EXPECT_EQ(signedLevels.size(), size_t(2 * q + 1)) << bits;
    EXPECT_EQ(unsignedLevels.size(), size_t(1) << bits) << bits;
    // Uniform spacing.
    std::vector<double> l(unsignedLevels.begin(), unsignedLevels.end());
    for (size_t i = 1; i < l.size(); ++i)
      EXPECT_NEAR(l[i] - l[i - 1], scale / ((1 << bits) - 1), 1e-12);
    EXPECT_EQ(*signedLevels.begin(), -scale);
    EXPECT_EQ(*signedLevels.rbegin(), scale);
    EXPECT_TRUE(signedLevels.count(0.0));
  }
  // A zero scale leaves values alone; out-of-range values clamp.
  EXPECT_EQ(quantizeSigned(0.3, 0.0, 8), 0.3);
  EXPECT_EQ(quantizeUnsigned(-0.2, 1.0, 8), 0.0);
  EXPECT_EQ(quantizeUnsigned(2.0, 1.0, 8), 1.0);
}

TEST(NoiseQuantize, PerVectorDynamicRange) {
  Eigen::MatrixXcd x(3, 2);
  x << Complex(2.0, 0.0), Complex(1e-3, 0.0), Complex(0.3, -0.7),
      Complex(0.0, 4e-4), Complex(-1.1, 0.2), Complex(2e-4, 3e-4);
  Eigen::MatrixXcd q = x;
  quantizeComplexColumns(q, 4); // Q = 7 levels per side
  for (int c = 0; c < 2; ++c) {
    const double s = x.col(c).cwiseAbs().maxCoeff();
    for (int r = 0; r < 3; ++r) {
      EXPECT_EQ(q(r, c).real(), quantizeSigned(x(r, c).real(), s, 4));
      EXPECT_EQ(q(r, c).imag(), quantizeSigned(x(r, c).imag(), s, 4));
      EXPECT_LE(std::abs(q(r, c).real() - x(r, c).real()), s / 14 + 1e-15);
    }
  }
  EXPECT_EQ(q(0, 0), Complex(2.0, 0.0)); // the largest entry is a level
  EXPECT_EQ(q(0, 1), Complex(1e-3, 0.0));
}

//===----------------------------------------------------------------------===//
// Devices
//===----------------------------------------------------------------------===//

TEST(NoiseDevices, IdealPartsGiveTheConvention) {
  Eigen::Matrix2cd b;
  b << 1.0, Complex(0, 1), Complex(0, 1), 1.0;
  b /= std::sqrt(2.0);
  EXPECT_LT(maxAbsDiff(couplerMatrix(0.5), b), 1e-15);
  for (double theta : {0.0, 0.4, kPi, 5.0})
    for (double phi : {0.0, 1.3, 6.0}) {
      EXPECT_LT(maxAbsDiff(noisyMziTransfer(theta, phi, 0.5, 0.5, 0.0),
                           mziTransfer(theta, phi)),
                1e-15);
      EXPECT_NEAR(std::abs(noisyAttenuatorTransmission(theta, 0.5, 0.5, 0.0) -
                           attenuatorTransmission(theta)),
                  0.0, 1e-15);
    }
}

TEST(NoiseDevices, CouplerErrorIsLosslessAndLossScalesPower) {
  Random random(5);
  for (int i = 0; i < 20; ++i) {
    const double theta = kTwoPi * random.uniform(), phi = kTwoPi * random.uniform();
    const double r1 = random.uniform(), r2 = random.uniform();
    Eigen::Matrix2cd m = noisyMziTransfer(theta, phi, r1, r2, 0.0);
    EXPECT_LT(maxAbsDiff(m.adjoint() * m, Eigen::Matrix2cd::Identity()), 1e-14);
    Eigen::Matrix2cd lossy = noisyMziTransfer(theta, phi, r1, r2, 0.5);
    EXPECT_LT(maxAbsDiff(lossy.adjoint() * lossy,
                         std::pow(10.0, -0.05) * Eigen::Matrix2cd::Identity()),
              1e-14);
  }
  // A coupler error limits the attenuator's extinction: at θ = π the
  // transmission is |√(r1(1−r2)) − √(r2(1−r1))| instead of 0.
  const double r1 = 0.53, r2 = 0.48;
  EXPECT_NEAR(std::abs(noisyAttenuatorTransmission(kPi, r1, r2, 0.0)),
              std::abs(std::sqrt(r1 * (1 - r2)) - std::sqrt(r2 * (1 - r1))),
              1e-15);
  EXPECT_NEAR(std::abs(noisyAttenuatorTransmission(0.0, 0.5, 0.5, 3.0)),
              std::pow(10.0, -3.0 / 20.0), 1e-15);
}

//===----------------------------------------------------------------------===//
// Crosstalk adjacency
//===----------------------------------------------------------------------===//

TEST(NoiseCrosstalk, NeighboursFollowTheDefinition) {
  for (Topology topology : {Topology::Clements, Topology::Reck})
    for (int n : {2, 5, 8}) {
      std::vector<ShifterSite> sites = shifterLayout(topology, n);
      std::vector<std::vector<int>> adj = crosstalkNeighbours(topology, n);
      ASSERT_EQ(adj.size(), sites.size());
      for (size_t i = 0; i < sites.size(); ++i)
        for (size_t j = 0; j < sites.size(); ++j) {
          const ShifterSite &a = sites[i], &b = sites[j];
          const int pitch = a.arm == Arm::Output ? 1 : 2;
          const bool expected = a.arm == b.arm && a.column == b.column &&
                                std::abs(a.mode - b.mode) == pitch;
          const bool listed =
              std::find(adj[i].begin(), adj[i].end(), int(j)) != adj[i].end();
          EXPECT_EQ(listed, expected) << i << " " << j;
        }
    }
  // Clements N = 6, column 0 holds MZIs 0, 1, 2 on modes 0, 2, 4.
  std::vector<std::vector<int>> adj = crosstalkNeighbours(Topology::Clements, 6);
  const int k = mziCount(6);
  EXPECT_EQ(adj[0], std::vector<int>({1}));
  EXPECT_EQ(adj[1], std::vector<int>({0, 2}));
  EXPECT_EQ(adj[k + 1], std::vector<int>({k, k + 2}));
  EXPECT_EQ(adj[2 * k], std::vector<int>({2 * k + 1}));
  EXPECT_EQ(adj[2 * k + 3], std::vector<int>({2 * k + 2, 2 * k + 4}));
}

/// One heated shifter: exactly its neighbours move, by ω·φ.
TEST(NoiseCrosstalk, OnlyAdjacentShiftersAreAggressed) {
  NoiseModel model;
  model.crosstalk = 0.01;
  for (Topology topology : {Topology::Clements, Topology::Reck}) {
    const int n = 5;
    Mesh mesh = makeZeroMesh(topology, n);
    std::vector<std::vector<int>> adj = crosstalkNeighbours(topology, n);
    Random random(1);
    for (int i = 0; i < mesh.shifterCount(); ++i) {
      Mesh m = mesh;
      setPhase(m, i, 1.5);
      Program p = meshProgram(m);
      StaticNoiseSample sample = sampleStaticNoise(p, model, random);
      applyPhaseNoise(p, sample, model);
      std::vector<double> after = phasesOf(p.layers[0].mesh);
      for (int j = 0; j < m.shifterCount(); ++j) {
        double expected = 0.0;
        if (j == i)
          expected = 1.5;
        else if (std::count(adj[i].begin(), adj[i].end(), j))
          expected = 0.01 * 1.5;
        EXPECT_EQ(after[j], expected) << i << " " << j;
      }
    }
  }
}

TEST(NoiseCrosstalk, PrunedAndZeroPhaseNeighboursContributeNothing) {
  // Clements N = 6: θ of MZIs 0, 1, 2 sit on modes 0, 2, 4 of column 0.
  Mesh mesh = makeZeroMesh(Topology::Clements, 6);
  const int k = mesh.mziCount();
  mesh.mask.assign(mesh.shifterCount(), 1);
  mesh.theta[0] = 1.0;
  mesh.theta[1] = 0.0; // live, heater off
  mesh.theta[2] = 2.0;
  mesh.phi[0] = 0.5;
  mesh.phi[1] = 0.0; // pruned
  mesh.mask[k + 1] = 0;
  mesh.phi[2] = 3.0;
  Program p = meshProgram(mesh);
  NoiseModel model;
  model.crosstalk = 0.002;
  Random random(3);
  applyPhaseNoise(p, sampleStaticNoise(p, model, random), model);
  const Mesh &after = p.layers[0].mesh;
  // The heater-off θ_1 is a victim of both neighbours but no aggressor.
  EXPECT_EQ(after.theta[0], 1.0);
  EXPECT_EQ(after.theta[1], 0.002 * (1.0 + 2.0));
  EXPECT_EQ(after.theta[2], 2.0);
  // The pruned φ_1 stays exactly 0 and heats nobody.
  EXPECT_EQ(after.phi[0], 0.5);
  EXPECT_EQ(after.phi[1], 0.0);
  EXPECT_EQ(after.phi[2], 3.0);
  // Active aggressors count the drifted phase γ·φ (Φ_c = Ω Γ Φ).
  NoiseModel both = model;
  both.gammaSigma = 0.05;
  Program q = meshProgram(mesh);
  Random again(3);
  StaticNoiseSample sample = sampleStaticNoise(q, both, again);
  applyPhaseNoise(q, sample, both);
  const std::vector<double> &g = sample.layers[0].gamma;
  EXPECT_EQ(q.layers[0].mesh.theta[1],
            g[1] * 0.0 + 0.002 * (g[0] * 1.0 + g[2] * 2.0));
  EXPECT_EQ(q.layers[0].mesh.theta[0], g[0] * 1.0);
}

/// SZO-SCD's Eq. 6: in a mesh with an active set, ω_ij = 0 when φ_j is
/// passive. Passive shifters keep their (drifted) phase, take crosstalk from
/// active neighbours and heat nobody; without an active set every live
/// heated shifter is an aggressor.
TEST(NoiseCrosstalk, PassiveShiftersOfAnActiveSetAreNoAggressors) {
  // Clements N = 6: θ of MZIs 0, 1, 2 sit on modes 0, 2, 4 of column 0,
  // and so do their φ; output phases i and i ± 1 are neighbours.
  Mesh mesh = makeZeroMesh(Topology::Clements, 6);
  const int k = mesh.mziCount();
  mesh.theta[0] = 1.0; // active
  mesh.theta[1] = 2.0; // passive
  mesh.theta[2] = 3.0; // active
  mesh.phi[0] = 0.5;   // passive
  mesh.phi[1] = 1.5;   // active
  mesh.phi[2] = 2.5;   // passive
  mesh.outputPhases[0] = 1.0; // outputs are passive
  mesh.active.assign(mesh.shifterCount(), 0);
  mesh.active[0] = mesh.active[2] = mesh.active[k + 1] = 1;
  NoiseModel model;
  model.crosstalk = 0.1;
  Program p = meshProgram(mesh);
  Random random(5);
  applyPhaseNoise(p, sampleStaticNoise(p, model, random), model);
  const Mesh &after = p.layers[0].mesh;
  EXPECT_EQ(after.theta[0], 1.0);             // neighbour θ_1 is passive
  EXPECT_EQ(after.theta[1], 2.0 + 0.1 * 4.0); // θ_0 + θ_2, both active
  EXPECT_EQ(after.theta[2], 3.0);
  EXPECT_EQ(after.phi[0], 0.5 + 0.1 * 1.5);   // from φ_1 only
  EXPECT_EQ(after.phi[1], 1.5);               // φ_0, φ_2 passive
  EXPECT_EQ(after.phi[2], 2.5 + 0.1 * 1.5);
  EXPECT_EQ(after.outputPhases[0], 1.0);
  EXPECT_EQ(after.outputPhases[1], 0.0);      // output 0 is passive
  // The same chip without an active set: every heated shifter aggresses.
  mesh.active.clear();
  Program q = meshProgram(mesh);
  applyPhaseNoise(q, sampleStaticNoise(q, model, random), model);
  const Mesh &all = q.layers[0].mesh;
  EXPECT_EQ(all.theta[0], 1.0 + 0.1 * 2.0);
  EXPECT_EQ(all.phi[1], 1.5 + 0.1 * (0.5 + 2.5));
  EXPECT_EQ(all.outputPhases[1], 0.1 * 1.0);
  // With γ drift the passive victim drifts too: γ_1·θ_1 + ω(γ_0θ_0 + γ_2θ_2).
  NoiseModel both = model;
  both.gammaSigma = 0.05;
  mesh.active.assign(mesh.shifterCount(), 0);
  mesh.active[0] = mesh.active[2] = 1;
  Program r = meshProgram(mesh);
  StaticNoiseSample sample = sampleStaticNoise(r, both, random);
  applyPhaseNoise(r, sample, both);
  const std::vector<double> &g = sample.layers[0].gamma;
  EXPECT_EQ(r.layers[0].mesh.theta[1],
            g[1] * 2.0 + 0.1 * (g[0] * 1.0 + g[2] * 3.0));
  EXPECT_EQ(r.layers[0].mesh.theta[0], g[0] * 1.0);
}

TEST(NoiseCrosstalk, AttenuatorsCoupleToTheirNeighbours) {
  Program p;
  p.inputs = p.outputs = 4;
  Layer d;
  d.kind = LayerKind::Diagonal;
  d.inputs = d.outputs = 4;
  d.diagonal.inputs = d.diagonal.outputs = 4;
  d.diagonal.theta = {1.0, 0.0, 2.0, 0.5};
  d.diagonal.mask = {1, 1, 1, 0};
  d.diagonal.theta[3] = 0.0;
  p.layers.push_back(d);
  NoiseModel model;
  model.crosstalk = 0.1;
  Random random(0);
  applyPhaseNoise(p, sampleStaticNoise(p, model, random), model);
  const std::vector<double> &t = p.layers[0].diagonal.theta;
  EXPECT_EQ(t[0], 1.0);
  EXPECT_EQ(t[1], 0.1 * 3.0);
  EXPECT_EQ(t[2], 2.0);
  EXPECT_EQ(t[3], 0.0);
}

//===----------------------------------------------------------------------===//
// Static statistics
//===----------------------------------------------------------------------===//

/// A 64-mode mesh with every phase 1.0 (4,096 shifters).
Program bigProgram() {
  Mesh mesh = makeZeroMesh(Topology::Clements, 64);
  for (int i = 0; i < mesh.shifterCount(); ++i)
    setPhase(mesh, i, 1.0);
  return meshProgram(mesh);
}

TEST(NoiseStatic, GammaDriftIsATruncatedGaussian) {
  NoiseModel model;
  model.gammaSigma = 0.1;
  Program p = bigProgram();
  std::vector<double> delta;
  Random random(11);
  for (int trial = 0; trial < 5; ++trial) {
    StaticNoiseSample s = sampleStaticNoise(p, model, random);
    ASSERT_EQ(s.layers[0].gamma.size(), size_t(p.layers[0].mesh.shifterCount()));
    EXPECT_TRUE(s.layers[0].phaseError.empty());
    Program q = p;
    applyPhaseNoise(q, s, model);
    std::vector<double> after = phasesOf(q.layers[0].mesh);
    for (size_t i = 0; i < after.size(); ++i) {
      EXPECT_EQ(after[i], s.layers[0].gamma[i] * 1.0);
      delta.push_back(s.layers[0].gamma[i] - 1.0);
    }
  }
  Moments m = moments(delta); // 20,480 draws
  EXPECT_NEAR(m.mean, 0.0, 4 * 0.1 / std::sqrt(delta.size()));
  EXPECT_NEAR(m.variance / (0.01 * kTruncatedVariance), 1.0, 0.05);
  EXPECT_LE(m.maxAbs, 3 * 0.1);
  EXPECT_GT(m.maxAbs, 2.5 * 0.1); // the support reaches out to ~3σ
}

TEST(NoiseStatic, PhaseErrorIsGaussianOnLiveShifters) {
  NoiseModel model;
  model.phaseSigma = 0.05;
  Program p = bigProgram();
  Mesh &mesh = p.layers[0].mesh;
  mesh.mask.assign(mesh.shifterCount(), 1);
  for (int i = 0; i < mesh.shifterCount(); i += 7) {
    mesh.mask[i] = 0;
    setPhase(mesh, i, 0.0);
  }
  Random random(12);
  std::vector<double> error;
  for (int trial = 0; trial < 5; ++trial) {
    Program q = p;
    applyPhaseNoise(q, sampleStaticNoise(p, model, random), model);
    ASSERT_FALSE(bool(verifyProgram(q)));
    std::vector<double> after = phasesOf(q.layers[0].mesh);
    for (size_t i = 0; i < after.size(); ++i) {
      if (!mesh.mask[i]) {
        EXPECT_EQ(after[i], 0.0);
        continue;
      }
      error.push_back(after[i] - 1.0);
    }
  }
  Moments m = moments(error);
  EXPECT_NEAR(m.mean, 0.0, 4 * 0.05 / std::sqrt(error.size()));
  EXPECT_NEAR(std::sqrt(m.variance) / 0.05, 1.0, 0.025);
  // Common random numbers: the same seed with twice the σ doubles ε.
  NoiseModel twice = model;
  twice.phaseSigma = 0.1;
  Random r1(4), r2(4);
  StaticNoiseSample a = sampleStaticNoise(p, model, r1);
  StaticNoiseSample b = sampleStaticNoise(p, twice, r2);
  for (size_t i = 0; i < a.layers[0].phaseError.size(); ++i)
    EXPECT_EQ(b.layers[0].phaseError[i], 2 * a.layers[0].phaseError[i]);
}

TEST(NoiseStatic, PhaseDacQuantizesLiveShifters) {
  NoiseModel model;
  model.phaseBits = 4;
  Mesh mesh = haarMesh(Topology::Clements, 8, 3);
  Program p = meshProgram(mesh);
  Random random(0);
  applyPhaseNoise(p, sampleStaticNoise(p, model, random), model);
  std::vector<double> before = phasesOf(mesh), after = phasesOf(p.layers[0].mesh);
  std::set<double> levels;
  for (size_t i = 0; i < after.size(); ++i) {
    EXPECT_EQ(after[i], quantizePhase(before[i], 4).phase);
    const double code = after[i] / (kTwoPi / 16);
    EXPECT_NEAR(code, std::round(code), 1e-12);
    levels.insert(after[i]);
  }
  EXPECT_LE(levels.size(), 16u);
}

TEST(NoiseStatic, CouplerRatiosAreTruncatedGaussians) {
  NoiseModel model;
  model.couplerSigma = 0.02;
  Program p = bigProgram();
  Random random(21);
  std::vector<double> ratios;
  for (int trial = 0; trial < 5; ++trial) {
    StaticNoiseSample s = sampleStaticNoise(p, model, random);
    ASSERT_EQ(s.layers[0].ratioIn.size(), size_t(mziCount(64)));
    ratios.insert(ratios.end(), s.layers[0].ratioIn.begin(),
                  s.layers[0].ratioIn.end());
    ratios.insert(ratios.end(), s.layers[0].ratioOut.begin(),
                  s.layers[0].ratioOut.end());
  }
  for (double &r : ratios)
    r -= 0.5;
  Moments m = moments(ratios);
  EXPECT_NEAR(m.mean, 0.0, 4 * 0.02 / std::sqrt(ratios.size()));
  EXPECT_NEAR(m.variance / (0.02 * 0.02 * kTruncatedVariance), 1.0, 0.05);
  EXPECT_LE(m.maxAbs, 3 * 0.02);
}

TEST(NoiseStatic, CouplerErrorKeepsMeshesUnitaryAndLossScalesThem) {
  Mesh mesh = haarMesh(Topology::Clements, 8, 9);
  Program p = meshProgram(mesh);
  NoiseModel model;
  model.couplerSigma = 0.05;
  Random random(2);
  NoisyProgram noisy = sampleNoisyProgram(p, model, random);
  const Eigen::MatrixXcd &u = noisy.meshTransfer[0];
  ASSERT_EQ(u.rows(), 8);
  EXPECT_LT(maxAbsDiff(u.adjoint() * u, Eigen::MatrixXcd::Identity(8, 8)),
            1e-13);
  EXPECT_GT(maxAbsDiff(u, meshMatrix(mesh)), 1e-3);
  // Loss: each of the K MZIs scales its 2x2 block's determinant by a².
  model.couplerSigma = 0.0;
  model.lossDb = 0.2;
  NoisyProgram lossy = sampleNoisyProgram(p, model, random);
  const std::complex<double> det = lossy.meshTransfer[0].determinant();
  EXPECT_NEAR(std::abs(det), std::pow(10.0, -0.2 / 10.0 * mziCount(8)), 1e-12);
  // Ideal couplers through the explicit path reproduce the mesh.
  model.lossDb = 1e-300;
  NoisyProgram clean = sampleNoisyProgram(p, model, random);
  EXPECT_LT(maxAbsDiff(clean.meshTransfer[0], meshMatrix(mesh)), 1e-13);
}

TEST(NoiseStatic, MaskedShiftersStayZeroUnderEveryComponent) {
  Random net(8);
  Program p = randomNetwork({6, 6, 4}, Topology::Clements, Activation::Softplus,
                            net);
  for (Layer &layer : p.layers) {
    if (layer.kind == LayerKind::Mesh) {
      Mesh &m = layer.mesh;
      m.mask.assign(m.shifterCount(), 1);
      for (int i = 0; i < m.shifterCount(); i += 3) {
        m.mask[i] = 0;
        setPhase(m, i, 0.0);
      }
    } else if (layer.kind == LayerKind::Diagonal) {
      layer.diagonal.mask.assign(layer.diagonal.theta.size(), 1);
      layer.diagonal.mask[0] = 0;
      layer.diagonal.theta[0] = 0.0;
    }
  }
  ASSERT_FALSE(bool(verifyProgram(p)));
  NoiseModel model = parse("phase_sigma=0.1,gamma_sigma=0.05,crosstalk=0.05,"
                           "phase_bits=6,coupler_sigma=0.02,loss_db=0.3");
  Random random(1);
  NoisyProgram noisy = sampleNoisyProgram(p, model, random);
  for (size_t l = 0; l < p.layers.size(); ++l) {
    const Layer &layer = noisy.program.layers[l];
    if (layer.kind == LayerKind::Mesh) {
      std::vector<double> after = phasesOf(layer.mesh);
      for (size_t i = 0; i < after.size(); ++i) {
        if (!layer.mesh.mask[i]) {
          EXPECT_EQ(after[i], 0.0);
        }
      }
    } else if (layer.kind == LayerKind::Diagonal) {
      EXPECT_EQ(layer.diagonal.theta[0], 0.0);
      // An eliminated attenuator is a plain waveguide: exactly the gain.
      EXPECT_EQ(noisy.diagonalTransfer[l][0],
                Complex(layer.diagonal.gain, 0.0));
    }
  }
}

TEST(NoiseStatic, KeptPrunedShiftersTakeErrorAndCrosstalkButHeatNobody) {
  // One 4-mode Clements mesh: MZIs 0 (modes 0,1) and 1 (modes 2,3) share
  // column 0, so their θ (and their φ) are crosstalk neighbours.
  Program p;
  p.inputs = p.outputs = 4;
  Layer layer;
  layer.kind = LayerKind::Mesh;
  layer.inputs = layer.outputs = 4;
  layer.mesh = makeZeroMesh(Topology::Clements, 4);
  for (double &t : layer.mesh.theta)
    t = 1.0;
  for (double &f : layer.mesh.phi)
    f = 2.0;
  layer.mesh.mask.assign(layer.mesh.shifterCount(), 1);
  layer.mesh.mask[0] = 0; // θ of MZI 0 pruned
  layer.mesh.theta[0] = 0.0;
  p.layers.push_back(layer);
  ASSERT_FALSE(bool(verifyProgram(p)));

  NoiseModel removed = parse("phase_sigma=0.1,crosstalk=0.01");
  NoiseModel kept = parse("phase_sigma=0.1,crosstalk=0.01,keep_pruned=1");
  Random r1(4), r2(4);
  StaticNoiseSample sample = sampleStaticNoise(p, kept, r1);
  // keep_pruned does not change the draws.
  StaticNoiseSample same = sampleStaticNoise(p, removed, r2);
  ASSERT_EQ(sample.layers[0].phaseError, same.layers[0].phaseError);

  Program a = p, b = p;
  applyPhaseNoise(a, sample, removed);
  applyPhaseNoise(b, sample, kept);
  const double eps0 = sample.layers[0].phaseError[0];
  EXPECT_EQ(a.layers[0].mesh.theta[0], 0.0);
  // Kept: its own error plus ω · θ of its live, heated neighbour MZI 1.
  EXPECT_DOUBLE_EQ(b.layers[0].mesh.theta[0], 0.01 * 1.0 + eps0);
  // It heats nobody: MZI 1's θ sees no aggressor from MZI 0 either way.
  EXPECT_EQ(a.layers[0].mesh.theta[1], b.layers[0].mesh.theta[1]);
  // Every live shifter is the same in both models.
  EXPECT_EQ(a.layers[0].mesh.phi, b.layers[0].mesh.phi);
}

//===----------------------------------------------------------------------===//
// Simulation
//===----------------------------------------------------------------------===//

Eigen::MatrixXcd randomInputs(int rows, int cols, uint64_t seed) {
  Random random(seed);
  Eigen::MatrixXcd x(rows, cols);
  for (int c = 0; c < cols; ++c)
    for (int r = 0; r < rows; ++r)
      x(r, c) = Complex(random.normal(), random.normal());
  return x;
}

TEST(NoiseSimulate, IdealModelIsThePlainSimulatorBitForBit) {
  Random net(4);
  Program p = randomNetwork({6, 5, 4}, Topology::Clements, Activation::Softplus,
                            net);
  Eigen::MatrixXcd x = randomInputs(6, 37, 5);
  NoiseModel ideal;
  Random random(9);
  NoisyProgram noisy = sampleNoisyProgram(p, ideal, random);
  EXPECT_TRUE(bitIdentical(simulateNoisy(noisy, x, ideal, random),
                           simulate(p, x)));
  // Phase noise alone: the noisy program through the plain simulator.
  NoiseModel phases = parse("phase_sigma=0.05,gamma_sigma=0.01,crosstalk=0.01,"
                            "phase_bits=10");
  NoisyProgram shifted = sampleNoisyProgram(p, phases, random);
  Eigen::MatrixXcd y = simulateNoisy(shifted, x, phases, random);
  EXPECT_LT(maxAbsDiff(y, simulate(shifted.program, x)), 1e-12);
  EXPECT_GT(maxAbsDiff(y, simulate(p, x)), 1e-3);
  // A noisy chip runs each linear block (V, Σ, U) as one dense matrix.
  for (size_t l = 0; l < p.layers.size(); ++l)
    EXPECT_EQ(shifted.blockTransfer[l].size() != 0, l == 1 || l == 5) << l;
  EXPECT_EQ(shifted.blockTransfer[1].rows(), 5);
  EXPECT_EQ(shifted.blockTransfer[1].cols(), 6);
  EXPECT_TRUE(noisy.blockTransfer[1].size() == 0); // ideal: the plain kernels
}

TEST(NoiseSimulate, SeedsReproduceBitForBit) {
  Random net(4);
  Program p = randomNetwork({6, 5, 4}, Topology::Reck, Activation::Softplus,
                            net);
  Eigen::MatrixXcd x = randomInputs(6, 20, 5);
  NoiseModel model = parse(
      "phase_sigma=0.02,gamma_sigma=2e-3,crosstalk=2e-3,phase_bits=8,"
      "input_bits=8,output_bits=8,weight_sigma=0.012,coupler_sigma=0.01,"
      "loss_db=0.1,detector_sigma=0.01");
  auto run = [&](uint64_t seed) {
    Random random(seed);
    NoisyProgram noisy = sampleNoisyProgram(p, model, random);
    return simulateNoisy(noisy, x, model, random);
  };
  EXPECT_TRUE(bitIdentical(run(17), run(17)));
  EXPECT_FALSE(bitIdentical(run(17), run(18)));
  // Realisation and inference draws are separate: the same chip (static
  // draws) runs twice with fresh dynamic noise.
  Random random(3);
  NoisyProgram noisy = sampleNoisyProgram(p, model, random);
  Eigen::MatrixXcd first = simulateNoisy(noisy, x, model, random);
  Eigen::MatrixXcd second = simulateNoisy(noisy, x, model, random);
  EXPECT_FALSE(bitIdentical(first, second));
  EXPECT_LT(maxAbsDiff(first, second), 0.5 * first.cwiseAbs().maxCoeff());
}

TEST(NoiseSimulate, WeightErrorHasTheStatedVariance) {
  const int n = 6, samples = 20000;
  Mesh mesh = haarMesh(Topology::Clements, n, 31);
  Program p = meshProgram(mesh);
  NoiseModel model;
  model.weightSigma = 0.05;
  Random random(6);
  NoisyProgram noisy = sampleNoisyProgram(p, model, random);
  const Eigen::MatrixXcd u = meshMatrix(mesh);
  const double fullScale = u.cwiseAbs().maxCoeff();
  EXPECT_NEAR(noisy.blockFullScale[0], fullScale, 1e-14);
  Eigen::VectorXcd v = randomInputs(n, 1, 2).col(0);
  Eigen::MatrixXcd x = v.replicate(1, samples);
  Eigen::MatrixXcd noise = simulateNoisy(noisy, x, model, random) - u * x;
  const double expected = std::pow(0.05 * fullScale * v.norm(), 2);
  for (int r = 0; r < n; ++r) {
    Complex mean = noise.row(r).mean();
    const double power = noise.row(r).cwiseAbs2().mean();
    Complex pseudo = noise.row(r).array().square().mean(); // circularity
    EXPECT_LT(std::abs(mean), 4 * std::sqrt(expected / samples));
    EXPECT_NEAR(power / expected, 1.0, 0.04);
    EXPECT_LT(std::abs(pseudo) / expected, 0.04);
  }
  // Independent outputs.
  Complex cross = (noise.row(0).array() * noise.row(1).conjugate().array()).mean();
  EXPECT_LT(std::abs(cross) / expected, 0.04);
}

TEST(NoiseSimulate, WeightErrorActsPerLinearBlock) {
  Random net(4);
  Program p = randomNetwork({5, 4, 3}, Topology::Clements, Activation::Softplus,
                            net);
  // encode, V, Σ, U, act, V, Σ, U, detect: blocks end at layers 3 and 7.
  NoiseModel model;
  model.weightSigma = 0.01;
  Random random(1);
  NoisyProgram noisy = sampleNoisyProgram(p, model, random);
  for (size_t l = 0; l < p.layers.size(); ++l)
    EXPECT_EQ(noisy.blockFullScale[l] > 0.0, l == 3 || l == 7) << l;
}

TEST(NoiseSimulate, DetectorNoiseIsRelativeToTheBrightestOutput) {
  const int n = 4, samples = 20000;
  Mesh mesh = haarMesh(Topology::Reck, n, 8);
  Program p = detectProgram(mesh);
  NoiseModel model;
  model.detectorSigma = 0.02;
  Random random(6);
  NoisyProgram noisy = sampleNoisyProgram(p, model, random);
  Eigen::VectorXcd v = randomInputs(n, 1, 3).col(0);
  Eigen::MatrixXcd x = v.replicate(1, samples);
  Eigen::MatrixXcd clean = simulate(p, x);
  Eigen::MatrixXd noise = (simulateNoisy(noisy, x, model, random) - clean).real();
  const double sigma = 0.02 * clean.col(0).real().maxCoeff();
  for (int r = 0; r < n; ++r) {
    const double mean = noise.row(r).mean();
    const double var = (noise.row(r).array() - mean).square().mean();
    EXPECT_LT(std::abs(mean), 4 * sigma / std::sqrt(samples));
    EXPECT_NEAR(std::sqrt(var) / sigma, 1.0, 0.03);
  }
}

TEST(NoiseSimulate, InputDacAndOutputAdc) {
  const int n = 4;
  Mesh mesh = haarMesh(Topology::Clements, n, 2);
  Program p = detectProgram(mesh);
  Eigen::MatrixXcd x = randomInputs(n, 50, 7);
  NoiseModel in;
  in.inputBits = 3;
  Random random(0);
  NoisyProgram noisy = sampleNoisyProgram(p, in, random);
  Eigen::MatrixXcd q = x;
  quantizeComplexColumns(q, 3);
  EXPECT_TRUE(bitIdentical(simulateNoisy(noisy, x, in, random), simulate(p, q)));

  NoiseModel out;
  out.outputBits = 4;
  Eigen::MatrixXcd y = simulateNoisy(noisy, x, out, random);
  Eigen::MatrixXcd clean = simulate(p, x);
  for (Eigen::Index c = 0; c < y.cols(); ++c) {
    const double s = clean.col(c).real().maxCoeff();
    for (Eigen::Index r = 0; r < n; ++r) {
      const double code = y(r, c).real() / s * 15.0;
      EXPECT_NEAR(code, std::round(code), 1e-9);
      EXPECT_LE(std::abs(y(r, c).real() - clean(r, c).real()), s / 30 + 1e-12);
      EXPECT_EQ(y(r, c).imag(), 0.0);
    }
  }
  // Optical outputs quantize Re and Im on a signed scale.
  Program optical = meshProgram(mesh);
  NoisyProgram opticalNoisy = sampleNoisyProgram(optical, out, random);
  Eigen::MatrixXcd z = simulateNoisy(opticalNoisy, x, out, random);
  Eigen::MatrixXcd expected = simulate(optical, x);
  quantizeComplexColumns(expected, 4);
  EXPECT_TRUE(bitIdentical(z, expected));
}

} // namespace
