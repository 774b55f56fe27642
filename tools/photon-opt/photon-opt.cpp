//===- photon-opt.cpp - Photon's optimizer driver -------------------------===//
//
// MlirOptMain with the photonic dialect (and func, and TOSA for imported
// models), Photon's passes and pipelines, and the few upstream passes
// pipelines use (registerOptDialects, registerOptPasses).
//
//===----------------------------------------------------------------------===//
#include "ProgressOptions.h"
#include "Version.h"

#include "photon/Transforms/Passes.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "llvm/Support/CommandLine.h"

int main(int argc, char **argv) {
  photon::installVersionPrinter("photon-opt");
  static llvm::cl::OptionCategory progressCategory("Progress");
  photon::registerProgressOptions(progressCategory);
  mlir::DialectRegistry registry;
  photon::registerOptDialects(registry);
  photon::registerOptPasses();
  return mlir::asMainReturnCode(mlir::MlirOptMain(
      argc, argv, "Photon optimizer for photonic neural networks\n", registry));
}
