//===- TrainingTest.cpp - Optimizers and the training loop ----------------===//
//
// A seeded 3-class task of complex Gaussian blobs on a 4 → 4 → 3 network
// built from Clements decompositions of Haar-random unitaries: training
// lowers the loss and beats chance by a wide margin; runs are deterministic
// (same seed, any thread count: bit-identical phases); pruned shifters stay
// exactly 0; Adam and SGD steps match hand-computed ones.
//
//===----------------------------------------------------------------------===//
#include "photon/Runtime/Trainer.h"

#include "photon/Runtime/Convention.h"
#include "photon/Runtime/Decomposition.h"
#include "photon/Runtime/Gradient.h"
#include "photon/Runtime/Optimizer.h"
#include "photon/Runtime/Random.h"
#include "photon/Runtime/RandomNetwork.h"

#include "TestUtil.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace photon::runtime;
using namespace photon::runtime::test;

namespace {


Layer simpleLayer(LayerKind kind, int n) {
  Layer l;
  l.kind = kind;
  l.inputs = l.outputs = n;
  return l;
}

/// encode 4 → [V 4, Σ 4→4, U 4, softplus] → V 4, Σ 4→3, U 3 → detect.
Program blobNetwork(uint64_t seed) {
  Random random(seed);
  return randomNetwork({4, 4, 3}, Topology::Clements, Activation::Softplus,
                       random);
}

/// Every phase and gain of two programs compared bit for bit.
void expectIdenticalParameters(const Program &a, const Program &b) {
  ASSERT_EQ(a.layers.size(), b.layers.size());
  for (size_t i = 0; i < a.layers.size(); ++i) {
    EXPECT_EQ(a.layers[i].mesh.theta, b.layers[i].mesh.theta) << i;
    EXPECT_EQ(a.layers[i].mesh.phi, b.layers[i].mesh.phi) << i;
    EXPECT_EQ(a.layers[i].mesh.outputPhases, b.layers[i].mesh.outputPhases)
        << i;
    EXPECT_EQ(a.layers[i].diagonal.theta, b.layers[i].diagonal.theta) << i;
    EXPECT_EQ(a.layers[i].diagonal.gain, b.layers[i].diagonal.gain) << i;
  }
}

TrainOptions blobOptions() {
  TrainOptions o;
  o.epochs = 30;
  o.batchSize = 16;
  o.learningRate = 0.05;
  o.cosineDecay = true;
  o.seed = 1;
  return o;
}

TEST(Training, LearnsBlobs) {
  // One draw of 450 samples: the first 300 train, the last 150 test.
  Blobs all = makeBlobs(4, 3, 450, 0.6, 100);
  Blobs trainSet, testSet;
  trainSet.inputs = all.inputs.leftCols(300);
  trainSet.labels.assign(all.labels.begin(), all.labels.begin() + 300);
  testSet.inputs = all.inputs.rightCols(150);
  testSet.labels.assign(all.labels.begin() + 300, all.labels.end());

  Program program = blobNetwork(7);
  llvm::Expected<Evaluation> before = evaluate(program, testSet.inputs, testSet.labels);
  ASSERT_TRUE(bool(before));
  int calls = 0;
  TrainOptions options = blobOptions();
  options.progress = [&](int epoch, double loss, double accuracy) {
    EXPECT_EQ(epoch, ++calls);
    EXPECT_TRUE(std::isfinite(loss));
    EXPECT_GE(accuracy, 0.0);
    EXPECT_LE(accuracy, 1.0);
  };
  llvm::Expected<TrainResult> result =
      train(program, trainSet.inputs, trainSet.labels, options);
  ASSERT_TRUE(bool(result));
  EXPECT_EQ(calls, options.epochs);
  EXPECT_EQ(result->steps, options.epochs * ((300 + 15) / 16));
  ASSERT_FALSE(bool(verifyProgram(program)));
  llvm::Expected<Evaluation> after = evaluate(program, testSet.inputs, testSet.labels);
  ASSERT_TRUE(bool(after));
  RecordProperty("loss_before", std::to_string(before->loss));
  RecordProperty("loss_after", std::to_string(after->loss));
  RecordProperty("accuracy_before", std::to_string(before->accuracy));
  RecordProperty("accuracy_after", std::to_string(after->accuracy));
  EXPECT_LT(after->loss, 0.5 * before->loss);
  EXPECT_LT(result->epochs.back().loss, 0.5 * result->epochs.front().loss);
  // Chance is 1/3.
  EXPECT_GE(after->accuracy, 0.8);
  EXPECT_GE(result->epochs.back().accuracy, 0.8);
}

TEST(Training, SgdWithMomentumLearnsBlobs) {
  Blobs trainSet = makeBlobs(4, 3, 300, 0.6, 100);
  Program program = blobNetwork(7);
  llvm::Expected<Evaluation> before = evaluate(program, trainSet.inputs, trainSet.labels);
  ASSERT_TRUE(bool(before));
  TrainOptions options = blobOptions();
  options.optimizer = OptimizerKind::Sgd;
  options.momentum = 0.9;
  options.learningRate = 0.02;
  ASSERT_TRUE(bool(train(program, trainSet.inputs, trainSet.labels, options)));
  llvm::Expected<Evaluation> after = evaluate(program, trainSet.inputs, trainSet.labels);
  ASSERT_TRUE(bool(after));
  EXPECT_LT(after->loss, 0.7 * before->loss);
  EXPECT_GE(after->accuracy, 0.7);
}

TEST(Training, SameSeedIsBitIdentical) {
  Blobs data = makeBlobs(4, 3, 100, 0.6, 3);
  TrainOptions options = blobOptions();
  options.epochs = 5;
  Program a = blobNetwork(2), b = blobNetwork(2), c = blobNetwork(2);
  ASSERT_TRUE(bool(train(a, data.inputs, data.labels, options)));
  ASSERT_TRUE(bool(train(b, data.inputs, data.labels, options)));
  expectIdenticalParameters(a, b);
  options.seed = 2;
  ASSERT_TRUE(bool(train(c, data.inputs, data.labels, options)));
  EXPECT_NE(a.layers[1].mesh.theta, c.layers[1].mesh.theta);
}

TEST(Training, ThreadCountDoesNotChangeTheResult) {
  Blobs data = makeBlobs(4, 3, 150, 0.6, 4);
  TrainOptions options = blobOptions();
  options.epochs = 5;
  options.batchSize = 37; // several blocks, uneven split
  Program reference = blobNetwork(5);
  options.threads = 1;
  ASSERT_TRUE(bool(train(reference, data.inputs, data.labels, options)));
  for (int threads : {2, 3}) {
    Program p = blobNetwork(5);
    options.threads = threads;
    ASSERT_TRUE(bool(train(p, data.inputs, data.labels, options)));
    expectIdenticalParameters(reference, p);
  }
  llvm::Expected<Evaluation> e1 = evaluate(reference, data.inputs, data.labels, 1);
  llvm::Expected<Evaluation> e2 = evaluate(reference, data.inputs, data.labels, 2);
  ASSERT_TRUE(e1 && e2);
  EXPECT_EQ(e1->loss, e2->loss);
  EXPECT_EQ(e1->accuracy, e2->accuracy);
}

TEST(Training, PrunedShiftersStayExactlyZero) {
  Blobs data = makeBlobs(4, 3, 120, 0.6, 6);
  for (OptimizerKind kind : {OptimizerKind::Adam, OptimizerKind::Sgd}) {
    Program program = blobNetwork(9);
    Random random(10);
    int pruned = 0;
    for (Layer &layer : program.layers) {
      if (layer.kind == LayerKind::Mesh) {
        Mesh &mesh = layer.mesh;
        const int k = mesh.mziCount();
        mesh.mask.assign(mesh.shifterCount(), 1);
        for (int j = 0; j < mesh.shifterCount(); ++j)
          if (random.uniform() < 0.4) {
            mesh.mask[j] = 0;
            (j < k ? mesh.theta[j]
                   : j < 2 * k ? mesh.phi[j - k]
                               : mesh.outputPhases[j - 2 * k]) = 0.0;
            ++pruned;
          }
      } else if (layer.kind == LayerKind::Diagonal) {
        layer.diagonal.mask.assign(layer.diagonal.theta.size(), 1);
        layer.diagonal.mask[0] = 0;
        layer.diagonal.theta[0] = 0.0;
      }
    }
    ASSERT_GT(pruned, 5);
    ASSERT_FALSE(bool(verifyProgram(program)));
    const Program before = program;
    TrainOptions options = blobOptions();
    options.epochs = 8;
    options.optimizer = kind;
    options.momentum = 0.9;
    ASSERT_TRUE(bool(train(program, data.inputs, data.labels, options)));
    ASSERT_FALSE(bool(verifyProgram(program)));
    int moved = 0;
    for (size_t i = 0; i < program.layers.size(); ++i) {
      const Layer &layer = program.layers[i];
      if (layer.kind == LayerKind::Mesh) {
        const Mesh &mesh = layer.mesh;
        EXPECT_EQ(mesh.mask, before.layers[i].mesh.mask);
        const int k = mesh.mziCount();
        for (int j = 0; j < mesh.shifterCount(); ++j) {
          const double v = j < k       ? mesh.theta[j]
                           : j < 2 * k ? mesh.phi[j - k]
                                       : mesh.outputPhases[j - 2 * k];
          if (mesh.mask[j] == 0) {
            EXPECT_EQ(v, 0.0);
            EXPECT_FALSE(std::signbit(v));
          } else {
            EXPECT_GE(v, 0.0);
            EXPECT_LT(v, kTwoPi);
            const double old = j < k ? before.layers[i].mesh.theta[j]
                               : j < 2 * k
                                   ? before.layers[i].mesh.phi[j - k]
                                   : before.layers[i].mesh.outputPhases[j - 2 * k];
            moved += v != old;
          }
        }
      } else if (layer.kind == LayerKind::Diagonal) {
        EXPECT_EQ(layer.diagonal.theta[0], 0.0);
      }
    }
    EXPECT_GT(moved, 10);
  }
}

/// encode 2 → one-MZI mesh → Σ 2→2 → detect.
Program tinyProgram() {
  Program p;
  p.inputs = p.outputs = 2;
  p.layers.push_back(simpleLayer(LayerKind::Encode, 2));
  Layer mesh = simpleLayer(LayerKind::Mesh, 2);
  mesh.mesh = makeZeroMesh(Topology::Clements, 2);
  mesh.mesh.theta = {1.1};
  mesh.mesh.phi = {6.2};
  mesh.mesh.outputPhases = {0.3, 2.5};
  p.layers.push_back(mesh);
  Layer d;
  d.kind = LayerKind::Diagonal;
  d.inputs = d.outputs = 2;
  d.diagonal.inputs = d.diagonal.outputs = 2;
  d.diagonal.theta = {0.7, 2.0};
  d.diagonal.gain = 1.3;
  p.layers.push_back(d);
  p.layers.push_back(simpleLayer(LayerKind::Detect, 2));
  return p;
}

/// The parameters in flat order (see parameterCount).
std::vector<double> flatParameters(const Program &p) {
  const Mesh &m = p.layers[1].mesh;
  const Diagonal &d = p.layers[2].diagonal;
  return {m.theta[0],       m.phi[0], m.outputPhases[0], m.outputPhases[1],
          d.theta[0],       d.theta[1], d.gain};
}
std::vector<double> flatGradient(const ProgramGradient &g) {
  const LayerGradient &m = g.layers[1], &d = g.layers[2];
  return {m.theta[0], m.phi[0], m.outputPhases[0], m.outputPhases[1],
          d.theta[0], d.theta[1], d.gain};
}

TEST(Training, PerturbHookRunsEachBatchOnACopy) {
  // The hook sees a copy of the program once per batch, in order; the clean
  // program is updated with the gradient found at the perturbed phases.
  Blobs data = makeBlobs(4, 3, 100, 0.6, 5);
  Program clean = blobNetwork(11);
  Program reference = clean;
  TrainOptions options = blobOptions();
  options.epochs = 3;
  options.batchSize = 16; // 7 batches per epoch
  std::vector<int64_t> steps;
  options.perturb = [&](Program &forward, int64_t step) {
    steps.push_back(step);
    forward.layers[1].mesh.theta[0] += 0.5; // a fixed phase offset
  };
  ASSERT_TRUE(bool(train(clean, data.inputs, data.labels, options)));
  ASSERT_EQ(steps.size(), 21u);
  for (size_t i = 0; i < steps.size(); ++i)
    EXPECT_EQ(steps[i], static_cast<int64_t>(i));
  // Without the hook the same seed gives a different result, and the clean
  // program never holds the offset itself (it stays wrapped and trainable).
  options.perturb = nullptr;
  ASSERT_TRUE(bool(train(reference, data.inputs, data.labels, options)));
  EXPECT_NE(clean.layers[1].mesh.theta[0], reference.layers[1].mesh.theta[0]);
  EXPECT_FALSE(bool(verifyProgram(clean)));
}

TEST(Training, PerturbHookCannotRevivePrunedShifters) {
  Blobs data = makeBlobs(4, 3, 100, 0.6, 6);
  Program program = blobNetwork(12);
  Mesh &mesh = program.layers[1].mesh;
  mesh.mask.assign(mesh.shifterCount(), 1);
  mesh.mask[2] = 0;
  mesh.theta[2] = 0.0;
  TrainOptions options = blobOptions();
  options.epochs = 2;
  options.perturb = [](Program &forward, int64_t) {
    for (double &t : forward.layers[1].mesh.theta)
      t += 0.3; // noise on every shifter, the pruned one included
  };
  ASSERT_TRUE(bool(train(program, data.inputs, data.labels, options)));
  EXPECT_EQ(program.layers[1].mesh.theta[2], 0.0);
  EXPECT_EQ(program.layers[1].mesh.mask[2], 0);
}

TEST(Optimizer, AdamMatchesHandComputedSteps) {
  Program p = tinyProgram();
  ASSERT_EQ(parameterCount(p), 7);
  Eigen::MatrixXcd x(2, 3);
  x << Complex(0.3, -1.0), Complex(1.2, 0.1), Complex(-0.4, 0.8),
      Complex(0.9, 0.2), Complex(-0.5, 0.5), Complex(0.1, -1.1);
  std::vector<int> labels = {1, 0, 1};
  const double lr = 0.05, b1 = 0.9, b2 = 0.999, eps = 1e-8;
  OptimizerOptions o;
  o.kind = OptimizerKind::Adam;
  o.learningRate = lr;
  Optimizer adam(p, o);
  std::vector<double> m(7, 0.0), v(7, 0.0), expected = flatParameters(p);
  for (int t = 1; t <= 3; ++t) {
    ProgramGradient g;
    ASSERT_TRUE(bool(computeLossAndGradient(p, x, labels, g)));
    std::vector<double> grad = flatGradient(g);
    for (int j = 0; j < 7; ++j) {
      // The gain (j = 6) is optimized as u = ln g with gradient g·∂L/∂g.
      const double gj = j == 6 ? expected[j] * grad[j] : grad[j];
      m[j] = b1 * m[j] + (1 - b1) * gj;
      v[j] = b2 * v[j] + (1 - b2) * gj * gj;
      const double mHat = m[j] / (1 - std::pow(b1, t));
      const double vHat = v[j] / (1 - std::pow(b2, t));
      const double delta = lr * mHat / (std::sqrt(vHat) + eps);
      if (j == 6)
        expected[j] = std::exp(std::log(expected[j]) - delta);
      else
        expected[j] -= delta;
      if (j < 4)
        expected[j] = wrapPhase(expected[j]);
    }
    adam.step(p, g);
    std::vector<double> got = flatParameters(p);
    for (int j = 0; j < 7; ++j)
      EXPECT_NEAR(got[j], expected[j], 1e-14) << "step " << t << " param " << j;
  }
  for (int j = 0; j < 4; ++j) {
    EXPECT_GE(flatParameters(p)[j], 0.0);
    EXPECT_LT(flatParameters(p)[j], kTwoPi);
  }
  EXPECT_EQ(adam.steps(), 3);
}

TEST(Optimizer, SgdStepClampsAndWraps) {
  Program p = tinyProgram();
  p.layers[2].diagonal.theta = {0.001, kPi - 0.001};
  Eigen::MatrixXcd x(2, 2);
  x << Complex(0.3, -1.0), Complex(1.2, 0.1), Complex(0.9, 0.2),
      Complex(-0.5, 0.5);
  std::vector<int> labels = {1, 0};
  ProgramGradient g;
  ASSERT_TRUE(bool(computeLossAndGradient(p, x, labels, g)));
  // A hand-made gradient drives the attenuators out of [0, π] and would
  // drive an additively updated gain below 0.
  g.layers[2].theta = {1.0, -1.0};
  g.layers[2].gain = 100.0;
  g.layers[1].theta = {-10.0};
  OptimizerOptions o;
  o.kind = OptimizerKind::Sgd;
  o.learningRate = 0.5;
  Optimizer sgd(p, o);
  const std::vector<double> before = flatParameters(p);
  const std::vector<double> grad = flatGradient(g);
  sgd.step(p, g);
  const std::vector<double> after = flatParameters(p);
  EXPECT_EQ(after[0], wrapPhase(before[0] - 0.5 * grad[0]));
  for (int j = 1; j < 4; ++j)
    EXPECT_EQ(after[j], wrapPhase(before[j] - 0.5 * grad[j])) << j;
  EXPECT_EQ(after[4], 0.0);
  EXPECT_EQ(after[5], kPi);
  // Log-space gain: g·exp(−η·g·∂L/∂g), small but positive.
  EXPECT_EQ(after[6], std::exp(std::log(before[6]) - 0.5 * before[6] * grad[6]));
  EXPECT_GT(after[6], 0.0);
  EXPECT_FALSE(bool(verifyProgram(p)));
}

// The same hand-made step under both phase ranges: θ pushed below 0 wraps
// to just under 2π or stops at exactly 0; φ pushed past 2π wraps under
// both; an output phase inside [0, 2π) moves freely; a pruned shifter stays
// 0 whatever its gradient.
TEST(Optimizer, PhaseRangeWrapsOrFloors) {
  for (PhaseRange range : {PhaseRange::Wrap, PhaseRange::Floor}) {
    SCOPED_TRACE(phaseRangeName(range));
    Program p = tinyProgram();
    Mesh &mesh = p.layers[1].mesh;
    ASSERT_EQ(mesh.theta.size(), 1u);
    ASSERT_EQ(mesh.outputPhases.size(), 2u);
    mesh.theta = {0.1};
    mesh.phi = {kTwoPi - 0.1};
    mesh.outputPhases = {1.0, 2.0};
    mesh.mask = {1, 1, 1, 0};
    mesh.outputPhases[1] = 0.0;
    ProgramGradient g = ProgramGradient::zerosLike(p);
    g.layers[1].theta = {0.3};         // θ → 0.1 − 0.15 = −0.05
    g.layers[1].phi = {-0.3};          // φ → 2π + 0.05
    g.layers[1].outputPhases = {0.5, 5.0}; // 1.0 → 0.75; the pruned one stays
    OptimizerOptions o;
    o.kind = OptimizerKind::Sgd;
    o.learningRate = 0.5;
    o.phaseRange = range;
    Optimizer sgd(p, o);
    sgd.step(p, g);
    if (range == PhaseRange::Floor)
      EXPECT_EQ(mesh.theta[0], 0.0);
    else
      EXPECT_EQ(mesh.theta[0], wrapPhase(0.1 - 0.5 * 0.3));
    EXPECT_NEAR(mesh.theta[0], range == PhaseRange::Floor ? 0.0 : kTwoPi - 0.05,
                1e-15);
    EXPECT_EQ(mesh.phi[0], wrapPhase(kTwoPi - 0.1 + 0.5 * 0.3));
    EXPECT_NEAR(mesh.phi[0], 0.05, 1e-15);
    EXPECT_EQ(mesh.outputPhases[0], 0.75);
    EXPECT_EQ(mesh.outputPhases[1], 0.0);
    // A floored phase is still trainable: a positive step raises it.
    g.layers[1].theta = {-0.2};
    g.layers[1].phi = {0.0};
    g.layers[1].outputPhases = {0.0, 0.0};
    const double before = mesh.theta[0];
    sgd.step(p, g);
    EXPECT_EQ(mesh.theta[0], wrapPhase(before + 0.1));
    EXPECT_FALSE(bool(verifyProgram(p)));
  }
  EXPECT_EQ(parsePhaseRange("wrap"), PhaseRange::Wrap);
  EXPECT_EQ(parsePhaseRange("floor"), PhaseRange::Floor);
  EXPECT_FALSE(parsePhaseRange("clamp"));
  EXPECT_STREQ(phaseRangeName(PhaseRange::Floor), "floor");
  EXPECT_STREQ(phaseRangeName(PhaseRange::Wrap), "wrap");
}

TEST(Optimizer, SgdMomentum) {
  Program p = tinyProgram();
  ProgramGradient g = ProgramGradient::zerosLike(p);
  g.layers[1].theta = {0.1};
  OptimizerOptions o;
  o.kind = OptimizerKind::Sgd;
  o.learningRate = 0.5;
  o.momentum = 0.9;
  Optimizer sgd(p, o);
  const double start = p.layers[1].mesh.theta[0];
  sgd.step(p, g); // v = 0.1
  sgd.step(p, g); // v = 0.19
  EXPECT_NEAR(p.layers[1].mesh.theta[0], start - 0.5 * (0.1 + 0.19), 1e-15);
}

TEST(Optimizer, CosineDecay) {
  Program p = tinyProgram();
  ProgramGradient g = ProgramGradient::zerosLike(p);
  OptimizerOptions o;
  o.learningRate = 0.02;
  o.cosineDecay = true;
  o.totalSteps = 4;
  Optimizer opt(p, o);
  const double expected[] = {0.02, 0.01 * (1 + std::cos(kPi / 4)), 0.01,
                             0.01 * (1 + std::cos(3 * kPi / 4)), 0.0, 0.0};
  for (double e : expected) {
    EXPECT_NEAR(opt.learningRate(), e, 1e-17);
    opt.step(p, g);
  }
  o.cosineDecay = false;
  Optimizer flat(p, o);
  flat.step(p, g);
  EXPECT_EQ(flat.learningRate(), 0.02);
}

TEST(Optimizer, Names) {
  EXPECT_EQ(parseOptimizer("adam"), OptimizerKind::Adam);
  EXPECT_EQ(parseOptimizer("sgd"), OptimizerKind::Sgd);
  EXPECT_FALSE(parseOptimizer("lbfgs"));
  EXPECT_STREQ(optimizerName(OptimizerKind::Sgd), "sgd");
}

TEST(Training, RejectsBadInputs) {
  Program p = tinyProgram();
  Eigen::MatrixXcd x = randomComplex(2, 4, 1);
  TrainOptions options;
  options.batchSize = 0;
  llvm::Expected<TrainResult> r = train(p, x, {0, 1, 0, 1}, options);
  ASSERT_FALSE(bool(r));
  EXPECT_NE(llvm::toString(r.takeError()).find("batch size"), std::string::npos);
  options.batchSize = 2;
  r = train(p, x, {0, 1, 0}, options);
  ASSERT_FALSE(bool(r));
  EXPECT_NE(llvm::toString(r.takeError()).find("4 samples but 3 labels"),
            std::string::npos);
  Eigen::MatrixXcd wrong = randomComplex(3, 4, 1);
  llvm::Expected<Evaluation> e = evaluate(p, wrong, {0, 1, 0, 1});
  ASSERT_FALSE(bool(e));
  EXPECT_NE(llvm::toString(e.takeError()).find("3 rows, expected 2"),
            std::string::npos);
}

} // namespace
