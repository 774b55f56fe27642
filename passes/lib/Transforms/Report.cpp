//===- Report.cpp - JSON reports of passes --------------------------------===//
#include "photon/Transforms/Report.h"

#include "llvm/Support/raw_ostream.h"

using namespace mlir;

namespace photon {

LogicalResult writeJsonReport(Operation *op, StringRef path,
                              const llvm::json::Value &value) {
  llvm::Error error =
      llvm::writeToOutput(path, [&](llvm::raw_ostream &os) -> llvm::Error {
        os << llvm::formatv("{0:2}", value) << "\n";
        return llvm::Error::success();
      });
  if (error)
    return op->emitError() << "cannot write report '" << path
                           << "': " << llvm::toString(std::move(error));
  return success();
}

} // namespace photon
