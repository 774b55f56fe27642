//===- TosaConstants.cpp - Constant tensors of a TOSA function ------------===//
#include "TosaConstants.h"

#include "photon/Runtime/Limits.h"

#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;

namespace photon {

static std::optional<ConstantTensor> readLiteral(Value value) {
  DenseElementsAttr attr;
  if (!matchPattern(value, m_Constant(&attr)))
    return std::nullopt;
  auto type = llvm::dyn_cast<RankedTensorType>(attr.getType());
  if (!type || !type.hasStaticShape() ||
      !llvm::isa<FloatType>(type.getElementType()))
    return std::nullopt;
  // A splat can describe any size: bound it before allocating.
  std::optional<int64_t> count = 1;
  for (int64_t size : type.getShape())
    if (count)
      count = runtime::checkedProduct(*count, size,
                                      runtime::kMaxMatrixElements);
  if (!count)
    return std::nullopt;
  ConstantTensor tensor;
  tensor.shape.assign(type.getShape().begin(), type.getShape().end());
  tensor.values.reserve(*count);
  for (llvm::APFloat element : attr.getValues<llvm::APFloat>()) {
    bool lost = false;
    // f16, bf16 and f32 widen to f64 exactly.
    element.convert(llvm::APFloat::IEEEdouble(),
                    llvm::APFloat::rmNearestTiesToEven, &lost);
    tensor.values.push_back(element.convertToDouble());
  }
  return tensor;
}

/// Integer perms of a transpose.
static std::optional<SmallVector<int64_t>> readPerms(Value value) {
  DenseIntElementsAttr attr;
  if (!matchPattern(value, m_Constant(&attr)))
    return std::nullopt;
  SmallVector<int64_t> perms;
  for (const APInt &p : attr.getValues<APInt>())
    perms.push_back(p.getSExtValue());
  return perms;
}

static std::optional<ConstantTensor> transpose(const ConstantTensor &in,
                                               ArrayRef<int64_t> perms) {
  const size_t rank = in.shape.size();
  if (perms.size() != rank)
    return std::nullopt;
  SmallVector<bool> seen(rank, false);
  for (int64_t p : perms) {
    if (p < 0 || p >= static_cast<int64_t>(rank) || seen[p])
      return std::nullopt;
    seen[p] = true;
  }
  ConstantTensor out;
  for (int64_t p : perms)
    out.shape.push_back(in.shape[p]);
  // Row-major strides of the input.
  SmallVector<int64_t> stride(rank, 1);
  for (size_t d = rank; d-- > 1;)
    stride[d - 1] = stride[d] * in.shape[d];
  out.values.resize(in.values.size());
  SmallVector<int64_t> index(rank, 0);
  for (size_t flat = 0; flat < out.values.size(); ++flat) {
    int64_t source = 0;
    for (size_t d = 0; d < rank; ++d)
      source += index[d] * stride[perms[d]];
    out.values[flat] = in.values[source];
    for (size_t d = rank; d-- > 0;) {
      if (++index[d] < out.shape[d])
        break;
      index[d] = 0;
    }
  }
  return out;
}

std::optional<ConstantTensor> readConstant(Value value) {
  if (std::optional<ConstantTensor> literal = readLiteral(value))
    return literal;
  Operation *op = value.getDefiningOp();
  if (!op)
    return std::nullopt;
  if (auto identity = llvm::dyn_cast<tosa::IdentityOp>(op))
    return readConstant(identity.getInput1());
  if (auto reshape = llvm::dyn_cast<tosa::ReshapeOp>(op)) {
    std::optional<ConstantTensor> in = readConstant(reshape.getInput1());
    auto type = llvm::dyn_cast<RankedTensorType>(reshape.getType());
    if (!in || !type || !type.hasStaticShape() ||
        type.getNumElements() != static_cast<int64_t>(in->values.size()))
      return std::nullopt;
    in->shape.assign(type.getShape().begin(), type.getShape().end());
    return in;
  }
  if (auto op2 = llvm::dyn_cast<tosa::TransposeOp>(op)) {
    std::optional<ConstantTensor> in = readConstant(op2.getInput1());
    std::optional<SmallVector<int64_t>> perms = readPerms(op2.getPerms());
    if (!in || !perms)
      return std::nullopt;
    return transpose(*in, *perms);
  }
  if (auto mul = llvm::dyn_cast<tosa::MulOp>(op)) {
    // A constant times a constant scalar (Gemm's beta · C), in double.
    std::optional<ConstantTensor> a = readConstant(mul.getInput1());
    std::optional<ConstantTensor> b = readConstant(mul.getInput2());
    if (!a || !b || mul.getShift() != 0)
      return std::nullopt;
    if (a->values.size() == 1)
      std::swap(a, b);
    if (b->values.size() != 1)
      return std::nullopt;
    for (double &v : a->values)
      v *= b->values[0];
    return a;
  }
  return std::nullopt;
}

bool isConstantComputation(Operation *op) {
  if (op->getNumResults() != 1)
    return false;
  if (op->hasTrait<OpTrait::ConstantLike>())
    return true;
  if (!llvm::isa<tosa::ReshapeOp, tosa::TransposeOp, tosa::IdentityOp,
                 tosa::MulOp>(op))
    return false;
  return readConstant(op->getResult(0)).has_value();
}

} // namespace photon
