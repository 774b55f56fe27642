//===- ProgramReader.cpp - Reading a runtime program ----------------------===//
//
// parseProgram and loadProgram: "photon-program" JSON (version 1, bounded
// nesting and sizes) into a Program, then verifyProgram.
//
//===----------------------------------------------------------------------===//
#include "photon/Runtime/Program.h"

#include "ProgramDetail.h"

#include "photon/Runtime/BoundedJson.h"
#include "photon/Runtime/Convention.h"
#include "photon/Runtime/Limits.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

using llvm::Error;
using llvm::Expected;
using llvm::StringRef;
namespace json = llvm::json;

namespace photon::runtime {

using namespace program_detail;

//===----------------------------------------------------------------------===//
// Parsing
//===----------------------------------------------------------------------===//

namespace {

/// Reads the fields of one JSON object; errors carry `prefix`.
class FieldReader {
public:
  FieldReader(const json::Object &object, std::string prefix)
      : object(object), prefix(std::move(prefix)) {}

  Error error(const llvm::Twine &message) const {
    return makeError(prefix + message);
  }

  const json::Value *find(StringRef key) const { return object.get(key); }

  Expected<const json::Value *> require(StringRef key) const {
    const json::Value *value = object.get(key);
    if (!value)
      return error("missing field '" + key + "'");
    return value;
  }

  Expected<int> readInt(StringRef key) const {
    Expected<const json::Value *> value = require(key);
    if (!value)
      return value.takeError();
    return toInt(**value, key);
  }

  Expected<int> toInt(const json::Value &value, StringRef key) const {
    std::optional<int64_t> i = value.getAsInteger();
    if (!i)
      return error("'" + key + "' is not an integer");
    if (*i < std::numeric_limits<int>::min() ||
        *i > std::numeric_limits<int>::max())
      return error("'" + key + "' is " + llvm::Twine(*i) +
                   ", out of the range of a 32-bit integer");
    return static_cast<int>(*i);
  }

  Expected<std::string> readString(StringRef key) const {
    Expected<const json::Value *> value = require(key);
    if (!value)
      return value.takeError();
    std::optional<StringRef> s = (*value)->getAsString();
    if (!s)
      return error("'" + key + "' is not a string");
    return s->str();
  }

  Expected<double> readNumber(StringRef key) const {
    Expected<const json::Value *> value = require(key);
    if (!value)
      return value.takeError();
    std::optional<double> d = (*value)->getAsNumber();
    if (!d)
      return error("'" + key + "' is not a number");
    return *d;
  }

