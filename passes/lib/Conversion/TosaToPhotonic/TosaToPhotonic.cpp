//===- TosaToPhotonic.cpp - convert-tosa-to-photonic ----------------------===//
//
// Walks the straight chain of a TOSA function from its argument to its
// return and builds the photonic network in a new function: linear layers
// become photonic.dense, biases and the nonlinearities optics cannot do
// meet at optical-to-electrical boundaries (photonic.oeo, and the final
// photonic.readout). The mapping is described in docs/import.md.
//
//===----------------------------------------------------------------------===//
#include "photon/Conversion/Passes.h"
#include "photon/Dialect/PhotonicOps.h"
#include "photon/Runtime/Limits.h"

#include "TosaConstants.h"

#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/DenseSet.h"

#include <cmath>
#include <limits>

namespace photon {
#define GEN_PASS_DEF_CONVERTTOSATOPHOTONIC
#include "photon/Conversion/Passes.h.inc"
} // namespace photon

using namespace mlir;
using namespace photon;

namespace {

/// The per-sample width of a batched tensor: the product of its static
/// dimensions, the batch being its one dynamic dimension or 1 (so
/// tensor<?x4xf32>, tensor<1x4xf32> and tensor<1x?x4xf32> all hold 4
/// values per sample). -1 when the type is not such a tensor; kMaxModes + 1
/// when the width exceeds kMaxModes (the product is checked, never
/// overflows).
int64_t sampleWidth(Type type) {
  auto tensor = llvm::dyn_cast<RankedTensorType>(type);
  if (!tensor || !llvm::isa<FloatType>(tensor.getElementType()))
    return -1;
  std::optional<int64_t> width = 1;
  int64_t dynamic = 0;
  for (int64_t size : tensor.getShape()) {
    if (ShapedType::isDynamic(size))
      ++dynamic;
    else if (width)
      width = runtime::checkedProduct(*width, size, runtime::kMaxModes);
  }
  if (dynamic > 1)
    return -1;
  return width ? *width : runtime::kMaxModes + 1;
}

/// The network built so far: the optical field at the end of the chain
/// and what is still pending before the next optical-to-electrical
/// boundary (an electrical bias, then an electrical function).
class ChainBuilder {
public:
  ChainBuilder(OpBuilder &builder, Value field)
      : builder(builder), field(field) {}

  int64_t width() const {
    return llvm::cast<FieldType>(field.getType()).getModes();
  }

  /// y = W x (+ bias), W row-major M x N.
  void linear(Location loc, int64_t rows, ArrayRef<double> weights,
              std::optional<ArrayRef<double>> layerBias) {
    flushFunction(loc);
    const int64_t cols = width();
    // A pending bias b goes through the layer: W (x + b) = W x + W b.
    std::optional<SmallVector<double>> carried;
    if (bias) {
      carried.emplace(rows, 0.0);
      for (int64_t r = 0; r < rows; ++r)
        for (int64_t c = 0; c < cols; ++c)
          (*carried)[r] += weights[r * cols + c] * (*bias)[c];
    }
    auto type = RankedTensorType::get({rows, cols}, builder.getF64Type());
    auto attr = DenseElementsAttr::get(type, weights);
    field = builder.create<DenseOp>(loc, FieldType::get(builder.getContext(), rows),
                                    field, attr, /*init=*/nullptr,
                                    /*seed=*/nullptr, /*complex=*/nullptr);
    bias = std::move(carried);
    if (layerBias)
      addBias(loc, *layerBias);
  }

  /// Adds `values` (one per mode, or one for all) to the pending bias.
  void addBias(Location loc, ArrayRef<double> values) {
    flushFunction(loc);
    if (!bias)
      bias.emplace(width(), 0.0);
    for (int64_t i = 0; i < width(); ++i)
      (*bias)[i] += values.size() == 1 ? values[0] : values[i];
  }

