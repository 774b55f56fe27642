//===- Passes.h - Photon's passes -------------------------------*- C++ -*-===//
#ifndef PHOTON_TRANSFORMS_PASSES_H
#define PHOTON_TRANSFORMS_PASSES_H

#include "photon/Dialect/PhotonicDialect.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"
#include "mlir/Pass/PassOptions.h"

namespace photon {

#define GEN_PASS_DECL
#include "photon/Transforms/Passes.h.inc"

/// Options of the `photonic-lower-to-mesh` pipeline.
struct LowerToMeshOptions
    : public mlir::PassPipelineOptions<LowerToMeshOptions> {
  Option<std::string> topology{
      *this, "topology",
      llvm::cl::desc("Mesh topology: clements or reck"),
      llvm::cl::init("clements")};
};

/// convert-tosa-to-photonic, photonic-lower-dense, canonicalize,
/// photonic-decompose-unitary.
void buildLowerToMeshPipeline(mlir::OpPassManager &pm,
                              const LowerToMeshOptions &options);

#define GEN_PASS_REGISTRATION
#include "photon/Transforms/Passes.h.inc"

/// Registers every Photon pass and the named pipelines.
void registerPasses();

} // namespace photon

#endif // PHOTON_TRANSFORMS_PASSES_H
