//===- photon-lsp-server.cpp - Language server for photonic IR ------------===//
//
// MLIR's language server with the dialects photon-opt knows (photonic,
// func, TOSA), so that editors show diagnostics, hover and go-to-definition
// on .mlir files holding photonic IR (docs/editors.md).
//
//===----------------------------------------------------------------------===//
#include "Version.h"

#include "photon/Dialect/PhotonicDialect.h"

#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-lsp-server/MlirLspServerMain.h"

int main(int argc, char **argv) {
  photon::installVersionPrinter("photon-lsp-server");
  mlir::DialectRegistry registry;
  photon::registerAllDialects(registry);
  registry.insert<mlir::tosa::TosaDialect>();
  return mlir::failed(mlir::MlirLspServerMain(argc, argv, registry)) ? 1 : 0;
}