  /// Multiplies mode i by values[i] (or all by values[0]): folded into the
  /// linear layer that produced the field. False when the field does not
  /// come straight from a linear layer of this chain.
  bool scale(ArrayRef<double> values) {
    auto dense = field.getDefiningOp<DenseOp>();
    if (function || !dense || !dense.getWeights())
      return false;
    auto weights = llvm::cast<DenseElementsAttr>(*dense.getWeights());
    auto type = llvm::cast<RankedTensorType>(weights.getType());
    const int64_t cols = type.getDimSize(1);
    SmallVector<double> scaled(weights.getValues<double>());
    for (size_t i = 0; i < scaled.size(); ++i)
      scaled[i] *= values.size() == 1 ? values[0] : values[i / cols];
    dense.setWeightsAttr(DenseElementsAttr::get(type, ArrayRef(scaled)));
    if (bias)
      for (size_t i = 0; i < bias->size(); ++i)
        (*bias)[i] *= values.size() == 1 ? values[0] : values[i];
    return true;
  }

  void activation(Location loc, ElectricalFunction f) {
    flushFunction(loc);
    if (f == ElectricalFunction::abs && !hasBias()) {
      // |x| has an optical op: the field stays in the optical domain.
      field = builder.create<ActivationOp>(loc, field.getType(), field,
                                           ActivationKind::modulus);
      return;
    }
    function = f;
  }

  /// The final readout with `final` (softmax, log_softmax) or the pending
  /// function.
  Value readout(Location loc, std::optional<ElectricalFunction> final) {
    if (final)
      flushFunction(loc);
    ElectricalFunction f =
        final ? *final : function.value_or(ElectricalFunction::identity);
    auto type = RankedTensorType::get({width()}, builder.getF64Type());
    return builder.create<ReadoutOp>(loc, type, field, f, biasAttr());
  }

private:
  /// A pending bias with a nonzero entry (a zero bias is no bias).
  bool hasBias() const {
    return bias && llvm::any_of(*bias, [](double v) { return v != 0.0; });
  }

  DenseF64ArrayAttr biasAttr() {
    return hasBias() ? builder.getDenseF64ArrayAttr(*bias)
                     : DenseF64ArrayAttr();
  }

  /// Materialises a pending function as an O-E-O boundary.
  void flushFunction(Location loc) {
    if (!function)
      return;
    field = builder.create<OeoOp>(loc, field.getType(), field, *function,
                                  biasAttr());
    function.reset();
    bias.reset();
  }

  OpBuilder &builder;
  Value field;
  std::optional<SmallVector<double>> bias;
  std::optional<ElectricalFunction> function;
};

/// Converts one function; on failure it has emitted an error and leaves
/// the module untouched.
class FunctionConverter {
public:
  explicit FunctionConverter(func::FuncOp func) : func(func) {}

  FailureOr<func::FuncOp> run();

private:
  LogicalResult step(Operation *op);
  LogicalResult convertLinear(Operation *op, Value weightsValue,
                              Value biasValue, bool transposed);
  LogicalResult convertBias(Operation *op, Value constant, double sign);
  LogicalResult convertSoftplus(tosa::ExpOp exp);
  LogicalResult convertSoftmax(tosa::ReduceMaxOp reduce);
  /// The other operand of a binary op on `current`.
  Value otherOperand(Operation *op) {
    return op->getOperand(0) == current ? op->getOperand(1)
                                        : op->getOperand(0);
  }
  /// Advances the chain to `value` (same per-sample width).
  LogicalResult advance(Operation *op, Value value);

