//===- MetricsTest.cpp - Sparsity, phase, power and length metrics --------===//
#include "photon/Runtime/Metrics.h"
#include "photon/Runtime/Convention.h"
#include "photon/Runtime/Decomposition.h"
#include "photon/Runtime/Program.h"
#include "photon/Runtime/Random.h"

#include "llvm/Support/JSON.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace photon::runtime;

namespace {

constexpr double kPpi = 25.0; // mW, the default P_π

Layer meshLayer(int modes) {
  Layer layer;
  layer.kind = LayerKind::Mesh;
  layer.inputs = layer.outputs = modes;
  layer.mesh = makeZeroMesh(Topology::Clements, modes);
  return layer;
}

/// encode(3) → mesh(3) → Σ(3 → 2) → mesh(2) → detect, with known phases.
Program handBuilt() {
  Program p;
  p.inputs = 3;
  p.outputs = 2;
  Layer enc;
  enc.kind = LayerKind::Encode;
  enc.inputs = enc.outputs = 3;

  Layer a = meshLayer(3); // 3 MZIs, 9 shifters
  a.sourceLayer = 0;
  a.factor = "V";
  a.mesh.theta = {6.0, 0.0, kPi};
  a.mesh.phi = {kPi, 0.0, 0.0};
  a.mesh.outputPhases = {0.5, 0.0, kTwoPi}; // 2π wraps to 0: off
  a.mesh.mask.assign(9, 1);
  a.mesh.mask[3 + 2] = 0; // φ_2 pruned

  Layer s;
  s.kind = LayerKind::Diagonal;
  s.inputs = 3;
  s.outputs = 2;
  s.diagonal.inputs = 3;
  s.diagonal.outputs = 2;
  s.diagonal.theta = {0.0, kPi / 3};
  s.diagonal.gain = 2.0;
  s.sourceLayer = 0;
  s.factor = "Sigma";

  Layer b = meshLayer(2); // 1 MZI, no mask
  b.sourceLayer = 0;
  b.factor = "U";
  b.mesh.theta = {kPi / 4};
  b.mesh.phi = {-0.5}; // wraps to 2π − 0.5
  b.mesh.outputPhases = {0.0, 0.0};

  Layer det;
  det.kind = LayerKind::Detect;
  det.inputs = det.outputs = 2;
  p.layers = {enc, a, s, b, det};
  return p;
}

TEST(Metrics, ShifterOff) {
  Mesh mesh = makeZeroMesh(Topology::Clements, 3);
  mesh.theta = {kTwoPi, -0.0, 1e-300};
  mesh.phi = {0.2, 0.3, 0.4};
  EXPECT_TRUE(isShifterOff(mesh, 0));  // 2π wraps to 0
  EXPECT_TRUE(isShifterOff(mesh, 1));  // -0.0
  EXPECT_FALSE(isShifterOff(mesh, 2)); // tiny but not 0
  EXPECT_FALSE(isShifterOff(mesh, 3));
  mesh.mask.assign(9, 1);
  mesh.mask[3] = 0;
  EXPECT_TRUE(isShifterOff(mesh, 3)); // masked
  EXPECT_TRUE(isShifterOff(mesh, 6)); // output phase 0
  EXPECT_EQ(shifterPhase(mesh, 4), 0.3);
}

TEST(Metrics, HandBuiltCounts) {
  Program p = handBuilt();
  ASSERT_FALSE(static_cast<bool>(verifyProgram(p)));
  NetworkMetrics m = computeMetrics(p);
  ASSERT_EQ(m.meshes.size(), 2u);
  ASSERT_EQ(m.diagonals.size(), 1u);

  const MeshMetrics &a = m.meshes[0];
  EXPECT_EQ(a.layerIndex, 1);
  EXPECT_EQ(a.sourceLayer, 0);
  EXPECT_EQ(a.factor, "V");
  EXPECT_EQ(a.modes, 3);
  EXPECT_EQ(a.mzis, 3);
  EXPECT_EQ(a.columns, 3);
  EXPECT_EQ(a.theta.count, 3);
  EXPECT_EQ(a.theta.off, 1);
  EXPECT_EQ(a.theta.masked, 0);
  EXPECT_EQ(a.phi.count, 3);
  EXPECT_EQ(a.phi.off, 2);
  EXPECT_EQ(a.phi.masked, 1);
  EXPECT_EQ(a.prunable.count, 6);
  EXPECT_EQ(a.prunable.off, 3);
  EXPECT_EQ(a.prunable.live(), 3);
  EXPECT_DOUBLE_EQ(a.prunable.sparsity(), 0.5);
  EXPECT_DOUBLE_EQ(a.theta.sparsity(), 1.0 / 3);
  EXPECT_DOUBLE_EQ(a.phi.sparsity(), 2.0 / 3);
  // Mean phase: wrapped phases (6.0 stays 6.0), zeros included.
  EXPECT_DOUBLE_EQ(a.prunable.meanPhase(), (6.0 + kPi + kPi) / 6);
  EXPECT_DOUBLE_EQ(a.theta.powerMw, kPpi * (6.0 + kPi) / kPi);
  EXPECT_DOUBLE_EQ(a.phi.powerMw, kPpi);
  EXPECT_EQ(a.outputs.count, 3);
  EXPECT_EQ(a.outputs.off, 2);
  EXPECT_DOUBLE_EQ(a.outputs.powerMw, kPpi * 0.5 / kPi);

  const MeshMetrics &b = m.meshes[1];
  EXPECT_EQ(b.layerIndex, 3);
  EXPECT_EQ(b.prunable.count, 2);
  EXPECT_EQ(b.prunable.off, 0);
  EXPECT_DOUBLE_EQ(b.phi.phaseSum, kTwoPi - 0.5);
  EXPECT_EQ(b.outputs.off, 2);

  const DiagonalMetrics &d = m.diagonals[0];
  EXPECT_EQ(d.layerIndex, 2);
  EXPECT_EQ(d.attenuators.count, 2);
  EXPECT_EQ(d.attenuators.off, 1);
  EXPECT_DOUBLE_EQ(d.attenuators.powerMw, kPpi / 3);
  EXPECT_DOUBLE_EQ(d.gain, 2.0);

  // Totals: θ, φ and prunable separately; outputs and attenuators apart.
  EXPECT_EQ(m.prunable.count, 8);
  EXPECT_EQ(m.prunable.off, 3);
  EXPECT_EQ(m.prunable.masked, 1);
  EXPECT_EQ(m.theta.count, 4);
  EXPECT_EQ(m.theta.off, 1);
  EXPECT_EQ(m.phi.count, 4);
  EXPECT_EQ(m.phi.off, 2);
  EXPECT_DOUBLE_EQ(m.prunable.sparsity(), 3.0 / 8);
  const double prunableSum = 6.0 + kPi + kPi + kPi / 4 + (kTwoPi - 0.5);
  EXPECT_DOUBLE_EQ(m.prunable.meanPhase(), prunableSum / 8);
  EXPECT_NEAR(m.prunable.powerMw, kPpi * prunableSum / kPi, 1e-12);
  EXPECT_NEAR(m.totalPowerMw(),
              kPpi * prunableSum / kPi + kPpi * 0.5 / kPi + kPpi / 3, 1e-12);
  EXPECT_EQ(m.outputs.count, 5);
  EXPECT_EQ(m.outputs.live(), 1);
  EXPECT_EQ(m.attenuators.live(), 1);
  EXPECT_EQ(m.totalLive(), 5 + 1 + 1);
}

TEST(Metrics, LengthModel) {
  AreaModel area;
  EXPECT_DOUBLE_EQ(area.couplerLengthUm(), 30.0);
  NetworkMetrics m = computeMetrics(handBuilt());
  // Mesh A: MZI 0 has 2 live shifters (300), MZI 1 none (30), MZI 2 one
  // (165); mesh B: 2 live (300).
  EXPECT_DOUBLE_EQ(m.meshes[0].mziLengthUm, 300 + 30 + 165);
  EXPECT_DOUBLE_EQ(m.meshes[1].mziLengthUm, 300);
  EXPECT_DOUBLE_EQ(m.mziLengthUm, 795);
  EXPECT_DOUBLE_EQ(m.outputLengthUm, 135);
  EXPECT_DOUBLE_EQ(m.attenuatorLengthUm, 165);
  EXPECT_DOUBLE_EQ(m.totalLengthUm(), 795 + 135 + 165);
}

TEST(Metrics, DepthLengthTakesTheLongestMziPerColumn) {
  // Clements N = 4: column 0 holds MZIs 0 (modes 0-1) and 1 (modes 2-3),
  // column 1 MZI 2, column 2 MZIs 3 and 4, column 3 MZI 5.
  std::vector<MziSite> sites = meshLayout(Topology::Clements, 4);
  ASSERT_EQ(sites.size(), 6u);
  ASSERT_EQ(sites[1].column, 0);
  ASSERT_EQ(sites[2].column, 1);
  ASSERT_EQ(sites[4].column, 2);
  Program p;
  p.inputs = p.outputs = 4;
  p.layers = {meshLayer(4)};
  Mesh &mesh = p.layers[0].mesh;
  mesh.theta[0] = mesh.phi[0] = 1.0; // 300 µm
  mesh.theta[2] = 1.0;               // 165 µm
  NetworkMetrics m = computeMetrics(p);
  EXPECT_DOUBLE_EQ(m.meshes[0].depthLengthUm, 300 + 165 + 30 + 30);
  EXPECT_DOUBLE_EQ(m.meshes[0].mziLengthUm, 300 + 30 + 165 + 30 + 30 + 30);
  EXPECT_DOUBLE_EQ(m.depthLengthUm, m.meshes[0].depthLengthUm);
}

TEST(Metrics, PowerModelIsConfigurable) {
  PowerModel power;
  power.piPowerMilliwatts = 10.0;
  NetworkMetrics m = computeMetrics(handBuilt(), power);
  EXPECT_DOUBLE_EQ(m.meshes[0].phi.powerMw, 10.0);
  EXPECT_DOUBLE_EQ(m.power.piPowerMilliwatts, 10.0);
}

TEST(Metrics, MaskedPhaseCountsAsZero) {
  // A masked shifter is off and draws no power even if a (non-verified)
  // program left a phase on it.
  Program p = handBuilt();
  p.layers[1].mesh.phi[2] = 1.0; // masked
  NetworkMetrics m = computeMetrics(p);
  EXPECT_EQ(m.meshes[0].phi.off, 2);
  EXPECT_DOUBLE_EQ(m.meshes[0].phi.powerMw, kPpi);
}

TEST(Metrics, PaperNetworkCounts) {
  // 16 -> 16 -> 16 -> 10: meshes V 16, U 16, V 16, U 16, V 16, U 10 and
  // three Σ; 5 · 240 + 90 = 1290 prunable shifters (LTH paper, Sec. 4).
  Random random(3);
  Program p;
  p.inputs = 16;
  p.outputs = 10;
  const int widths[3][2] = {{16, 16}, {16, 16}, {16, 10}};
  for (int l = 0; l < 3; ++l) {
    const int in = widths[l][0], out = widths[l][1];
    Layer v = meshLayer(in);
    v.mesh = decomposeClements(haarUnitary(in, random));
    Layer s;
    s.kind = LayerKind::Diagonal;
    s.inputs = s.diagonal.inputs = in;
    s.outputs = s.diagonal.outputs = out;
    s.diagonal.theta.assign(std::min(in, out), 0.5);
    Layer u = meshLayer(out);
    u.mesh = decomposeClements(haarUnitary(out, random));
    p.layers.push_back(v);
    p.layers.push_back(s);
    p.layers.push_back(u);
  }
  ASSERT_FALSE(static_cast<bool>(verifyProgram(p)));
  NetworkMetrics m = computeMetrics(p);
  EXPECT_EQ(m.meshes.size(), 6u);
  EXPECT_EQ(m.prunable.count, 1290);
  EXPECT_EQ(m.theta.count, 645);
  EXPECT_EQ(m.outputs.count, 5 * 16 + 10);
  EXPECT_EQ(m.attenuators.count, 16 + 16 + 10);
  // Every MZI is 300 µm minus 135 µm per off shifter.
  EXPECT_DOUBLE_EQ(m.mziLengthUm, 645 * 300.0 - 135.0 * m.prunable.off);
}

TEST(Metrics, EmptyProgram) {
  Program p;
  NetworkMetrics m = computeMetrics(p);
  EXPECT_EQ(m.prunable.count, 0);
  EXPECT_EQ(m.prunable.sparsity(), 0.0);
  EXPECT_EQ(m.prunable.meanPhase(), 0.0);
  EXPECT_EQ(m.totalPowerMw(), 0.0);
}

TEST(Metrics, Comparison) {
  Program base = handBuilt();
  Program pruned = base;
  Mesh &a = pruned.layers[1].mesh;
  a.theta[0] = 0.0; // 6.0 rad off: MZI 0 keeps only φ
  a.mask[0] = 0;
  NetworkMetrics mb = computeMetrics(base);
  NetworkMetrics mp = computeMetrics(pruned);
  MetricsComparison c = compareMetrics(mb, mp);
  EXPECT_DOUBLE_EQ(c.sparsityIncrease, 1.0 / 8);
  EXPECT_DOUBLE_EQ(c.meshPowerReduction,
                   (mb.prunable.powerMw - mp.prunable.powerMw) /
                       mb.prunable.powerMw);
  EXPECT_NEAR(c.meshPowerReduction * mb.prunable.powerMw, kPpi * 6.0 / kPi,
              1e-12);
  EXPECT_NEAR(c.meanPhaseReduction, c.meshPowerReduction, 1e-15);
  EXPECT_DOUBLE_EQ(c.liveShifterReduction, 1.0 / 5);
  EXPECT_DOUBLE_EQ(c.mziLengthReduction, 135.0 / 795);
  EXPECT_DOUBLE_EQ(c.totalLengthReduction, 135.0 / (795 + 135 + 165));
  // Against itself everything is 0; a zero baseline gives 0, not NaN.
  MetricsComparison same = compareMetrics(mb, mb);
  EXPECT_EQ(same.totalPowerReduction, 0.0);
  MetricsComparison empty = compareMetrics(computeMetrics(Program()), mp);
  EXPECT_EQ(empty.meshPowerReduction, 0.0);
}

TEST(Metrics, Json) {
  NetworkMetrics m = computeMetrics(handBuilt());
  llvm::json::Value value = toJson(m);
  const llvm::json::Object *root = value.getAsObject();
  ASSERT_TRUE(root);
  const llvm::json::Object *totals = root->getObject("totals");
  ASSERT_TRUE(totals);
  const llvm::json::Object *prunable = totals->getObject("prunable");
  ASSERT_TRUE(prunable);
  EXPECT_EQ(prunable->getInteger("count"), 8);
  EXPECT_EQ(prunable->getInteger("off"), 3);
  EXPECT_EQ(prunable->getNumber("sparsity"), 3.0 / 8);
  EXPECT_EQ(totals->getObject("power_mw")->getNumber("total"),
            m.totalPowerMw());
  const llvm::json::Array *meshes = root->getArray("meshes");
  ASSERT_TRUE(meshes);
  ASSERT_EQ(meshes->size(), 2u);
  const llvm::json::Object *first = (*meshes)[0].getAsObject();
  EXPECT_EQ(first->getString("factor"), "V");
  EXPECT_EQ(first->getInteger("layer"), 0);
  EXPECT_EQ(first->getObject("theta")->getInteger("off"), 1);
  EXPECT_EQ(root->getObject("area_model")->getNumber("coupler_length_um"),
            30.0);
  // The comparison serialises too.
  llvm::json::Value c = toJson(compareMetrics(m, m));
  EXPECT_EQ(c.getAsObject()->getNumber("total_power_reduction"), 0.0);
}

} // namespace
