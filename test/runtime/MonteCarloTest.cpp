//===- MonteCarloTest.cpp - Accuracy under noise --------------------------===//
#include "photon/Runtime/Metrics.h"
#include "photon/Runtime/MonteCarlo.h"
#include "photon/Runtime/RandomNetwork.h"
#include "photon/Runtime/Simulator.h"

#include "TestUtil.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

using namespace photon::runtime;
using namespace photon::runtime::test;

namespace {

/// A random 8-8-4 network and 300 samples labelled by its own brightest
/// output, a quarter of them relabelled at random (accuracy about 0.8).
struct Fixture {
  Program program;
  Eigen::MatrixXcd inputs;
  std::vector<int> labels;
};

Fixture makeFixture() {
  Fixture f;
  Random random(2024);
  f.program =
      randomNetwork({8, 8, 4}, Topology::Clements, Activation::Softplus, random);
  const int samples = 300;
  f.inputs.resize(8, samples);
  for (int c = 0; c < samples; ++c)
    for (int r = 0; r < 8; ++r)
      f.inputs(r, c) = Complex(random.normal(), random.normal());
  Eigen::MatrixXcd y = simulate(f.program, f.inputs);
  for (int c = 0; c < samples; ++c) {
    Eigen::Index best = 0;
    y.col(c).real().maxCoeff(&best);
    int label = static_cast<int>(best);
    if (c % 4 == 3)
      label = static_cast<int>(random.uniform() * 4);
    f.labels.push_back(label);
  }
  return f;
}

NoiseModel fullModel() {
  llvm::Expected<NoiseModel> m = parseNoiseModel(
      "phase_sigma=0.05,gamma_sigma=2e-3,crosstalk=2e-3,phase_bits=8,"
      "input_bits=8,output_bits=8,weight_sigma=0.012,coupler_sigma=0.01,"
      "loss_db=0.1,detector_sigma=0.01");
  EXPECT_TRUE(bool(m));
  return m ? *m : NoiseModel();
}

MonteCarloResult run(const Fixture &f, const NoiseModel &model, int trials,
                     uint64_t seed, int threads) {
  llvm::Expected<MonteCarloResult> r = evaluateUnderNoise(
      f.program, model, f.inputs, f.labels, trials, seed, threads);
  EXPECT_TRUE(bool(r));
  if (!r) {
    llvm::consumeError(r.takeError());
    return {};
  }
  return *r;
}

std::string errorOf(llvm::Expected<MonteCarloResult> r) {
  if (r)
    return "<no error>";
  return llvm::toString(r.takeError());
}

TEST(MonteCarlo, ZeroNoiseIsThePlainAccuracy) {
  Fixture f = makeFixture();
  const int correct = countCorrect(simulate(f.program, f.inputs),
                                   /*electricalOutputs=*/true, f.labels);
  const double plain = double(correct) / f.labels.size();
  EXPECT_GT(plain, 0.7);
  EXPECT_LT(plain, 1.0);
  MonteCarloResult r = run(f, NoiseModel(), 3, 0, 2);
  ASSERT_EQ(r.accuracies.size(), 3u);
  for (double a : r.accuracies)
    EXPECT_EQ(a, plain);
  EXPECT_EQ(r.mean, plain);
  EXPECT_EQ(r.std, 0.0);
  EXPECT_EQ(r.worst, plain);
  EXPECT_EQ(r.samples, 300);
  EXPECT_EQ(r.trials, 3);
}

TEST(MonteCarlo, ThreadCountDoesNotChangeResults) {
  Fixture f = makeFixture();
  NoiseModel model = fullModel();
  MonteCarloResult one = run(f, model, 7, 42, 1);
  MonteCarloResult two = run(f, model, 7, 42, 2);
  MonteCarloResult three = run(f, model, 7, 42, 3);
  EXPECT_EQ(one.accuracies, two.accuracies);
  EXPECT_EQ(one.accuracies, three.accuracies);
  EXPECT_EQ(one.mean, two.mean);
  EXPECT_EQ(one.std, two.std);
  // Trial t does not depend on how many trials run.
  MonteCarloResult fewer = run(f, model, 3, 42, 2);
  for (int t = 0; t < 3; ++t)
    EXPECT_EQ(fewer.accuracies[t], one.accuracies[t]);
}

TEST(MonteCarlo, SeedsReproduce) {
  Fixture f = makeFixture();
  NoiseModel model = fullModel();
  MonteCarloResult a = run(f, model, 6, 5, 2);
  MonteCarloResult b = run(f, model, 6, 5, 2);
  MonteCarloResult c = run(f, model, 6, 6, 2);
  EXPECT_EQ(a.accuracies, b.accuracies);
  EXPECT_NE(a.accuracies, c.accuracies);
  // Trials differ from one another.
  std::set<double> distinct(a.accuracies.begin(), a.accuracies.end());
  EXPECT_GT(distinct.size(), 1u);
}

TEST(MonteCarlo, SummaryStatistics) {
  Fixture f = makeFixture();
  NoiseModel model;
  model.phaseSigma = 0.3;
  MonteCarloResult r = run(f, model, 8, 1, 2);
  double mean = 0.0;
  for (double a : r.accuracies)
    mean += a / 8;
  double var = 0.0;
  for (double a : r.accuracies)
    var += (a - mean) * (a - mean) / 7;
  EXPECT_NEAR(r.mean, mean, 1e-15);
  EXPECT_NEAR(r.std, std::sqrt(var), 1e-15);
  EXPECT_GT(r.std, 0.0);
  EXPECT_EQ(r.worst, *std::min_element(r.accuracies.begin(), r.accuracies.end()));
  EXPECT_EQ(r.best, *std::max_element(r.accuracies.begin(), r.accuracies.end()));
  EXPECT_EQ(r.staticPowerMw, computeMetrics(f.program).totalPowerMw());
  EXPECT_GT(r.staticPowerMw, 0.0);
  // Strong phase noise costs accuracy.
  const double plain = run(f, NoiseModel(), 1, 0, 1).mean;
  model.phaseSigma = 2.0;
  EXPECT_LT(run(f, model, 4, 1, 2).mean, plain - 0.2);
}

TEST(MonteCarlo, CountCorrectUsesTheBrightestOutput) {
  Eigen::MatrixXcd y(3, 3);
  y << Complex(0.2, 0), Complex(0, 2), Complex(1, 0), //
      Complex(0.9, 0), Complex(1.5, 0), Complex(1, 0), //
      Complex(0.5, 0), Complex(-1.9, 0), Complex(0.5, 0);
  // Detected: the largest real value (first on ties).
  EXPECT_EQ(countCorrect(y, true, {1, 1, 0}), 3);
  // Optical: the largest |E|² (the classifier detects).
  EXPECT_EQ(countCorrect(y, false, {1, 0, 0}), 3);
  EXPECT_EQ(countCorrect(y, false, {1, 2, 1}), 1);
}

TEST(MonteCarlo, TrialSeedsAreDistinct) {
  std::set<uint64_t> seeds;
  for (uint64_t seed : {0, 1, 2})
    for (uint64_t t = 0; t < 1000; ++t)
      seeds.insert(trialSeed(seed, t));
  EXPECT_EQ(seeds.size(), 3000u);
}

TEST(MonteCarlo, Errors) {
  Fixture f = makeFixture();
  NoiseModel model;
  EXPECT_EQ(errorOf(evaluateUnderNoise(f.program, model, f.inputs, f.labels, 0,
                                       0)),
            "trials is 0, expected 1..1000000");
  // Near INT_MAX: refused before the accuracies are allocated.
  EXPECT_EQ(errorOf(evaluateUnderNoise(f.program, model, f.inputs, f.labels,
                                       2147483647, 0)),
            "trials is 2147483647, expected 1..1000000");
  EXPECT_EQ(errorOf(evaluateUnderNoise(f.program, model, f.inputs, f.labels, 1,
                                       0, 2147483647)),
            "threads is 2147483647, expected 1..256");
  std::vector<int> short_(f.labels.begin(), f.labels.end() - 1);
  EXPECT_EQ(errorOf(evaluateUnderNoise(f.program, model, f.inputs, short_, 1,
                                       0)),
            "300 samples but 299 labels");
  std::vector<int> bad = f.labels;
  bad[5] = 4;
  EXPECT_EQ(errorOf(evaluateUnderNoise(f.program, model, f.inputs, bad, 1, 0)),
            "label 4 of sample 5 is outside [0, 4) (the program's outputs)");
  EXPECT_EQ(errorOf(evaluateUnderNoise(f.program, model,
                                       f.inputs.topRows(7), f.labels, 1, 0)),
            "the inputs have 7 rows but the program takes 8 inputs");
  NoiseModel negative;
  negative.phaseSigma = -0.5;
  EXPECT_EQ(errorOf(evaluateUnderNoise(f.program, negative, f.inputs, f.labels,
                                       1, 0)),
            "noise spec: 'phase_sigma' must be >= 0, got -0.5");
  Program broken = f.program;
  broken.layers[1].mesh.theta.pop_back();
  EXPECT_NE(errorOf(evaluateUnderNoise(broken, model, f.inputs, f.labels, 1, 0))
                .find("'theta' has"),
            std::string::npos);
}

} // namespace
