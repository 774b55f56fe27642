//===- OnnxNodes.cpp - ONNX nodes to TOSA ops -----------------------------===//
//
// One function per supported op type. Every value computed from the graph
// input keeps the batch as its first dimension; weights and biases are
// initializers (or Constant nodes) emitted as tosa.const in f32, their ONNX
// type, so the TOSA states the model's math exactly (alpha and beta become
// tosa.mul by constants).
//
//===----------------------------------------------------------------------===//
#include "OnnxImporter.h"

#include "mlir/Dialect/Tosa/IR/TosaOps.h"

#include <cfloat>
#include <climits>

using namespace mlir;

namespace photon::onnx_import {

namespace {
const char *const kSupported =
    "Gemm, MatMul, Add, Flatten, Reshape, Identity, Relu, Sigmoid, Tanh, "
    "Softplus, Abs, Softmax, LogSoftmax, Constant";

std::string nodeName(const onnx::NodeProto &node) {
  std::string name = node.name().empty() && node.output_size() > 0
                         ? "producing '" + node.output(0) + "'"
                         : "'" + node.name() + "'";
  return "node " + name + " (" + node.op_type() + ")";
}

/// The product of the dimensions; -1 when it overflows int64 (shapes come
/// from the file).
int64_t product(llvm::ArrayRef<int64_t> shape) {
  int64_t p = 1;
  for (int64_t d : shape)
    if (__builtin_mul_overflow(p, d, &p))
      return -1;
  return p;
}
} // namespace

Location Importer::nodeLoc(const onnx::NodeProto &node) {
  std::string name = node.name().empty() ? node.output(0) : node.name();
  return NameLoc::get(StringAttr::get(context, name + " (" + node.op_type() +
                                                   ")"),
                      FileLineColLoc::get(context, sourceName, 0, 0));
}

LogicalResult Importer::nodeError(const onnx::NodeProto &node,
                                  const llvm::Twine &message) {
  return error(nodeName(node) + ": " + message);
}

RankedTensorType Importer::tensorType(ArrayRef<int64_t> shape) {
  return RankedTensorType::get(shape, builder.getF32Type());
}

FailureOr<Tensor> Importer::chainInput(const onnx::NodeProto &node,
                                       int index) {
  if (index >= node.input_size() || node.input(index).empty())
    return nodeError(node, "missing input " + llvm::Twine(index));
  const std::string &name = node.input(index);
  auto found = tensors.find(name);
  if (found != tensors.end())
    return found->second;
  if (constants.count(name))
    return nodeError(node, "input '" + name +
                               "' is a constant; expected a value computed "
                               "from the graph input");
  return nodeError(node, "input '" + name + "' is not defined before it");
}

const Constant *Importer::constantInput(const onnx::NodeProto &node,
                                        int index) {
  if (index >= node.input_size())
    return nullptr;
  auto found = constants.find(node.input(index));
  return found == constants.end() ? nullptr : &found->second;
}

Value Importer::emitConstant(Location loc, const Constant &c) {
  SmallVector<float> values(c.values.begin(), c.values.end());
  auto type = tensorType(c.shape);
  return builder.create<tosa::ConstOp>(
      loc, type, DenseElementsAttr::get(type, ArrayRef<float>(values)));
}

/// A splat f32 constant of the given shape.
static Value splat(OpBuilder &builder, Location loc, ArrayRef<int64_t> shape,
                   float value) {
  auto type = RankedTensorType::get(shape, builder.getF32Type());
  return builder.create<tosa::ConstOp>(loc, type,
                                       DenseElementsAttr::get(type, value));
}

LogicalResult Importer::linear(const onnx::NodeProto &node, const Tensor &x,
                               const Constant &weights, bool transposed,
                               double alpha, const Constant *bias,
                               double beta) {
  Location loc = nodeLoc(node);
  if (x.shape.size() != 2)
    return nodeError(node, "expects a 2-D data operand [batch, features], "
                           "got rank " +
                               llvm::Twine(x.shape.size()));
  if (weights.isInteger || weights.shape.size() != 2)
    return nodeError(node, "expects 2-D float weights");
  // W is [M, K] when `transposed` (Gemm transB = 1), else [K, M].
  const int64_t k = transposed ? weights.shape[1] : weights.shape[0];
  const int64_t m = transposed ? weights.shape[0] : weights.shape[1];
  if (k != x.shape[1])
    return nodeError(node, "weights expect " + llvm::Twine(k) +
                               " input features, the data has " +
                               llvm::Twine(x.shape[1]));
  if (bias && (bias->isInteger ||
               (bias->values.size() != 1 &&
                (static_cast<int64_t>(bias->values.size()) != m ||
                 bias->shape.empty() || bias->shape.back() != m))))
    return nodeError(node, "expects a float bias of " + llvm::Twine(m) +
                               " values (or one), got " +
                               llvm::Twine(bias ? bias->values.size() : 0));
  Value w = emitConstant(loc, weights);
  if (!transposed) {
    auto permsType = RankedTensorType::get({2}, builder.getI32Type());
    Value perms = builder.create<tosa::ConstOp>(
        loc, permsType,
        DenseElementsAttr::get(permsType, ArrayRef<int32_t>{1, 0}));
    w = builder.create<tosa::TransposeOp>(loc, tensorType({m, k}), w, perms);
  }
  // The bias goes into fully_connected when it is plain (alpha = beta = 1,
  // one value per output); otherwise alpha and beta stay explicit.
  const bool plainBias = bias && alpha == 1.0 && beta == 1.0 &&
                         static_cast<int64_t>(bias->values.size()) == m;
  Value fcBias;
  if (plainBias) {
    Constant flat = *bias;
    flat.shape = {m};
    fcBias = emitConstant(loc, flat);
  } else {
    fcBias = splat(builder, loc, {m}, 0.0f);
  }
  SmallVector<int64_t> outShape = {x.shape[0], m};
  Value y = builder.create<tosa::FullyConnectedOp>(loc, tensorType(outShape),
                                                   x.value, w, fcBias);
  if (alpha != 1.0)
    y = builder.create<tosa::MulOp>(
        loc, tensorType(outShape), y,
        splat(builder, loc, {1, 1}, static_cast<float>(alpha)),
        builder.getI8IntegerAttr(0));
  if (bias && !plainBias && beta != 0.0) {
    Constant row = *bias;
    row.shape = {1, static_cast<int64_t>(bias->values.size())};
    Value c = emitConstant(loc, row);
    if (beta != 1.0)
      c = builder.create<tosa::MulOp>(
          loc, tensorType(row.shape), c,
          splat(builder, loc, {1, 1}, static_cast<float>(beta)),
          builder.getI8IntegerAttr(0));
    y = builder.create<tosa::AddOp>(loc, tensorType(outShape), y, c);
  }
  tensors[node.output(0)] = {y, {outShape.begin(), outShape.end()}};
  return success();
}

LogicalResult Importer::translateGemm(const onnx::NodeProto &node) {
  double alpha = 1.0, beta = 1.0;
  int64_t transA = 0, transB = 0;
  for (const onnx::AttributeProto &attr : node.attribute()) {
    if (attr.name() == "alpha")
      alpha = attr.f();
    else if (attr.name() == "beta")
      beta = attr.f();
    else if (attr.name() == "transA")
      transA = attr.i();
    else if (attr.name() == "transB")
      transB = attr.i();
  }
  if (transA != 0)
    return nodeError(node, "transA = 1 (a transposed data operand) is not "
                           "supported");
  if (node.input_size() < 2 || node.input_size() > 3)
    return nodeError(node, "expects 2 or 3 inputs");
  FailureOr<Tensor> x = chainInput(node, 0);
  if (failed(x))
    return failure();
  const Constant *weights = constantInput(node, 1);
  if (!weights)
    return nodeError(node, "expects its B input ('" + node.input(1) +
                               "') to be an initializer (the weights)");
  const Constant *bias = nullptr;
  if (node.input_size() == 3 && !node.input(2).empty()) {
    bias = constantInput(node, 2);
    if (!bias)
      return nodeError(node, "expects its C input ('" + node.input(2) +
                                 "') to be an initializer (the bias)");
  }
  return linear(node, *x, *weights, transB != 0, alpha, bias, beta);
}

LogicalResult Importer::translateMatMul(const onnx::NodeProto &node) {
  FailureOr<Tensor> x = chainInput(node, 0);
  if (failed(x))
    return failure();
  const Constant *weights = constantInput(node, 1);
  if (!weights)
    return nodeError(node, "expects its second input ('" +
                               (node.input_size() > 1 ? node.input(1) : "") +
                               "') to be an initializer (the weights)");
  return linear(node, *x, *weights, /*transposed=*/false, 1.0, nullptr, 1.0);
}

LogicalResult Importer::translateAdd(const onnx::NodeProto &node) {
  if (node.input_size() != 2)
    return nodeError(node, "expects 2 inputs");
  const int data = tensors.count(node.input(0)) ? 0 : 1;
  if (tensors.count(node.input(1 - data)))
    return nodeError(node, "adds two values computed from the input (a skip "
                           "connection), which is not supported");
  FailureOr<Tensor> x = chainInput(node, data);
  if (failed(x))
    return failure();
  const Constant *bias = constantInput(node, 1 - data);
  if (!bias)
    return nodeError(node, "expects one input to be an initializer (a bias)");
  const int64_t width = x->shape.back();
  if (bias->isInteger ||
      (bias->values.size() != 1 &&
       (static_cast<int64_t>(bias->values.size()) != width ||
        bias->shape.back() != width)))
    return nodeError(node, "expects a float bias of " + llvm::Twine(width) +
                               " values along the last dimension (or one)");
  Location loc = nodeLoc(node);
  Constant row = *bias;
  row.shape.assign(x->shape.size(), 1);
  row.shape.back() = static_cast<int64_t>(bias->values.size());
  Value c = emitConstant(loc, row);
  Value y = builder.create<tosa::AddOp>(loc, x->value.getType(), x->value, c);
  tensors[node.output(0)] = {y, x->shape};
  return success();
}

LogicalResult Importer::translateReshape(const onnx::NodeProto &node,
                                         bool flatten) {
  FailureOr<Tensor> x = chainInput(node, 0);
  if (failed(x))
    return failure();
  const int64_t perSample = product(ArrayRef<int64_t>(x->shape).drop_front());
  std::vector<int64_t> shape = {x->shape[0]};
  if (flatten) {
    int64_t axis = 1;
    for (const onnx::AttributeProto &attr : node.attribute())
      if (attr.name() == "axis")
        axis = attr.i();
    if (axis != 1 && axis != 1 - static_cast<int64_t>(x->shape.size()))
      return nodeError(node, "axis " + llvm::Twine(axis) +
                                 " would merge the batch dimension; only "
                                 "axis 1 is supported");
    shape.push_back(perSample);
  } else {
    for (const onnx::AttributeProto &attr : node.attribute())
      if (attr.name() == "allowzero" && attr.i() != 0)
        return nodeError(node, "allowzero = 1 is not supported");
    const Constant *target = constantInput(node, 1);
    if (!target || !target->isInteger)
      return nodeError(node, "expects a constant int64 shape (a reshape to "
                             "a computed shape is dynamic)");
    const std::vector<int64_t> &dims = target->integers;
    if (dims.empty() || (dims[0] != 0 && dims[0] != -1 &&
                         !(dims[0] == 1 && x->shape[0] == 1)))
      return nodeError(node, "expects the batch to stay the first dimension "
                             "(shape[0] = 0, -1 or the batch size 1)");
    int64_t known = 1, infer = -1;
    for (size_t i = 1; i < dims.size(); ++i) {
      int64_t d = dims[i] == 0 && i < x->shape.size() ? x->shape[i] : dims[i];
      if (d == -1 && infer < 0 && dims[0] != -1) {
        infer = static_cast<int64_t>(i);
        shape.push_back(-1);
        continue;
      }
      if (d <= 0)
        return nodeError(node, "has an invalid target dimension " +
                                   llvm::Twine(dims[i]));
      if (__builtin_mul_overflow(known, d, &known))
        return nodeError(node, "has a target shape whose size overflows");
      shape.push_back(d);
    }
    if (infer > 0 && known > 0 && perSample % known == 0)
      shape[infer] = perSample / known;
    if (product(ArrayRef<int64_t>(shape).drop_front()) != perSample)
      return nodeError(node, "changes the number of values per sample (" +
                                 llvm::Twine(perSample) + ")");
  }
  SmallVector<int64_t> newShape(shape.begin(), shape.end());
  if (ShapedType::isDynamic(newShape[0]))
    newShape[0] = -1;
  Value y = builder.create<tosa::ReshapeOp>(
      nodeLoc(node), tensorType(shape), x->value,
      builder.getDenseI64ArrayAttr(newShape));
  tensors[node.output(0)] = {y, shape};
  return success();
}

LogicalResult Importer::translateSoftmax(const onnx::NodeProto &node,
                                         int64_t opset, bool isLast) {
  FailureOr<Tensor> x = chainInput(node, 0);
  if (failed(x))
    return failure();
  if (!isLast)
    return nodeError(node, "is only supported as the last node of the graph");
  const int64_t rank = static_cast<int64_t>(x->shape.size());
  int64_t axis = opset >= 13 ? -1 : 1;
  for (const onnx::AttributeProto &attr : node.attribute())
    if (attr.name() == "axis")
      axis = attr.i();
  if (rank != 2 || (axis != 1 && axis != -1))
    return nodeError(node, "expects a 2-D input [batch, classes] and axis 1 "
                           "(or -1)");
  Location loc = nodeLoc(node);
  auto type = tensorType(x->shape);
  auto reduced = tensorType({x->shape[0], 1});
  auto axisAttr = builder.getI32IntegerAttr(1);
  Value max =
      builder.create<tosa::ReduceMaxOp>(loc, reduced, x->value, axisAttr);
  Value shifted = builder.create<tosa::SubOp>(loc, type, x->value, max);
  Value exp = builder.create<tosa::ExpOp>(loc, type, shifted);
  Value sum = builder.create<tosa::ReduceSumOp>(loc, reduced, exp, axisAttr);
  Value y;
  if (node.op_type() == "Softmax") {
    Value inverse = builder.create<tosa::ReciprocalOp>(loc, reduced, sum);
    y = builder.create<tosa::MulOp>(loc, type, exp, inverse,
                                    builder.getI8IntegerAttr(0));
  } else {
    Value log = builder.create<tosa::LogOp>(loc, reduced, sum);
    y = builder.create<tosa::SubOp>(loc, type, shifted, log);
  }
  tensors[node.output(0)] = {y, x->shape};
  return success();
}

LogicalResult Importer::translate(const onnx::NodeProto &node, int64_t opset,
                                  bool isLast) {
  const std::string &op = node.op_type();
  if (!node.domain().empty() && node.domain() != "ai.onnx")
    return nodeError(node, "domain '" + node.domain() + "' is not supported");
  if (node.output_size() != 1 || node.output(0).empty())
    return nodeError(node, "expects exactly one output");
  // Attributes each op understands; anything else is rejected.
  static const llvm::StringMap<std::vector<std::string>> known = {
      {"Gemm", {"alpha", "beta", "transA", "transB"}},
      {"Flatten", {"axis"}},
      {"Reshape", {"allowzero"}},
      {"Softmax", {"axis"}},
      {"LogSoftmax", {"axis"}},
      {"Constant", {"value"}},
      {"MatMul", {}}, {"Add", {}}, {"Identity", {}}, {"Relu", {}},
      {"Sigmoid", {}}, {"Tanh", {}}, {"Softplus", {}}, {"Abs", {}}};
  auto entry = known.find(op);
  if (entry == known.end())
    return nodeError(node, "op type is not supported (supported: " +
                               llvm::Twine(kSupported) + ")");
  for (const onnx::AttributeProto &attr : node.attribute())
    if (!llvm::is_contained(entry->second, attr.name()))
      return nodeError(node, "attribute '" + attr.name() +
                                 "' is not supported");
  if (op == "Constant") {
    if (node.attribute_size() != 1 || !node.attribute(0).has_t())
      return nodeError(node, "expects a tensor 'value' attribute");
    FailureOr<Constant> c = readTensor(node.attribute(0).t(),
                                       nodeName(node) + " value");
    if (failed(c))
      return failure();
    constants[node.output(0)] = std::move(*c);
    return success();
  }
  if (op == "Gemm")
    return translateGemm(node);
  if (op == "MatMul")
    return translateMatMul(node);
  if (op == "Add")
    return translateAdd(node);
  if (op == "Flatten" || op == "Reshape")
    return translateReshape(node, op == "Flatten");
  if (op == "Softmax" || op == "LogSoftmax")
    return translateSoftmax(node, opset, isLast);
  // Element-wise ops of one input.
  FailureOr<Tensor> x = chainInput(node, 0);
  if (failed(x))
    return failure();
  Location loc = nodeLoc(node);
  Type type = x->value.getType();
  Value y;
  if (op == "Identity") {
    y = builder.create<tosa::IdentityOp>(loc, type, x->value);
  } else if (op == "Relu") {
    y = builder.create<tosa::ClampOp>(
        loc, type, x->value, builder.getI64IntegerAttr(0),
        builder.getI64IntegerAttr(INT64_MAX), builder.getF32FloatAttr(0.0f),
        builder.getF32FloatAttr(FLT_MAX));
  } else if (op == "Sigmoid") {
    y = builder.create<tosa::SigmoidOp>(loc, type, x->value);
  } else if (op == "Tanh") {
    y = builder.create<tosa::TanhOp>(loc, type, x->value);
  } else if (op == "Abs") {
    y = builder.create<tosa::AbsOp>(loc, type, x->value);
  } else {
    // Softplus: ln(1 + e^x).
    std::vector<int64_t> ones(x->shape.size(), 1);
    Value exp = builder.create<tosa::ExpOp>(loc, type, x->value);
    Value sum = builder.create<tosa::AddOp>(loc, type, exp,
                                            splat(builder, loc, ones, 1.0f));
    y = builder.create<tosa::LogOp>(loc, type, sum);
  }
  tensors[node.output(0)] = {y, x->shape};
  return success();
}

} // namespace photon::onnx_import
