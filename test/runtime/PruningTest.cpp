//===- PruningTest.cpp - Magnitude, bottom-k and random pruning ----------===//
#include "photon/Runtime/Pruning.h"
#include "photon/Runtime/Convention.h"
#include "photon/Runtime/MagnitudePruning.h"
#include "photon/Runtime/Metrics.h"
#include "photon/Runtime/Random.h"
#include "photon/Runtime/RandomPruning.h"

#include "PruningTestUtil.h"

#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using namespace photon::runtime;
using namespace photon::runtime::test;

namespace {

//===----------------------------------------------------------------------===//
// Primitives
//===----------------------------------------------------------------------===//

TEST(Pruning, PruneShifterCreatesTheMask) {
  Mesh mesh = makeZeroMesh(Topology::Reck, 3);
  mesh.theta = {1.0, 2.0, 3.0};
  mesh.phi = {4.0, 5.0, 6.0};
  pruneShifter(mesh, 4); // φ_1
  ASSERT_EQ(mesh.mask.size(), 9u);
  EXPECT_EQ(mesh.phi[1], 0.0);
  EXPECT_EQ(mesh.mask[4], 0);
  for (int i = 0; i < 9; ++i) {
    if (i != 4) {
      EXPECT_EQ(mesh.mask[i], 1) << i;
    }
  }
  EXPECT_FALSE(isLiveNonZero(mesh, 4));
  EXPECT_TRUE(isLiveNonZero(mesh, 0));
}

TEST(Pruning, ApplyMasksZeroesMovedPhases) {
  Program p = randomProgram({3}, 1);
  pruneShifter(p.layers[0].mesh, 2);
  p.layers[0].mesh.mask[7] = 0; // an output shifter
  p.layers[1].diagonal.mask = {1, 0, 1};
  p.layers[0].mesh.theta[2] = 0.7; // a trainer that ignored the mask
  applyMasks(p);
  EXPECT_EQ(p.layers[0].mesh.theta[2], 0.0);
  EXPECT_EQ(p.layers[0].mesh.outputPhases[1], 0.0);
  EXPECT_EQ(p.layers[1].diagonal.theta[1], 0.0);
  EXPECT_NE(p.layers[1].diagonal.theta[0], 0.0);
  EXPECT_TRUE(masksHold(p));
}

//===----------------------------------------------------------------------===//
// Magnitude pruning
//===----------------------------------------------------------------------===//

/// One 3-mode mesh: θ = {0.1, 1.0, 2.0}, φ = {6.2, 0, 3.0}. Adjusted
/// magnitudes {0.1, 1.0, 2.0, 2π − 6.2, 0, 3.0}.
Program magnitudeLayer() {
  Program p;
  p.inputs = p.outputs = 3;
  p.layers = {meshLayer(3)};
  p.layers[0].mesh.theta = {0.1, 1.0, 2.0};
  p.layers[0].mesh.phi = {6.2, 0.0, 3.0};
  p.layers[0].mesh.outputPhases = {0.01, 0.02, 0.03};
  return p;
}

double populationSigma(const std::vector<double> &v) {
  double mean = 0.0, var = 0.0;
  for (double x : v)
    mean += x;
  mean /= v.size();
  for (double x : v)
    var += (x - mean) * (x - mean);
  return std::sqrt(var / v.size());
}

TEST(MagnitudePruning, SigmaOfNonZeroCircularMagnitudes) {
  Program p = magnitudeLayer();
  double sigma =
      populationSigma({0.1, 1.0, 2.0, kTwoPi - 6.2, 3.0}); // zero excluded
  EXPECT_NEAR(phaseMagnitudeSigma(p.layers[0].mesh, PhaseCriterion::Circular),
              sigma, 1e-15);
  // Masked shifters are excluded too.
  pruneShifter(p.layers[0].mesh, 2);
  EXPECT_NEAR(phaseMagnitudeSigma(p.layers[0].mesh, PhaseCriterion::Circular),
              populationSigma({0.1, 1.0, kTwoPi - 6.2, 3.0}), 1e-15);
  EXPECT_EQ(phaseMagnitudeSigma(makeZeroMesh(Topology::Clements, 4)), 0.0);
}

TEST(MagnitudePruning, SigmaOfNonZeroWrappedMagnitudesIsTheDefault) {
  Program p = magnitudeLayer();
  // The wrapped phase of 6.2 is 6.2 itself.
  const double sigma = populationSigma({0.1, 1.0, 2.0, 6.2, 3.0});
  EXPECT_NEAR(phaseMagnitudeSigma(p.layers[0].mesh), sigma, 1e-15);
  EXPECT_NEAR(phaseMagnitudeSigma(p.layers[0].mesh, PhaseCriterion::Wrapped),
              sigma, 1e-15);
  // Phases outside [0, 2π) are wrapped first: -0.1 is 2π − 0.1.
  p.layers[0].mesh.theta[0] = -0.1;
  EXPECT_NEAR(phaseMagnitudeSigma(p.layers[0].mesh),
              populationSigma({kTwoPi - 0.1, 1.0, 2.0, 6.2, 3.0}), 1e-14);
}

TEST(MagnitudePruning, WrappedOneShotKeepsPhasesNearTwoPi) {
  // Wrapped magnitudes {0.1, 1, 2, 6.2, 0, 3}: σ ≈ 2.11, 0.4·σ ≈ 0.84.
  const double sigma = populationSigma({0.1, 1.0, 2.0, 6.2, 3.0});
  ASSERT_GT(0.4 * sigma, 0.1);
  ASSERT_LT(0.4 * sigma, 1.0);
  Program p = magnitudeLayer();
  ASSERT_EQ(*pruneByMagnitude(p, 0.4), 2); // 0.1 and the live zero
  const Mesh &mesh = p.layers[0].mesh;
  EXPECT_TRUE(masked(mesh, 0));
  EXPECT_FALSE(masked(mesh, 3)); // 6.2: a large heater setting, kept
  EXPECT_TRUE(masked(mesh, 4));
  EXPECT_EQ(mesh.phi[0], 6.2);
}

TEST(PhaseCriterion, NamesAndMagnitudes) {
  EXPECT_EQ(parsePhaseCriterion("wrapped"), PhaseCriterion::Wrapped);
  EXPECT_EQ(parsePhaseCriterion("circular"), PhaseCriterion::Circular);
  EXPECT_EQ(parsePhaseCriterion("magnitude"), std::nullopt);
  EXPECT_STREQ(phaseCriterionName(PhaseCriterion::Wrapped), "wrapped");
  EXPECT_STREQ(phaseCriterionName(PhaseCriterion::Circular), "circular");
  EXPECT_EQ(phaseMagnitude(6.2, PhaseCriterion::Wrapped), 6.2);
  EXPECT_NEAR(phaseMagnitude(6.2, PhaseCriterion::Circular), kTwoPi - 6.2,
              1e-15);
  EXPECT_NEAR(phaseMagnitude(kTwoPi + 0.5, PhaseCriterion::Wrapped), 0.5,
              1e-15);
  EXPECT_NEAR(phaseMagnitude(-0.5, PhaseCriterion::Wrapped), kTwoPi - 0.5,
              1e-15);
  EXPECT_NEAR(phaseMagnitude(-0.5, PhaseCriterion::Circular), 0.5, 1e-15);
  EXPECT_EQ(phaseMagnitude(kTwoPi, PhaseCriterion::Wrapped), 0.0);
  EXPECT_EQ(phaseMagnitude(3.0, PhaseCriterion::Wrapped), 3.0);
  EXPECT_NEAR(phaseMagnitude(4.0, PhaseCriterion::Circular), kTwoPi - 4.0,
              1e-15);
}

TEST(MagnitudePruning, OneShotThreshold) {
  const double sigma = populationSigma({0.1, 1.0, 2.0, kTwoPi - 6.2, 3.0});
  ASSERT_GT(0.5 * sigma, 0.1); // σ ≈ 1.129
  ASSERT_LT(0.5 * sigma, 1.0);
  Program p = magnitudeLayer();
  llvm::Expected<int> pruned = pruneByMagnitude(p, 0.5, PhaseCriterion::Circular);
  ASSERT_TRUE(static_cast<bool>(pruned));
  // 0.1, 6.2 (adjusted 0.083) and the live zero are below 0.5·σ.
  EXPECT_EQ(*pruned, 3);
  const Mesh &mesh = p.layers[0].mesh;
  EXPECT_TRUE(masked(mesh, 0));
  EXPECT_FALSE(masked(mesh, 1));
  EXPECT_TRUE(masked(mesh, 3));
  EXPECT_TRUE(masked(mesh, 4));
  EXPECT_FALSE(masked(mesh, 5));
  // Output shifters are never pruned.
  EXPECT_FALSE(masked(mesh, 6));
  EXPECT_EQ(mesh.outputPhases[0], 0.01);
  EXPECT_TRUE(masksHold(p));

  Program q = magnitudeLayer();
  ASSERT_EQ(*pruneByMagnitude(q, 1.0, PhaseCriterion::Circular), 4); // 1.0 < σ
  EXPECT_TRUE(masked(q.layers[0].mesh, 1));
}

TEST(MagnitudePruning, IterativeApproachesTheThresholdInTenSteps) {
  const double sigma = populationSigma({0.1, 1.0, 2.0, kTwoPi - 6.2, 3.0});
  Program p = magnitudeLayer();
  int calls = 0;
  IterativeMagnitudeOptions options;
  options.alpha = 1.0;
  options.criterion = PhaseCriterion::Circular;
  llvm::Expected<std::vector<MagnitudeStep>> steps =
      pruneByMagnitudeIterative(p, options, [&](Program &program) {
        ++calls;
        // A fine-tuner that disturbs a masked phase: the driver re-masks.
        program.layers[0].mesh.theta[0] = 0.3;
      });
  ASSERT_TRUE(static_cast<bool>(steps));
  EXPECT_EQ(calls, 10);
  ASSERT_EQ(steps->size(), 10u);
  for (int s = 0; s < 10; ++s) {
    EXPECT_EQ((*steps)[s].step, s + 1);
    EXPECT_NEAR((*steps)[s].thresholds[0], sigma * (s + 1) / 10, 1e-15);
  }
  // The last step is exactly the one-shot threshold α·σ.
  EXPECT_EQ((*steps)[9].thresholds[0], 1.0 * sigma);
  // Step 1 (0.113) takes 0.1, 0.083 and the zero; 1.0 goes at step 9.
  EXPECT_EQ((*steps)[0].pruned, 3);
  EXPECT_EQ((*steps)[8].pruned, 1);
  int total = 0;
  for (const MagnitudeStep &s : *steps)
    total += s.pruned;
  EXPECT_EQ(total, 4);
  EXPECT_DOUBLE_EQ((*steps)[9].sparsity, 4.0 / 6);
  EXPECT_TRUE(masksHold(p));
  EXPECT_EQ(p.layers[0].mesh.theta[0], 0.0);
}

TEST(MagnitudePruning, RecomputedSigmaUsesTheCurrentPhases) {
  Program p = magnitudeLayer();
  IterativeMagnitudeOptions options;
  options.alpha = 1.0;
  options.steps = 2;
  options.recomputeSigma = true;
  options.criterion = PhaseCriterion::Circular;
  llvm::Expected<std::vector<MagnitudeStep>> steps =
      pruneByMagnitudeIterative(p, options, nullptr);
  ASSERT_TRUE(static_cast<bool>(steps));
  const double sigma1 = populationSigma({0.1, 1.0, 2.0, kTwoPi - 6.2, 3.0});
  EXPECT_NEAR((*steps)[0].thresholds[0], 0.5 * sigma1, 1e-15);
  // After step 1 (threshold 0.56) the survivors are 1.0, 2.0, 3.0.
  EXPECT_NEAR((*steps)[1].thresholds[0], populationSigma({1.0, 2.0, 3.0}),
              1e-15);
}

TEST(MagnitudePruning, BadOptions) {
  Program p = magnitudeLayer();
  EXPECT_EQ(errorText(pruneByMagnitude(p, 0.0)),
            "magnitude pruning alpha is 0, expected a finite value > 0");
  EXPECT_NE(errorText(pruneByMagnitude(p, -1.0)), "");
  EXPECT_NE(errorText(pruneByMagnitude(p, std::nan(""))), "");
  EXPECT_NE(
      errorText(pruneByMagnitude(p, std::numeric_limits<double>::infinity())),
      "");
  IterativeMagnitudeOptions options;
  options.alpha = -0.5;
  EXPECT_NE(errorText(pruneByMagnitudeIterative(p, options, nullptr)), "");
  options.alpha = 1.0;
  options.steps = 0;
  EXPECT_EQ(errorText(pruneByMagnitudeIterative(p, options, nullptr)),
            "iterative magnitude pruning has 0 steps, expected at least 1");
  // Nothing was touched.
  EXPECT_TRUE(p.layers[0].mesh.mask.empty());
}

//===----------------------------------------------------------------------===//
// Bottom-k percentile
//===----------------------------------------------------------------------===//

TEST(BottomPercentile, LayerWiseAndGlobalDiffer) {
  Program layerWise = twoMeshes();
  ASSERT_EQ(*pruneBottomPercentile(layerWise, 0.5, PruneScope::LayerWise), 6);
  const Mesh &a = layerWise.layers[0].mesh;
  const Mesh &b = layerWise.layers[1].mesh;
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ(masked(a, i), i < 3) << i;  // 0.1, 0.2, 0.3
    EXPECT_EQ(masked(b, i), i >= 3) << i; // 1.1, 1.2, 1.3 (the φs)
  }
  EXPECT_TRUE(masksHold(layerWise));

