//===- DecomposeUnitary.cpp - Unitaries to meshes of MZIs -----------------===//
#include "photon/Transforms/PassLocation.h"
#include "photon/Bridge/RuntimeBridge.h"
#include "photon/Dialect/MatrixAttr.h"
#include "photon/Dialect/PhotonicOps.h"
#include "photon/Transforms/Passes.h"

#include "photon/Runtime/Decomposition.h"
#include "photon/Runtime/PhaseInit.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/Threading.h"

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
      mlir::emitError(networkLocation(getOperation()))
          << "photonic-decompose-unitary: unknown topology '" << topology
          << "' (expected clements or reck)";
      return signalPassFailure();
    }
    std::optional<runtime::PhaseInit> init = runtime::parsePhaseInit(phaseInit);
    if (!init) {
      mlir::emitError(networkLocation(getOperation()))
          << "photonic-decompose-unitary: unknown phase-init '" << phaseInit
          << "' (expected auto, uniform or decompose)";
      return signalPassFailure();
    }
    // The meshes are computed in parallel (the decompositions are the cost
    // and independent; MLIR's threading settings apply), then the ops are
    // replaced in program order.
    SmallVector<UnitaryOp> ops;
    getOperation().walk([&](UnitaryOp op) { ops.push_back(op); });
    std::vector<runtime::Mesh> meshes(ops.size());
    std::vector<char> uniformMesh(ops.size(), 0);
    mlir::parallelFor(&getContext(), 0, ops.size(), [&](size_t i) {
      UnitaryOp op = ops[i];
      std::optional<int64_t> initSeed = op.getInitSeed();
      bool uniform = *init == runtime::PhaseInit::Uniform ||
                     (*init == runtime::PhaseInit::Auto && initSeed);
      if (uniform) {
        int modes = static_cast<int>(
            llvm::cast<FieldType>(op.getInput().getType()).getModes());
        uint64_t seed = runtime::mixSeeds(
            {static_cast<uint64_t>(initSeed.value_or(0)),
             static_cast<uint64_t>(phaseSeed),
             static_cast<uint64_t>(op.getLayer().value_or(-1)),
             op.getFactor() == std::optional<StringRef>("U") ? 1u : 0u});
        meshes[i] = runtime::uniformPhaseMesh(*parsed, modes, seed);
        uniformMesh[i] = 1;
      } else {
        // The verifier guarantees a readable, unitary, square matrix.
        Eigen::MatrixXcd u = *readMatrix(op.getMatrix());
        meshes[i] = runtime::decomposeUnitary(*parsed, u);
      }
    });
    for (auto [op, mesh, uniform] : llvm::zip(ops, meshes, uniformMesh)) {
      if (uniform)
        ++numUniform;
      OpBuilder builder(op);
      MeshOp meshOp = createMesh(builder, op.getLoc(), op.getInput(), mesh,
                                 op.getLayerAttr(), op.getFactorAttr());
      op.getOutput().replaceAllUsesWith(meshOp.getOutput());
      op.erase();
      ++numMeshes;
      numMzis += mesh.mziCount();
    }
  }
};

} // namespace
