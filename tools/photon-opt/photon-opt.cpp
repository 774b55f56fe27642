//===- photon-opt.cpp - Photon's optimizer driver -------------------------===//
//
// MlirOptMain with the photonic dialect (and func, and TOSA for imported
// models), Photon's passes and pipelines, and the few upstream passes
// pipelines use.
//
//===----------------------------------------------------------------------===//
#include "ProgressOptions.h"
#include "Version.h"

#include "photon/Dialect/PhotonicDialect.h"
#include "photon/Transforms/Passes.h"

#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/Support/CommandLine.h"

int main(int argc, char **argv) {
  photon::installVersionPrinter("photon-opt");
  static llvm::cl::OptionCategory progressCategory("Progress");
  photon::registerProgressOptions(progressCategory);
  mlir::DialectRegistry registry;
  photon::registerAllDialects(registry);
  // Imported models (photon-translate --import-onnx, torch-mlir) are TOSA.
  registry.insert<mlir::tosa::TosaDialect>();
  photon::registerPasses();
  mlir::registerCanonicalizerPass();
  mlir::registerCSEPass();
  return mlir::asMainReturnCode(mlir::MlirOptMain(
      argc, argv, "Photon optimizer for photonic neural networks\n",
      registry));
}