  Program global = twoMeshes();
  ASSERT_EQ(*pruneBottomPercentile(global, 0.5, PruneScope::Global), 6);
  for (int i = 0; i < 6; ++i) {
    EXPECT_TRUE(masked(global.layers[0].mesh, i)) << i;
    EXPECT_FALSE(masked(global.layers[1].mesh, i)) << i;
  }
  EXPECT_TRUE(masksHold(global));
  EXPECT_EQ(computeMetrics(global).meshes[0].prunable.sparsity(), 1.0);
  EXPECT_EQ(computeMetrics(layerWise).meshes[0].prunable.sparsity(), 0.5);
}

TEST(BottomPercentile, LayerArmRanksThetaAndPhiSeparately) {
  // Mesh A: θ 0.1..0.3 are all smaller than φ 0.4..0.6; layer-wise would
  // take the three θ, layer-arm takes the smallest of each arm (k = 0.5 of
  // 3 candidates: floor(1.5 + 0.5) = 2 per arm).
  Program p = twoMeshes();
  ASSERT_EQ(*pruneBottomPercentile(p, 0.5, PruneScope::LayerArm), 2 * 4);
  const Mesh &a = p.layers[0].mesh;
  const Mesh &b = p.layers[1].mesh;
  const bool expectA[6] = {true, true, false, true, true, false};
  const bool expectB[6] = {true, true, false, true, true, false};
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ(masked(a, i), expectA[i]) << i;
    EXPECT_EQ(masked(b, i), expectB[i]) << i;
  }
  EXPECT_TRUE(masksHold(p));
  EXPECT_STREQ(pruneScopeName(PruneScope::LayerArm), "layer-arm");
}

