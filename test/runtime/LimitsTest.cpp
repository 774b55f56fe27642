//===- LimitsTest.cpp - Limits on sizes and values read from input --------===//
//
// The runtime side of docs/reliability.md ("Input limits and failure
// classes"): overflowing sizes, huge counts, deep JSON and absurd values are
// refused with one-line errors before anything is allocated.
//
//===----------------------------------------------------------------------===//
#include "photon/Runtime/BoundedJson.h"
#include "photon/Runtime/Limits.h"
#include "photon/Runtime/MeshLayout.h"
#include "photon/Runtime/NoiseModel.h"
#include "photon/Runtime/Program.h"
#include "photon/Runtime/Trainer.h"

#include <gtest/gtest.h>

#include <climits>
#include <string>

using namespace photon::runtime;

namespace {

std::string errorOf(llvm::Error error) {
  return error ? llvm::toString(std::move(error)) : std::string();
}

template <typename T> std::string errorOf(llvm::Expected<T> value) {
  return value ? std::string() : llvm::toString(value.takeError());
}

std::string identityProgram(const std::string &width) {
  return "{\"format\": \"photon-program\", \"version\": 1, \"inputs\": " +
         width + ", \"outputs\": " + width + ", \"layers\": []}";
}

TEST(Limits, CheckedProduct) {
  EXPECT_EQ(checkedProduct(4096, 4096, kMaxMatrixElements),
            std::optional<int64_t>(kMaxMatrixElements));
  EXPECT_EQ(checkedProduct(4097, 4096, kMaxMatrixElements), std::nullopt);
  EXPECT_EQ(checkedProduct(INT64_MAX, 2, INT64_MAX), std::nullopt);
  EXPECT_EQ(checkedProduct(-1, 2, 100), std::nullopt);
  EXPECT_EQ(checkedProduct(0, INT64_MAX, 100), std::optional<int64_t>(0));
}

TEST(Limits, MziCountDoesNotOverflowBeyondTheLimit) {
  // 65,537 modes wrapped in 32-bit arithmetic before.
  EXPECT_EQ(mziCount(static_cast<int>(kMaxModes)), 8386560);
  EXPECT_EQ(mziCount(46341), 1073720970); // N(N-1) itself exceeds INT_MAX
}

TEST(Limits, ProgramWidthsAboveTheLimitAreRefused) {
  EXPECT_EQ(errorOf(parseProgram(identityProgram("4096"), "p.json")), "");
  EXPECT_EQ(errorOf(parseProgram(identityProgram("65537"), "p.json")),
            "p.json: 'inputs' is 65537, above the limit of 4096 modes "
            "(docs/formats.md, Limits)");
  EXPECT_EQ(errorOf(parseProgram(identityProgram("4294967297"), "p.json")),
            "p.json: 'inputs' is 4294967297, out of the range of a 32-bit "
            "integer");
  const std::string mesh =
      "{\"format\": \"photon-program\", \"version\": 1, \"inputs\": 1, "
      "\"outputs\": 1, \"layers\": [{\"op\": \"mesh\", \"inputs\": 65537, "
      "\"outputs\": 65537, \"topology\": \"clements\", \"theta\": [], "
      "\"phi\": [], \"output_phases\": []}]}";
  EXPECT_EQ(errorOf(parseProgram(mesh, "p.json")),
            "p.json: layers[0] (mesh): 'inputs' is 65537, above the limit of "
            "4096 modes (docs/formats.md, Limits)");
  // A program built in memory is checked by verifyProgram too.
  Program program;
  program.inputs = program.outputs = INT_MAX;
  EXPECT_EQ(errorOf(verifyProgram(program)),
            "'inputs' is 2147483647, above the limit of 4096 modes "
            "(docs/formats.md, Limits)");
}

TEST(Limits, DeepJsonIsRefusedBeforeParsing) {
  const std::string deep(100000, '[');
  EXPECT_EQ(errorOf(parseProgram(deep + std::string(100000, ']'), "d.json")),
            "d.json: JSON nested deeper than 256 levels (docs/formats.md, "
            "Limits)");
  // Brackets inside strings do not count; 256 levels are accepted.
  EXPECT_EQ(jsonNestingDepth("{\"a\": \"[[[[\\\"[[\"}", 1000), 1);
  const std::string ok =
      std::string(256, '[') + std::string(256, ']');
  EXPECT_TRUE(static_cast<bool>(parseBoundedJson(ok)));
  const std::string over =
      std::string(257, '[') + std::string(257, ']');
  EXPECT_EQ(errorOf(parseBoundedJson(over)),
            "JSON nested deeper than 256 levels (docs/formats.md, Limits)");
}

TEST(Limits, GainAboveTheLimitIsRefused) {
  const std::string text =
      "{\"format\": \"photon-program\", \"version\": 1, \"inputs\": 1, "
      "\"outputs\": 1, \"layers\": [{\"op\": \"diagonal\", \"inputs\": 1, "
      "\"outputs\": 1, \"theta\": [0], \"gain\": 1e308}]}";
  std::string message = errorOf(parseProgram(text, "g.json"));
  EXPECT_NE(message.find("'gain' is"), std::string::npos) << message;
  EXPECT_NE(message.find("expected a finite value in [0, 1000000"),
            std::string::npos)
      << message;
}

TEST(Limits, NoiseParametersAreBounded) {
  EXPECT_EQ(errorOf(parseNoiseModel("phase_sigma=1e308")),
            "noise spec: 'phase_sigma' must be <= 10 (docs/formats.md, "
            "Limits), got 1e+308");
  EXPECT_EQ(errorOf(parseNoiseModel("loss_db=101")),
            "noise spec: 'loss_db' must be <= 100 (docs/formats.md, Limits), "
            "got 101");
  for (llvm::StringRef key : {"gamma_sigma", "crosstalk", "coupler_sigma",
                              "weight_sigma", "detector_sigma"}) {
    NoiseModel model;
    EXPECT_FALSE(errorOf(setNoiseParameter(model, key, 1e308)).empty())
        << key.str();
    EXPECT_EQ(errorOf(setNoiseParameter(model, key, kMaxNoiseSigma)), "")
        << key.str();
  }
}

TEST(Limits, TrainingCountsAreBounded) {
  Program program;
  program.inputs = program.outputs = 2;
  Layer mesh;
  mesh.kind = LayerKind::Mesh;
  mesh.inputs = mesh.outputs = 2;
  mesh.mesh = makeZeroMesh(Topology::Clements, 2);
  program.layers.push_back(mesh);
  Layer detect;
  detect.kind = LayerKind::Detect;
  detect.inputs = detect.outputs = 2;
  program.layers.push_back(detect);
  Eigen::MatrixXcd inputs = Eigen::MatrixXcd::Ones(2, 3);
  std::vector<int> labels = {0, 1, 0};
  TrainOptions options;
  options.epochs = 1;
  options.batchSize = INT_MAX;
  EXPECT_EQ(errorOf(train(program, inputs, labels, options)),
            "batch size is 2147483647, expected 1..65536");
  options.batchSize = 2;
  options.epochs = INT_MAX;
  EXPECT_EQ(errorOf(train(program, inputs, labels, options)),
            "epochs is 2147483647, expected 0..1000000");
  options.epochs = 1;
  options.threads = INT_MAX;
  EXPECT_EQ(errorOf(train(program, inputs, labels, options)),
            "threads is 2147483647, expected 1..256");
}

} // namespace
