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
  Option<std::string> phaseInit{
      *this, "phase-init",
      llvm::cl::desc("auto (uniform phases for randomly initialised layers, "
                     "decomposed ones for given weights), uniform or "
                     "decompose (photonic-decompose-unitary)"),
      llvm::cl::init("auto")};
  Option<int64_t> phaseSeed{
      *this, "phase-seed",
      llvm::cl::desc("Extra seed of the uniform phase draw"),
      llvm::cl::init(0)};
};

/// convert-tosa-to-photonic, photonic-lower-dense, canonicalize,
/// photonic-decompose-unitary.
void buildLowerToMeshPipeline(mlir::OpPassManager &pm,
                              const LowerToMeshOptions &options);

#define GEN_PASS_REGISTRATION
#include "photon/Transforms/Passes.h.inc"

/// Registers every Photon pass and the named pipelines.
void registerPasses();

/// The dialects photon-opt parses: registerAllDialects plus TOSA (imported
/// models). Shared with the Python module.
void registerOptDialects(mlir::DialectRegistry &registry);
/// The passes photon-opt runs: registerPasses plus the upstream passes that
/// pipelines use (canonicalize, cse). Shared with the Python module.
void registerOptPasses();

} // namespace photon

#endif // PHOTON_TRANSFORMS_PASSES_H