TEST(BottomPercentile, CircularMagnitudeAndRounding) {
  Program p = twoMeshes();
  p.layers[1].mesh.theta[2] = kTwoPi - 0.05; // 0.05 from 0: the smallest
  // Layer-wise, k = 0.25 of 6 candidates: floor(1.5 + 0.5) = 2 per mesh.
  ASSERT_EQ(*pruneBottomPercentile(p, 0.25, PruneScope::LayerWise,
                                   PhaseCriterion::Circular),
            4);
  EXPECT_TRUE(masked(p.layers[1].mesh, 2));
  EXPECT_TRUE(masked(p.layers[1].mesh, 3)); // 1.1
  EXPECT_FALSE(masked(p.layers[1].mesh, 4));
  EXPECT_EQ(p.layers[1].mesh.theta[2], 0.0);
}

TEST(BottomPercentile, WrappedMagnitudeIsTheDefault) {
  Program p = twoMeshes();
  p.layers[1].mesh.theta[2] = kTwoPi - 0.05; // the largest heater setting
  Program q = p;
  ASSERT_EQ(*pruneBottomPercentile(p, 0.25, PruneScope::LayerWise), 4);
  ASSERT_EQ(*pruneBottomPercentile(q, 0.25, PruneScope::LayerWise,
                                   PhaseCriterion::Wrapped),
            4);
  for (int i = 0; i < 6; ++i)
    EXPECT_EQ(masked(p.layers[1].mesh, i), masked(q.layers[1].mesh, i)) << i;
  EXPECT_FALSE(masked(p.layers[1].mesh, 2));
  EXPECT_EQ(p.layers[1].mesh.theta[2], kTwoPi - 0.05);
  EXPECT_TRUE(masked(p.layers[1].mesh, 3)); // 1.1
}

