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
      {"unreachable", counts.unreachable},
      {"fixed_crossings", counts.fixedCrossings},
      {"power_saved_mw", counts.powerSavedMilliwatts}};
}

/// The width of a field value.
int modesOf(Value field) {
  return static_cast<int>(llvm::cast<FieldType>(field.getType()).getModes());
}

/// What the neighbours of `mesh` in the IR let act (MeshSurroundings):
///  - behind a Σ that widens the field, its modes >= Σ's inputs are dark;
///  - a chain of per-mode ops after the mesh (Σ, activations) keeps mode
///    i at index i: a Σ that narrows the field terminates the modes >= its
///    outputs, and photodetection or a modulus at the chain's end discards
///    every mode's phase (Σ is real, and every activation's modulus depends
///    only on its input's modulus). Anything else reads every mode with its
///    phase; so does a result with more than one use.
runtime::MeshSurroundings surroundingsOf(MeshOp mesh) {
  const int n = modesOf(mesh.getOutput());
  runtime::MeshSurroundings s = runtime::MeshSurroundings::all(n);
  if (auto sigma = mesh.getInput().getDefiningOp<DiagonalOp>())
    s.litInputs = std::min(n, modesOf(sigma.getInput()));
  Value value = mesh.getOutput();
  while (value.hasOneUse()) {
    Operation *user = *value.getUsers().begin();
    if (llvm::isa<DetectOp>(user)) {
      s.outputPhaseRead = false;
      break;
    }
    if (auto activation = llvm::dyn_cast<ActivationOp>(user)) {
      // |f(z)| depends on |z| alone for every kind; modulus drops the phase.
      switch (activation.getFunction()) {
      case ActivationKind::modulus:
        s.outputPhaseRead = false;
        return s;
      case ActivationKind::identity:
      case ActivationKind::softplus:
        value = activation.getOutput();
        continue;
      }
      return s; // an unknown kind reads everything
    }
    auto sigma = llvm::dyn_cast<DiagonalOp>(user);
    if (!sigma)
      break;
    s.readOutputs = std::min(s.readOutputs, modesOf(sigma.getOutput()));
    value = sigma.getOutput();
  }
  return s;
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
        if (unreachable)
          counts = runtime::eliminateUnreachableShifters(
              phases, surroundingsOf(mesh), power);
        counts += runtime::eliminateDeadShifters(phases, tolerance, power);
        mesh.setThetaAttr(builder.getDenseF64ArrayAttr(phases.theta));
        mesh.setPhiAttr(builder.getDenseF64ArrayAttr(phases.phi));
        mesh.setOutputPhasesAttr(
            builder.getDenseF64ArrayAttr(phases.outputPhases));
        SmallVector<bool> flags(phases.mask.begin(), phases.mask.end());
        mesh.setMaskAttr(builder.getDenseBoolArrayAttr(flags));
        if (!phases.active.empty()) {
          SmallVector<bool> active(phases.active.begin(), phases.active.end());
          mesh.setActiveAttr(builder.getDenseBoolArrayAttr(active));
        }
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
        "outputs %d, attenuators %d; %d of them unreachable); %d fixed "
        "crossings; %.1f mW saved\n",
        total.shifters(), total.theta, total.phi, total.outputs,
        total.attenuators, total.unreachable, total.fixedCrossings,
        total.powerSavedMilliwatts);
  }
};

} // namespace
