//===- RuntimeBridge.h - IR <-> runtime structures --------------*- C++ -*-===//
//
// The one place that reads photonic ops into runtime structures and writes
// runtime results back into IR. Passes and translations go through it.
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_BRIDGE_RUNTIMEBRIDGE_H
#define PHOTON_BRIDGE_RUNTIMEBRIDGE_H

#include "photon/Dialect/PhotonicOps.h"
#include "photon/Runtime/Program.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"

namespace photon {

runtime::Topology toRuntime(Topology topology);
Topology fromRuntime(runtime::Topology topology);
runtime::Activation toRuntime(ActivationKind kind);
runtime::ElectricalFunction toRuntime(ElectricalFunction function);

/// The phases, mask and provenance of a mesh op.
runtime::Mesh readMesh(MeshOp op);
/// The attenuators and gain of a diagonal op.
runtime::Diagonal readDiagonal(DiagonalOp op);

/// A and B of an adapter op (source -1: set by buildProgram).
runtime::Adapter readAdapter(AdapterOp op);
/// Stores A and B of `adapter` in `op` (complex<f64> attributes).
void writeAdapter(AdapterOp op, const runtime::Adapter &adapter);
/// Creates `input, base` adapter op holding A and B of `adapter`.
AdapterOp createAdapter(mlir::OpBuilder &builder, mlir::Location loc,
                        mlir::Value input, mlir::Value base,
                        const runtime::Adapter &adapter,
                        mlir::IntegerAttr layer);

/// Creates a mesh op realising `mesh` on `input`.
MeshOp createMesh(mlir::OpBuilder &builder, mlir::Location loc,
                  mlir::Value input, const runtime::Mesh &mesh,
                  mlir::IntegerAttr layer, mlir::StringAttr factor);

/// Finds the function a translation works on: the only func.func of the
/// module. Emits an error on the module otherwise.
mlir::FailureOr<mlir::func::FuncOp> getEntryFunction(mlir::ModuleOp module);

/// Builds the runtime program of a function whose body is a straight chain
/// of lowered photonic ops (encode, mesh, diagonal, activation, detect,
/// adapter) from its single argument to its single result; an adapter's
/// second operand continues the chain and its first names an earlier field
/// (Layer::adapter.source). Emits an error naming the
/// offending op otherwise (e.g. a dense op that was not lowered).
mlir::FailureOr<runtime::Program> buildProgram(mlir::func::FuncOp func);

/// Writes the phases, gains and masks of `program` back into the mesh and
/// diagonal ops of `func`, and A and B into its adapter ops. `program` must have come from buildProgram(func)
/// (same chain of ops).
void writeProgram(mlir::func::FuncOp func, const runtime::Program &program);

/// True when every mesh and diagonal op of `func` stores initial values.
bool hasInitialValues(mlir::func::FuncOp func);

/// Stores the phases and gains of `program` as the initial values of the
/// mesh and diagonal ops of `func` (program from buildProgram(func)).
void writeInitialValues(mlir::func::FuncOp func,
                        const runtime::Program &program);

/// `current` with every phase and gain replaced by the initial value stored
/// in the IR (masks kept). Requires hasInitialValues(func).
runtime::Program readInitialValues(mlir::func::FuncOp func,
                                   const runtime::Program &current);

/// buildProgram on the only function of `op`, which must be a module (what
/// translations receive). Emits an error otherwise.
mlir::FailureOr<runtime::Program> buildModuleProgram(mlir::Operation *op);

} // namespace photon

#endif // PHOTON_BRIDGE_RUNTIMEBRIDGE_H
