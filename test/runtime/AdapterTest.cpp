//===- AdapterTest.cpp - ALoRA adapter layers in the runtime --------------===//
//
// The adapter layer y + B·A·x (Program.h): program format, verification,
// ideal and noisy simulation (the branch is digital: converters, no weight
// error), and adapter-only training with frozen phases. Its gradients are
// checked against finite differences in GradientTest.cpp.
//
//===----------------------------------------------------------------------===//
#include "photon/Runtime/Gradient.h"
#include "photon/Runtime/MonteCarlo.h"
#include "photon/Runtime/NoiseModel.h"
#include "photon/Runtime/Program.h"
#include "photon/Runtime/RandomNetwork.h"
#include "photon/Runtime/Simulator.h"
#include "photon/Runtime/Trainer.h"

#include "TestUtil.h"

#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

using namespace photon::runtime;
using namespace photon::runtime::test;

namespace {

Eigen::MatrixXcd randomMatrix(int rows, int cols, double scale,
                              Random &random) {
  Eigen::MatrixXcd m(rows, cols);
  for (Eigen::Index j = 0; j < m.size(); ++j)
    m(j) = {scale * random.normal(), scale * random.normal()};
  return m;
}

/// An adapter after the U mesh of every dense layer of randomNetwork (whose
/// layers are encode, then per dense layer V, Σ, U [, activation], then
/// detect), reading the field that entered that layer's V mesh.
Program adapted(Program network, int rank, double scale, uint64_t seed,
                bool detect = true) {
  Random random(seed);
  if (!detect)
    network.layers.pop_back();
  Program out;
  out.inputs = network.inputs;
  out.outputs = network.outputs;
  int blockInput = -1;
  for (size_t i = 0; i < network.layers.size(); ++i) {
    const Layer &layer = network.layers[i];
    // V mesh: a mesh not after a Σ; U mesh: a mesh after a Σ.
    const bool afterSigma =
        i > 0 && network.layers[i - 1].kind == LayerKind::Diagonal;
    if (layer.kind == LayerKind::Mesh && !afterSigma)
      blockInput = static_cast<int>(out.layers.size()) - 1;
    out.layers.push_back(layer);
    const bool blockEnd = layer.kind == LayerKind::Mesh && afterSigma;
    if (!blockEnd)
      continue;
    const int width = out.layers[blockInput].outputs;
    Layer a;
    a.kind = LayerKind::Adapter;
    a.inputs = a.outputs = layer.outputs;
    a.sourceLayer = layer.sourceLayer;
    a.adapter.source = blockInput;
    a.adapter.a = randomMatrix(rank, width, scale, random);
    a.adapter.b = randomMatrix(layer.outputs, rank, scale, random);
    out.layers.push_back(std::move(a));
  }
  return out;
}

Program network(uint64_t seed, std::vector<int> widths = {5, 6, 3}) {
  Random random(seed);
  return randomNetwork(widths, Topology::Clements, Activation::Softplus,
                       random);
}

int adapterCount(const Program &p) {
  int n = 0;
  for (const Layer &l : p.layers)
    n += l.kind == LayerKind::Adapter;
  return n;
}

TEST(Adapter, InsertedAfterEveryDenseLayer) {
  Program p = adapted(network(1), 2, 0.3, 2);
  EXPECT_EQ(adapterCount(p), 2);
  ASSERT_FALSE(bool(verifyProgram(p)));
  EXPECT_TRUE(p.hasAdapters());
  EXPECT_EQ(adapterParameterCount(p), 2 * (2 * 5 + 6 * 2) + 2 * (2 * 6 + 3 * 2));
  EXPECT_EQ(parameterCount(p),
            phaseParameterCount(p) + adapterParameterCount(p));
}

TEST(Adapter, SimulateAddsTheLowRankCorrection) {
  Program plain = network(3);
  plain.layers.pop_back(); // optical outputs: compare fields
  plain.outputs = 3;
  Program p = adapted(network(3), 2, 0.4, 4, /*detect=*/false);
  ASSERT_FALSE(bool(verifyProgram(p)));
  Eigen::MatrixXcd x = randomComplex(5, 7, 5);
  // The first dense layer: y = W x + B A x.
  Program first;
  first.inputs = 5;
  first.outputs = 6;
  first.layers.assign(p.layers.begin(), p.layers.begin() + 5);
  ASSERT_EQ(first.layers[4].kind, LayerKind::Adapter);
  Program firstPlain = first;
  firstPlain.layers.pop_back();
  const Adapter &a = first.layers[4].adapter;
  const Eigen::MatrixXcd expected =
      simulate(firstPlain, x) + a.b * (a.a * x); // source = encode output
  EXPECT_LT(maxAbsDiff(simulate(first, x), expected), 1e-13);
  // B = 0 gives the plain network bit for bit.
  Program zero = p;
  for (Layer &layer : zero.layers)
    if (layer.kind == LayerKind::Adapter)
      layer.adapter.b.setZero();
  EXPECT_EQ(maxAbsDiff(simulate(zero, x), simulate(plain, x)), 0.0);
  // Single precision follows.
  Eigen::MatrixXcf xf = x.cast<std::complex<float>>();
  EXPECT_LT(maxAbsDiff(simulate(p, xf).cast<std::complex<double>>(),
                       simulate(p, x)),
            1e-4);
}

TEST(Adapter, ProgramJsonRoundTrip) {
  Program p = adapted(network(5), 3, 0.7, 6);
  std::string text;
  llvm::raw_string_ostream os(text);
  writeProgram(p, os);
  EXPECT_NE(text.find("\"op\":\"adapter\""), std::string::npos);
  EXPECT_NE(text.find("\"a_re\":"), std::string::npos);
  llvm::Expected<Program> back = parseProgram(text, "prog.json");
  ASSERT_TRUE(bool(back)) << llvm::toString(back.takeError());
  ASSERT_EQ(back->layers.size(), p.layers.size());
  for (size_t i = 0; i < p.layers.size(); ++i) {
    ASSERT_EQ(back->layers[i].kind, p.layers[i].kind);
    if (p.layers[i].kind != LayerKind::Adapter)
      continue;
    EXPECT_EQ(back->layers[i].adapter.source, p.layers[i].adapter.source);
    EXPECT_EQ(back->layers[i].adapter.a, p.layers[i].adapter.a);
    EXPECT_EQ(back->layers[i].adapter.b, p.layers[i].adapter.b);
    EXPECT_EQ(back->layers[i].sourceLayer, p.layers[i].sourceLayer);
  }
  Eigen::MatrixXcd x = randomComplex(5, 4, 1);
  EXPECT_EQ(maxAbsDiff(simulate(*back, x), simulate(p, x)), 0.0);
}

std::string parseError(const std::string &adapterJson) {
  const std::string text =
      R"({"format": "photon-program", "version": 1, "inputs": 2, "outputs": 2,
          "layers": [{"op": "encode", "inputs": 2, "outputs": 2},
                     {"op": "mesh", "inputs": 2, "outputs": 2,
                      "topology": "clements", "theta": [1], "phi": [0],
                      "output_phases": [0, 0]},
                     )" +
      adapterJson + "]}";
  llvm::Expected<Program> p = parseProgram(text, "p.json");
  if (p)
    return "ok";
  return llvm::toString(p.takeError());
}

TEST(Adapter, ParseErrorsNameTheField) {
  const std::string good =
      R"({"op": "adapter", "inputs": 2, "outputs": 2, "source": 0, "rank": 1,
          "a_re": [1, 2], "a_im": [0, 0], "b_re": [0.5, 0], "b_im": [0, 1]})";
  EXPECT_EQ(parseError(good), "ok");
  EXPECT_NE(parseError(R"({"op": "adapter", "inputs": 2, "outputs": 2,
      "source": 2, "rank": 1, "a_re": [1, 2], "a_im": [0, 0],
      "b_re": [0.5, 0], "b_im": [0, 1]})")
                .find("layers[2] (adapter): 'source' is 2, expected -1"),
            std::string::npos);
  EXPECT_NE(parseError(R"({"op": "adapter", "inputs": 2, "outputs": 2,
      "source": 0, "rank": 3, "a_re": [1, 2], "a_im": [0, 0],
      "b_re": [0.5, 0], "b_im": [0, 1]})")
                .find("'rank' is 3, expected 1..2"),
            std::string::npos);
  EXPECT_NE(parseError(R"({"op": "adapter", "inputs": 2, "outputs": 2,
      "source": -1, "rank": 1, "a_re": [1], "a_im": [0, 0],
      "b_re": [0.5, 0], "b_im": [0, 1]})")
                .find("'a_re' has 1 entries, expected 2 (1x2, row-major)"),
            std::string::npos);
  EXPECT_NE(parseError(R"({"op": "adapter", "inputs": 2, "outputs": 2,
      "source": 1, "rank": 1, "a_re": [1, 2], "a_im": [0, 0],
      "b_re": [0.5, 0]})")
                .find("missing field 'b_im'"),
            std::string::npos);
}

