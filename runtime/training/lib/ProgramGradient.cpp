//===- ProgramGradient.cpp - Gradient containers and training checks ------===//
//
// ProgramGradient, the parameter counts and the checks a program and a data
// set pass before training (Gradient.h).
//
//===----------------------------------------------------------------------===//

#include "photon/Runtime/Gradient.h"

#include "photon/Runtime/Simulator.h"

#include "llvm/Support/FormatVariadic.h"

#include <algorithm>

namespace photon::runtime {

static llvm::Error makeError(const llvm::Twine &message) {
  return llvm::make_error<llvm::StringError>(message,
                                             llvm::inconvertibleErrorCode());
}


ProgramGradient ProgramGradient::zerosLike(const Program &program) {
  ProgramGradient g;
  g.layers.resize(program.layers.size());
  for (size_t i = 0; i < program.layers.size(); ++i) {
    const Layer &layer = program.layers[i];
    LayerGradient &lg = g.layers[i];
    if (layer.kind == LayerKind::Mesh) {
      lg.theta.assign(layer.mesh.theta.size(), 0.0);
      lg.phi.assign(layer.mesh.phi.size(), 0.0);
      lg.outputPhases.assign(layer.mesh.outputPhases.size(), 0.0);
    } else if (layer.kind == LayerKind::Diagonal) {
      lg.theta.assign(layer.diagonal.theta.size(), 0.0);
    } else if (layer.kind == LayerKind::Adapter) {
      lg.adapterA = Eigen::MatrixXcd::Zero(layer.adapter.a.rows(),
                                           layer.adapter.a.cols());
      lg.adapterB = Eigen::MatrixXcd::Zero(layer.adapter.b.rows(),
                                           layer.adapter.b.cols());
    }
  }
  return g;
}

void ProgramGradient::setZero() {
  for (LayerGradient &lg : layers) {
    std::fill(lg.theta.begin(), lg.theta.end(), 0.0);
    std::fill(lg.phi.begin(), lg.phi.end(), 0.0);
    std::fill(lg.outputPhases.begin(), lg.outputPhases.end(), 0.0);
    lg.gain = 0.0;
    lg.adapterA.setZero();
    lg.adapterB.setZero();
  }
}

int phaseParameterCount(const Program &program) {
  int count = 0;
  for (const Layer &layer : program.layers) {
    if (layer.kind == LayerKind::Mesh)
      count += layer.mesh.shifterCount();
    else if (layer.kind == LayerKind::Diagonal)
      count += static_cast<int>(layer.diagonal.theta.size()) + 1;
  }
  return count;
}

int adapterParameterCount(const Program &program) {
  int count = 0;
  for (const Layer &layer : program.layers)
    if (layer.kind == LayerKind::Adapter)
      count += layer.adapter.parameterCount();
  return count;
}

int parameterCount(const Program &program) {
  return phaseParameterCount(program) + adapterParameterCount(program);
}

llvm::Error checkTrainable(const Program &program) {
  if (llvm::Error e = verifyProgram(program))
    return e;
  if (!program.electricalOutputs())
    return makeError("the program does not end with a detect or readout "
                     "layer; training needs electrical outputs as logits");
  return llvm::Error::success();
}

llvm::Error checkDataset(const Program &program,
                         const Eigen::MatrixXcd &inputs,
                         llvm::ArrayRef<int> labels) {
  if (inputs.rows() != program.inputs)
    return makeError(llvm::formatv(
        "the inputs have {0} rows, expected {1} (the program's 'inputs')",
        inputs.rows(), program.inputs));
  if (static_cast<size_t>(inputs.cols()) != labels.size())
    return makeError(llvm::formatv("there are {0} samples but {1} labels",
                                   inputs.cols(), labels.size()));
  for (size_t i = 0; i < labels.size(); ++i)
    if (labels[i] < 0 || labels[i] >= program.outputs)
      return makeError(llvm::formatv(
          "label {0} of sample {1} is not a class in [0, {2})", labels[i], i,
          program.outputs));
  return llvm::Error::success();
}

} // namespace photon::runtime
