//===- SnipTest.cpp - SNIP saliency and layer ratios ----------------------===//
#include "photon/Runtime/SnipSaliency.h"

#include "photon/Runtime/Convention.h"
#include "photon/Runtime/Gradient.h"
#include "photon/Runtime/Pruning.h"
#include "photon/Runtime/RandomNetwork.h"
#include "photon/Runtime/RandomPruning.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace photon::runtime;

namespace {

std::string errorText(llvm::Error error) {
  return error ? llvm::toString(std::move(error)) : "";
}

/// A 4 -> 4 -> 3 network and a small labelled batch.
struct Fixture {
  Program program;
  Eigen::MatrixXcd inputs;
  std::vector<int> labels;
  Fixture() {
    Random random(21);
    program = randomNetwork({4, 4, 3}, Topology::Clements,
                            Activation::Softplus, random);
    inputs = Eigen::MatrixXcd::Zero(4, 12);
    for (int j = 0; j < 12; ++j) {
      for (int i = 0; i < 4; ++i)
        inputs(i, j) = {random.normal(), random.normal()};
      labels.push_back(j % 3);
    }
  }
};

TEST(Snip, SaliencyIsTheGradientTimesTheWrappedPhase) {
  Fixture f;
  // Put one phase outside [0, 2π) and mask one shifter.
  std::vector<int> meshes = meshLayerIndices(f.program);
  ASSERT_EQ(meshes.size(), 4u);
  f.program.layers[meshes[0]].mesh.phi[1] += 2.0 * M_PI;
  pruneShifter(f.program.layers[meshes[1]].mesh, 0);
  llvm::Expected<std::vector<std::vector<double>>> scores =
      snipSaliency(f.program, f.inputs, f.labels);
  ASSERT_TRUE(static_cast<bool>(scores)) << errorText(scores.takeError());
  ASSERT_EQ(scores->size(), 4u);
  // Against central differences of the reference loss (Simulator.h).
  const double h = 1e-6;
  for (size_t m = 0; m < meshes.size(); ++m) {
    const Mesh &mesh = f.program.layers[meshes[m]].mesh;
    ASSERT_EQ((*scores)[m].size(), static_cast<size_t>(2 * mesh.mziCount()));
    for (int k = 0; k < 2 * mesh.mziCount(); ++k) {
      if (m == 1 && k == 0) {
        EXPECT_EQ((*scores)[m][k], 0.0); // masked
        continue;
      }
      Program plus = f.program, minus = f.program;
      const int mzis = mesh.mziCount();
      auto phase = [&](Program &p) -> double & {
        Mesh &target = p.layers[meshes[m]].mesh;
        return k < mzis ? target.theta[k] : target.phi[k - mzis];
      };
      const double w = wrapPhase(phase(plus));
      phase(plus) += h;
      phase(minus) -= h;
      const double slope = (crossEntropyLoss(plus, f.inputs, f.labels) -
                            crossEntropyLoss(minus, f.inputs, f.labels)) /
                           (2 * h);
      EXPECT_NEAR((*scores)[m][k], std::abs(slope * w), 1e-6)
          << "mesh " << m << " shifter " << k;
    }
  }
}

TEST(Snip, BadDataIsAnError) {
  Fixture f;
  Eigen::MatrixXcd wrong = Eigen::MatrixXcd::Zero(3, 12);
  llvm::Expected<std::vector<std::vector<double>>> scores =
      snipSaliency(f.program, wrong, f.labels);
  EXPECT_NE(errorText(scores.takeError()), "");
}

/// Two meshes: 3 modes (6 prunable shifters) and 4 modes (12).
Program twoMeshProgram() {
  Program p;
  p.inputs = p.outputs = 3;
  for (int modes : {3, 4}) {
    Layer layer;
    layer.kind = LayerKind::Mesh;
    layer.inputs = layer.outputs = modes;
    layer.mesh = makeZeroMesh(Topology::Clements, modes);
    p.layers.push_back(layer);
  }
  return p;
}

TEST(Snip, LayerRatiosFollowTheGlobalTopScores) {
  Program p = twoMeshProgram();
  // The 6 shifters of mesh 0 all outscore mesh 1, whose scores fall with
  // the index.
  std::vector<std::vector<double>> saliency(2);
  saliency[0].assign(6, 10.0);
  for (int i = 0; i < 12; ++i)
    saliency[1].push_back(5.0 - 0.1 * i);
  // fraction 0.5: keep 9 of 18, the 6 of mesh 0 and 3 of mesh 1.
  llvm::Expected<std::vector<double>> sparsity =
      randomLayerSparsities(p, 0.5, LayerRatio::Snip, saliency);
  ASSERT_TRUE(static_cast<bool>(sparsity));
  ASSERT_EQ(sparsity->size(), 2u);
  EXPECT_DOUBLE_EQ((*sparsity)[0], 0.0);
  EXPECT_DOUBLE_EQ((*sparsity)[1], 0.75);
  // pruneRandom reaches these targets exactly, positions drawn at random.
  RandomPruningOptions options;
  options.fraction = 0.5;
  options.ratio = LayerRatio::Snip;
  options.saliency = saliency;
  llvm::Expected<RandomPruningResult> result = pruneRandom(p, options);
  ASSERT_TRUE(static_cast<bool>(result));
  EXPECT_EQ(result->targetMasked, (std::vector<int>{0, 9}));
  EXPECT_EQ(result->totalPruned, 9);
  // Everything pruned and nothing pruned are the extremes.
  EXPECT_EQ(*randomLayerSparsities(p, 1.0, LayerRatio::Snip, saliency),
            (std::vector<double>{1.0, 1.0}));
  EXPECT_EQ(*randomLayerSparsities(p, 0.0, LayerRatio::Snip, saliency),
            (std::vector<double>{0.0, 0.0}));
  EXPECT_STREQ(layerRatioName(LayerRatio::Snip), "snip");
}

TEST(Snip, TiesKeepTheEarlierMeshAndShifter) {
  Program p = twoMeshProgram();
  std::vector<std::vector<double>> saliency = {std::vector<double>(6, 1.0),
                                               std::vector<double>(12, 1.0)};
  // Keep 9 of 18 equal scores: the 6 of mesh 0, then 3 of mesh 1.
  EXPECT_EQ(*randomLayerSparsities(p, 0.5, LayerRatio::Snip, saliency),
            (std::vector<double>{0.0, 0.75}));
}

TEST(Snip, MisshapenOrNonFiniteSaliencyIsAnError) {
  Program p = twoMeshProgram();
  std::vector<std::vector<double>> one = {std::vector<double>(6, 1.0)};
  EXPECT_EQ(
      errorText(randomLayerSparsities(p, 0.5, LayerRatio::Snip, one).takeError()),
      "SNIP saliency has 1 meshes, the program 2");
  std::vector<std::vector<double>> shape = {std::vector<double>(6, 1.0),
                                            std::vector<double>(11, 1.0)};
  EXPECT_EQ(errorText(
                randomLayerSparsities(p, 0.5, LayerRatio::Snip, shape).takeError()),
            "SNIP saliency of mesh 1 has 11 scores, expected 12");
  std::vector<std::vector<double>> nan = {std::vector<double>(6, 1.0),
                                          std::vector<double>(12, 1.0)};
  nan[1][4] = std::nan("");
  EXPECT_EQ(
      errorText(randomLayerSparsities(p, 0.5, LayerRatio::Snip, nan).takeError()),
      "SNIP saliency of mesh 1, shifter 4 is not finite");
}

} // namespace
