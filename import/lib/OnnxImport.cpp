//===- OnnxImport.cpp - ONNX models to TOSA -------------------------------===//
//
// Model-level checks: the protobuf parses, the IR version and the default
// domain's opset are in range, the graph has one input (batch first, the
// other dimensions static) and one output, initializers have as many
// values as their shape says. Nodes are translated by OnnxNodes.cpp.
//
//===----------------------------------------------------------------------===//
#include "photon/Import/OnnxImport.h"

#include "OnnxImporter.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/Support/Endian.h"
#include "llvm/Support/SourceMgr.h"

#include <climits>
#include <cmath>
#include <cstring>

using namespace mlir;

namespace photon::onnx_import {

LogicalResult Importer::error(const llvm::Twine &message) {
  emitError(FileLineColLoc::get(context, sourceName, 0, 0)) << message;
  return failure();
}

static const char *dataTypeName(int type) {
  switch (type) {
  case onnx::TensorProto::FLOAT:
    return "float";
  case onnx::TensorProto::DOUBLE:
    return "double";
  case onnx::TensorProto::INT64:
    return "int64";
  case onnx::TensorProto::FLOAT16:
    return "float16";
  case onnx::TensorProto::INT32:
    return "int32";
  default:
    return "unsupported";
  }
}

FailureOr<Constant> Importer::readTensor(const onnx::TensorProto &tensor,
                                         StringRef what) {
  Constant c;
  int64_t count = 1;
  for (int64_t dim : tensor.dims()) {
    if (dim < 0 || dim > INT32_MAX || count > INT32_MAX / (dim ? dim : 1))
      return error(what + " has an invalid dimension " + llvm::Twine(dim));
    c.shape.push_back(dim);
    count *= dim;
  }
  if (tensor.data_location() == onnx::TensorProto::EXTERNAL)
    return error(what + " keeps its data in an external file, which is not "
                        "supported");
  const int type = tensor.data_type();
  const std::string &raw = tensor.raw_data();
  const bool hasRaw = tensor.has_raw_data();
  auto wrongSize = [&](int64_t got) {
    return error(what + " has " + llvm::Twine(got) + " values, expected " +
                 llvm::Twine(count) + " (its dims)");
  };
  if (type == onnx::TensorProto::FLOAT) {
    if (hasRaw && static_cast<int64_t>(raw.size()) != 4 * count)
      return wrongSize(static_cast<int64_t>(raw.size()) / 4);
    if (!hasRaw && tensor.float_data_size() != count)
      return wrongSize(tensor.float_data_size());
    for (int64_t i = 0; i < count; ++i) {
      float v;
      if (hasRaw) {
        uint32_t bits = llvm::support::endian::read32le(raw.data() + 4 * i);
        std::memcpy(&v, &bits, 4);
      } else {
        v = tensor.float_data(static_cast<int>(i));
      }
      c.values.push_back(v);
    }
  } else if (type == onnx::TensorProto::INT64) {
    c.isInteger = true;
    if (hasRaw && static_cast<int64_t>(raw.size()) != 8 * count)
      return wrongSize(static_cast<int64_t>(raw.size()) / 8);
    if (!hasRaw && tensor.int64_data_size() != count)
      return wrongSize(tensor.int64_data_size());
    for (int64_t i = 0; i < count; ++i)
      c.integers.push_back(
          hasRaw ? static_cast<int64_t>(
                       llvm::support::endian::read64le(raw.data() + 8 * i))
                 : tensor.int64_data(static_cast<int>(i)));
  } else {
    return error(what + " has data type " + dataTypeName(type) + " (" +
                 llvm::Twine(type) + "); expected float or int64");
  }
  for (double v : c.values)
    if (!std::isfinite(v))
      return error(what + " has a value that is not finite");
  return c;
}

/// The default domain's opset, or an error.
static FailureOr<int64_t> defaultOpset(Importer &importer,
                                       const onnx::ModelProto &model) {
  for (const onnx::OperatorSetIdProto &set : model.opset_import())
    if (set.domain().empty() || set.domain() == "ai.onnx") {
      int64_t v = set.version();
      if (v < kMinOnnxOpset || v > kMaxOnnxOpset)
        return importer.error("uses ONNX opset " + llvm::Twine(v) +
                              "; supported: " + llvm::Twine(kMinOnnxOpset) +
                              " to " + llvm::Twine(kMaxOnnxOpset));
      return v;
    }
  return importer.error("has no 'opset_import' for the default ONNX domain");
}

/// Reads the graph input's shape: batch (1 or dynamic) first, the other
/// dimensions static.
static FailureOr<std::vector<int64_t>>
inputShape(Importer &importer, const onnx::ValueInfoProto &input) {
  const std::string name = "graph input '" + input.name() + "'";
  if (!input.type().has_tensor_type())
    return importer.error(name + " is not a tensor");
  const onnx::TypeProto::Tensor &tensor = input.type().tensor_type();
  if (tensor.elem_type() != onnx::TensorProto::FLOAT)
    return importer.error(name + " has element type " +
                          dataTypeName(tensor.elem_type()) +
                          "; expected float");
  if (!tensor.has_shape() || tensor.shape().dim_size() < 2)
    return importer.error(name + " expects a shape [batch, features...] of "
                                 "rank 2 or more");
  std::vector<int64_t> shape;
  for (int i = 0; i < tensor.shape().dim_size(); ++i) {
    const onnx::TensorShapeProto::Dimension &dim = tensor.shape().dim(i);
    const bool known = dim.has_dim_value();
    if (i == 0) {
      if (known && dim.dim_value() != 1)
        return importer.error(name + " has batch size " +
                              llvm::Twine(dim.dim_value()) +
                              "; expected 1 or a dynamic batch");
      shape.push_back(known ? 1 : ShapedType::kDynamic);
      continue;
    }
    if (!known)
      return importer.error(
          name + " has a dynamic dimension " + llvm::Twine(i) +
          (dim.has_dim_param() ? " ('" + dim.dim_param() + "')" : "") +
          "; only the first (batch) dimension may be dynamic");
    if (dim.dim_value() <= 0 || dim.dim_value() > INT32_MAX)
      return importer.error(name + " has dimension " + llvm::Twine(i) +
                            " of size " + llvm::Twine(dim.dim_value()));
    shape.push_back(dim.dim_value());
  }
  return shape;
}

static LogicalResult importGraph(Importer &importer,
                                 const onnx::ModelProto &model,
                                 ModuleOp module) {
  if (!model.has_ir_version())
    return importer.error("is not an ONNX model (no 'ir_version'; the file "
                          "may be truncated or of another format)");
  if (model.ir_version() < kMinOnnxIrVersion ||
      model.ir_version() > kMaxOnnxIrVersion)
    return importer.error("has ONNX IR version " +
                          llvm::Twine(model.ir_version()) + "; supported: " +
                          llvm::Twine(kMinOnnxIrVersion) + " to " +
                          llvm::Twine(kMaxOnnxIrVersion));
  if (!model.has_graph())
    return importer.error("is not an ONNX model (no 'graph')");
  FailureOr<int64_t> opset = defaultOpset(importer, model);
  if (failed(opset))
    return failure();
  const onnx::GraphProto &graph = model.graph();
  for (const onnx::TensorProto &init : graph.initializer()) {
    FailureOr<Constant> c =
        importer.readTensor(init, "initializer '" + init.name() + "'");
    if (failed(c))
      return failure();
    importer.constants[init.name()] = std::move(*c);
  }
  // Inputs that are initializers (IR < 4 lists them) are not data inputs.
  std::vector<const onnx::ValueInfoProto *> inputs;
  std::string names;
  for (const onnx::ValueInfoProto &input : graph.input())
    if (!importer.constants.count(input.name())) {
      inputs.push_back(&input);
      names += (names.empty() ? "'" : ", '") + input.name() + "'";
    }
  if (inputs.size() != 1)
    return importer.error("has " + llvm::Twine(inputs.size()) +
                          " graph inputs" +
                          (names.empty() ? "" : " (" + names + ")") +
                          "; expected one");
  if (graph.output_size() != 1)
    return importer.error("has " + llvm::Twine(graph.output_size()) +
                          " graph outputs; expected one");
  FailureOr<std::vector<int64_t>> shape = inputShape(importer, *inputs[0]);
  if (failed(shape))
    return failure();

  OpBuilder &builder = importer.builder;
  MLIRContext *context = importer.context;
  Location fileLoc = FileLineColLoc::get(context, importer.sourceName, 0, 0);
  auto inputType = RankedTensorType::get(*shape, builder.getF32Type());
  builder.setInsertionPointToEnd(module.getBody());
  auto func = builder.create<func::FuncOp>(
      fileLoc, "main", builder.getFunctionType({inputType}, {}));
  Block *body = func.addEntryBlock();
  builder.setInsertionPointToStart(body);
  importer.tensors[inputs[0]->name()] = {body->getArgument(0), *shape};
  for (int i = 0; i < graph.node_size(); ++i)
    if (failed(importer.translate(graph.node(i), *opset,
                                  i + 1 == graph.node_size())))
      return failure();
  const std::string &outputName = graph.output(0).name();
  auto found = importer.tensors.find(outputName);
  if (found == importer.tensors.end())
    return importer.error("graph output '" + outputName +
                          "' is not computed from the graph input");
  Value result = found->second.value;
  builder.create<func::ReturnOp>(fileLoc, result);
  func.setFunctionType(builder.getFunctionType({inputType},
                                               {result.getType()}));
  return success();
}

} // namespace photon::onnx_import

