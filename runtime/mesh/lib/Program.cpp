//===- Program.cpp - The runtime program format ---------------------------===//
//
// Reading, checking and writing "photon-program" JSON (version 1). Every
// error names the source, the layer (index and op) and the field, e.g.
//   prog.json: layers[2] (mesh): 'theta' has 5 entries, expected 6
//
//===----------------------------------------------------------------------===//
#include "photon/Runtime/Program.h"

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

static std::optional<LayerKind> parseLayerKind(StringRef name) {
  for (LayerKind kind : {LayerKind::Encode, LayerKind::Mesh,
                         LayerKind::Diagonal, LayerKind::Activation,
                         LayerKind::Detect, LayerKind::Adapter,
                         LayerKind::Oeo, LayerKind::Readout})
    if (name == layerKindName(kind))
      return kind;
  return std::nullopt;
}

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
// Verification
//===----------------------------------------------------------------------===//

static Error makeError(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 message.str());
}

static std::string layerPrefix(size_t index, LayerKind kind) {
  return llvm::formatv("layers[{0}] ({1}): ", index, layerKindName(kind)).str();
}

/// Checks a phase array: size and finiteness.
static Error checkPhases(const std::string &prefix, StringRef field,
                         const std::vector<double> &values, size_t expected) {
  if (values.size() != expected)
    return makeError(llvm::formatv("{0}'{1}' has {2} entries, expected {3}",
                                   prefix, field, values.size(), expected));
  for (size_t i = 0; i < values.size(); ++i)
    if (!std::isfinite(values[i]))
      return makeError(llvm::formatv("{0}'{1}'[{2}] is not finite", prefix,
                                     field, i));
  return Error::success();
}

static Error checkMeshMask(StringRef prefix, const Mesh &mesh);

/// Checks a width read from input against kMaxModes (before anything is
/// sized by it).
static Error checkWidth(StringRef prefix, StringRef field, int64_t width) {
  if (width > kMaxModes)
    return makeError(llvm::formatv("{0}'{1}' is {2}, above the limit of {3} "
                                   "modes (docs/formats.md, Limits)",
                                   prefix, field, width, kMaxModes));
  return Error::success();
}

static Error verifyMesh(const std::string &prefix, const Layer &layer) {
  const Mesh &mesh = layer.mesh;
  if (layer.outputs != layer.inputs)
    return makeError(llvm::formatv(
        "{0}'outputs' is {1}, expected {2} (a mesh has as many outputs as "
        "inputs)",
        prefix, layer.outputs, layer.inputs));
  if (mesh.modes != layer.inputs)
    return makeError(llvm::formatv("{0}the mesh has {1} modes, expected {2} "
                                   "('inputs')",
                                   prefix, mesh.modes, layer.inputs));
  const size_t count = mziCount(mesh.modes);
  if (Error e = checkPhases(prefix, "theta", mesh.theta, count))
    return e;
  if (Error e = checkPhases(prefix, "phi", mesh.phi, count))
    return e;
  if (Error e = checkPhases(prefix, "output_phases", mesh.outputPhases,
                            mesh.modes))
    return e;
  const size_t shifters = 2 * count + mesh.modes;
  if (Error e = checkMeshMask(prefix, mesh))
    return e;
  if (!mesh.active.empty()) {
    if (mesh.active.size() != shifters)
      return makeError(llvm::formatv(
          "{0}'active' has {1} entries, expected {2}", prefix,
          mesh.active.size(), shifters));
    for (size_t i = 0; i < shifters; ++i) {
      if (mesh.active[i] > 1)
        return makeError(llvm::formatv(
            "{0}'active'[{1}] is {2}, expected 0 or 1", prefix, i,
            int(mesh.active[i])));
      if (mesh.active[i] && i >= 2 * count)
        return makeError(llvm::formatv(
            "{0}'active'[{1}] marks an output shifter (only theta and phi "
            "shifters can be active)",
            prefix, i));
      if (mesh.active[i] && !mesh.mask.empty() && mesh.mask[i] == 0)
        return makeError(llvm::formatv(
            "{0}'active'[{1}] marks a masked shifter", prefix, i));
    }
  }
  return Error::success();
}

