//===- DecomposeUnitary.cpp - Unitaries to meshes of MZIs -----------------===//
#include "photon/Bridge/RuntimeBridge.h"
#include "photon/Dialect/MatrixAttr.h"
#include "photon/Dialect/PhotonicOps.h"
#include "photon/Transforms/Passes.h"

#include "photon/Runtime/Decomposition.h"

#include "mlir/IR/Builders.h"

namespace photon {
#define GEN_PASS_DEF_DECOMPOSEUNITARY
#include "photon/Transforms/Passes.h.inc"
} // namespace photon

using namespace mlir;
using namespace photon;

namespace {

struct DecomposeUnitaryPass
    : public photon::impl::DecomposeUnitaryBase<DecomposeUnitaryPass> {
  using DecomposeUnitaryBase::DecomposeUnitaryBase;

  void runOnOperation() override {
    std::optional<runtime::Topology> parsed = runtime::parseTopology(topology);
    if (!parsed) {
      mlir::emitError(getOperation().getLoc())
          << "photonic-decompose-unitary: unknown topology '" << topology
          << "' (expected clements or reck)";
      return signalPassFailure();
    }
    getOperation().walk([&](UnitaryOp op) {
      // The verifier guarantees a readable, unitary, square matrix.
      Eigen::MatrixXcd u = *readMatrix(op.getMatrix());
      runtime::Mesh mesh = runtime::decomposeUnitary(*parsed, u);
      OpBuilder builder(op);
      MeshOp meshOp = createMesh(builder, op.getLoc(), op.getInput(), mesh,
                                 op.getLayerAttr(), op.getFactorAttr());
      op.getOutput().replaceAllUsesWith(meshOp.getOutput());
      op.erase();
      ++numMeshes;
      numMzis += mesh.mziCount();
    });
  }
};

} // namespace
