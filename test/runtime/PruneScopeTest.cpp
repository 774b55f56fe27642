//===- PruneScopeTest.cpp - Which meshes rank together ------------------===//
//
// meshGroups and the scopes of bottom-k percentile and magnitude pruning:
// per mesh, per dense layer ("tier", the LTH paper's likelier "layer") and
// over the network.
//
//===----------------------------------------------------------------------===//
#include "photon/Runtime/MagnitudePruning.h"
#include "photon/Runtime/Pruning.h"

#include "PruningTestUtil.h"

#include <gtest/gtest.h>

using namespace photon::runtime;
using namespace photon::runtime::test;

namespace {

using Groups = std::vector<std::vector<int>>;

/// Meshes A (0.1..0.6) and B (1.1..1.6) of dense layer 0, then a copy of A
/// from dense layer 1, between a Σ layer and the copy, and a copy of A of
/// unknown provenance.
Program threeLayers() {
  Program p = twoMeshes();
  p.layers[0].sourceLayer = p.layers[1].sourceLayer = 0;
  p.layers.push_back(diagonalLayer(3, 0.5, 1.0));
  p.layers.push_back(p.layers[0]);
  p.layers.back().sourceLayer = 1;
  p.layers.push_back(p.layers[0]);
  p.layers.back().sourceLayer = -1;
  return p;
}

TEST(PruneScope, NamesParse) {
  EXPECT_EQ(parsePruneScope("layer"), PruneScope::LayerWise);
  EXPECT_EQ(parsePruneScope("layer-arm"), PruneScope::LayerArm);
  EXPECT_EQ(parsePruneScope("tier"), PruneScope::Tier);
  EXPECT_EQ(parsePruneScope("global"), PruneScope::Global);
  EXPECT_EQ(parsePruneScope("layer-wise"), std::nullopt);
  EXPECT_EQ(parsePruneScope(""), std::nullopt);
  for (PruneScope scope : {PruneScope::LayerWise, PruneScope::LayerArm,
                           PruneScope::Tier, PruneScope::Global})
    EXPECT_EQ(parsePruneScope(pruneScopeName(scope)), scope);
}

TEST(PruneScope, MeshGroups) {
  const Program p = threeLayers();
  EXPECT_EQ(meshGroups(p, PruneScope::LayerWise), (Groups{{0}, {1}, {3}, {4}}));
  EXPECT_EQ(meshGroups(p, PruneScope::LayerArm), (Groups{{0}, {1}, {3}, {4}}));
  EXPECT_EQ(meshGroups(p, PruneScope::Tier), (Groups{{0, 1}, {3}, {4}}));
  EXPECT_EQ(meshGroups(p, PruneScope::Global), (Groups{{0, 1, 3, 4}}));
  // Two meshes of unknown provenance are never one tier.
  Program q = twoMeshes();
  EXPECT_EQ(meshGroups(q, PruneScope::Tier), (Groups{{0}, {1}}));
  EXPECT_EQ(meshGroups(Program(), PruneScope::Global), Groups{});
}

TEST(BottomPercentile, TierPoolsTheMeshesOfOneDenseLayer) {
  // Meshes A and B come from dense layer 0 (its V† and U), C (= a copy of
  // A) from dense layer 1, and D (= a copy of A) has no known source.
  Program p = twoMeshes();
  p.layers.push_back(p.layers[0]);
  p.layers.push_back(p.layers[0]);
  p.layers[0].sourceLayer = p.layers[1].sourceLayer = 0;
  p.layers[2].sourceLayer = 1;
  // Tier, k = 0.5: A and B pool 12 candidates and lose the 6 smallest, all
  // of A's (layer-wise would take 3 from each); C and D are pools of 6 on
  // their own and lose 3 each (their θ 0.1..0.3).
  ASSERT_EQ(*pruneBottomPercentile(p, 0.5, PruneScope::Tier), 6 + 3 + 3);
  for (int i = 0; i < 6; ++i) {
    EXPECT_TRUE(masked(p.layers[0].mesh, i)) << i;
    EXPECT_FALSE(masked(p.layers[1].mesh, i)) << i;
    EXPECT_EQ(masked(p.layers[2].mesh, i), i < 3) << i;
    EXPECT_EQ(masked(p.layers[3].mesh, i), i < 3) << i;
  }
  EXPECT_TRUE(masksHold(p));
  EXPECT_STREQ(pruneScopeName(PruneScope::Tier), "tier");

  // Two meshes of the same dense layer that are not consecutive in the
  // program are separate pools (here A and its copy C both say layer 1,
  // with B, of layer 0, between them).
  Program q = twoMeshes();
  q.layers.push_back(q.layers[0]);
  q.layers[0].sourceLayer = 1;
  q.layers[1].sourceLayer = 0;
  q.layers[2].sourceLayer = 1;
  ASSERT_EQ(*pruneBottomPercentile(q, 0.5, PruneScope::Tier), 3 * 3);
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ(masked(q.layers[0].mesh, i), i < 3) << i;
    EXPECT_EQ(masked(q.layers[1].mesh, i), i >= 3) << i;
    EXPECT_EQ(masked(q.layers[2].mesh, i), i < 3) << i;
  }
}

