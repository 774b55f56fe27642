//===- NoiseAwareTrainingTest.cpp - NAT beats plain training under noise --===//
//
// Noise-aware training (TrainOptions::perturb with applyPhaseNoise, as the
// photonic-noise-aware-train pass does) against plain training with the
// same start, seed and epochs, judged by Monte Carlo accuracy under the
// same phase noise on held-out data.
//
//===----------------------------------------------------------------------===//
#include "photon/Runtime/MonteCarlo.h"
#include "photon/Runtime/NoiseModel.h"
#include "photon/Runtime/RandomNetwork.h"
#include "photon/Runtime/Trainer.h"

#include "TestUtil.h"

#include <gtest/gtest.h>

using namespace photon::runtime;
using namespace photon::runtime::test;

namespace {

TrainOptions options() {
  TrainOptions o;
  o.epochs = 40;
  o.batchSize = 16;
  o.learningRate = 0.05;
  o.cosineDecay = true;
  o.seed = 3;
  return o;
}

TEST(NoiseAwareTraining, ImprovesAccuracyUnderPhaseNoise) {
  Blobs all = makeBlobs(4, 3, 600, 0.6, 21);
  const Eigen::MatrixXcd trainX = all.inputs.leftCols(400);
  const Eigen::MatrixXcd testX = all.inputs.rightCols(200);
  const std::vector<int> trainY(all.labels.begin(), all.labels.begin() + 400);
  const std::vector<int> testY(all.labels.begin() + 400, all.labels.end());
  Random init(8);
  const Program start =
      randomNetwork({4, 4, 3}, Topology::Clements, Activation::Softplus, init);

  NoiseModel noise;
  noise.phaseSigma = 0.3;

  Program plain = start;
  ASSERT_TRUE(bool(train(plain, trainX, trainY, options())));

  Program aware = start;
  TrainOptions o = options();
  o.perturb = [&](Program &forward, int64_t step) {
    Random random(trialSeed(99, static_cast<uint64_t>(step)));
    applyPhaseNoise(forward, sampleStaticNoise(forward, noise, random), noise);
  };
  ASSERT_TRUE(bool(train(aware, trainX, trainY, o)));

  auto plainNoisy = evaluateUnderNoise(plain, noise, testX, testY, 40, 5);
  auto awareNoisy = evaluateUnderNoise(aware, noise, testX, testY, 40, 5);
  ASSERT_TRUE(bool(plainNoisy));
  ASSERT_TRUE(bool(awareNoisy));
  // Same chips (same evaluation seed) for both networks.
  EXPECT_GT(awareNoisy->mean, plainNoisy->mean + 0.03)
      << "plain " << plainNoisy->mean << ", noise-aware " << awareNoisy->mean;
  EXPECT_GE(awareNoisy->worst, plainNoisy->worst);
  // Without noise both still solve the task.
  auto plainClean = evaluate(plain, testX, testY, 2);
  auto awareClean = evaluate(aware, testX, testY, 2);
  ASSERT_TRUE(bool(plainClean) && bool(awareClean));
  EXPECT_GT(plainClean->accuracy, 0.9);
  EXPECT_GT(awareClean->accuracy, 0.9);
}

} // namespace
