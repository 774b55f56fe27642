//===- OnChipTuningTest.cpp - Σ attenuators and checkpoints on chip -------===//
//
// The parts of on-chip tuning that SZO-SCD and the zeroth-order baseline
// share beyond SzoScdTest.cpp: tunable Σ attenuators (clamped to [0, π]),
// the active set handed to the noise model, and query checkpoints.
//
//===----------------------------------------------------------------------===//
#include "photon/Runtime/Convention.h"
#include "photon/Runtime/SzoScd.h"
#include "photon/Runtime/ZerothOrder.h"

#include "OnChipTestUtil.h"
#include "TestUtil.h"

#include <gtest/gtest.h>

using namespace photon::runtime;

namespace {

std::string errorText(llvm::Error error) {
  return error ? llvm::toString(std::move(error)) : std::string();
}

/// encode → 2-mode mesh → Σ (3 attenuators, the last eliminated) → detect.
Program meshAndDiagonal() {
  Program p;
  p.inputs = p.outputs = 2;
  Layer encode;
  encode.kind = LayerKind::Encode;
  encode.inputs = encode.outputs = 2;
  Layer mesh;
  mesh.kind = LayerKind::Mesh;
  mesh.inputs = mesh.outputs = 2;
  mesh.mesh = makeZeroMesh(Topology::Clements, 2);
  mesh.mesh.theta[0] = 1.0;
  Layer sigma;
  sigma.kind = LayerKind::Diagonal;
  sigma.inputs = sigma.outputs = 2;
  sigma.diagonal.inputs = sigma.diagonal.outputs = 2;
  sigma.diagonal.theta = {0.01, kPi - 0.01};
  Layer detect;
  detect.kind = LayerKind::Detect;
  detect.inputs = detect.outputs = 2;
  p.layers = {encode, mesh, sigma, detect};
  return p;
}

/// L = θ_0 + (π − θ_1) on the Σ of meshAndDiagonal: θ_0 wants 0, θ_1 π.
const QueryLoss attenuatorLoss = [](const Program &q,
                                    const std::vector<int> &) {
  const std::vector<double> &t = q.layers[2].diagonal.theta;
  return t[0] + (kPi - t[1]);
};

TEST(OnChipAttenuators, LiveAttenuatorsBecomeTunable) {
  Program p = meshAndDiagonal();
  p.layers[2].diagonal.mask = {1, 0};
  p.layers[2].diagonal.theta[1] = 0.0;
  ActiveShifters a;
  a.meshLayers = {1};
  a.flags = {{1, 0, 0, 0}};
  addTunableAttenuators(p, a);
  ASSERT_EQ(a.attenuators.size(), 1u);
  EXPECT_EQ(a.attenuators[0].layer, 2);
  EXPECT_EQ(a.attenuators[0].index, 0);
  EXPECT_EQ(a.meshCount(), 1);
  EXPECT_EQ(a.count(), 2);
  EXPECT_EQ(a.coordinates().back().layer, 2);
  EXPECT_EQ(errorText(checkActiveShifters(p, a)), "");
  // Heater power counts the attenuator's θ: P_π·(1.0 + 0.01)/π.
  EXPECT_NEAR(activePowerMw(p, a, PowerModel{}), 25.0 * 1.01 / kPi, 1e-12);

  ActiveShifters eliminated = a;
  eliminated.attenuators.push_back({2, 1});
  EXPECT_EQ(errorText(checkActiveShifters(p, eliminated)),
            "layer 2: attenuator 1 is eliminated and cannot be tuned");
  ActiveShifters twice = a;
  twice.attenuators.push_back({2, 0});
  EXPECT_EQ(errorText(checkActiveShifters(p, twice)),
            "layer 2: attenuator 0 is listed twice");
  ActiveShifters notDiagonal = a;
  notDiagonal.attenuators = {{1, 0}};
  EXPECT_EQ(errorText(checkActiveShifters(p, notDiagonal)),
            "tunable attenuator 0 names layer 1, which is not a diagonal");
  ActiveShifters missing = a;
  missing.attenuators = {{2, 2}};
  EXPECT_EQ(errorText(checkActiveShifters(p, missing)),
            "layer 2: attenuator 2 does not exist (2 attenuators)");
}

TEST(OnChipAttenuators, StepsAreClampedToZeroPi) {
  const Program p = meshAndDiagonal();
  ActiveShifters a;
  a.meshLayers = {1};
  a.flags = {{0, 0, 0, 0}};
  addTunableAttenuators(p, a);
  EXPECT_EQ(boundShifterPhase(p, {2, 0}, -0.01), 0.0);
  EXPECT_EQ(boundShifterPhase(p, {2, 0}, kPi + 0.5), kPi);
  EXPECT_NEAR(boundShifterPhase(p, {1, 0}, -0.01), kTwoPi - 0.01, 1e-15);
  // The +δ step raises θ_0 (worse), the blind step back clamps it to 0
  // rather than wrapping it to 2π − 0.01, so it lowers the power and p = 1
  // never skips it; +δ on θ_1 clamps to π (better).
  const QueryLoss &loss = attenuatorLoss;
  SzoScdOptions o = test::unitSzoOptions();
  o.p = 1.0;
  llvm::Expected<OnChipResult> r = runSzoScd(p, a, 4, loss, o);
  ASSERT_TRUE(bool(r)) << llvm::toString(r.takeError());
  EXPECT_EQ(r->program.layers[2].diagonal.theta[0], 0.0);
  EXPECT_EQ(r->program.layers[2].diagonal.theta[1], kPi);
  EXPECT_EQ(r->totals.skippedStepBacks, 0);
  EXPECT_EQ(r->program.layers[1].mesh.theta[0], 1.0); // passive
}

TEST(OnChipAttenuators, ZerothOrderKeepsAttenuatorsInRange) {
  const Program p = meshAndDiagonal();
  ActiveShifters a;
  a.meshLayers = {1};
  a.flags = {{0, 0, 0, 0}};
  addTunableAttenuators(p, a);
  // A large learning rate pushes both attenuators past their bounds.
  const QueryLoss &loss = attenuatorLoss;
  ZerothOrderOptions o;
  o.directions = 64;
  o.learningRate = 10.0;
  o.epochs = 1;
  o.batchSize = 4;
  llvm::Expected<OnChipResult> r = runZerothOrder(p, a, 4, loss, o);
  ASSERT_TRUE(bool(r)) << llvm::toString(r.takeError());
  for (double t : r->program.layers[2].diagonal.theta) {
    EXPECT_GE(t, 0.0);
    EXPECT_LE(t, kPi);
  }
  EXPECT_LT(loss(r->program, {}), loss(p, {}));
}

TEST(OnChipAttenuators, MarkActiveShiftersFillsTheMeshes) {
  Program p = meshAndDiagonal();
  ActiveShifters a;
  a.meshLayers = {1};
  a.flags = {{0, 1, 0, 0}};
  markActiveShifters(p, a);
  EXPECT_EQ(p.layers[1].mesh.active, std::vector<uint8_t>({0, 1, 0, 0}));
}

TEST(OnChipCheckpoints, EveryNQueriesAndStopOnFalse) {
  // One coordinate per iteration and a constant loss: each iteration
  // measures the reference and +δ (2 queries) and steps back blind.
  const Program p = meshAndDiagonal();
  ActiveShifters a;
  a.meshLayers = {1};
  a.flags = {{1, 0, 0, 0}};
  SzoScdOptions o = test::unitSzoOptions();
  o.batchSize = 1;
  o.epochs = 3;
  o.checkpointEvery = 3;
  std::vector<int64_t> seen;
  o.checkpoint = [&](const Program &, const OnChipCounters &c) {
    seen.push_back(c.queries);
    return seen.size() < 4;
  };
  const QueryLoss constant = [](const Program &, const std::vector<int> &) {
    return 1.0;
  };
  llvm::Expected<OnChipResult> r = runSzoScd(p, a, 8, constant, o);
  ASSERT_TRUE(bool(r)) << llvm::toString(r.takeError());
  // 0 before any query, then after the iterations ending at 4, 6, 10.
  EXPECT_EQ(seen, std::vector<int64_t>({0, 4, 6, 10}));
  EXPECT_TRUE(r->stoppedAtCheckpoint);
  EXPECT_FALSE(r->budgetExhausted);
  EXPECT_EQ(r->totals.queries, 10);
  EXPECT_EQ(r->totals.iterations, 5);
  ASSERT_EQ(r->trace.size(), 2u);
  EXPECT_EQ(r->trace[1].iterations, 5);

  // Without a stop, every epoch runs (8 iterations, 16 queries each).
  seen.clear();
  o.checkpoint = [&](const Program &, const OnChipCounters &c) {
    seen.push_back(c.queries);
    return true;
  };
  llvm::Expected<OnChipResult> full = runSzoScd(p, a, 8, constant, o);
  ASSERT_TRUE(bool(full));
  EXPECT_FALSE(full->stoppedAtCheckpoint);
  EXPECT_EQ(full->totals.queries, 48);
  EXPECT_EQ(seen.size(), 17u); // 0, then 4, 6, 10, 12, ..., 48
  EXPECT_EQ(seen.back(), 48);
}

} // namespace