/// The mask rules of a mesh (called by verifyMesh).
static Error checkMeshMask(StringRef prefix, const Mesh &mesh) {
  const size_t count = mziCount(mesh.modes);
  const size_t shifters = 2 * count + mesh.modes;
  if (mesh.mask.empty())
    return Error::success();
  if (mesh.mask.size() != shifters)
    return makeError(llvm::formatv("{0}'mask' has {1} entries, expected {2}",
                                   prefix, mesh.mask.size(), shifters));
  for (size_t i = 0; i < shifters; ++i) {
    if (mesh.mask[i] > 1)
      return makeError(llvm::formatv("{0}'mask'[{1}] is {2}, expected 0 or 1",
                                     prefix, i, int(mesh.mask[i])));
    if (mesh.mask[i] != 0)
      continue;
    StringRef field = i < count ? "theta" : i < 2 * count ? "phi"
                                                          : "output_phases";
    size_t at = i < count ? i : i < 2 * count ? i - count : i - 2 * count;
    double value = i < count       ? mesh.theta[at]
                   : i < 2 * count ? mesh.phi[at]
                                   : mesh.outputPhases[at];
    if (value != 0.0)
      return makeError(llvm::formatv(
          "{0}'{1}'[{2}] is {3} but 'mask'[{4}] is 0 (masked shifters must "
          "have phase 0)",
          prefix, field, at, value, i));
  }
  return Error::success();
}

static Error verifyDiagonal(const std::string &prefix, const Layer &layer) {
  const Diagonal &d = layer.diagonal;
  if (d.inputs != layer.inputs || d.outputs != layer.outputs)
    return makeError(llvm::formatv(
        "{0}the diagonal is {1}x{2} (outputs x inputs), expected {3}x{4}",
        prefix, d.outputs, d.inputs, layer.outputs, layer.inputs));
  if (Error e = checkPhases(prefix, "theta", d.theta,
                            std::min(layer.inputs, layer.outputs)))
    return e;
  for (size_t i = 0; i < d.theta.size(); ++i)
    if (d.theta[i] < 0.0 || d.theta[i] > kPi)
      return makeError(llvm::formatv(
          "{0}'theta'[{1}] is {2}, expected an attenuator phase in [0, pi]",
          prefix, i, d.theta[i]));
  if (!std::isfinite(d.gain) || d.gain < 0.0 || d.gain > kMaxGain)
    return makeError(llvm::formatv(
        "{0}'gain' is {1}, expected a finite value in [0, {2}]", prefix,
        d.gain, kMaxGain));
  if (d.mask.empty())
    return Error::success();
  if (d.mask.size() != d.theta.size())
    return makeError(llvm::formatv("{0}'mask' has {1} entries, expected {2}",
                                   prefix, d.mask.size(), d.theta.size()));
  for (size_t i = 0; i < d.mask.size(); ++i)
    if (d.mask[i] == 0 && d.theta[i] != 0.0)
      return makeError(llvm::formatv(
          "{0}'theta'[{1}] is {2} but 'mask'[{1}] is 0 (masked attenuators "
          "must have phase 0)",
          prefix, i, d.theta[i]));
  return Error::success();
}

static Error checkFiniteMatrix(const std::string &prefix, StringRef field,
                               const Eigen::MatrixXcd &m) {
  for (Eigen::Index r = 0; r < m.rows(); ++r)
    for (Eigen::Index c = 0; c < m.cols(); ++c)
      if (!std::isfinite(m(r, c).real()) || !std::isfinite(m(r, c).imag()))
        return makeError(llvm::formatv("{0}'{1}'[{2}][{3}] is not finite",
                                       prefix, field, r, c));
  return Error::success();
}

static Error verifyBoundary(const std::string &prefix, const Layer &layer,
                            bool last) {
  if (layer.kind == LayerKind::Readout && !last)
    return makeError(llvm::formatv(
        "{0}'op': a readout layer may only be the last layer", prefix));
  if (layer.outputs != layer.inputs)
    return makeError(llvm::formatv(
        "{0}'outputs' is {1}, expected {2} ({3} layers keep the width)", prefix,
        layer.outputs, layer.inputs, layerKindName(layer.kind)));
  const Boundary &b = layer.boundary;
  if (layer.kind == LayerKind::Oeo && !isElementwise(b.function))
    return makeError(llvm::formatv(
        "{0}'function' is {1}, which only a readout layer may apply", prefix,
        electricalFunctionName(b.function)));
  if (b.bias.empty())
    return Error::success();
  return checkPhases(prefix, "bias", b.bias, layer.inputs);
}