TEST(PruneScope, MagnitudeSigmaPerTier) {
  // One-shot, α = 1. Per mesh, σ of 0.1..0.6 is 0.1708 (A and the copies
  // lose 0.1 each) and B keeps everything; per tier, A and B share the σ of
  // all twelve values, 0.5284, so A loses 0.1..0.5.
  const double sigmaA = 0.17078251276599330;
  const double sigmaAB = 0.52836224947157860;
  Program p = threeLayers();
  EXPECT_NEAR(phaseMagnitudeSigma(p, {0}), sigmaA, 1e-15);
  EXPECT_NEAR(phaseMagnitudeSigma(p, {0, 1}), sigmaAB, 1e-15);
  EXPECT_EQ(phaseMagnitudeSigma(p.layers[0].mesh), phaseMagnitudeSigma(p, {0}));

  Program perMesh = threeLayers();
  ASSERT_EQ(*pruneByMagnitude(perMesh, 1.0, PhaseCriterion::Wrapped,
                              PruneScope::LayerWise),
            3);
  // The default scope is the tier (the paper's σ_layer, 4.1).
  Program perTier = threeLayers();
  ASSERT_EQ(*pruneByMagnitude(perTier, 1.0), 5 + 1 + 1);
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ(masked(perTier.layers[0].mesh, i), i < 5) << i;
    EXPECT_FALSE(masked(perTier.layers[1].mesh, i)) << i;
    EXPECT_EQ(masked(perTier.layers[3].mesh, i), i == 0) << i;
    EXPECT_EQ(masked(perTier.layers[4].mesh, i), i == 0) << i;
  }
  EXPECT_TRUE(masksHold(perTier));

  // Iterative: every mesh of a tier gets its tier's threshold, listed per
  // mesh in program order; the last step is the one-shot threshold.
  IterativeMagnitudeOptions options;
  options.scope = PruneScope::Tier;
  Program iterative = threeLayers();
  auto steps = pruneByMagnitudeIterative(iterative, options, nullptr);
  ASSERT_TRUE(static_cast<bool>(steps));
  const std::vector<double> &last = steps->back().thresholds;
  ASSERT_EQ(last.size(), 4u);
  EXPECT_NEAR(last[0], sigmaAB, 1e-15);
  EXPECT_NEAR(last[1], sigmaAB, 1e-15);
  EXPECT_NEAR(last[2], sigmaA, 1e-15);
  EXPECT_NEAR(last[3], sigmaA, 1e-15);
  EXPECT_EQ(iterative.layers[0].mesh.mask, perTier.layers[0].mesh.mask);
}

TEST(PruneScope, MagnitudeRefusesLayerArm) {
  Program p = threeLayers();
  EXPECT_EQ(errorText(pruneByMagnitude(p, 1.0, PhaseCriterion::Wrapped,
                                       PruneScope::LayerArm)),
            "magnitude pruning takes scope layer-wise, tier or global, not "
            "layer-arm");
  IterativeMagnitudeOptions options;
  options.scope = PruneScope::LayerArm;
  EXPECT_NE(errorText(pruneByMagnitudeIterative(p, options, nullptr)), "");
  EXPECT_TRUE(p.layers[0].mesh.mask.empty());
}

} // namespace
