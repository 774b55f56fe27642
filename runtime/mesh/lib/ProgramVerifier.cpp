//===- ProgramVerifier.cpp - Checking a runtime program -------------------===//
//
// verifyProgram: every layer's sizes, phases, masks and parameters, with
// errors that name the layer (index and op) and the field.
//
//===----------------------------------------------------------------------===//
#include "photon/Runtime/Program.h"

#include "ProgramDetail.h"

#include "photon/Runtime/Convention.h"
#include "photon/Runtime/Limits.h"

#include "llvm/Support/FormatVariadic.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

using llvm::Error;
using llvm::StringRef;

namespace photon::runtime {

using namespace program_detail;

//===----------------------------------------------------------------------===//
// Verification
//===----------------------------------------------------------------------===//

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


} // namespace photon::runtime
