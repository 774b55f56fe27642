//===- ProgramTest.cpp - The runtime program format -----------------------===//
#include "photon/Runtime/Decomposition.h"
#include "photon/Runtime/Program.h"

#include "TestUtil.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

#include <cstring>

using namespace photon::runtime;
using namespace photon::runtime::test;

namespace {

Program sampleProgram() {
  Random random(77);
  Program p;
  p.inputs = 6;
  p.outputs = 4;
  Layer enc;
  enc.kind = LayerKind::Encode;
  enc.inputs = enc.outputs = 6;
  Layer v;
  v.kind = LayerKind::Mesh;
  v.inputs = v.outputs = 6;
  v.mesh = decomposeClements(haarUnitary(6, random));
  v.mesh.mask.assign(v.mesh.shifterCount(), 1);
  v.mesh.theta[2] = 0.0;
  v.mesh.mask[2] = 0;
  v.mesh.active.assign(v.mesh.shifterCount(), 0);
  v.mesh.active[0] = 1;  // θ of MZI 0
  v.mesh.active[16] = 1; // φ of MZI 1
  v.sourceLayer = 0;
  v.factor = "V";
  Layer s;
  s.kind = LayerKind::Diagonal;
  s.inputs = 6;
  s.outputs = 4;
  s.diagonal.inputs = 6;
  s.diagonal.outputs = 4;
  s.diagonal.theta = {0.0, 0.1, 1.0 / 3.0, kPi};
  s.diagonal.gain = 1.2345678901234567;
  s.sourceLayer = 0;
  s.factor = "Sigma";
  Layer u;
  u.kind = LayerKind::Mesh;
  u.inputs = u.outputs = 4;
  u.mesh = decomposeReck(haarUnitary(4, random));
  Layer act;
  act.kind = LayerKind::Activation;
  act.inputs = act.outputs = 4;
  act.activation = Activation::Softplus;
  Layer det;
  det.kind = LayerKind::Detect;
  det.inputs = det.outputs = 4;
  p.layers = {enc, v, s, u, act, det};
  return p;
}

std::string toJson(const Program &p) {
  std::string text;
  llvm::raw_string_ostream os(text);
  writeProgram(p, os);
  os.flush();
  return text;
}

bool sameBits(const std::vector<double> &a, const std::vector<double> &b) {
  return a.size() == b.size() &&
         (a.empty() || std::memcmp(a.data(), b.data(), a.size() * 8) == 0);
}

TEST(Program, KindNames) {
  EXPECT_STREQ(layerKindName(LayerKind::Encode), "encode");
  EXPECT_STREQ(layerKindName(LayerKind::Mesh), "mesh");
  EXPECT_STREQ(layerKindName(LayerKind::Diagonal), "diagonal");
  EXPECT_STREQ(layerKindName(LayerKind::Activation), "activation");
  EXPECT_STREQ(layerKindName(LayerKind::Detect), "detect");
}

TEST(Program, RoundTripIsBitExact) {
  Program p = sampleProgram();
  ASSERT_FALSE(bool(verifyProgram(p)));
  std::string text = toJson(p);
  llvm::Expected<Program> q = parseProgram(text, "prog.json");
  ASSERT_TRUE(bool(q)) << llvm::toString(q.takeError());
  ASSERT_EQ(q->inputs, p.inputs);
  ASSERT_EQ(q->outputs, p.outputs);
  ASSERT_EQ(q->layers.size(), p.layers.size());
  for (size_t i = 0; i < p.layers.size(); ++i) {
    const Layer &a = p.layers[i], &b = q->layers[i];
    EXPECT_EQ(a.kind, b.kind);
    EXPECT_EQ(a.inputs, b.inputs);
    EXPECT_EQ(a.outputs, b.outputs);
    EXPECT_EQ(a.sourceLayer, b.sourceLayer);
    EXPECT_EQ(a.factor, b.factor);
    EXPECT_EQ(a.activation, b.activation);
    if (a.kind == LayerKind::Mesh) {
      EXPECT_EQ(a.mesh.topology, b.mesh.topology);
      EXPECT_EQ(a.mesh.modes, b.mesh.modes);
      EXPECT_TRUE(sameBits(a.mesh.theta, b.mesh.theta));
      EXPECT_TRUE(sameBits(a.mesh.phi, b.mesh.phi));
      EXPECT_TRUE(sameBits(a.mesh.outputPhases, b.mesh.outputPhases));
      EXPECT_EQ(a.mesh.mask, b.mesh.mask);
      EXPECT_EQ(a.mesh.active, b.mesh.active);
    }
    if (a.kind == LayerKind::Diagonal) {
      EXPECT_TRUE(sameBits(a.diagonal.theta, b.diagonal.theta));
      EXPECT_EQ(std::memcmp(&a.diagonal.gain, &b.diagonal.gain, 8), 0);
      EXPECT_EQ(a.diagonal.inputs, b.diagonal.inputs);
      EXPECT_EQ(a.diagonal.outputs, b.diagonal.outputs);
    }
  }
  // Writing the parsed program gives the same text.
  EXPECT_EQ(toJson(*q), text);
}

TEST(Program, RoundTripOfAwkwardDoubles) {
  Program p;
  p.inputs = p.outputs = 3;
  Layer m;
  m.kind = LayerKind::Mesh;
  m.inputs = m.outputs = 3;
  m.mesh = makeZeroMesh(Topology::Clements, 3);
  m.mesh.theta = {std::nextafter(kTwoPi, 0.0), 5e-324, 1e-300};
  m.mesh.phi = {0.1, 1.0 / 3.0, 3.0};
  m.mesh.outputPhases = {-0.0, 123456789.123456789, 2.0};
  p.layers = {m};
  llvm::Expected<Program> q = parseProgram(toJson(p), "awkward.json");
  ASSERT_TRUE(bool(q)) << llvm::toString(q.takeError());
  EXPECT_TRUE(sameBits(q->layers[0].mesh.theta, m.mesh.theta));
  EXPECT_TRUE(sameBits(q->layers[0].mesh.phi, m.mesh.phi));
  EXPECT_EQ(q->layers[0].mesh.outputPhases[0], 0.0);
  EXPECT_EQ(q->layers[0].mesh.outputPhases[1], 123456789.123456789);
  // Random doubles round trip exactly.
  Random random(1);
  for (double &t : m.mesh.theta)
    t = kTwoPi * random.uniform();
  for (double &t : m.mesh.phi)
    t = random.normal() * 1e-7;
  p.layers = {m};
  q = parseProgram(toJson(p), "random.json");
  ASSERT_TRUE(bool(q));
  EXPECT_TRUE(sameBits(q->layers[0].mesh.theta, m.mesh.theta));
  EXPECT_TRUE(sameBits(q->layers[0].mesh.phi, m.mesh.phi));
}

TEST(Program, ParsesTheDocumentedExample) {
  std::string theta = "[" + std::string("0.5,") + "1,2]";
  const char *text = R"({"format": "photon-program", "version": 1,
    "inputs": 3, "outputs": 2, "extra": {"ignored": true},
    "layers": [
      {"op": "encode", "inputs": 3, "outputs": 3},
      {"op": "mesh", "inputs": 3, "outputs": 3, "topology": "clements",
       "theta": [0.5, 1, 2], "phi": [0, 0, 0.25], "output_phases": [0, 1, 2],
       "mask": [1,1,1, 0,0,1, 1,1,1], "layer": 0, "factor": "V",
       "comment": "unknown keys are ignored"},
      {"op": "diagonal", "inputs": 3, "outputs": 2, "theta": [0, 1.5],
       "gain": 1.5, "layer": 0, "factor": "Sigma"},
      {"op": "activation", "inputs": 2, "outputs": 2, "function": "softplus"},
      {"op": "detect", "inputs": 2, "outputs": 2}
    ]})";
  llvm::Expected<Program> p = parseProgram(text, "example.json");
  ASSERT_TRUE(bool(p)) << llvm::toString(p.takeError());
  EXPECT_EQ(p->inputs, 3);
  EXPECT_EQ(p->outputs, 2);
  ASSERT_EQ(p->layers.size(), 5u);
  EXPECT_TRUE(p->electricalInputs());
  EXPECT_TRUE(p->electricalOutputs());
  const Layer &mesh = p->layers[1];
  EXPECT_EQ(mesh.kind, LayerKind::Mesh);
  EXPECT_EQ(mesh.mesh.modes, 3);
  EXPECT_EQ(mesh.mesh.theta, (std::vector<double>{0.5, 1.0, 2.0}));
  EXPECT_EQ(mesh.mesh.mask.size(), 9u);
  EXPECT_EQ(mesh.sourceLayer, 0);
  EXPECT_EQ(mesh.factor, "V");
  EXPECT_EQ(p->layers[2].diagonal.gain, 1.5);
  EXPECT_EQ(p->layers[2].factor, "Sigma");
  EXPECT_EQ(p->layers[3].activation, Activation::Softplus);
  EXPECT_EQ(p->layers[4].sourceLayer, -1);
}

