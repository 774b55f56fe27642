//===- GradientTest.cpp - Analytic phase gradients vs finite differences --===//
//
// Every parameter kind (mesh θ, φ, output phases; attenuator θ; gain;
// adapter Re and Im of A and B) of small random programs with every
// activation, both topologies and non-square Σ, against central differences
// of the plain simulator's loss.
//
//===----------------------------------------------------------------------===//
#include "photon/Runtime/Gradient.h"

#include "photon/Runtime/Convention.h"
#include "photon/Runtime/Random.h"
#include "photon/Runtime/Simulator.h"

#include "TestUtil.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cmath>
#include <functional>
#include <string>
#include <tuple>

using namespace photon::runtime;
using namespace photon::runtime::test;

namespace {

Layer encodeLayer(int n) {
  Layer l;
  l.kind = LayerKind::Encode;
  l.inputs = l.outputs = n;
  return l;
}

Layer detectLayer(int n) {
  Layer l;
  l.kind = LayerKind::Detect;
  l.inputs = l.outputs = n;
  return l;
}

Layer activationLayer(Activation a, int n) {
  Layer l;
  l.kind = LayerKind::Activation;
  l.inputs = l.outputs = n;
  l.activation = a;
  return l;
}

/// A mesh with uniform random phases in [0, 2π).
Layer meshLayer(Topology topology, int n, Random &random) {
  Layer l;
  l.kind = LayerKind::Mesh;
  l.inputs = l.outputs = n;
  l.mesh = makeZeroMesh(topology, n);
  for (double &p : l.mesh.theta)
    p = kTwoPi * random.uniform();
  for (double &p : l.mesh.phi)
    p = kTwoPi * random.uniform();
  for (double &p : l.mesh.outputPhases)
    p = kTwoPi * random.uniform();
  return l;
}

/// Attenuators inside (0.2, π − 0.2) and a gain in [0.8, 1.6).
Layer diagonalLayer(int inputs, int outputs, Random &random) {
  Layer l;
  l.kind = LayerKind::Diagonal;
  l.inputs = inputs;
  l.outputs = outputs;
  l.diagonal.inputs = inputs;
  l.diagonal.outputs = outputs;
  l.diagonal.theta.resize(std::min(inputs, outputs));
  for (double &t : l.diagonal.theta)
    t = 0.2 + (kPi - 0.4) * random.uniform();
  l.diagonal.gain = 0.8 + 0.8 * random.uniform();
  return l;
}

/// encode → [V mesh, Σ, U mesh, activation] per hidden width → detect.
Program network(const std::vector<int> &widths, Topology topology,
                Activation activation, uint64_t seed) {
  Random random(seed);
  Program p;
  p.inputs = widths.front();
  p.outputs = widths.back();
  p.layers.push_back(encodeLayer(widths.front()));
  for (size_t i = 1; i < widths.size(); ++i) {
    const int in = widths[i - 1], out = widths[i];
    p.layers.push_back(meshLayer(topology, in, random));
    p.layers.push_back(diagonalLayer(in, out, random));
    p.layers.push_back(meshLayer(topology, out, random));
    if (i + 1 < widths.size())
      p.layers.push_back(activationLayer(activation, out));
  }
  p.layers.push_back(detectLayer(widths.back()));
  return p;
}

std::vector<int> randomLabels(int count, int classes, uint64_t seed) {
  Random random(seed);
  std::vector<int> labels(count);
  for (int &l : labels)
    l = static_cast<int>(random.uniform() * classes);
  return labels;
}

/// Calls fn(name, value&, analytic gradient) for every parameter.
void forEachParameter(
    Program &p, const ProgramGradient &g,
    const std::function<void(const std::string &, double &, double)> &fn) {
  for (size_t i = 0; i < p.layers.size(); ++i) {
    Layer &layer = p.layers[i];
    const LayerGradient &lg = g.layers[i];
    const std::string at = "layers[" + std::to_string(i) + "].";
    if (layer.kind == LayerKind::Mesh) {
      for (size_t k = 0; k < layer.mesh.theta.size(); ++k)
        fn(at + "theta[" + std::to_string(k) + "]", layer.mesh.theta[k],
           lg.theta[k]);
      for (size_t k = 0; k < layer.mesh.phi.size(); ++k)
        fn(at + "phi[" + std::to_string(k) + "]", layer.mesh.phi[k],
           lg.phi[k]);
      for (size_t k = 0; k < layer.mesh.outputPhases.size(); ++k)
        fn(at + "output[" + std::to_string(k) + "]",
           layer.mesh.outputPhases[k], lg.outputPhases[k]);
    } else if (layer.kind == LayerKind::Diagonal) {
      for (size_t k = 0; k < layer.diagonal.theta.size(); ++k)
        fn(at + "attenuator[" + std::to_string(k) + "]",
           layer.diagonal.theta[k], lg.theta[k]);
      fn(at + "gain", layer.diagonal.gain, lg.gain);
    } else if (layer.kind == LayerKind::Adapter) {
      for (auto [name, m, gm] :
           {std::tuple<const char *, Eigen::MatrixXcd *,
                       const Eigen::MatrixXcd *>{"a", &layer.adapter.a,
                                                 &lg.adapterA},
            {"b", &layer.adapter.b, &lg.adapterB}}) {
        ASSERT_EQ(gm->rows(), m->rows());
        ASSERT_EQ(gm->cols(), m->cols());
        for (Eigen::Index r = 0; r < m->rows(); ++r)
          for (Eigen::Index c = 0; c < m->cols(); ++c) {
            const std::string entry = at + name + "[" + std::to_string(r) +
                                      "][" + std::to_string(c) + "]";
            // Re and Im through a double view of the complex entry.
            double *parts = reinterpret_cast<double *>(&(*m)(r, c));
            fn(entry + ".re", parts[0], (*gm)(r, c).real());
            fn(entry + ".im", parts[1], (*gm)(r, c).imag());
          }
      }
    }
  }
}

/// Inserts an adapter of rank `rank` after the last layer of every linear
/// block of `program` (after its U mesh), reading the block's input, with
/// random A and B (B non-zero so that every gradient is exercised).
Program withAdapters(Program program, int rank, uint64_t seed) {
  Random random(seed);
  auto linear = [](const Layer &l) {
    return l.kind == LayerKind::Mesh || l.kind == LayerKind::Diagonal;
  };
  Program out;
  out.inputs = program.inputs;
  out.outputs = program.outputs;
  int blockInput = -1; // index in `out` of the field entering the block
  for (size_t i = 0; i < program.layers.size(); ++i) {
    const Layer &layer = program.layers[i];
    if (linear(layer) && (i == 0 || !linear(program.layers[i - 1])))
      blockInput = static_cast<int>(out.layers.size()) - 1;
    out.layers.push_back(layer);
    if (linear(layer) &&
        (i + 1 == program.layers.size() || !linear(program.layers[i + 1]))) {
      const int width = blockInput < 0 ? program.inputs
                                       : out.layers[blockInput].outputs;
      const int k = std::min({rank, width, layer.outputs});
      Layer a;
      a.kind = LayerKind::Adapter;
      a.inputs = a.outputs = layer.outputs;
      a.adapter.source = blockInput;
      a.adapter.a.resize(k, width);
      a.adapter.b.resize(layer.outputs, k);
      for (Eigen::MatrixXcd *m : {&a.adapter.a, &a.adapter.b})
        for (Eigen::Index j = 0; j < m->size(); ++j)
          (*m)(j) = {0.5 * random.normal(), 0.5 * random.normal()};
      out.layers.push_back(std::move(a));
    }
  }
  return out;
}

/// Checks every analytic partial against the fourth-order central
/// difference (8(L(p+h) − L(p−h)) − (L(p+2h) − L(p−2h))) / 12h of the plain
/// simulator's loss, h = 1e-4 (truncation O(h⁴), rounding about 1e-12). The
/// relative error is taken against max(|analytic|, |numeric|, 1e-3): below
/// 1e-3 the absolute error of the difference quotient itself would dominate.
void checkAgainstFiniteDifferences(Program program,
                                   const Eigen::MatrixXcd &inputs,
                                   const std::vector<int> &labels) {
  ASSERT_FALSE(bool(checkTrainable(program)));
  ProgramGradient gradient;
  llvm::Expected<double> loss =
      computeLossAndGradient(program, inputs, labels, gradient);
  ASSERT_TRUE(bool(loss));
  EXPECT_NEAR(*loss, crossEntropyLoss(program, inputs, labels),
              1e-12 * std::max(1.0, std::abs(*loss)));
  const double h = 1e-4;
  double worst = 0.0;
  int checked = 0;
  forEachParameter(program, gradient,
                   [&](const std::string &name, double &value, double grad) {
                     const double saved = value;
                     auto lossAt = [&](double shift) {
                       value = saved + shift;
                       return crossEntropyLoss(program, inputs, labels);
                     };
                     const double numeric =
                         (8.0 * (lossAt(h) - lossAt(-h)) -
                          (lossAt(2 * h) - lossAt(-2 * h))) /
                         (12.0 * h);
                     value = saved;
                     const double scale =
                         std::max({std::abs(grad), std::abs(numeric), 1e-3});
                     const double error = std::abs(grad - numeric) / scale;
                     worst = std::max(worst, error);
                     ++checked;
                     EXPECT_LE(error, 1e-6)
                         << name << ": analytic " << grad << ", numeric "
                         << numeric;
                   });
  EXPECT_EQ(checked, parameterCount(program));
  char text[32];
  std::snprintf(text, sizeof(text), "%.3e", worst);
  ::testing::Test::RecordProperty("worst_relative_error", text);
}

struct Case {
  std::vector<int> widths;
  Topology topology;
  Activation activation;
};

class GradientFiniteDifference : public ::testing::TestWithParam<Case> {};

TEST_P(GradientFiniteDifference, EveryParameterMatches) {
  const Case &c = GetParam();
  Program program = network(c.widths, c.topology, c.activation, 42);
  const int batch = 13; // not a multiple of the 8 lanes
  Eigen::MatrixXcd inputs = randomComplex(c.widths.front(), batch, 7);
  std::vector<int> labels = randomLabels(batch, c.widths.back(), 9);
  checkAgainstFiniteDifferences(program, inputs, labels);
}

std::string caseName(const ::testing::TestParamInfo<Case> &info) {
  std::string name;
  for (int w : info.param.widths)
    name += std::to_string(w) + "_";
  name += topologyName(info.param.topology);
  name += std::string("_") + activationName(info.param.activation);
  return name;
}

INSTANTIATE_TEST_SUITE_P(
    Networks, GradientFiniteDifference,
    ::testing::Values(
        Case{{3, 4, 2}, Topology::Clements, Activation::Softplus},
        Case{{3, 4, 2}, Topology::Reck, Activation::Modulus},
        Case{{3, 4, 2}, Topology::Clements, Activation::Identity},
        Case{{5, 5, 3}, Topology::Clements, Activation::Softplus},
        Case{{5, 5, 3}, Topology::Reck, Activation::Softplus},
        Case{{5, 5, 3}, Topology::Clements, Activation::Modulus},
        Case{{5, 5, 3}, Topology::Reck, Activation::Identity},
        Case{{4, 6, 3, 5}, Topology::Clements, Activation::Softplus},
        Case{{6, 2, 4}, Topology::Reck, Activation::Modulus}),
    caseName);

class AdapterGradientFiniteDifference : public ::testing::TestWithParam<Case> {
};

TEST_P(AdapterGradientFiniteDifference, EveryParameterMatches) {
  const Case &c = GetParam();
  for (int rank : {1, 2}) {
    Program program =
        withAdapters(network(c.widths, c.topology, c.activation, 42), rank, 5);
    ASSERT_TRUE(program.hasAdapters());
    const int batch = 13;
    Eigen::MatrixXcd inputs = randomComplex(c.widths.front(), batch, 7);
    std::vector<int> labels = randomLabels(batch, c.widths.back(), 9);
    checkAgainstFiniteDifferences(program, inputs, labels);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Networks, AdapterGradientFiniteDifference,
    ::testing::Values(
        Case{{3, 4, 2}, Topology::Clements, Activation::Softplus},
        Case{{5, 5, 3}, Topology::Reck, Activation::Modulus},
        Case{{4, 6, 3, 5}, Topology::Clements, Activation::Identity},
        Case{{6, 2, 4}, Topology::Clements, Activation::Softplus}),
    caseName);

TEST(Gradient, AdapterReadingTheProgramInput) {
  // No encode: the first block's input is the program input (source -1).
  Program program = network({4, 4, 3}, Topology::Clements,
                            Activation::Softplus, 8);
  program.layers.erase(program.layers.begin());
  program = withAdapters(program, 2, 3);
  ASSERT_EQ(program.layers[3].kind, LayerKind::Adapter);
  ASSERT_EQ(program.layers[3].adapter.source, -1);
  ASSERT_FALSE(bool(verifyProgram(program)));
  checkAgainstFiniteDifferences(program, randomComplex(4, 11, 2),
                                randomLabels(11, 3, 6));
}

TEST(Gradient, ZeroAdapterKeepsTheNetwork) {
  // B = 0 (the LoRA initialisation): same loss, A gets no gradient, B does.
  Program plain = network({4, 4, 3}, Topology::Reck, Activation::Softplus, 4);
  Program adapted = withAdapters(plain, 2, 1);
  for (Layer &layer : adapted.layers)
    if (layer.kind == LayerKind::Adapter)
      layer.adapter.b.setZero();
  Eigen::MatrixXcd inputs = randomComplex(4, 9, 3);
  std::vector<int> labels = randomLabels(9, 3, 1);
  EXPECT_EQ(crossEntropyLoss(adapted, inputs, labels),
            crossEntropyLoss(plain, inputs, labels));
  ProgramGradient g;
  ASSERT_TRUE(bool(computeLossAndGradient(adapted, inputs, labels, g)));
  for (size_t i = 0; i < adapted.layers.size(); ++i)
    if (adapted.layers[i].kind == LayerKind::Adapter) {
      EXPECT_EQ(g.layers[i].adapterA.cwiseAbs().maxCoeff(), 0.0);
      EXPECT_GT(g.layers[i].adapterB.cwiseAbs().maxCoeff(), 0.0);
    }
}

TEST(Gradient, ForwardNoiseIsDeterministicAndChangesTheLoss) {
  Program program =
      withAdapters(network({5, 5, 3}, Topology::Clements, Activation::Softplus,
                           11),
                   2, 2);
  const int batch = 40;
  Eigen::MatrixXcd inputs = randomComplex(5, batch, 12);
  std::vector<int> labels = randomLabels(batch, 3, 13);
  ForwardNoise noise;
  noise.inputBits = 4;
  noise.outputBits = 4;
  noise.weightSigma = 0.05;
  noise.seed = 99;
  GradientEngine clean(program, 1);
  ProgramGradient g0;
  const double cleanLoss = clean.lossAndGradient(inputs, labels, g0).loss;
  std::vector<double> losses;
  for (int threads : {1, 2}) {
    GradientEngine engine(program, threads);
    engine.setForwardNoise(noise);
    engine.setParameters(program);
    ProgramGradient g;
    losses.push_back(engine.lossAndGradient(inputs, labels, g).loss);
    for (const LayerGradient &lg : g.layers) {
      if (lg.adapterA.size()) {
        EXPECT_TRUE(lg.adapterA.allFinite() && lg.adapterB.allFinite());
      }
    }
  }
  EXPECT_EQ(losses[0], losses[1]);
  EXPECT_NE(losses[0], cleanLoss);
  EXPECT_NEAR(losses[0], cleanLoss, 0.5 * std::abs(cleanLoss));
  // Switching the noise off again gives the clean loss back exactly.
  GradientEngine engine(program, 2);
  engine.setForwardNoise(noise);
  engine.setForwardNoise(ForwardNoise{});
  engine.setParameters(program);
  EXPECT_EQ(engine.evaluate(inputs, labels).loss, cleanLoss);
}

TEST(Gradient, LargeFieldsAndManyLayers) {
  // Larger amplitudes push softplus into its linear regime.
  Program program = network({4, 4, 4, 3}, Topology::Clements,
                            Activation::Softplus, 3);
  Eigen::MatrixXcd inputs = 3.0 * randomComplex(4, 21, 8);
  checkAgainstFiniteDifferences(program, inputs, randomLabels(21, 3, 4));
}

TEST(Gradient, MaskedShiftersHaveZeroGradient) {
  Program program = network({4, 4, 3}, Topology::Clements,
                            Activation::Softplus, 5);
  // Prune every third shifter of each mesh and one attenuator.
  for (Layer &layer : program.layers) {
    if (layer.kind == LayerKind::Mesh) {
      Mesh &mesh = layer.mesh;
      mesh.mask.assign(mesh.shifterCount(), 1);
      const int k = mesh.mziCount();
      for (int j = 0; j < mesh.shifterCount(); j += 3) {
        mesh.mask[j] = 0;
        (j < k ? mesh.theta[j]
               : j < 2 * k ? mesh.phi[j - k] : mesh.outputPhases[j - 2 * k]) =
            0.0;
      }
    } else if (layer.kind == LayerKind::Diagonal) {
      layer.diagonal.mask.assign(layer.diagonal.theta.size(), 1);
      layer.diagonal.mask[1] = 0;
      layer.diagonal.theta[1] = 0.0;
    }
  }
  ASSERT_FALSE(bool(verifyProgram(program)));
  Eigen::MatrixXcd inputs = randomComplex(4, 10, 1);
  std::vector<int> labels = randomLabels(10, 3, 2);
  ProgramGradient g;
  ASSERT_TRUE(bool(computeLossAndGradient(program, inputs, labels, g)));
  int zeros = 0, nonZeros = 0;
  for (size_t i = 0; i < program.layers.size(); ++i) {
    const Layer &layer = program.layers[i];
    const LayerGradient &lg = g.layers[i];
    if (layer.kind == LayerKind::Mesh) {
      const int k = layer.mesh.mziCount();
      for (int j = 0; j < layer.mesh.shifterCount(); ++j) {
        const double d = j < k       ? lg.theta[j]
                         : j < 2 * k ? lg.phi[j - k]
                                     : lg.outputPhases[j - 2 * k];
        if (layer.mesh.mask[j] == 0) {
          EXPECT_EQ(d, 0.0);
          ++zeros;
        } else {
          nonZeros += d != 0.0;
        }
      }
    } else if (layer.kind == LayerKind::Diagonal) {
      EXPECT_EQ(lg.theta[1], 0.0);
      EXPECT_NE(lg.theta[0], 0.0);
    }
  }
  EXPECT_GT(zeros, 0);
  EXPECT_GT(nonZeros, 0);
}

TEST(Gradient, IndependentOfThreadCount) {
  Program program = network({5, 5, 3}, Topology::Clements,
                            Activation::Softplus, 11);
  const int batch = 77;
  Eigen::MatrixXcd inputs = randomComplex(5, batch, 12);
  std::vector<int> labels = randomLabels(batch, 3, 13);
  ProgramGradient reference;
  GradientEngine one(program, 1);
  BatchStats s1 = one.lossAndGradient(inputs, labels, reference);
  for (int threads : {2, 3, 5}) {
    GradientEngine engine(program, threads);
    ProgramGradient g;
    BatchStats s = engine.lossAndGradient(inputs, labels, g);
    EXPECT_EQ(s.loss, s1.loss);
    EXPECT_EQ(s.correct, s1.correct);
    for (size_t i = 0; i < g.layers.size(); ++i) {
      EXPECT_EQ(g.layers[i].theta, reference.layers[i].theta);
      EXPECT_EQ(g.layers[i].phi, reference.layers[i].phi);
      EXPECT_EQ(g.layers[i].outputPhases, reference.layers[i].outputPhases);
      EXPECT_EQ(g.layers[i].gain, reference.layers[i].gain);
    }
    BatchStats e = engine.evaluate(inputs, labels);
    EXPECT_EQ(e.loss, s1.loss);
    EXPECT_EQ(e.correct, s1.correct);
  }
}

TEST(Gradient, SubsetOfColumnsEqualsThatBatch) {
  Program program = network({3, 4, 2}, Topology::Reck, Activation::Modulus, 1);
  Eigen::MatrixXcd inputs = randomComplex(3, 20, 2);
  std::vector<int> labels = randomLabels(20, 2, 3);
  std::vector<int> indices = {17, 3, 3, 9, 0, 12, 5, 19, 8, 1, 4};
  Eigen::MatrixXcd picked(3, indices.size());
  std::vector<int> pickedLabels;
  for (size_t j = 0; j < indices.size(); ++j) {
    picked.col(j) = inputs.col(indices[j]);
    pickedLabels.push_back(labels[indices[j]]);
  }
  GradientEngine engine(program, 2);
  ProgramGradient a, b;
  BatchStats sa = engine.lossAndGradient(inputs, labels, indices, a);
  BatchStats sb = engine.lossAndGradient(picked, pickedLabels, b);
  EXPECT_EQ(sa.loss, sb.loss);
  EXPECT_EQ(sa.count, 11);
  for (size_t i = 0; i < a.layers.size(); ++i)
    EXPECT_EQ(a.layers[i].theta, b.layers[i].theta);
}

TEST(Gradient, ZeroFieldsGiveFiniteGradients) {
  // A zero input puts softplus and modulus at their singular point.
  for (Activation a : {Activation::Softplus, Activation::Modulus}) {
    Program program = network({3, 3, 2}, Topology::Clements, a, 2);
    Eigen::MatrixXcd inputs = randomComplex(3, 4, 5);
    inputs.col(1).setZero();
    std::vector<int> labels = {0, 1, 1, 0};
    ProgramGradient g;
    llvm::Expected<double> loss =
        computeLossAndGradient(program, inputs, labels, g);
    ASSERT_TRUE(bool(loss));
    EXPECT_TRUE(std::isfinite(*loss));
    EXPECT_NEAR(*loss, crossEntropyLoss(program, inputs, labels), 1e-12);
    for (const LayerGradient &lg : g.layers) {
      for (double d : lg.theta)
        EXPECT_TRUE(std::isfinite(d));
      for (double d : lg.phi)
        EXPECT_TRUE(std::isfinite(d));
      EXPECT_TRUE(std::isfinite(lg.gain));
    }
  }
}

TEST(Gradient, RejectsProgramsWithoutDetect) {
  Program program = network({3, 3, 2}, Topology::Clements,
                            Activation::Softplus, 2);
  program.layers.pop_back();
  Eigen::MatrixXcd inputs = randomComplex(3, 4, 5);
  ProgramGradient g;
  llvm::Expected<double> loss =
      computeLossAndGradient(program, inputs, {0, 1, 0, 1}, g);
  ASSERT_FALSE(bool(loss));
  EXPECT_NE(llvm::toString(loss.takeError()).find("detect"), std::string::npos);
}

TEST(Gradient, RejectsBadLabels) {
  Program program = network({3, 3, 2}, Topology::Clements,
                            Activation::Softplus, 2);
  Eigen::MatrixXcd inputs = randomComplex(3, 2, 5);
  ProgramGradient g;
  llvm::Expected<double> loss = computeLossAndGradient(program, inputs, {0, 2}, g);
  ASSERT_FALSE(bool(loss));
  EXPECT_NE(llvm::toString(loss.takeError()).find("label 2 of sample 1"),
            std::string::npos);
}

/// Imported networks: O-E-O boundaries (every element-wise function, with
/// and without bias) between the layers and a readout (log-softmax,
/// softmax, identity) at the end, against finite differences.
TEST(Gradient, BoundariesMatchFiniteDifferences) {
  const ElectricalFunction hidden[] = {
      ElectricalFunction::Relu, ElectricalFunction::Sigmoid,
      ElectricalFunction::Tanh, ElectricalFunction::Softplus,
      ElectricalFunction::Abs, ElectricalFunction::Identity};
  const ElectricalFunction last[] = {ElectricalFunction::LogSoftmax,
                                     ElectricalFunction::Softmax,
                                     ElectricalFunction::Identity};
  int index = 0;
  for (ElectricalFunction f : hidden) {
    SCOPED_TRACE(electricalFunctionName(f));
    Program p = network({4, 3, 3}, Topology::Clements, Activation::Identity,
                        30 + index);
    Random random(60 + index);
    // Replace the identity activation by an O-E-O boundary and the detect
    // by a readout; odd cases get biases.
    for (Layer &layer : p.layers) {
      if (layer.kind != LayerKind::Activation &&
          layer.kind != LayerKind::Detect)
        continue;
      const bool isLast = layer.kind == LayerKind::Detect;
      layer.kind = isLast ? LayerKind::Readout : LayerKind::Oeo;
      layer.boundary.function = isLast ? last[index % 3] : f;
      if (index % 2 == 1)
        for (int m = 0; m < layer.outputs; ++m)
          layer.boundary.bias.push_back(random.normal());
    }
    ++index;
    checkAgainstFiniteDifferences(p, randomComplex(4, 5, 70 + index),
                                  randomLabels(5, 3, 80 + index));
  }
}

} // namespace