  func::FuncOp func;
  std::unique_ptr<OpBuilder> builder;
  std::unique_ptr<ChainBuilder> chain;
  Value current;
  Value result;
  /// Ops already consumed by a multi-op pattern.
  llvm::DenseSet<Operation *> consumed;
};

FailureOr<func::FuncOp> FunctionConverter::run() {
  FunctionType type = func.getFunctionType();
  if (type.getNumInputs() != 1 || type.getNumResults() != 1)
    return func.emitOpError() << "expects one argument and one result to "
                                 "convert to a photonic network, got "
                              << type;
  int64_t inputs = sampleWidth(type.getInput(0));
  if (inputs > runtime::kMaxModes)
    return func.emitOpError() << "expects at most " << runtime::kMaxModes
                              << " values per sample (docs/formats.md, "
                                 "Limits), got "
                              << type.getInput(0);
  if (inputs <= 0)
    return func.emitOpError()
           << "expects a float tensor argument whose only dynamic dimension "
              "is the batch, got "
           << type.getInput(0);
  MLIRContext *context = func.getContext();
  builder = std::make_unique<OpBuilder>(context);
  auto f64 = Float64Type::get(context);
  auto inputType = RankedTensorType::get({inputs}, f64);
  // The result type is fixed once the chain is known.
  auto converted = func::FuncOp::create(
      func.getLoc(), func.getName(), builder->getFunctionType({inputType}, {}));
  Block *body = converted.addEntryBlock();
  builder->setInsertionPointToStart(body);
  Value encoded = builder->create<EncodeOp>(
      func.getLoc(), FieldType::get(context, inputs), body->getArgument(0));
  chain = std::make_unique<ChainBuilder>(*builder, encoded);
  current = func.getArgument(0);
  for (Operation &op : func.getBody().front()) {
    if (consumed.contains(&op))
      continue;
    if (failed(step(&op))) {
      converted.erase();
      return failure();
    }
  }
  if (!result) {
    converted.erase();
    return func.emitOpError("expects a func.return");
  }
  builder->create<func::ReturnOp>(func.getLoc(), result);
  converted.setFunctionType(
      builder->getFunctionType({inputType}, {result.getType()}));
  converted.setVisibility(func.getVisibility());
  return converted;
}

LogicalResult FunctionConverter::advance(Operation *op, Value value) {
  if (sampleWidth(value.getType()) != chain->width())
    return op->emitOpError() << "expects to keep the per-sample width "
                             << chain->width() << " of the chain, got "
                             << value.getType();
  current = value;
  return success();
}

LogicalResult FunctionConverter::step(Operation *op) {
  const bool usesChain = llvm::is_contained(op->getOperands(), current);
  if (!usesChain) {
    if (isConstantComputation(op))
      return success();
    return op->emitOpError()
           << "is not supported by convert-tosa-to-photonic: it does not "
              "compute a constant and does not continue the chain from the "
              "function argument";
  }
  // A straight chain: the value is used once (the softmax pattern, which
  // reads it twice, is matched as a whole).
  if (!current.hasOneUse() && !llvm::isa<tosa::ReduceMaxOp>(op))
    return op->emitOpError()
           << "expects a straight chain: its operand has more than one use";
  Location loc = op->getLoc();
  if (auto ret = llvm::dyn_cast<func::ReturnOp>(op)) {
    result = chain->readout(loc, std::nullopt);
    return success();
  }
  if (llvm::isa<tosa::ReshapeOp, tosa::IdentityOp>(op))
    return advance(op, op->getResult(0));
  if (auto fc = llvm::dyn_cast<tosa::FullyConnectedOp>(op)) {
    if (fc.getInput() != current)
      return op->emitOpError("expects the chain as its input operand");
    if (fc.getQuantizationInfo())
      return op->emitOpError("expects no quantization info");
    return convertLinear(op, fc.getWeight(), fc.getBias(),
                         /*transposed=*/false);
  }
  if (auto matmul = llvm::dyn_cast<tosa::MatMulOp>(op)) {
    if (matmul.getA() != current)
      return op->emitOpError("expects the chain as its first operand");
    if (matmul.getQuantizationInfo())
      return op->emitOpError("expects no quantization info");
    return convertLinear(op, matmul.getB(), Value(), /*transposed=*/true);
  }
  if (llvm::isa<tosa::AddOp>(op))
    return convertBias(op, otherOperand(op), 1.0);
  if (auto sub = llvm::dyn_cast<tosa::SubOp>(op)) {
    if (sub.getInput1() != current)
      return op->emitOpError("expects the chain as its first operand (x - "
                             "constant)");
    return convertBias(op, sub.getInput2(), -1.0);
  }
  if (auto mul = llvm::dyn_cast<tosa::MulOp>(op)) {
    std::optional<ConstantTensor> factor = readConstant(otherOperand(op));
    const size_t width = static_cast<size_t>(chain->width());
    if (!factor || mul.getShift() != 0 ||
        (factor->values.size() != 1 && factor->values.size() != width))
      return op->emitOpError()
             << "expects a multiplication by a constant scalar or one value "
                "per mode (shift 0)";
    if (!chain->scale(factor->values))
      return op->emitOpError("expects a multiplication by a constant right "
                             "after a linear layer (it is folded into the "
                             "weights)");
    return advance(op, op->getResult(0));
  }
  if (auto clamp = llvm::dyn_cast<tosa::ClampOp>(op)) {
    double low = clamp.getMinFp().convertToDouble();
    double high = clamp.getMaxFp().convertToDouble();
    if (low != 0.0 || high < std::numeric_limits<float>::max())
      return op->emitOpError()
             << "expects a ReLU clamp (min_fp = 0, max_fp >= 3.4e38), got "
                "min_fp = "
             << low << ", max_fp = " << high;
    chain->activation(loc, ElectricalFunction::relu);
    return advance(op, op->getResult(0));
  }
  if (llvm::isa<tosa::SigmoidOp>(op)) {
    chain->activation(loc, ElectricalFunction::sigmoid);
    return advance(op, op->getResult(0));
  }
  if (llvm::isa<tosa::TanhOp>(op)) {
    chain->activation(loc, ElectricalFunction::tanh);
    return advance(op, op->getResult(0));
  }
  if (llvm::isa<tosa::AbsOp>(op)) {
    chain->activation(loc, ElectricalFunction::abs);
    return advance(op, op->getResult(0));
  }
  if (auto exp = llvm::dyn_cast<tosa::ExpOp>(op))
    return convertSoftplus(exp);
  if (auto reduce = llvm::dyn_cast<tosa::ReduceMaxOp>(op))
    return convertSoftmax(reduce);
  return op->emitOpError()
         << "is not supported by convert-tosa-to-photonic (supported on the "
            "chain: fully_connected, matmul by a constant, add/sub of a "
            "constant, clamp as ReLU, sigmoid, tanh, abs, softplus, "
            "reshape, identity, softmax and log-softmax at the end)";
}

LogicalResult FunctionConverter::convertLinear(Operation *op,
                                               Value weightsValue,
                                               Value biasValue,
                                               bool transposed) {
  std::optional<ConstantTensor> weights = readConstant(weightsValue);
  if (!weights)
    return op->emitOpError() << "expects constant float weights of at most "
                             << runtime::kMaxMatrixElements << " elements";
  const int64_t n = chain->width();
  // fully_connected: [M, N]; matmul: [1, N, M].
  SmallVector<int64_t> shape(weights->shape);
  if (transposed) {
    if (shape.size() != 3 || shape[0] != 1)
      return op->emitOpError() << "expects constant weights of shape [1, N, "
                                  "M], got rank "
                               << shape.size();
    shape.erase(shape.begin());
  }
  if (shape.size() != 2)
    return op->emitOpError() << "expects 2-D constant weights, got rank "
                             << shape.size();
  const int64_t inputs = transposed ? shape[0] : shape[1];
  const int64_t m = transposed ? shape[1] : shape[0];
  if (inputs != n)
    return op->emitOpError() << "expects weights for " << n
                             << " inputs (the chain's width), got " << inputs;
  if (m < 1 || m > runtime::kMaxModes)
    return op->emitOpError() << "expects 1.." << runtime::kMaxModes
                             << " outputs (docs/formats.md, Limits), got "
                             << m;
  std::vector<double> w(weights->values);
  if (transposed)
    for (int64_t r = 0; r < m; ++r)
      for (int64_t c = 0; c < n; ++c)
        w[r * n + c] = weights->values[c * m + r];
  std::optional<ConstantTensor> bias;
  if (biasValue) {
    bias = readConstant(biasValue);
    if (!bias)
      return op->emitOpError("expects a constant float bias");
    if (static_cast<int64_t>(bias->values.size()) != m &&
        bias->values.size() != 1)
      return op->emitOpError() << "expects a bias of " << m
                               << " values, got " << bias->values.size();
  }
  for (double v : w)
    if (!std::isfinite(v))
      return op->emitOpError("expects finite weights");
  if (bias)
    for (double v : bias->values)
      if (!std::isfinite(v))
        return op->emitOpError("expects a finite bias");
  SmallVector<double> expanded;
  if (bias)
    expanded.assign(m, 0.0);
  for (int64_t i = 0; bias && i < m; ++i)
    expanded[i] = bias->values.size() == 1 ? bias->values[0] : bias->values[i];
  chain->linear(op->getLoc(), m, w,
                bias ? std::optional<ArrayRef<double>>(expanded)
                     : std::nullopt);
  return advance(op, op->getResult(0));
}

LogicalResult FunctionConverter::convertBias(Operation *op, Value constant,
                                             double sign) {
  std::optional<ConstantTensor> bias = readConstant(constant);
  if (!bias)
    return op->emitOpError("expects a constant float operand (a bias)");
  const size_t width = static_cast<size_t>(chain->width());
  // One value per mode, along the last dimension, or a scalar.
  if (bias->values.size() != 1 &&
      (bias->values.size() != width || bias->shape.empty() ||
       bias->shape.back() != static_cast<int64_t>(width)))
    return op->emitOpError() << "expects a bias of " << width
                             << " values along the last dimension, got "
                             << bias->values.size();
  SmallVector<double> values;
  for (double v : bias->values) {
    if (!std::isfinite(v))
      return op->emitOpError("expects a finite bias");
    values.push_back(sign * v);
  }
  chain->addBias(op->getLoc(), values);
  return advance(op, op->getResult(0));
}

/// True when `value` is a constant whose every element is `expected`.
static bool isSplat(Value value, double expected) {
  std::optional<ConstantTensor> c = readConstant(value);
  return c && !c->values.empty() &&
         llvm::all_of(c->values, [&](double v) { return v == expected; });
}

/// The single user of `value`, if it has exactly one.
static Operation *singleUser(Value value) {
  return value.hasOneUse() ? *value.getUsers().begin() : nullptr;
}

LogicalResult FunctionConverter::convertSoftplus(tosa::ExpOp exp) {
  // ln(1 + e^x): exp, add of a splat 1, log.
  auto add = llvm::dyn_cast_or_null<tosa::AddOp>(singleUser(exp.getResult()));
  Value one;
  if (add)
    one = add.getInput1() == exp.getResult() ? add.getInput2()
                                             : add.getInput1();
  auto log = add ? llvm::dyn_cast_or_null<tosa::LogOp>(
                       singleUser(add.getResult()))
                 : tosa::LogOp();
  if (!add || !isSplat(one, 1.0) || !log)
    return exp.emitOpError("is only supported as softplus (exp, add 1.0, "
                           "log) or inside a softmax at the end");
  consumed.insert(add);
  consumed.insert(log);
  chain->activation(exp.getLoc(), ElectricalFunction::softplus);
  return advance(exp, log.getResult());
}

LogicalResult FunctionConverter::convertSoftmax(tosa::ReduceMaxOp reduce) {
  // m = reduce_max(x); s = x - m; e = exp(s); z = reduce_sum(e);
  // softmax: e * reciprocal(z); log-softmax: s - log(z).
  auto fail = [&]() {
    return reduce.emitOpError(
        "is only supported as the start of a softmax or log-softmax over "
        "the last dimension whose result the function returns");
  };
  auto lastAxis = [](Operation *op, int64_t axis) {
    auto type = llvm::cast<RankedTensorType>(op->getOperand(0).getType());
    return axis == type.getRank() - 1;
  };
  if (!lastAxis(reduce, reduce.getAxis()))
    return fail();
  // x has exactly two users: the reduce and the subtraction.
  if (std::distance(current.getUsers().begin(), current.getUsers().end()) != 2)
    return fail();
  tosa::SubOp shifted;
  for (Operation *user : current.getUsers())
    if (auto sub = llvm::dyn_cast<tosa::SubOp>(user))
      if (sub.getInput1() == current && sub.getInput2() == reduce.getResult())
        shifted = sub;
  if (!shifted || !reduce.getResult().hasOneUse())
    return fail();
  // s feeds exp (and, for log-softmax, the final subtraction).
  tosa::ExpOp exp;
  tosa::SubOp finalSub;
  for (Operation *user : shifted.getResult().getUsers()) {
    if (auto e = llvm::dyn_cast<tosa::ExpOp>(user))
      exp = e;
    else if (auto s = llvm::dyn_cast<tosa::SubOp>(user))
      finalSub = s;
    else
      return fail();
  }
  if (!exp)
    return fail();
  tosa::ReduceSumOp sum;
  tosa::MulOp mul;
  for (Operation *user : exp.getResult().getUsers()) {
    if (auto s = llvm::dyn_cast<tosa::ReduceSumOp>(user))
      sum = s;
    else if (auto m = llvm::dyn_cast<tosa::MulOp>(user))
      mul = m;
    else
      return fail();
  }
  if (!sum || !lastAxis(sum, sum.getAxis()) || !sum.getResult().hasOneUse())
    return fail();
  Operation *normalizer = singleUser(sum.getResult());
  Value output;
  ElectricalFunction function;
  SmallVector<Operation *> ops = {shifted, exp, sum, normalizer};
  if (auto reciprocal = llvm::dyn_cast_or_null<tosa::ReciprocalOp>(normalizer)) {
    if (!mul || finalSub || singleUser(reciprocal.getResult()) != mul ||
        mul.getShift() != 0)
      return fail();
    output = mul.getResult();
    function = ElectricalFunction::softmax;
    ops.push_back(mul);
  } else if (auto log = llvm::dyn_cast_or_null<tosa::LogOp>(normalizer)) {
    if (mul || !finalSub || finalSub.getInput1() != shifted.getResult() ||
        singleUser(log.getResult()) != finalSub)
      return fail();
    output = finalSub.getResult();
    function = ElectricalFunction::log_softmax;
    ops.push_back(finalSub);
  } else {
    return fail();
  }
  auto ret = llvm::dyn_cast_or_null<func::ReturnOp>(singleUser(output));
  if (!ret)
    return fail();
  if (sampleWidth(output.getType()) != chain->width())
    return fail();
  consumed.insert(ops.begin(), ops.end());
  consumed.insert(ret);
  result = chain->readout(reduce.getLoc(), function);
  return success();
}

struct ConvertTosaToPhotonicPass
    : public photon::impl::ConvertTosaToPhotonicBase<
          ConvertTosaToPhotonicPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SmallVector<func::FuncOp> funcs;
    for (func::FuncOp func : module.getOps<func::FuncOp>()) {
      bool hasTosa = false;
      func.walk([&](Operation *op) {
        hasTosa |= op->getDialect() &&
                   op->getDialect()->getNamespace() == "tosa";
      });
      if (hasTosa)
        funcs.push_back(func);
    }
    // Convert all first, so that a failure leaves the module unchanged.
    SmallVector<std::pair<func::FuncOp, func::FuncOp>> done;
    for (func::FuncOp func : funcs) {
      if (!func.getBody().hasOneBlock())
        return fail(done, func.emitOpError("expects a single-block body"));
      FailureOr<func::FuncOp> converted = FunctionConverter(func).run();
      if (failed(converted))
        return fail(done, failure());
      done.push_back({func, *converted});
    }
    for (auto [old, converted] : done) {
      module.getBody()->getOperations().insert(old->getIterator(),
                                               converted.getOperation());
      old.erase();
    }
  }

  void fail(ArrayRef<std::pair<func::FuncOp, func::FuncOp>> done,
            LogicalResult) {
    for (auto [old, converted] : done)
      converted.erase();
    signalPassFailure();
  }
};

} // namespace
