//===- PhotonicFolds.cpp - Folds and canonicalizations --------------------===//
//
// - activation identity            -> its input
// - diagonal with N -> N modes, gain 1 and every θ = 0 -> its input
// - unitary whose matrix is exactly the identity -> its input
// - unitary(unitary(x, A), B) with a single use -> unitary(x, B·A)
//
//===----------------------------------------------------------------------===//
#include "photon/Dialect/MatrixAttr.h"
#include "photon/Dialect/PhotonicOps.h"

#include "mlir/IR/PatternMatch.h"

using namespace mlir;
using namespace photon;

OpFoldResult ActivationOp::fold(FoldAdaptor) {
  if (getFunction() == ActivationKind::identity)
    return getInput();
  return {};
}

OpFoldResult DiagonalOp::fold(FoldAdaptor) {
  if (getInput().getType() != getOutput().getType() ||
      getGain().convertToDouble() != 1.0)
    return {};
  if (llvm::any_of(getTheta(), [](double theta) { return theta != 0.0; }))
    return {};
  return getInput();
}

OpFoldResult UnitaryOp::fold(FoldAdaptor) {
  std::optional<Eigen::MatrixXcd> matrix = readMatrix(getMatrix());
  if (!matrix || !matrix->isIdentity(0.0))
    return {};
  return getInput();
}

namespace {
/// unitary(unitary(x, A), B) -> unitary(x, B·A) when the inner result has no
/// other use. Provenance (layer, factor) is kept only if both agree.
struct MergeConsecutiveUnitaries : public OpRewritePattern<UnitaryOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(UnitaryOp outer,
                                PatternRewriter &rewriter) const override {
    auto inner = outer.getInput().getDefiningOp<UnitaryOp>();
    if (!inner || !inner->hasOneUse())
      return failure();
    std::optional<Eigen::MatrixXcd> a = readMatrix(inner.getMatrix());
    std::optional<Eigen::MatrixXcd> b = readMatrix(outer.getMatrix());
    if (!a || !b)
      return failure();
    Eigen::MatrixXcd product = (*b) * (*a);
    bool realValued = product.imag().isZero(0.0);
    auto merged = rewriter.create<UnitaryOp>(
        outer.getLoc(), outer.getType(), inner.getInput(),
        writeMatrix(rewriter.getContext(), product, realValued),
        /*layer=*/nullptr, /*factor=*/nullptr, /*init_seed=*/nullptr);
    // The product of two random draws is a random draw.
    if (inner.getInitSeedAttr() && outer.getInitSeedAttr())
      merged.setInitSeedAttr(outer.getInitSeedAttr());
    if (inner.getLayerAttr() == outer.getLayerAttr())
      merged.setLayerAttr(outer.getLayerAttr());
    if (inner.getFactorAttr() == outer.getFactorAttr())
      merged.setFactorAttr(outer.getFactorAttr());
    rewriter.replaceOp(outer, merged.getResult());
    rewriter.eraseOp(inner);
    return success();
  }
};
} // namespace

void UnitaryOp::getCanonicalizationPatterns(RewritePatternSet &patterns,
                                            MLIRContext *context) {
  patterns.add<MergeConsecutiveUnitaries>(context);
}
