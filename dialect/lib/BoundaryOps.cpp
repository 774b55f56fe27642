//===- BoundaryOps.cpp - Verifiers of photonic.oeo and photonic.readout ---===//
#include "photon/Dialect/PhotonicOps.h"

#include <cmath>

using namespace mlir;
using namespace photon;

/// The bias, when present, has one finite value per mode.
static LogicalResult verifyBias(Operation *op,
                                std::optional<ArrayRef<double>> bias,
                                int64_t modes) {
  if (!bias)
    return success();
  if (static_cast<int64_t>(bias->size()) != modes)
    return op->emitOpError() << "expects 'bias' to have " << modes
                             << " entries (one per mode), got "
                             << bias->size();
  for (size_t i = 0; i < bias->size(); ++i)
    if (!std::isfinite((*bias)[i]))
      return op->emitOpError() << "expects finite 'bias' entries, entry " << i
                               << " is " << (*bias)[i];
  return success();
}

LogicalResult OeoOp::verify() {
  ElectricalFunction function = getFunction();
  if (function == ElectricalFunction::softmax ||
      function == ElectricalFunction::log_softmax)
    return emitOpError() << "expects an element-wise function, got '"
                         << stringifyElectricalFunction(function)
                         << "' (only photonic.readout may apply it)";
  return verifyBias(*this, getBias(),
                    llvm::cast<FieldType>(getInput().getType()).getModes());
}

LogicalResult ReadoutOp::verify() {
  int64_t modes = llvm::cast<FieldType>(getInput().getType()).getModes();
  auto type = llvm::cast<RankedTensorType>(getOutput().getType());
  if (type.isDynamicDim(0) || type.getDimSize(0) != modes)
    return emitOpError() << "expects the output length to equal the mode count "
                         << modes << ", got " << type;
  return verifyBias(*this, getBias(), modes);
}