TEST(BottomPercentile, OnlyLiveNonZeroShiftersAreCandidates) {
  Program p = twoMeshes();
  Mesh &a = p.layers[0].mesh;
  a.theta[0] = 0.0; // a live zero: not a candidate, stays unmasked
  pruneShifter(a, 1);
  // 4 candidates left in A: 0.3, 0.4, 0.5, 0.6; k = 0.5 prunes 2.
  ASSERT_EQ(*pruneBottomPercentile(p, 0.5, PruneScope::LayerWise), 2 + 3);
  EXPECT_FALSE(masked(a, 0));
  EXPECT_TRUE(masked(a, 2));
  EXPECT_TRUE(masked(a, 3));
  EXPECT_FALSE(masked(a, 4));
}

TEST(BottomPercentile, TiesBreakByIndex) {
  Program p;
  p.inputs = p.outputs = 3;
  p.layers = {meshLayer(3), meshLayer(3)};
  for (Layer &layer : p.layers) {
    layer.mesh.theta.assign(3, 1.0);
    layer.mesh.phi.assign(3, 1.0);
  }
  Program global = p;
  ASSERT_EQ(*pruneBottomPercentile(p, 0.5, PruneScope::LayerWise), 6);
  for (int i = 0; i < 6; ++i)
    EXPECT_EQ(masked(p.layers[0].mesh, i), i < 3);
  // Globally the first mesh goes first.
  ASSERT_EQ(*pruneBottomPercentile(global, 0.25, PruneScope::Global), 3);
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ(masked(global.layers[0].mesh, i), i < 3);
    EXPECT_FALSE(masked(global.layers[1].mesh, i));
  }
}