TEST(Adapter, VerifyRejectsBadAdapters) {
  Program p = adapted(network(7), 2, 0.3, 8);
  size_t at = 0;
  while (p.layers[at].kind != LayerKind::Adapter)
    ++at;
  const std::string prefix =
      "layers[" + std::to_string(at) + "] (adapter): ";
  {
    Program bad = p;
    bad.layers[at].adapter.a(1, 2) = {NAN, 0.0};
    llvm::Error e = verifyProgram(bad);
    ASSERT_TRUE(bool(e));
    EXPECT_EQ(llvm::toString(std::move(e)), prefix + "'a'[1][2] is not finite");
  }
  {
    Program bad = p;
    bad.layers[at].adapter.source = static_cast<int>(at);
    llvm::Error e = verifyProgram(bad);
    ASSERT_TRUE(bool(e));
    EXPECT_NE(llvm::toString(std::move(e)).find("'source' is"),
              std::string::npos);
  }
  {
    Program bad = p;
    bad.layers[at].adapter.b.resize(6, 3);
    llvm::Error e = verifyProgram(bad);
    ASSERT_TRUE(bool(e));
    EXPECT_NE(llvm::toString(std::move(e)).find("'b' is 6x3, expected 6x2"),
              std::string::npos);
  }
}

TEST(Adapter, IdealNoisySimulationIsBitIdentical) {
  Program p = adapted(network(9), 2, 0.5, 10);
  Eigen::MatrixXcd x = randomComplex(5, 12, 3);
  NoiseModel ideal;
  Random random(1);
  NoisyProgram noisy = sampleNoisyProgram(p, ideal, random);
  EXPECT_EQ(maxAbsDiff(simulateNoisy(noisy, x, ideal, random), simulate(p, x)),
            0.0);
}