TEST(Program, EmptyProgram) {
  llvm::Expected<Program> ok = parseProgram(
      R"({"format":"photon-program","version":1,"inputs":4,"outputs":4,"layers":[]})",
      "id.json");
  ASSERT_TRUE(bool(ok)) << llvm::toString(ok.takeError());
  EXPECT_TRUE(ok->layers.empty());
  EXPECT_FALSE(ok->electricalInputs());
  Program p;
  p.inputs = p.outputs = 4;
  llvm::Expected<Program> again = parseProgram(toJson(p), "id.json");
  ASSERT_TRUE(bool(again));
}

TEST(Program, LoadFromFile) {
  llvm::SmallString<128> path;
  ASSERT_FALSE(llvm::sys::fs::createTemporaryFile("photon-prog", "json", path));
  {
    std::error_code ec;
    llvm::raw_fd_ostream os(path, ec);
    ASSERT_FALSE(ec);
    writeProgram(sampleProgram(), os);
  }
  llvm::Expected<Program> p = loadProgram(path);
  ASSERT_TRUE(bool(p)) << llvm::toString(p.takeError());
  EXPECT_EQ(p->layers.size(), 6u);
  llvm::sys::fs::remove(path);
  llvm::Expected<Program> missing = loadProgram("/nonexistent/prog.json");
  ASSERT_FALSE(bool(missing));
  EXPECT_NE(llvm::toString(missing.takeError()).find("/nonexistent/prog.json"),
            std::string::npos);
}

