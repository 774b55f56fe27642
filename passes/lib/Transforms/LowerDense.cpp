//===- LowerDense.cpp - Dense layers to U, Σ, V† --------------------------===//
//
// W = U Σ V† (SVD): the layer y = W x becomes V†, then Σ, then U.
//
//===----------------------------------------------------------------------===//
#include "photon/Dialect/MatrixAttr.h"
#include "photon/Dialect/PhotonicOps.h"
#include "photon/Transforms/Passes.h"

#include "photon/Runtime/Diagonal.h"
#include "photon/Runtime/Initializer.h"
#include "photon/Runtime/Svd.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"

namespace photon {
#define GEN_PASS_DEF_LOWERDENSE
#include "photon/Transforms/Passes.h.inc"
} // namespace photon

using namespace mlir;
using namespace photon;

namespace {

runtime::Initializer toRuntime(Initializer init) {
  return init == Initializer::uniform ? runtime::Initializer::Uniform
                                      : runtime::Initializer::Normal;
}

/// The weights of a dense op, from its inline attribute or its initializer.
Eigen::MatrixXcd weightsOf(DenseOp op) {
  int rows = static_cast<int>(
      llvm::cast<FieldType>(op.getOutput().getType()).getModes());
  int cols = static_cast<int>(
      llvm::cast<FieldType>(op.getInput().getType()).getModes());
  if (std::optional<ElementsAttr> weights = op.getWeights())
    return *readMatrix(*weights); // The verifier checked it is readable.
  return runtime::initializeWeights(toRuntime(*op.getInit()), rows, cols,
                                    static_cast<uint64_t>(*op.getSeed()),
                                    op.getComplex());
}

struct LowerDensePass : public photon::impl::LowerDenseBase<LowerDensePass> {
  void runOnOperation() override {
    for (auto func : getOperation().getOps<func::FuncOp>()) {
      int64_t layerIndex = 0;
      func.walk([&](DenseOp op) { lower(op, layerIndex++); });
    }
  }

  void lower(DenseOp op, int64_t layerIndex) {
    Eigen::MatrixXcd w = weightsOf(op);
    runtime::SvdFactors svd = runtime::factorizeSvd(w);
    int inputs = static_cast<int>(w.cols()), outputs = static_cast<int>(w.rows());
    runtime::Diagonal sigma =
        runtime::diagonalFromSingularValues(svd.sigma, inputs, outputs);

    OpBuilder builder(op);
    MLIRContext *context = op.getContext();
    IntegerAttr layer = builder.getI64IntegerAttr(layerIndex);
    auto isReal = [](const Eigen::MatrixXcd &m) {
      return m.imag().isZero(0.0);
    };
    // Factors of randomly initialised weights are random draws themselves:
    // init_seed lets photonic-decompose-unitary draw uniform phases instead.
    IntegerAttr initSeed;
    if (!op.getWeights())
      initSeed = builder.getI64IntegerAttr(*op.getSeed());
    Value v = builder.create<UnitaryOp>(
        op.getLoc(), op.getInput().getType(), op.getInput(),
        writeMatrix(context, svd.vAdjoint, isReal(svd.vAdjoint)), layer,
        builder.getStringAttr("V"), initSeed);
    Value s = builder.create<DiagonalOp>(
        op.getLoc(), op.getOutput().getType(), v,
        builder.getDenseF64ArrayAttr(sigma.theta),
        builder.getF64FloatAttr(sigma.gain), /*mask=*/nullptr,
        /*initial_theta=*/nullptr,
        /*initial_gain=*/nullptr, layer);
    Value u = builder.create<UnitaryOp>(
        op.getLoc(), op.getOutput().getType(), s,
        writeMatrix(context, svd.u, isReal(svd.u)), layer,
        builder.getStringAttr("U"), initSeed);
    op.getOutput().replaceAllUsesWith(u);
    op.erase();
    ++numLowered;
  }
};

} // namespace