TEST(Adapter, StaticNoiseRunsTheRealisedPhases) {
  // Collapsed blocks, and an adapter reading a field inside a block (which
  // must not be collapsed away).
  Program p = adapted(network(11), 2, 0.5, 12);
  size_t at = 0;
  while (p.layers[at].kind != LayerKind::Adapter)
    ++at;
  Program inner = p;
  inner.layers[at].adapter.source = 1; // after the first V mesh
  NoiseModel model;
  model.phaseSigma = 0.05;
  for (const Program &program : {p, inner}) {
    ASSERT_FALSE(bool(verifyProgram(program)));
    Random random(3);
    NoisyProgram noisy = sampleNoisyProgram(program, model, random);
    Eigen::MatrixXcd x = randomComplex(5, 6, 2);
    EXPECT_LT(maxAbsDiff(simulateNoisy(noisy, x, model, random),
                         simulate(noisy.program, x)),
              1e-12);
  }
}

TEST(Adapter, DigitalBranchHasNoWeightErrorButConverters) {
  // Optical outputs: y_adapted − y_plain is exactly the digital correction,
  // on the same weight-error draws.
  Program p = adapted(network(13), 2, 0.5, 14, /*detect=*/false);
  Program plain = p;
  for (Layer &layer : plain.layers)
    if (layer.kind == LayerKind::Adapter)
      layer.adapter.b.setZero();
  // One adapter only (the last), so its source field is the same in both.
  size_t first = 0;
  while (p.layers[first].kind != LayerKind::Adapter)
    ++first;
  p.layers[first].adapter.b.setZero();
  size_t last = p.layers.size() - 1;
  ASSERT_EQ(p.layers[last].kind, LayerKind::Adapter);
  Eigen::MatrixXcd x = randomComplex(5, 9, 4);
  for (int bits : {0, 6}) {
    NoiseModel model;
    model.weightSigma = 0.05;
    model.inputBits = bits;
    model.outputBits = bits;
    // The plain network without the final ADC, on the same draws.
    NoiseModel noAdc = model;
    noAdc.outputBits = 0;
    Random r1(5), r2(5);
    NoisyProgram n1 = sampleNoisyProgram(p, model, r1);
    NoisyProgram n2 = sampleNoisyProgram(plain, noAdc, r2);
    const Eigen::MatrixXcd y1 = simulateNoisy(n1, x, model, r1);
    const Eigen::MatrixXcd y2 = simulateNoisy(n2, x, noAdc, r2);
    // The source of the last adapter: the field after the activation.
    Program head;
    head.inputs = 5;
    head.outputs = p.layers[p.layers[last].adapter.source].outputs;
    head.layers.assign(plain.layers.begin(),
                       plain.layers.begin() + p.layers[last].adapter.source + 1);
    // The head sees the same input DAC and first-block weight-error draws
    // (they come first in the stream); no output ADC on its field.
    NoiseModel headModel = model;
    headModel.outputBits = 0;
    Random r4(5);
    NoisyProgram n4 = sampleNoisyProgram(head, headModel, r4);
    Eigen::MatrixXcd source = simulateNoisy(n4, x, headModel, r4);
    if (bits)
      quantizeComplexColumns(source, bits);
    const Adapter &a = p.layers[last].adapter;
    Eigen::MatrixXcd correction = a.b * (a.a * source);
    if (bits)
      quantizeComplexColumns(correction, bits);
    Eigen::MatrixXcd expected = y2 + correction;
    if (bits)
      quantizeComplexColumns(expected, bits); // the output ADC
    EXPECT_LT(maxAbsDiff(y1, expected), 1e-12) << bits;
  }
}

