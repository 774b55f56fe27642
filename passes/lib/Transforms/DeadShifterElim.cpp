//===- DeadShifterElim.cpp - Remove shifters at phase 0 -------------------===//
#include "photon/Transforms/PassLocation.h"
#include "photon/Bridge/RuntimeBridge.h"
#include "photon/Dialect/PhotonicOps.h"
#include "photon/Transforms/Passes.h"
#include "photon/Transforms/Report.h"

#include "photon/Runtime/DeadShifters.h"
#include "photon/Runtime/Limits.h"

#include "mlir/IR/Builders.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>

namespace photon {
#define GEN_PASS_DEF_DEADSHIFTERELIM
#include "photon/Transforms/Passes.h.inc"
} // namespace photon

using namespace mlir;
using namespace photon;

namespace {

llvm::json::Object toJson(const runtime::EliminationCounts &counts) {
  return llvm::json::Object{
      {"shifters", counts.shifters()},
      {"theta", counts.theta},
      {"phi", counts.phi},
      {"outputs", counts.outputs},
      {"attenuators", counts.attenuators},
      {"fixed_crossings", counts.fixedCrossings},
      {"power_saved_mw", counts.powerSavedMilliwatts}};
}

struct DeadShifterElimPass
    : public photon::impl::DeadShifterElimBase<DeadShifterElimPass> {
  using DeadShifterElimBase::DeadShifterElimBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (!(tolerance >= 0.0) || !std::isfinite(tolerance)) {
      mlir::emitError(networkLocation(module)) << "photonic-dead-shifter-elim: 'tolerance' must be "
                            "a finite value >= 0, got "
                         << tolerance.getValue();
      return signalPassFailure();
    }
    if (!(piPowerMilliwatts > 0.0) ||
        !(piPowerMilliwatts <= runtime::kMaxDevicePowerMw)) {
      mlir::emitError(networkLocation(module))
          << "photonic-dead-shifter-elim: 'p-pi-mw' must be a power in (0, "
          << llvm::formatv("{0}", llvm::format("%g", runtime::kMaxDevicePowerMw)).str() << "] mW, got "
          << llvm::formatv("{0}", llvm::format("%g", piPowerMilliwatts.getValue())).str();
      return signalPassFailure();
    }
    if (failed(checkReportPath(module, report)))
      return signalPassFailure();
    runtime::PowerModel power;
    power.piPowerMilliwatts = piPowerMilliwatts;

    runtime::EliminationCounts total;
    llvm::json::Array components;
    OpBuilder builder(module.getContext());
    module.walk([&](Operation *op) {
      runtime::EliminationCounts counts;
      if (auto mesh = llvm::dyn_cast<MeshOp>(op)) {
        runtime::Mesh phases = readMesh(mesh);
        counts = runtime::eliminateDeadShifters(phases, tolerance, power);
        mesh.setThetaAttr(builder.getDenseF64ArrayAttr(phases.theta));
        mesh.setPhiAttr(builder.getDenseF64ArrayAttr(phases.phi));
        mesh.setOutputPhasesAttr(
            builder.getDenseF64ArrayAttr(phases.outputPhases));
        SmallVector<bool> flags(phases.mask.begin(), phases.mask.end());
        mesh.setMaskAttr(builder.getDenseBoolArrayAttr(flags));
      } else if (auto diagonal = llvm::dyn_cast<DiagonalOp>(op)) {
        runtime::Diagonal values = readDiagonal(diagonal);
        counts = runtime::eliminateDeadAttenuators(values, tolerance, power);
        diagonal.setThetaAttr(builder.getDenseF64ArrayAttr(values.theta));
        SmallVector<bool> flags(values.mask.begin(), values.mask.end());
        diagonal.setMaskAttr(builder.getDenseBoolArrayAttr(flags));
      } else {
        return;
      }
      total += counts;
      llvm::json::Object entry = toJson(counts);
      entry["op"] = op->getName().getStringRef();
      if (auto layer = op->getAttrOfType<IntegerAttr>("layer"))
        entry["layer"] = layer.getInt();
      if (auto factor = op->getAttrOfType<StringAttr>("factor"))
        entry["factor"] = factor.getValue();
      components.push_back(std::move(entry));
    });

    // The report first: a write failure prints its one error line only.
    if (!report.empty()) {
      llvm::json::Object document = toJson(total);
      document["tolerance_rad"] = tolerance.getValue();
      document["p_pi_mw"] = piPowerMilliwatts.getValue();
      document["components"] = std::move(components);
      if (failed(writeJsonReport(module, report,
                                 llvm::json::Value(std::move(document)))))
        return signalPassFailure();
    }
    llvm::errs() << llvm::format(
        "photonic-dead-shifter-elim: removed %d shifters (theta %d, phi %d, "
        "outputs %d, attenuators %d); %d fixed crossings; %.1f mW saved\n",
        total.shifters(), total.theta, total.phi, total.outputs,
        total.attenuators, total.fixedCrossings, total.powerSavedMilliwatts);
  }
};

} // namespace
