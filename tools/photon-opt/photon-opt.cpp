//===- photon-opt.cpp - Photon's optimizer driver -------------------------===//
//
// MlirOptMain with the photonic dialect (and func, and TOSA for imported
// models), Photon's passes and pipelines, and the few upstream passes
// pipelines use (registerOptDialects, registerOptPasses).
//
//===----------------------------------------------------------------------===//
#include "photon/Transforms/Passes.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  photon::registerOptDialects(registry);
  photon::registerOptPasses();
  return mlir::asMainReturnCode(mlir::MlirOptMain(
      argc, argv, "Photon optimizer for photonic neural networks\n", registry));
}