/// Parses `text` and returns the error message ("" when it parsed).
std::string parseError(const std::string &text) {
  llvm::Expected<Program> p = parseProgram(text, "prog.json");
  if (p)
    return "";
  return llvm::toString(p.takeError());
}

/// The sample program with `edit` applied to its JSON text.
std::string editSample(const std::string &from, const std::string &to) {
  std::string text = toJson(sampleProgram());
  size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos)
    text.replace(at, from.size(), to);
  return text;
}

::testing::AssertionResult mentions(const std::string &message,
                                    std::initializer_list<const char *> parts) {
  if (message.empty())
    return ::testing::AssertionFailure() << "parsed without error";
  if (message.rfind("prog.json: ", 0) != 0)
    return ::testing::AssertionFailure()
           << "does not start with the source name: " << message;
  for (const char *part : parts)
    if (message.find(part) == std::string::npos)
      return ::testing::AssertionFailure()
             << "'" << part << "' missing in: " << message;
  return ::testing::AssertionSuccess() << message;
}

TEST(ProgramErrors, MalformedJson) {
  EXPECT_TRUE(mentions(parseError("{\"format\": "), {"invalid JSON"}));
  EXPECT_TRUE(mentions(parseError("[1, 2]"), {"object"}));
}

TEST(ProgramErrors, WrongFormat) {
  std::string m = parseError(editSample("\"photon-program\"", "\"onnx\""));
  EXPECT_TRUE(mentions(m, {"'format'", "onnx"}));
  EXPECT_TRUE(mentions(parseError(editSample("\"format\"", "\"fmt\"")),
                       {"missing field 'format'"}));
}

TEST(ProgramErrors, UnsupportedVersion) {
  EXPECT_TRUE(mentions(parseError(editSample("\"version\": 1", "\"version\": 2")),
                       {"'version'", "2"}));
  EXPECT_TRUE(mentions(
      parseError(editSample("\"version\": 1", "\"version\": \"1\"")),
      {"'version'"}));
}

TEST(ProgramErrors, MissingField) {
  EXPECT_TRUE(mentions(parseError(editSample("\"gain\"", "\"gian\"")),
                       {"layers[2] (diagonal)", "missing field 'gain'"}));
  EXPECT_TRUE(mentions(parseError(editSample("\"topology\"", "\"topo\"")),
                       {"layers[1] (mesh)", "'topology'"}));
  EXPECT_TRUE(mentions(parseError(editSample("\"op\":\"encode\",", "")),
                       {"layers[0]", "missing field 'op'"}));
  EXPECT_TRUE(mentions(parseError(editSample("\"layers\"", "\"layer_list\"")),
                       {"'layers'"}));
  EXPECT_TRUE(mentions(parseError(editSample("\"output_phases\"", "\"out\"")),
                       {"layers[1] (mesh)", "'output_phases'"}));
}

