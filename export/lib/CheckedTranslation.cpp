//===- CheckedTranslation.cpp - Translations from checked MLIR input ------===//
#include "photon/Export/Translations.h"

#include "photon/Dialect/PhotonicDialect.h"
#include "photon/Dialect/ToolInput.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Tools/ParseUtilities.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;

void photon::registerCheckedTranslation(
    llvm::StringRef name, llvm::StringRef description,
    const TranslateFromMLIRFunction &function) {
  TranslateRegistration registration(
      name, description,
      [function](const std::shared_ptr<llvm::SourceMgr> &sourceMgr,
                 llvm::raw_ostream &output,
                 MLIRContext *context) -> LogicalResult {
        // The nesting limit first: MLIR's parser recurses once per level.
        const llvm::MemoryBuffer *buffer =
            sourceMgr->getMemoryBuffer(sourceMgr->getMainFileID());
        if (failed(checkInputNesting(*buffer, llvm::errs())))
          return failure();
        // mlirTranslateMain's SourceMgr handler is already registered; the
        // one-line handler goes on top, except when diagnostics are being
        // verified.
        auto &options = llvm::cl::getRegisteredOptions();
        auto verifying = options.find("verify-diagnostics");
        if (oneLineDiagnosticsRequested() &&
            (verifying == options.end() ||
             !static_cast<llvm::cl::opt<bool> *>(verifying->second)
                  ->getValue()))
          installOneLineDiagnostics(context);
        // mlirTranslateMain turns op dumps on outside verification: a
        // diagnostic on the module would print all of it.
        context->printOpOnDiagnostic(false);
        DialectRegistry registry;
        registerAllDialects(registry);
        context->appendDialectRegistry(registry);
        OwningOpRef<Operation *> op = parseSourceFileForTool(
            sourceMgr, ParserConfig(context), /*insertImplicitModule=*/true);
        if (!op || failed(verify(*op)))
          return failure();
        // The output's default 4 KiB buffer meant 110,000 write calls for
        // a 1024-mode phase table (465 MB). A buffered stream keeps its
        // semantics with a larger buffer (an unbuffered one stays so).
        constexpr size_t kOutputBuffer = size_t(1) << 20;
        if (output.GetBufferSize() > 0 && output.GetBufferSize() < kOutputBuffer)
          output.SetBufferSize(kOutputBuffer);
        return function(op.get(), output);
      });
}