TEST(Adapter, MonteCarloRunsAdaptedPrograms) {
  Program p = adapted(network(15), 1, 0.2, 16);
  Blobs data = makeBlobs(5, 3, 60, 0.5, 3);
  llvm::Expected<NoiseModel> model =
      parseNoiseModel("weight_sigma=0.012,input_bits=8,output_bits=8");
  ASSERT_TRUE(bool(model));
  llvm::Expected<MonteCarloResult> r =
      evaluateUnderNoise(p, *model, data.inputs, data.labels, 3, 0, 2);
  ASSERT_TRUE(bool(r)) << llvm::toString(r.takeError());
  EXPECT_EQ(r->trials, 3);
}

TEST(Adapter, FrozenPhasesTrainOnlyTheAdapters) {
  Blobs all = makeBlobs(5, 3, 300, 0.6, 21);
  Program p = adapted(network(17), 2, 0.3, 18);
  for (Layer &layer : p.layers)
    if (layer.kind == LayerKind::Adapter)
      layer.adapter.b.setZero(); // LoRA start: the plain network
  const Program start = p;
  llvm::Expected<Evaluation> before = evaluate(p, all.inputs, all.labels);
  ASSERT_TRUE(bool(before));
  TrainOptions options;
  options.epochs = 15;
  options.batchSize = 16;
  options.learningRate = 0.05;
  options.freezePhases = true;
  options.forwardNoise.weightSigma = 0.02;
  options.forwardNoise.inputBits = 8;
  options.forwardNoise.outputBits = 8;
  options.forwardNoise.seed = 4;
  llvm::Expected<TrainResult> result =
      train(p, all.inputs, all.labels, options);
  ASSERT_TRUE(bool(result));
  llvm::Expected<Evaluation> after = evaluate(p, all.inputs, all.labels);
  ASSERT_TRUE(bool(after));
  EXPECT_LT(after->loss, before->loss);
  bool adaptersChanged = false;
  for (size_t i = 0; i < p.layers.size(); ++i) {
    const Layer &a = p.layers[i], &b = start.layers[i];
    EXPECT_EQ(a.mesh.theta, b.mesh.theta);
    EXPECT_EQ(a.mesh.phi, b.mesh.phi);
    EXPECT_EQ(a.mesh.outputPhases, b.mesh.outputPhases);
    EXPECT_EQ(a.diagonal.theta, b.diagonal.theta);
    EXPECT_EQ(a.diagonal.gain, b.diagonal.gain);
    if (a.kind == LayerKind::Adapter)
      adaptersChanged |= a.adapter.b != b.adapter.b;
  }
  EXPECT_TRUE(adaptersChanged);
  // Deterministic: the same run again gives the same adapters.
  Program again = start;
  ASSERT_TRUE(bool(train(again, all.inputs, all.labels, options)));
  for (size_t i = 0; i < p.layers.size(); ++i) {
    EXPECT_EQ(again.layers[i].adapter.a, p.layers[i].adapter.a);
    EXPECT_EQ(again.layers[i].adapter.b, p.layers[i].adapter.b);
  }
}

} // namespace
