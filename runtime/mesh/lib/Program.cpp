//===- Program.cpp - The runtime program format ---------------------------===//
//
// Layer kind names, the helpers the reader and checker share, and writing
// "photon-program" JSON (version 1). Reading is in ProgramReader.cpp and
// checking in ProgramVerifier.cpp; every error names the source, the layer
// (index and op) and the field, e.g.
//   prog.json: layers[2] (mesh): 'theta' has 5 entries, expected 6
//
//===----------------------------------------------------------------------===//
#include "photon/Runtime/Program.h"

#include "ProgramDetail.h"

#include "photon/Runtime/Limits.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

#include <optional>
#include <string>

using llvm::Error;
using llvm::Expected;
using llvm::StringRef;
namespace json = llvm::json;

namespace photon::runtime {

const char *layerKindName(LayerKind kind) {
  switch (kind) {
  case LayerKind::Encode:
    return "encode";
  case LayerKind::Mesh:
    return "mesh";
  case LayerKind::Diagonal:
    return "diagonal";
  case LayerKind::Activation:
    return "activation";
  case LayerKind::Detect:
    return "detect";
  case LayerKind::Adapter:
    return "adapter";
  case LayerKind::Oeo:
    return "oeo";
  case LayerKind::Readout:
    return "readout";
  }
  return "encode";
}

namespace program_detail {

std::optional<LayerKind> parseLayerKind(StringRef name) {
  for (LayerKind kind : {LayerKind::Encode, LayerKind::Mesh,
                         LayerKind::Diagonal, LayerKind::Activation,
                         LayerKind::Detect, LayerKind::Adapter,
                         LayerKind::Oeo, LayerKind::Readout})
    if (name == layerKindName(kind))
      return kind;
  return std::nullopt;
}

Error makeError(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 message.str());
}

std::string layerPrefix(size_t index, LayerKind kind) {
  return llvm::formatv("layers[{0}] ({1}): ", index, layerKindName(kind)).str();
}

Error checkWidth(StringRef prefix, StringRef field, int64_t width) {
  if (width > kMaxModes)
    return makeError(llvm::formatv("{0}'{1}' is {2}, above the limit of {3} "
                                   "modes (docs/formats.md, Limits)",
                                   prefix, field, width, kMaxModes));
  return Error::success();
}

} // namespace program_detail

bool Program::electricalInputs() const {
  return !layers.empty() && layers.front().kind == LayerKind::Encode;
}

bool Program::electricalOutputs() const {
  return !layers.empty() && (layers.back().kind == LayerKind::Detect ||
                             layers.back().kind == LayerKind::Readout);
}

bool Program::hasBoundaries() const {
  for (const Layer &layer : layers)
    if (layer.kind == LayerKind::Oeo || layer.kind == LayerKind::Readout)
      return true;
  return false;
}

bool Program::hasAdapters() const {
  for (const Layer &layer : layers)
    if (layer.kind == LayerKind::Adapter)
      return true;
  return false;
}


//===----------------------------------------------------------------------===//
// Writing
//===----------------------------------------------------------------------===//

namespace {
/// -0.0 would be written as "-0", which reads back as the integer 0.
double positiveZero(double x) { return x + 0.0; }

void writeNumbers(json::OStream &j, StringRef key,
                  const std::vector<double> &values) {
  j.attributeArray(key, [&] {
    for (double v : values)
      j.value(positiveZero(v));
  });
}

void writeFlags(json::OStream &j, StringRef key,
                const std::vector<uint8_t> &flags) {
  if (flags.empty())
    return;
  j.attributeArray(key, [&] {
    for (uint8_t bit : flags)
      j.value(static_cast<int64_t>(bit));
  });
}

void writeComplexMatrix(json::OStream &j, StringRef key,
                        const Eigen::MatrixXcd &m) {
  for (bool imaginary : {false, true})
    j.attributeArray((key + (imaginary ? "_im" : "_re")).str(), [&] {
      for (Eigen::Index r = 0; r < m.rows(); ++r)
        for (Eigen::Index c = 0; c < m.cols(); ++c)
          j.value(positiveZero(imaginary ? m(r, c).imag() : m(r, c).real()));
    });
}

void writeLayer(const Layer &layer, llvm::raw_ostream &os) {
  json::OStream j(os);
  j.object([&] {
    j.attribute("op", layerKindName(layer.kind));
    j.attribute("inputs", layer.inputs);
    j.attribute("outputs", layer.outputs);
    switch (layer.kind) {
    case LayerKind::Mesh: {
      const Mesh &mesh = layer.mesh;
      j.attribute("topology", topologyName(mesh.topology));
      writeNumbers(j, "theta", mesh.theta);
      writeNumbers(j, "phi", mesh.phi);
      writeNumbers(j, "output_phases", mesh.outputPhases);
      writeFlags(j, "mask", mesh.mask);
      writeFlags(j, "active", mesh.active);
      break;
    }
    case LayerKind::Diagonal:
      writeNumbers(j, "theta", layer.diagonal.theta);
      j.attribute("gain", positiveZero(layer.diagonal.gain));
      writeFlags(j, "mask", layer.diagonal.mask);
      break;
    case LayerKind::Activation:
      j.attribute("function", activationName(layer.activation));
      break;
    case LayerKind::Adapter:
      j.attribute("source", layer.adapter.source);
      j.attribute("rank", layer.adapter.rank());
      writeComplexMatrix(j, "a", layer.adapter.a);
      writeComplexMatrix(j, "b", layer.adapter.b);
      break;
    case LayerKind::Oeo:
    case LayerKind::Readout:
      j.attribute("function", electricalFunctionName(layer.boundary.function));
      if (!layer.boundary.bias.empty())
        writeNumbers(j, "bias", layer.boundary.bias);
      break;
    case LayerKind::Encode:
    case LayerKind::Detect:
      break;
    }
    if (layer.sourceLayer >= 0)
      j.attribute("layer", layer.sourceLayer);
    if (!layer.factor.empty())
      j.attribute("factor", layer.factor);
  });
}
} // namespace

void writeProgram(const Program &program, llvm::raw_ostream &os) {
  os << "{\n  \"format\": \"photon-program\",\n  \"version\": "
     << Program::kVersion << ",\n  \"inputs\": " << program.inputs
     << ",\n  \"outputs\": " << program.outputs << ",\n  \"layers\": [";
  for (size_t i = 0; i < program.layers.size(); ++i) {
    os << (i == 0 ? "\n    " : ",\n    ");
    writeLayer(program.layers[i], os);
  }
  os << (program.layers.empty() ? "]\n}\n" : "\n  ]\n}\n");
}

} // namespace photon::runtime
