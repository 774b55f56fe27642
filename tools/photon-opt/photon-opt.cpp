//===- photon-opt.cpp - Photon's optimizer driver -------------------------===//
//
// MlirOptMain with the photonic dialect (and func, and TOSA for imported
// models), Photon's passes and pipelines, and the few upstream passes
// pipelines use (registerOptDialects, registerOptPasses). The input is checked against the nesting limit before
// MLIR parses it, and diagnostics do not dump ops (photon/Dialect/
// ToolInput.h).
//
//===----------------------------------------------------------------------===//
#include "ProgressOptions.h"
#include "Version.h"

#include "photon/Dialect/PhotonicDialect.h"
#include "photon/Dialect/ToolInput.h"
#include "photon/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/WithColor.h"

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  photon::installVersionPrinter("photon-opt");
  static llvm::cl::OptionCategory progressCategory("Progress");
  photon::registerProgressOptions(progressCategory);
  mlir::DialectRegistry registry;
  photon::registerOptDialects(registry);
  photon::registerOptPasses();
  photon::defaultToOneLineDiagnostics();
  photon::registerPhaseListOptions();
  auto [inputFilename, outputFilename] = mlir::registerAndParseCLIOptions(
      argc, argv, "Photon optimizer for photonic neural networks\n",
      registry);
  mlir::MlirOptMainConfig config =
      mlir::MlirOptMainConfig::createFromCLOptions();
  if (config.shouldShowDialects())
    return mlir::asMainReturnCode(mlir::MlirOptMain(
        argc, argv, inputFilename, outputFilename, registry));
  if (!config.shouldVerifyDiagnostics()) {
    // MlirOptMain creates the context itself; these extensions run when the
    // parser first loads one of Photon's dialects, after MLIR's own handler
    // is in place, so the one-line handler takes precedence.
    registry.addExtension(+[](mlir::MLIRContext *context,
                              photon::PhotonicDialect *) {
      photon::installOneLineDiagnostics(context);
    });
    registry.addExtension(+[](mlir::MLIRContext *context,
                              mlir::func::FuncDialect *) {
      photon::installOneLineDiagnostics(context);
    });
    registry.addExtension(+[](mlir::MLIRContext *context,
                              mlir::tosa::TosaDialect *) {
      photon::installOneLineDiagnostics(context);
    });
  }

  auto fail = [](const llvm::Twine &message) {
    llvm::WithColor::error(llvm::errs(), "photon-opt") << message << "\n";
    return 1;
  };
  std::string message;
  std::unique_ptr<llvm::MemoryBuffer> input =
      mlir::openInputFile(inputFilename, &message);
  if (!input)
    return fail(message);
  if (mlir::failed(photon::checkInputNesting(*input, llvm::errs())))
    return 1;
  // Opened only now, and kept only on success: no half-written output.
  std::unique_ptr<llvm::ToolOutputFile> output =
      mlir::openOutputFile(outputFilename, &message);
  if (!output)
    return fail(message);
  if (mlir::failed(mlir::MlirOptMain(output->os(), std::move(input), registry,
                                     config)))
    return 1;
  output->keep();
  return 0;
}