OwningOpRef<ModuleOp> photon::importOnnx(StringRef bytes, StringRef sourceName,
                                         MLIRContext *context) {
  context->loadDialect<func::FuncDialect, tosa::TosaDialect>();
  onnx_import::Importer importer(context, sourceName);
  onnx::ModelProto model;
  if (bytes.size() > static_cast<size_t>(INT_MAX) ||
      !model.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    (void)importer.error("is not an ONNX model: the protobuf does not parse "
                         "(truncated or another format)");
    return nullptr;
  }
  Location fileLoc = FileLineColLoc::get(context, sourceName, 0, 0);
  OwningOpRef<ModuleOp> module = ModuleOp::create(fileLoc);
  if (failed(onnx_import::importGraph(importer, model, *module)))
    return nullptr;
  if (failed(verify(*module))) {
    (void)importer.error("internal error: the emitted TOSA does not verify");
    return nullptr;
  }
  return module;
}

void photon::registerOnnxImportTranslation() {
  TranslateToMLIRRegistration registration(
      "import-onnx",
      "Import an ONNX model (protobuf) as a TOSA function (docs/import.md)",
      [](llvm::SourceMgr &sourceMgr, MLIRContext *context) {
        const llvm::MemoryBuffer *buffer =
            sourceMgr.getMemoryBuffer(sourceMgr.getMainFileID());
        return OwningOpRef<Operation *>(
            importOnnx(buffer->getBuffer(), buffer->getBufferIdentifier(),
                       context)
                .release());
      },
      [](DialectRegistry &registry) {
        registry.insert<func::FuncDialect, tosa::TosaDialect>();
      });
}