TEST(ProgramErrors, WrongArrayLength) {
  std::string text = editSample("\"theta\":[", "\"theta\":[0.5,");
  EXPECT_TRUE(mentions(parseError(text),
                       {"layers[1] (mesh)", "'theta' has 16 entries, expected 15"}));
  text = editSample("\"theta\":[0,", "\"theta\":[");
  EXPECT_TRUE(mentions(parseError(text),
                       {"layers[2] (diagonal)", "'theta' has 3 entries, expected 4"}));
  text = editSample("\"mask\":[1,", "\"mask\":[");
  EXPECT_TRUE(mentions(parseError(text), {"layers[1] (mesh)", "'mask'"}));
}

TEST(ProgramErrors, NonFinitePhase) {
  EXPECT_TRUE(mentions(parseError(editSample("\"phi\":[", "\"phi\":[1e999,")),
                       {"layers[1] (mesh)", "'phi'"}));
  std::string text = editSample("\"theta\":[", "\"theta\":[-1e999,");
  // The length is checked before finiteness; fix it by dropping one entry.
  text = parseError(text);
  EXPECT_TRUE(mentions(text, {"'theta'"}));
  std::string nanPhase = editSample("\"gain\":", "\"gain\":1e999,\"x\":");
  EXPECT_TRUE(mentions(parseError(nanPhase), {"layers[2] (diagonal)", "'gain'"}));
  EXPECT_TRUE(mentions(parseError(editSample("\"phi\":[", "\"phi\":[null,")),
                       {"'phi'[0] is not a number"}));
}

TEST(ProgramErrors, NonFinitePhaseWithRightLength) {
  Program p = sampleProgram();
  p.layers[3].mesh.theta[1] = std::numeric_limits<double>::infinity();
  llvm::Error e = verifyProgram(p);
  ASSERT_TRUE(bool(e));
  std::string m = llvm::toString(std::move(e));
  EXPECT_NE(m.find("layers[3] (mesh): 'theta'[1] is not finite"),
            std::string::npos)
      << m;
  std::string text = toJson(sampleProgram());
  // Replace the first theta entry of layers[3] by an overflowing literal.
  size_t layer3 = text.find("\"topology\":\"reck\"");
  ASSERT_NE(layer3, std::string::npos);
  size_t theta = text.find("\"theta\":[", layer3) + 9;
  size_t comma = text.find(',', theta);
  text.replace(theta, comma - theta, "1e400");
  EXPECT_TRUE(mentions(parseError(text),
                       {"layers[3] (mesh)", "'theta'[0] is not finite"}));
}

TEST(ProgramErrors, WidthsDoNotChain) {
  EXPECT_TRUE(mentions(
      parseError(editSample("{\"op\":\"diagonal\",\"inputs\":6",
                            "{\"op\":\"diagonal\",\"inputs\":5")),
      {"layers[2] (diagonal)", "'inputs' is 5, expected 6"}));
  EXPECT_TRUE(mentions(parseError(editSample("\"inputs\": 6", "\"inputs\": 7")),
                       {"layers[0] (encode)", "'inputs'"}));
  EXPECT_TRUE(mentions(parseError(editSample("\"outputs\": 4", "\"outputs\": 3")),
                       {"layers[5] (detect)", "'outputs'"}));
  // A mesh must be square.
  EXPECT_TRUE(mentions(
      parseError(editSample("\"op\":\"mesh\",\"inputs\":6,\"outputs\":6",
                            "\"op\":\"mesh\",\"inputs\":6,\"outputs\":5")),
      {"layers[1] (mesh)", "'outputs'"}));
  // An empty program must have inputs == outputs.
  EXPECT_TRUE(mentions(
      parseError(R"({"format":"photon-program","version":1,"inputs":4,"outputs":3,"layers":[]})"),
      {"'layers'", "'inputs'", "'outputs'"}));
}

TEST(ProgramErrors, EncodeAndDetectPlacement) {
  Program p = sampleProgram();
  std::swap(p.layers[4], p.layers[5]); // detect before activation
  llvm::Error e = verifyProgram(p);
  ASSERT_TRUE(bool(e));
  std::string m = llvm::toString(std::move(e));
  EXPECT_NE(m.find("layers[4] (detect)"), std::string::npos) << m;
  Program q = sampleProgram();
  Layer enc = q.layers[0];
  enc.inputs = enc.outputs = 4;
  q.layers.insert(q.layers.begin() + 4, enc);
  e = verifyProgram(q);
  ASSERT_TRUE(bool(e));
  m = llvm::toString(std::move(e));
  EXPECT_NE(m.find("layers[4] (encode)"), std::string::npos) << m;
}

