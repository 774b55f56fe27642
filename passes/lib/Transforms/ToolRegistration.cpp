//===- ToolRegistration.cpp - What photon-opt registers -------------------===//
//
// The dialects and passes of photon-opt, in one place so that the Python
// module (python/) compiles with exactly the same ones.
//
//===----------------------------------------------------------------------===//
#include "photon/Dialect/PhotonicDialect.h"
#include "photon/Transforms/Passes.h"

#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Transforms/Passes.h"

void photon::registerOptDialects(mlir::DialectRegistry &registry) {
  registerAllDialects(registry);
  // Imported models (photon-translate --import-onnx, torch-mlir) are TOSA.
  registry.insert<mlir::tosa::TosaDialect>();
}

void photon::registerOptPasses() {
  registerPasses();
  mlir::registerCanonicalizerPass();
  mlir::registerCSEPass();
}
