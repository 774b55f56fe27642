//===- RuntimeBridge.cpp - IR <-> runtime structures ----------------------===//
#include "photon/Bridge/RuntimeBridge.h"

#include "photon/Dialect/MatrixAttr.h"
#include "photon/Runtime/Limits.h"

#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/DenseMap.h"

using namespace mlir;

namespace photon {

runtime::Topology toRuntime(Topology topology) {
  return topology == Topology::reck ? runtime::Topology::Reck
                                    : runtime::Topology::Clements;
}

Topology fromRuntime(runtime::Topology topology) {
  return topology == runtime::Topology::Reck ? Topology::reck
                                             : Topology::clements;
}

runtime::Activation toRuntime(ActivationKind kind) {
  switch (kind) {
  case ActivationKind::identity:
    return runtime::Activation::Identity;
  case ActivationKind::softplus:
    return runtime::Activation::Softplus;
  case ActivationKind::modulus:
    return runtime::Activation::Modulus;
  }
  llvm_unreachable("unknown activation kind");
}

runtime::ElectricalFunction toRuntime(ElectricalFunction function) {
  // The dialect's and the runtime's functions have the same names.
  std::optional<runtime::ElectricalFunction> parsed =
      runtime::parseElectricalFunction(
          stringifyElectricalFunction(function).str());
  assert(parsed && "dialect and runtime electrical functions differ");
  return *parsed;
}

runtime::Boundary readBoundary(ElectricalFunction function,
                               std::optional<ArrayRef<double>> bias) {
  runtime::Boundary boundary;
  boundary.function = toRuntime(function);
  if (bias)
    boundary.bias.assign(bias->begin(), bias->end());
  return boundary;
}

runtime::Mesh readMesh(MeshOp op) {
  runtime::Mesh mesh;
  mesh.topology = toRuntime(op.getTopology());
  mesh.modes = static_cast<int>(op.getModes());
  mesh.theta.assign(op.getTheta().begin(), op.getTheta().end());
  mesh.phi.assign(op.getPhi().begin(), op.getPhi().end());
  mesh.outputPhases.assign(op.getOutputPhases().begin(),
                           op.getOutputPhases().end());
  if (std::optional<ArrayRef<bool>> mask = op.getMask())
    mesh.mask.assign(mask->begin(), mask->end());
  if (std::optional<ArrayRef<bool>> active = op.getActive())
    mesh.active.assign(active->begin(), active->end());
  return mesh;
}

runtime::Diagonal readDiagonal(DiagonalOp op) {
  runtime::Diagonal diagonal;
  diagonal.inputs =
      static_cast<int>(llvm::cast<FieldType>(op.getInput().getType()).getModes());
  diagonal.outputs = static_cast<int>(
      llvm::cast<FieldType>(op.getOutput().getType()).getModes());
  diagonal.theta.assign(op.getTheta().begin(), op.getTheta().end());
  diagonal.gain = op.getGain().convertToDouble();
  if (std::optional<ArrayRef<bool>> mask = op.getMask())
    diagonal.mask.assign(mask->begin(), mask->end());
  return diagonal;
}

runtime::Adapter readAdapter(AdapterOp op) {
  runtime::Adapter adapter;
  if (std::optional<Eigen::MatrixXcd> a = readMatrix(op.getA()))
    adapter.a = std::move(*a);
  if (std::optional<Eigen::MatrixXcd> b = readMatrix(op.getB()))
    adapter.b = std::move(*b);
  return adapter;
}

void writeAdapter(AdapterOp op, const runtime::Adapter &adapter) {
  MLIRContext *context = op.getContext();
  op.setAAttr(writeMatrix(context, adapter.a, /*realValued=*/false));
  op.setBAttr(writeMatrix(context, adapter.b, /*realValued=*/false));
}

AdapterOp createAdapter(OpBuilder &builder, Location loc, Value input,
                        Value base, const runtime::Adapter &adapter,
                        IntegerAttr layer) {
  MLIRContext *context = builder.getContext();
  return builder.create<AdapterOp>(
      loc, base.getType(), input, base,
      writeMatrix(context, adapter.a, /*realValued=*/false),
      writeMatrix(context, adapter.b, /*realValued=*/false), layer);
}

MeshOp createMesh(OpBuilder &builder, Location loc, Value input,
                  const runtime::Mesh &mesh, IntegerAttr layer,
                  StringAttr factor) {
  DenseBoolArrayAttr mask;
  if (!mesh.mask.empty()) {
    SmallVector<bool> flags(mesh.mask.begin(), mesh.mask.end());
    mask = builder.getDenseBoolArrayAttr(flags);
  }
  return builder.create<MeshOp>(
      loc, input.getType(), input,
      TopologyAttr::get(builder.getContext(), fromRuntime(mesh.topology)),
      builder.getDenseF64ArrayAttr(mesh.theta),
      builder.getDenseF64ArrayAttr(mesh.phi),
      builder.getDenseF64ArrayAttr(mesh.outputPhases), mask,
      /*active=*/nullptr, /*initial_theta=*/nullptr, /*initial_phi=*/nullptr,
      /*initial_output_phases=*/nullptr, layer, factor);
}

FailureOr<func::FuncOp> getEntryFunction(ModuleOp module) {
  auto funcs = llvm::to_vector(module.getOps<func::FuncOp>());
  if (funcs.size() != 1)
    return emitError(module.getLoc())
           << "expects exactly one func.func to translate, found "
           << funcs.size();
  return funcs.front();
}

/// The width of a field or 1-D static tensor; -1 for other types and for
/// widths beyond kMaxModes (which an int could not hold).
static int widthOf(Type type) {
  int64_t width = -1;
  if (auto field = llvm::dyn_cast<FieldType>(type))
    width = field.getModes();
  else if (auto tensor = llvm::dyn_cast<RankedTensorType>(type))
    if (tensor.getRank() == 1 && !tensor.isDynamicDim(0))
      width = tensor.getDimSize(0);
  return width >= 0 && width <= runtime::kMaxModes ? static_cast<int>(width)
                                                   : -1;
}

static void setProvenance(runtime::Layer &layer, std::optional<int64_t> index,
                          std::optional<StringRef> factor) {
  if (index)
    layer.sourceLayer = static_cast<int>(*index);
  if (factor)
    layer.factor = factor->str();
}

FailureOr<runtime::Program> buildProgram(func::FuncOp func) {
  if (func.isExternal())
    return func.emitError("expects a function with a body");
  FunctionType type = func.getFunctionType();
  if (type.getNumInputs() != 1 || type.getNumResults() != 1)
    return func.emitError() << "expects a function with one argument and one "
                               "result, got "
                            << type;
  runtime::Program program;
  program.inputs = widthOf(type.getInput(0));
  program.outputs = widthOf(type.getResult(0));
  if (program.inputs < 0 || program.outputs < 0)
    return func.emitError() << "expects the argument and result to be "
                               "!photonic.field<N> or a 1-D static tensor of "
                               "at most "
                            << runtime::kMaxModes << " elements, got " << type;
  Value current = func.getArgument(0);
  // The program layer that produced each value of the chain (-1: the
  // argument), for the adapters' second operand.
  llvm::DenseMap<Value, int> layerOf;
  layerOf[current] = -1;
  for (Operation &op : func.getBody().front()) {
    if (auto ret = llvm::dyn_cast<func::ReturnOp>(op)) {
      if (ret.getNumOperands() != 1 || ret.getOperand(0) != current)
        return ret.emitOpError(
            "expects to return the result of the last photonic op");
      break;
    }
    auto adapter = llvm::dyn_cast<AdapterOp>(op);
    if (adapter) {
      if (adapter.getBase() != current)
        return op.emitOpError()
               << "expects a straight chain of photonic ops: the adapter's "
                  "second operand must be the result of the previous op";
      if (!layerOf.count(adapter.getInput()))
        return op.emitOpError()
               << "expects its first operand to be a field of the chain "
                  "(the function argument or an earlier op's result)";
    } else if (op.getNumOperands() != 1 || op.getOperand(0) != current ||
               op.getNumResults() != 1) {
      return op.emitOpError()
             << "expects a straight chain of photonic ops: each op consumes "
                "the result of the previous one";
    }
    runtime::Layer layer;
    layer.inputs = widthOf(adapter ? adapter.getBase().getType()
                                   : op.getOperand(0).getType());
    layer.outputs = widthOf(op.getResult(0).getType());
    if (llvm::isa<EncodeOp>(op)) {
      layer.kind = runtime::LayerKind::Encode;
    } else if (auto mesh = llvm::dyn_cast<MeshOp>(op)) {
      layer.kind = runtime::LayerKind::Mesh;
      layer.mesh = readMesh(mesh);
      setProvenance(layer, mesh.getLayer(), mesh.getFactor());
    } else if (auto diagonal = llvm::dyn_cast<DiagonalOp>(op)) {
      layer.kind = runtime::LayerKind::Diagonal;
      layer.diagonal = readDiagonal(diagonal);
      setProvenance(layer, diagonal.getLayer(), StringRef("Sigma"));
    } else if (auto activation = llvm::dyn_cast<ActivationOp>(op)) {
      layer.kind = runtime::LayerKind::Activation;
      layer.activation = toRuntime(activation.getFunction());
    } else if (llvm::isa<DetectOp>(op)) {
      layer.kind = runtime::LayerKind::Detect;
    } else if (auto oeo = llvm::dyn_cast<OeoOp>(op)) {
      layer.kind = runtime::LayerKind::Oeo;
      layer.boundary = readBoundary(oeo.getFunction(), oeo.getBias());
    } else if (auto readout = llvm::dyn_cast<ReadoutOp>(op)) {
      layer.kind = runtime::LayerKind::Readout;
      layer.boundary = readBoundary(readout.getFunction(), readout.getBias());
    } else if (adapter) {
      layer.kind = runtime::LayerKind::Adapter;
      layer.adapter = readAdapter(adapter);
      layer.adapter.source = layerOf.lookup(adapter.getInput());
      setProvenance(layer, adapter.getLayer(), std::nullopt);
    } else if (llvm::isa<DenseOp, UnitaryOp>(op)) {
      return op.emitOpError() << "must be lowered to meshes first (run "
                                 "photonic-lower-to-mesh)";
    } else {
      return op.emitOpError("is not supported by the runtime");
    }
    program.layers.push_back(std::move(layer));
    current = op.getResult(0);
    layerOf[current] = static_cast<int>(program.layers.size()) - 1;
  }
  if (llvm::Error error = runtime::verifyProgram(program))
    return func.emitError() << "produces an invalid runtime program: "
                            << llvm::toString(std::move(error));
  return program;
}

FailureOr<runtime::Program> buildModuleProgram(Operation *op) {
  auto module = llvm::dyn_cast<ModuleOp>(op);
  if (!module)
    return emitError(op->getLoc(), "expects a builtin.module");
  FailureOr<func::FuncOp> func = getEntryFunction(module);
  if (failed(func))
    return failure();
  return buildProgram(*func);
}

/// Calls `fn(op, layer)` for every mesh and diagonal op of `func` with the
/// program layer it became, in chain order.
template <typename Program, typename Fn>
static void forEachParameterLayer(func::FuncOp func, Program &program,
                                  Fn &&fn) {
  auto layer = program.layers.begin();
  for (Operation &op : func.getBody().front()) {
    if (!llvm::isa<MeshOp, DiagonalOp>(op))
      continue;
    auto kind = llvm::isa<MeshOp>(op) ? runtime::LayerKind::Mesh
                                      : runtime::LayerKind::Diagonal;
    while (layer != program.layers.end() && layer->kind != kind)
      ++layer;
    assert(layer != program.layers.end() && "program does not match func");
    fn(op, *layer);
    ++layer;
  }
}

void writeProgram(func::FuncOp func, const runtime::Program &program) {
  OpBuilder builder(func.getContext());
  // Adapters, in chain order.
  auto adapterLayer = program.layers.begin();
  for (Operation &op : func.getBody().front()) {
    auto adapter = llvm::dyn_cast<AdapterOp>(op);
    if (!adapter)
      continue;
    while (adapterLayer != program.layers.end() &&
           adapterLayer->kind != runtime::LayerKind::Adapter)
      ++adapterLayer;
    assert(adapterLayer != program.layers.end() &&
           "program does not match func");
    writeAdapter(adapter, adapterLayer->adapter);
    ++adapterLayer;
  }
  forEachParameterLayer(func, program, [&](Operation &op,
                                           const runtime::Layer &layer) {
    if (auto mesh = llvm::dyn_cast<MeshOp>(op)) {
      mesh.setThetaAttr(builder.getDenseF64ArrayAttr(layer.mesh.theta));
      mesh.setPhiAttr(builder.getDenseF64ArrayAttr(layer.mesh.phi));
      mesh.setOutputPhasesAttr(
          builder.getDenseF64ArrayAttr(layer.mesh.outputPhases));
      if (!layer.mesh.mask.empty()) {
        SmallVector<bool> flags(layer.mesh.mask.begin(),
                                layer.mesh.mask.end());
        mesh.setMaskAttr(builder.getDenseBoolArrayAttr(flags));
      }
      return;
    }
    auto diagonal = llvm::cast<DiagonalOp>(op);
    diagonal.setThetaAttr(builder.getDenseF64ArrayAttr(layer.diagonal.theta));
    diagonal.setGainAttr(builder.getF64FloatAttr(layer.diagonal.gain));
    if (!layer.diagonal.mask.empty()) {
      SmallVector<bool> flags(layer.diagonal.mask.begin(),
                              layer.diagonal.mask.end());
      diagonal.setMaskAttr(builder.getDenseBoolArrayAttr(flags));
    }
  });
}

bool hasInitialValues(func::FuncOp func) {
  bool all = true;
  func.walk([&](Operation *op) {
    if (auto mesh = llvm::dyn_cast<MeshOp>(op))
      all &= mesh.getInitialTheta().has_value();
    else if (auto diagonal = llvm::dyn_cast<DiagonalOp>(op))
      all &= diagonal.getInitialTheta().has_value();
  });
  return all;
}

void writeInitialValues(func::FuncOp func, const runtime::Program &program) {
  OpBuilder builder(func.getContext());
  forEachParameterLayer(func, program, [&](Operation &op,
                                           const runtime::Layer &layer) {
    if (auto mesh = llvm::dyn_cast<MeshOp>(op)) {
      mesh.setInitialThetaAttr(builder.getDenseF64ArrayAttr(layer.mesh.theta));
      mesh.setInitialPhiAttr(builder.getDenseF64ArrayAttr(layer.mesh.phi));
      mesh.setInitialOutputPhasesAttr(
          builder.getDenseF64ArrayAttr(layer.mesh.outputPhases));
      return;
    }
    auto diagonal = llvm::cast<DiagonalOp>(op);
    diagonal.setInitialThetaAttr(
        builder.getDenseF64ArrayAttr(layer.diagonal.theta));
    diagonal.setInitialGainAttr(builder.getF64FloatAttr(layer.diagonal.gain));
  });
}

runtime::Program readInitialValues(func::FuncOp func,
                                   const runtime::Program &current) {
  runtime::Program initial = current;
  forEachParameterLayer(func, initial, [&](Operation &op,
                                           runtime::Layer &layer) {
    if (auto mesh = llvm::dyn_cast<MeshOp>(op)) {
      ArrayRef<double> theta = *mesh.getInitialTheta(),
                       phi = *mesh.getInitialPhi(),
                       outputs = *mesh.getInitialOutputPhases();
      layer.mesh.theta.assign(theta.begin(), theta.end());
      layer.mesh.phi.assign(phi.begin(), phi.end());
      layer.mesh.outputPhases.assign(outputs.begin(), outputs.end());
      return;
    }
    auto diagonal = llvm::cast<DiagonalOp>(op);
    ArrayRef<double> theta = *diagonal.getInitialTheta();
    layer.diagonal.theta.assign(theta.begin(), theta.end());
    layer.diagonal.gain = diagonal.getInitialGain()->convertToDouble();
  });
  return initial;
}

} // namespace photon