static Error verifyAdapter(const std::string &prefix, const Program &program,
                           size_t index) {
  const Layer &layer = program.layers[index];
  const Adapter &adapter = layer.adapter;
  if (layer.outputs != layer.inputs)
    return makeError(llvm::formatv(
        "{0}'outputs' is {1}, expected {2} (an adapter keeps the width)",
        prefix, layer.outputs, layer.inputs));
  if (adapter.source < -1 || adapter.source >= static_cast<int>(index))
    return makeError(llvm::formatv(
        "{0}'source' is {1}, expected -1 (the program input) or an earlier "
        "layer in [0, {2})",
        prefix, adapter.source, index));
  const int width = adapter.source < 0
                        ? program.inputs
                        : program.layers[adapter.source].outputs;
  const int rank = adapter.rank();
  if (rank < 1 || rank > std::min(width, layer.outputs))
    return makeError(llvm::formatv(
        "{0}'rank' is {1}, expected 1..{2} (min of the source width {3} and "
        "the layer width {4})",
        prefix, rank, std::min(width, layer.outputs), width, layer.outputs));
  if (adapter.a.cols() != width)
    return makeError(llvm::formatv(
        "{0}'a' is {1}x{2}, expected {3}x{4} (rank x source width)", prefix,
        adapter.a.rows(), adapter.a.cols(), rank, width));
  if (adapter.b.rows() != layer.outputs || adapter.b.cols() != rank)
    return makeError(llvm::formatv(
        "{0}'b' is {1}x{2}, expected {3}x{4} (width x rank)", prefix,
        adapter.b.rows(), adapter.b.cols(), layer.outputs, rank));
  if (Error e = checkFiniteMatrix(prefix, "a", adapter.a))
    return e;
  return checkFiniteMatrix(prefix, "b", adapter.b);
}

Error verifyProgram(const Program &program) {
  if (Error e = checkWidth("", "inputs", program.inputs))
    return e;
  if (Error e = checkWidth("", "outputs", program.outputs))
    return e;
  if (program.inputs <= 0)
    return makeError(llvm::formatv(
        "'inputs' is {0}, expected a positive width", program.inputs));
  if (program.outputs <= 0)
    return makeError(llvm::formatv(
        "'outputs' is {0}, expected a positive width", program.outputs));
  if (program.layers.empty()) {
    if (program.inputs != program.outputs)
      return makeError(llvm::formatv(
          "'layers' is empty (the identity) but 'inputs' is {0} and "
          "'outputs' is {1}",
          program.inputs, program.outputs));
    return Error::success();
  }
  const size_t last = program.layers.size() - 1;
  for (size_t i = 0; i <= last; ++i) {
    const Layer &layer = program.layers[i];
    const std::string prefix = layerPrefix(i, layer.kind);
    if (Error e = checkWidth(prefix, "inputs", layer.inputs))
      return e;
    if (Error e = checkWidth(prefix, "outputs", layer.outputs))
      return e;
    if (layer.inputs <= 0)
      return makeError(llvm::formatv(
          "{0}'inputs' is {1}, expected a positive width", prefix,
          layer.inputs));
    if (layer.outputs <= 0)
      return makeError(llvm::formatv(
          "{0}'outputs' is {1}, expected a positive width", prefix,
          layer.outputs));
    if (i == 0 && layer.inputs != program.inputs)
      return makeError(llvm::formatv(
          "{0}'inputs' is {1}, expected {2} (the program's 'inputs')", prefix,
          layer.inputs, program.inputs));
    if (i > 0 && layer.inputs != program.layers[i - 1].outputs)
      return makeError(llvm::formatv(
          "{0}'inputs' is {1}, expected {2} (the 'outputs' of layers[{3}])",
          prefix, layer.inputs, program.layers[i - 1].outputs, i - 1));
    if (i == last && layer.outputs != program.outputs)
      return makeError(llvm::formatv(
          "{0}'outputs' is {1}, expected {2} (the program's 'outputs')",
          prefix, layer.outputs, program.outputs));
    switch (layer.kind) {
    case LayerKind::Encode:
    case LayerKind::Detect:
    case LayerKind::Activation:
      if (layer.kind == LayerKind::Encode && i != 0)
        return makeError(llvm::formatv(
            "{0}'op': an encode layer may only be the first layer", prefix));
      if (layer.kind == LayerKind::Detect && i != last)
        return makeError(llvm::formatv(
            "{0}'op': a detect layer may only be the last layer", prefix));
      if (layer.outputs != layer.inputs)
        return makeError(llvm::formatv(
            "{0}'outputs' is {1}, expected {2} ({3} layers keep the width)",
            prefix, layer.outputs, layer.inputs, layerKindName(layer.kind)));
      break;
    case LayerKind::Mesh:
      if (Error e = verifyMesh(prefix, layer))
        return e;
      break;
    case LayerKind::Diagonal:
      if (Error e = verifyDiagonal(prefix, layer))
        return e;
      break;
    case LayerKind::Adapter:
      if (Error e = verifyAdapter(prefix, program, i))
        return e;
      break;
    case LayerKind::Oeo:
    case LayerKind::Readout:
      if (Error e = verifyBoundary(prefix, layer, i == last))
        return e;
      break;
    }
  }
  return Error::success();
}

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