TEST(BottomPercentile, BadFraction) {
  Program p = twoMeshes();
  for (double k : {0.0, 1.0, -0.1, 1.5, std::nan("")})
    EXPECT_NE(errorText(pruneBottomPercentile(p, k, PruneScope::Global)), "")
        << k;
  EXPECT_EQ(errorText(pruneBottomPercentile(p, 1.0, PruneScope::LayerWise)),
            "pruning fraction k is 1, expected a value in (0, 1)");
  EXPECT_TRUE(p.layers[0].mesh.mask.empty());
}

//===----------------------------------------------------------------------===//
// Random pruning
//===----------------------------------------------------------------------===//

/// A 16-mode mesh (240 prunable) and a 10-mode one (90): 330 in all.
Program twoSizes(uint64_t seed) {
  Program a = randomProgram({16}, seed);
  Program b = randomProgram({10}, seed + 1);
  Program p;
  p.inputs = 16;
  p.outputs = 10;
  Layer sigma;
  sigma.kind = LayerKind::Diagonal;
  sigma.inputs = sigma.diagonal.inputs = 16;
  sigma.outputs = sigma.diagonal.outputs = 10;
  sigma.diagonal.theta.assign(10, 0.5);
  p.layers = {a.layers[0], sigma, b.layers[0]};
  return p;
}

int maskedCount(const Mesh &mesh) {
  int n = 0;
  for (int i = 0; i < 2 * mesh.mziCount(); ++i)
    n += masked(mesh, i);
  return n;
}

TEST(RandomPruning, UniformReachesTheFraction) {
  for (double fraction : {0.0, 0.1, 0.5, 0.89, 1.0}) {
    Program p = twoSizes(11);
    ASSERT_FALSE(static_cast<bool>(verifyProgram(p)));
    RandomPruningOptions options;
    options.fraction = fraction;
    options.seed = 42;
    llvm::Expected<RandomPruningResult> result = pruneRandom(p, options);
    ASSERT_TRUE(static_cast<bool>(result));
    const int target = static_cast<int>(std::floor(fraction * 330 + 0.5));
    const int a = maskedCount(p.layers[0].mesh);
    const int b = maskedCount(p.layers[2].mesh);
    EXPECT_EQ(a + b, target) << fraction;
    EXPECT_EQ(result->totalPruned, target);
    EXPECT_NEAR(a, fraction * 240, 1.0) << fraction;
    EXPECT_NEAR(b, fraction * 90, 1.0) << fraction;
    EXPECT_EQ(result->targetSparsity[0], fraction);
    EXPECT_EQ(result->targetSparsity[1], fraction);
    EXPECT_NEAR(computeMetrics(p).prunable.sparsity(), fraction, 1.0 / 330);
    EXPECT_TRUE(masksHold(p));
  }
}