TEST(ProgramErrors, UnknownNames) {
  EXPECT_TRUE(mentions(parseError(editSample("\"op\":\"detect\"", "\"op\":\"conv\"")),
                       {"layers[5]", "'op'", "conv"}));
  EXPECT_TRUE(mentions(
      parseError(editSample("\"topology\":\"reck\"", "\"topology\":\"diamond\"")),
      {"layers[3] (mesh)", "'topology'", "diamond"}));
  EXPECT_TRUE(mentions(
      parseError(editSample("\"function\":\"softplus\"", "\"function\":\"relu\"")),
      {"layers[4] (activation)", "'function'", "relu"}));
}

TEST(ProgramErrors, MaskRules) {
  EXPECT_TRUE(mentions(parseError(editSample("\"mask\":[1,", "\"mask\":[2,")),
                       {"layers[1] (mesh)", "'mask'[0]"}));
  // A masked shifter must have phase 0: mask theta[0] (non-zero).
  EXPECT_TRUE(mentions(parseError(editSample("\"mask\":[1,", "\"mask\":[0,")),
                       {"layers[1] (mesh)", "'theta'[0]", "'mask'[0]"}));
}

TEST(ProgramErrors, ActiveRules) {
  EXPECT_TRUE(mentions(parseError(editSample("\"active\":[1,", "\"active\":[2,")),
                       {"layers[1] (mesh)", "'active'[0]"}));
  EXPECT_TRUE(mentions(parseError(editSample("\"active\":[1,", "\"active\":[")),
                       {"layers[1] (mesh)", "'active' has 35 entries"}));
  Program p = sampleProgram();
  Mesh &mesh = p.layers[1].mesh;
  mesh.active[2] = 1; // masked
  EXPECT_NE(llvm::toString(verifyProgram(p)).find("'active'[2] marks a masked"),
            std::string::npos);
  mesh.active[2] = 0;
  mesh.active[mesh.shifterCount() - 1] = 1; // an output shifter
  EXPECT_NE(llvm::toString(verifyProgram(p)).find("marks an output shifter"),
            std::string::npos);
}

TEST(ProgramErrors, WrongTypes) {
  EXPECT_TRUE(mentions(parseError(editSample("\"inputs\": 6", "\"inputs\": \"6\"")),
                       {"'inputs'"}));
  EXPECT_TRUE(mentions(parseError(editSample("\"factor\":\"V\"", "\"factor\":1")),
                       {"layers[1] (mesh)", "'factor'"}));
  EXPECT_TRUE(mentions(parseError(editSample("\"layer\":0", "\"layer\":0.5")),
                       {"layers[1] (mesh)", "'layer'"}));
  EXPECT_TRUE(mentions(parseError(editSample("\"gain\":", "\"gain\":-1,\"x\":")),
                       {"layers[2] (diagonal)", "'gain'"}));
}

} // namespace

TEST(ProgramErrors, DiagonalAttenuatorsAndMask) {
  // Attenuator phases live in [0, pi].
  std::string text = editSample("\"gain\":", "\"mask\":[1,1,1,1],\"gain\":");
  EXPECT_EQ(parseError(text), "");
  text = editSample("\"gain\":", "\"mask\":[1,1],\"gain\":");
  EXPECT_TRUE(mentions(parseError(text),
                       {"layers[2] (diagonal)", "'mask' has 2 entries, expected 4"}));
  Program p = sampleProgram();
  p.layers[2].diagonal.theta[0] = 4.0;
  EXPECT_TRUE(mentions(parseError(toJson(p)),
                       {"layers[2] (diagonal)", "'theta'[0]", "[0, pi]"}));
  p = sampleProgram();
  p.layers[2].diagonal.theta[1] = 0.5;
  p.layers[2].diagonal.mask = {1, 0, 1, 1};
  EXPECT_TRUE(mentions(parseError(toJson(p)),
                       {"layers[2] (diagonal)", "'mask'[1] is 0"}));
  // A valid mask round-trips.
  p.layers[2].diagonal.theta[1] = 0.0;
  llvm::Expected<Program> q = parseProgram(toJson(p), "prog.json");
  ASSERT_TRUE(bool(q)) << llvm::toString(q.takeError());
  EXPECT_EQ(q->layers[2].diagonal.mask, p.layers[2].diagonal.mask);
}