  Expected<std::vector<double>> readNumbers(StringRef key) const {
    Expected<const json::Value *> value = require(key);
    if (!value)
      return value.takeError();
    const json::Array *array = (*value)->getAsArray();
    if (!array)
      return error("'" + key + "' is not an array");
    std::vector<double> numbers;
    numbers.reserve(array->size());
    for (size_t i = 0; i < array->size(); ++i) {
      std::optional<double> d = (*array)[i].getAsNumber();
      if (!d)
        return error(llvm::formatv("'{0}'[{1}] is not a number", key, i));
      numbers.push_back(*d);
    }
    return numbers;
  }

private:
  const json::Object &object;
  std::string prefix;
};

Error readFlags(const FieldReader &reader, StringRef key,
                std::vector<uint8_t> &flags);

Error parseMeshFields(const FieldReader &reader, Layer &layer) {
  Expected<std::string> topologyName = reader.readString("topology");
  if (!topologyName)
    return topologyName.takeError();
  std::optional<Topology> topology = parseTopology(*topologyName);
  if (!topology)
    return reader.error("unknown 'topology' \"" + *topologyName +
                        "\" (expected \"clements\" or \"reck\")");
  Mesh &mesh = layer.mesh;
  mesh.topology = *topology;
  mesh.modes = layer.inputs;
  for (auto [key, target] :
       {std::pair<StringRef, std::vector<double> *>{"theta", &mesh.theta},
        {"phi", &mesh.phi},
        {"output_phases", &mesh.outputPhases}}) {
    Expected<std::vector<double>> values = reader.readNumbers(key);
    if (!values)
      return values.takeError();
    *target = std::move(*values);
  }
  if (Error e = readFlags(reader, "mask", mesh.mask))
    return e;
  return readFlags(reader, "active", mesh.active);
}

/// Reads the optional array of 0/1 `key` (a mask or an active list).
Error readFlags(const FieldReader &reader, StringRef key,
                std::vector<uint8_t> &flags) {
  const json::Value *value = reader.find(key);
  if (!value)
    return Error::success();
  const json::Array *array = value->getAsArray();
  if (!array)
    return reader.error(("'" + key + "' is not an array").str());
  flags.reserve(array->size());
  for (size_t i = 0; i < array->size(); ++i) {
    std::optional<int64_t> bit = (*array)[i].getAsInteger();
    if (!bit || (*bit != 0 && *bit != 1))
      return reader.error(
          llvm::formatv("'{0}'[{1}] is not 0 or 1", key, i).str());
    flags.push_back(static_cast<uint8_t>(*bit));
  }
  return Error::success();
}

Error parseDiagonalFields(const FieldReader &reader, Layer &layer) {
  Diagonal &d = layer.diagonal;
  d.inputs = layer.inputs;
  d.outputs = layer.outputs;
  Expected<std::vector<double>> theta = reader.readNumbers("theta");
  if (!theta)
    return theta.takeError();
  d.theta = std::move(*theta);
  Expected<double> gain = reader.readNumber("gain");
  if (!gain)
    return gain.takeError();
  d.gain = *gain;
  return readFlags(reader, "mask", d.mask);
}

/// Reads `key`_re and `key`_im (rows x cols, row-major) into `m`.
Error readComplexMatrix(const FieldReader &reader, StringRef key, int rows,
                        int cols, Eigen::MatrixXcd &m) {
  const std::string re = (key + "_re").str(), im = (key + "_im").str();
  Expected<std::vector<double>> real = reader.readNumbers(re);
  if (!real)
    return real.takeError();
  Expected<std::vector<double>> imag = reader.readNumbers(im);
  if (!imag)
    return imag.takeError();
  const size_t expected = static_cast<size_t>(rows) * cols;
  for (auto [name, values] : {std::pair<StringRef, std::vector<double> *>{
                                  re, &*real},
                              {im, &*imag}})
    if (values->size() != expected)
      return reader.error(llvm::formatv(
          "'{0}' has {1} entries, expected {2} ({3}x{4}, row-major)", name,
          values->size(), expected, rows, cols));
  m.resize(rows, cols);
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c)
      m(r, c) = {(*real)[r * cols + c], (*imag)[r * cols + c]};
  return Error::success();
}

Error parseAdapterFields(const FieldReader &reader, Layer &layer,
                         const std::vector<Layer> &before, int programInputs) {
  Expected<int> source = reader.readInt("source");
  if (!source)
    return source.takeError();
  if (*source < -1 || *source >= static_cast<int>(before.size()))
    return reader.error(llvm::formatv(
        "'source' is {0}, expected -1 (the program input) or an earlier "
        "layer in [0, {1})",
        *source, before.size()));
  Expected<int> rank = reader.readInt("rank");
  if (!rank)
    return rank.takeError();
  const int width = *source < 0 ? programInputs : before[*source].outputs;
  if (*rank < 1 || *rank > std::min(width, layer.outputs) ||
      layer.outputs < 1)
    return reader.error(llvm::formatv(
        "'rank' is {0}, expected 1..{1} (min of the source width {2} and "
        "the layer width {3})",
        *rank, std::min(width, layer.outputs), width, layer.outputs));
  layer.adapter.source = *source;
  if (Error e = readComplexMatrix(reader, "a", *rank, width, layer.adapter.a))
    return e;
  return readComplexMatrix(reader, "b", layer.outputs, *rank,
                           layer.adapter.b);
}

Expected<Layer> parseLayer(const json::Value &value, size_t index,
                           const std::vector<Layer> &before,
                           int programInputs) {
  const json::Object *object = value.getAsObject();
  std::string prefix = llvm::formatv("layers[{0}]: ", index).str();
  if (!object)
    return makeError(prefix + "expected an object");
  FieldReader reader(*object, prefix);
  Expected<std::string> op = reader.readString("op");
  if (!op)
    return op.takeError();
  std::optional<LayerKind> kind = parseLayerKind(*op);
  if (!kind)
    return reader.error("unknown 'op' \"" + *op +
                        "\" (expected encode, mesh, diagonal, activation, "
                        "detect, adapter, oeo or readout)");
  Layer layer;
  layer.kind = *kind;
  FieldReader fields(*object, layerPrefix(index, *kind));
  Expected<int> inputs = fields.readInt("inputs");
  if (!inputs)
    return inputs.takeError();
  Expected<int> outputs = fields.readInt("outputs");
  if (!outputs)
    return outputs.takeError();
  if (Error e = checkWidth(layerPrefix(index, *kind), "inputs", *inputs))
    return std::move(e);
  if (Error e = checkWidth(layerPrefix(index, *kind), "outputs", *outputs))
    return std::move(e);
  layer.inputs = *inputs;
  layer.outputs = *outputs;
  if (const json::Value *source = fields.find("layer")) {
    Expected<int> sourceLayer = fields.toInt(*source, "layer");
    if (!sourceLayer)
      return sourceLayer.takeError();
    layer.sourceLayer = *sourceLayer;
  }
  if (fields.find("factor")) {
    Expected<std::string> factor = fields.readString("factor");
    if (!factor)
      return factor.takeError();
    layer.factor = std::move(*factor);
  }
  switch (layer.kind) {
  case LayerKind::Mesh:
    if (Error e = parseMeshFields(fields, layer))
      return std::move(e);
    break;
  case LayerKind::Diagonal:
    if (Error e = parseDiagonalFields(fields, layer))
      return std::move(e);
    break;
  case LayerKind::Activation: {
    Expected<std::string> function = fields.readString("function");
    if (!function)
      return function.takeError();
    std::optional<Activation> activation = parseActivation(*function);
    if (!activation)
      return fields.error("unknown 'function' \"" + *function +
                          "\" (expected identity, softplus or modulus)");
    layer.activation = *activation;
    break;
  }
  case LayerKind::Adapter:
    if (Error e = parseAdapterFields(fields, layer, before, programInputs))
      return std::move(e);
    break;
  case LayerKind::Oeo:
  case LayerKind::Readout: {
    Expected<std::string> function = fields.readString("function");
    if (!function)
      return function.takeError();
    std::optional<ElectricalFunction> parsed =
        parseElectricalFunction(*function);
    if (!parsed)
      return fields.error("unknown 'function' \"" + *function +
                          "\" (expected identity, relu, sigmoid, tanh, "
                          "softplus, abs, softmax or log_softmax)");
    layer.boundary.function = *parsed;
    if (fields.find("bias")) {
      Expected<std::vector<double>> bias = fields.readNumbers("bias");
      if (!bias)
        return bias.takeError();
      layer.boundary.bias = std::move(*bias);
    }
    break;
  }
  case LayerKind::Encode:
  case LayerKind::Detect:
    break;
  }
  return layer;
}

Expected<Program> parseProgramValue(const json::Value &root) {
  const json::Object *object = root.getAsObject();
  if (!object)
    return makeError("expected a JSON object at the top level");
  FieldReader reader(*object, "");
  Expected<std::string> format = reader.readString("format");
  if (!format)
    return format.takeError();
  if (*format != "photon-program")
    return makeError("'format' is \"" + *format +
                     "\", expected \"photon-program\"");
  Expected<int> version = reader.readInt("version");
  if (!version)
    return version.takeError();
  if (*version != Program::kVersion)
    return makeError(llvm::formatv(
        "unsupported 'version' {0} (this build reads version {1})", *version,
        Program::kVersion));
  Program program;
  Expected<int> inputs = reader.readInt("inputs");
  if (!inputs)
    return inputs.takeError();
  Expected<int> outputs = reader.readInt("outputs");
  if (!outputs)
    return outputs.takeError();
  if (Error e = checkWidth("", "inputs", *inputs))
    return std::move(e);
  if (Error e = checkWidth("", "outputs", *outputs))
    return std::move(e);
  program.inputs = *inputs;
  program.outputs = *outputs;
  Expected<const json::Value *> layersValue = reader.require("layers");
  if (!layersValue)
    return layersValue.takeError();
  const json::Array *layers = (*layersValue)->getAsArray();
  if (!layers)
    return makeError("'layers' is not an array");
  program.layers.reserve(layers->size());
  for (size_t i = 0; i < layers->size(); ++i) {
    Expected<Layer> layer =
        parseLayer((*layers)[i], i, program.layers, program.inputs);
    if (!layer)
      return layer.takeError();
    program.layers.push_back(std::move(*layer));
  }
  if (Error e = verifyProgram(program))
    return std::move(e);
  return program;
}

} // namespace

Expected<Program> parseProgram(StringRef text, StringRef sourceName) {
  auto withSource = [&](Error e) {
    return makeError(sourceName + ": " + llvm::toString(std::move(e)));
  };
  Expected<json::Value> root = parseBoundedJson(text);
  if (!root)
    return withSource(root.takeError());
  Expected<Program> program = parseProgramValue(*root);
  if (!program)
    return withSource(program.takeError());
  return program;
}

Expected<Program> loadProgram(StringRef path) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
      llvm::MemoryBuffer::getFileOrSTDIN(path, /*IsText=*/true);
  StringRef name = path == "-" ? StringRef("<stdin>") : path;
  if (!buffer)
    return makeError(name + ": cannot read: " + buffer.getError().message());
  return parseProgram((*buffer)->getBuffer(), name);
}


} // namespace photon::runtime