TEST(RandomPruning, ErkPrunesLargerMeshesMore) {
  Program p = twoSizes(12);
  RandomPruningOptions options;
  options.fraction = 0.5;
  options.ratio = LayerRatio::Erk;
  llvm::Expected<RandomPruningResult> result = pruneRandom(p, options);
  ASSERT_TRUE(static_cast<bool>(result));
  // Density ε·2/N with ε·(2/16·240 + 2/10·90) = 165 kept: ε = 3.4375.
  EXPECT_NEAR(result->targetSparsity[0], 1.0 - 3.4375 * 2 / 16, 1e-12);
  EXPECT_NEAR(result->targetSparsity[1], 1.0 - 3.4375 * 2 / 10, 1e-12);
  // 136.875 → 137 (largest remainder), 28.125 → 28: 165 in all.
  EXPECT_EQ(result->targetMasked[0], 137);
  EXPECT_EQ(result->targetMasked[1], 28);
  EXPECT_EQ(maskedCount(p.layers[0].mesh), 137);
  EXPECT_EQ(maskedCount(p.layers[2].mesh), 28);
  EXPECT_TRUE(masksHold(p));

  // Uniform gives 120 and 45 for the same fraction.
  Program q = twoSizes(12);
  options.ratio = LayerRatio::Uniform;
  ASSERT_TRUE(static_cast<bool>(pruneRandom(q, options)));
  EXPECT_EQ(maskedCount(q.layers[0].mesh), 120);
  EXPECT_EQ(maskedCount(q.layers[2].mesh), 45);
}

TEST(RandomPruning, ErkCapsDensitiesAtOne) {
  Program p = twoSizes(13);
  // 10 %: ε = 297 / 48 would give the 10-mode mesh density 1.24; it is
  // capped at 1 and the 16-mode mesh takes all 33 pruned shifters.
  llvm::Expected<std::vector<double>> s =
      randomLayerSparsities(p, 0.1, LayerRatio::Erk);
  ASSERT_TRUE(static_cast<bool>(s));
  EXPECT_EQ((*s)[1], 0.0);
  EXPECT_NEAR((*s)[0], 33.0 / 240, 1e-12);
  RandomPruningOptions options;
  options.fraction = 0.1;
  options.ratio = LayerRatio::Erk;
  ASSERT_TRUE(static_cast<bool>(pruneRandom(p, options)));
  EXPECT_EQ(maskedCount(p.layers[0].mesh), 33);
  EXPECT_EQ(maskedCount(p.layers[2].mesh), 0);
}

TEST(RandomPruning, SeededAndDeterministic) {
  RandomPruningOptions options;
  options.fraction = 0.3;
  options.seed = 5;
  Program a = twoSizes(14), b = twoSizes(14), c = twoSizes(14);
  ASSERT_TRUE(static_cast<bool>(pruneRandom(a, options)));
  ASSERT_TRUE(static_cast<bool>(pruneRandom(b, options)));
  options.seed = 6;
  ASSERT_TRUE(static_cast<bool>(pruneRandom(c, options)));
  EXPECT_EQ(a.layers[0].mesh.mask, b.layers[0].mesh.mask);
  EXPECT_EQ(a.layers[2].mesh.mask, b.layers[2].mesh.mask);
  EXPECT_EQ(a.layers[0].mesh.theta, b.layers[0].mesh.theta);
  EXPECT_NE(a.layers[0].mesh.mask, c.layers[0].mesh.mask);
  // Output shifters are never pruned.
  for (int i = 240; i < 256; ++i)
    EXPECT_EQ(a.layers[0].mesh.mask[i], 1);
}

TEST(RandomPruning, ExistingMasksCount) {
  Program p = twoSizes(15);
  for (int i = 0; i < 50; ++i)
    pruneShifter(p.layers[0].mesh, i);
  RandomPruningOptions options;
  options.fraction = 0.5;
  llvm::Expected<RandomPruningResult> result = pruneRandom(p, options);
  ASSERT_TRUE(static_cast<bool>(result));
  EXPECT_EQ(maskedCount(p.layers[0].mesh), 120);
  EXPECT_EQ(result->pruned[0], 70);
  EXPECT_EQ(result->pruned[1], 45);
}

TEST(RandomPruning, BadFraction) {
  Program p = twoSizes(16);
  RandomPruningOptions options;
  options.fraction = -0.1;
  EXPECT_EQ(errorText(pruneRandom(p, options)),
            "random pruning fraction is -0.1, expected a value in [0, 1]");
  options.fraction = 1.5;
  EXPECT_NE(errorText(pruneRandom(p, options)), "");
  options.fraction = std::nan("");
  EXPECT_NE(errorText(pruneRandom(p, options)), "");
  EXPECT_TRUE(p.layers[0].mesh.mask.empty());
}

} // namespace
