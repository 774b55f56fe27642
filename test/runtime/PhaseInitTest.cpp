//===- PhaseInitTest.cpp - Uniform initial phases -------------------------===//
#include "photon/Runtime/PhaseInit.h"

#include "photon/Runtime/Decomposition.h"
#include "photon/Runtime/Random.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

using namespace photon::runtime;

namespace {

constexpr double kTwoPi = 2.0 * M_PI;

TEST(PhaseInit, UniformPhasesCoverTheCircleForEveryArm) {
  // 64 modes: 2016 MZIs, so each arm has 2016 draws.
  Mesh mesh = uniformPhaseMesh(Topology::Clements, 64, 11);
  ASSERT_EQ(mesh.mziCount(), 2016);
  ASSERT_EQ(mesh.outputPhases.size(), 64u);
  EXPECT_TRUE(mesh.mask.empty());
  for (const std::vector<double> *arm : {&mesh.theta, &mesh.phi}) {
    double sum = 0.0;
    int quarter[4] = {0, 0, 0, 0};
    for (double x : *arm) {
      ASSERT_GE(x, 0.0);
      ASSERT_LT(x, kTwoPi);
      sum += x;
      ++quarter[std::min(3, static_cast<int>(x / (kTwoPi / 4)))];
    }
    // Mean π ± 4 standard errors (σ = 2π/√12 per draw).
    const double stderrMean = kTwoPi / std::sqrt(12.0) / std::sqrt(2016.0);
    EXPECT_NEAR(sum / arm->size(), M_PI, 4 * stderrMean);
    // Each quarter of the circle holds 504 ± 4σ (σ ≈ 19.4) draws: θ is not
    // confined to [0, π] as in a Clements decomposition.
    for (int q = 0; q < 4; ++q)
      EXPECT_NEAR(quarter[q], 504, 78) << "quarter " << q;
  }
  for (double x : mesh.outputPhases) {
    EXPECT_GE(x, 0.0);
    EXPECT_LT(x, kTwoPi);
  }
}

TEST(PhaseInit, DecomposedThetaLiesInTheUpperHalfCircleOnly) {
  // The contrast that motivates uniform initialisation: every θ of a
  // Clements decomposition is 2·atan|r| ∈ [0, π].
  Random random(3);
  Mesh mesh = decomposeUnitary(Topology::Clements, haarUnitary(16, random));
  for (double theta : mesh.theta) {
    EXPECT_GE(theta, 0.0);
    EXPECT_LE(theta, M_PI + 1e-12);
  }
}

TEST(PhaseInit, SeededAndDrawnInOrder) {
  Mesh a = uniformPhaseMesh(Topology::Reck, 5, 42);
  Mesh b = uniformPhaseMesh(Topology::Reck, 5, 42);
  Mesh c = uniformPhaseMesh(Topology::Reck, 5, 43);
  EXPECT_EQ(a.theta, b.theta);
  EXPECT_EQ(a.phi, b.phi);
  EXPECT_EQ(a.outputPhases, b.outputPhases);
  EXPECT_NE(a.theta, c.theta);
  EXPECT_EQ(a.topology, Topology::Reck);
  // All θ, then all φ, then the outputs, from one Random(seed) stream.
  Random random(42);
  for (double theta : a.theta)
    EXPECT_EQ(theta, kTwoPi * random.uniform());
  for (double phi : a.phi)
    EXPECT_EQ(phi, kTwoPi * random.uniform());
  for (double out : a.outputPhases)
    EXPECT_EQ(out, kTwoPi * random.uniform());
}

TEST(PhaseInit, MixedSeedsDependOnEveryPart) {
  std::set<uint64_t> seeds;
  for (uint64_t init : {0u, 1u, 2u})
    for (uint64_t layer : {0u, 1u})
      for (uint64_t factor : {0u, 1u})
        seeds.insert(mixSeeds({init, 0, layer, factor}));
  EXPECT_EQ(seeds.size(), 12u);
  EXPECT_EQ(mixSeeds({1, 2, 3}), mixSeeds({1, 2, 3}));
  EXPECT_NE(mixSeeds({1, 2, 3}), mixSeeds({3, 2, 1}));
}

TEST(PhaseInit, Names) {
  EXPECT_EQ(parsePhaseInit("auto"), PhaseInit::Auto);
  EXPECT_EQ(parsePhaseInit("uniform"), PhaseInit::Uniform);
  EXPECT_EQ(parsePhaseInit("decompose"), PhaseInit::Decompose);
  EXPECT_EQ(parsePhaseInit("normal"), std::nullopt);
  EXPECT_STREQ(phaseInitName(PhaseInit::Uniform), "uniform");
}

} // namespace
