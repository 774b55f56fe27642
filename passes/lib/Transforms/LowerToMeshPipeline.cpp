//===- LowerToMeshPipeline.cpp - The photonic-lower-to-mesh pipeline ------===//
#include "photon/Transforms/Passes.h"
#include "photon/Conversion/Passes.h"

#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;

namespace photon {

void buildLowerToMeshPipeline(OpPassManager &pm,
                              const LowerToMeshOptions &options) {
  // Imported (TOSA) functions become photonic first; others are untouched.
  pm.addPass(createConvertTosaToPhotonic());
  pm.addPass(createLowerDense());
  DecomposeUnitaryOptions decompose;
  decompose.topology = options.topology;
  decompose.phaseInit = options.phaseInit;
  decompose.phaseSeed = options.phaseSeed;
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createDecomposeUnitary(decompose));
}

void registerPasses() {
  registerPhotonPasses();
  registerPhotonConversionPasses();
  PassPipelineRegistration<LowerToMeshOptions>(
      "photonic-lower-to-mesh",
      "Lower dense layers and unitaries to meshes of MZIs "
      "(convert-tosa-to-photonic, photonic-lower-dense, canonicalize, "
      "photonic-decompose-unitary)",
      buildLowerToMeshPipeline);
}

} // namespace photon
