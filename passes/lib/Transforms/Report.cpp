//===- Report.cpp - JSON reports of passes --------------------------------===//
#include "photon/Transforms/Report.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
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
    return mlir::emitError(op->getLoc()) << "cannot write report '" << path
                           << "': " << llvm::toString(std::move(error));
  return success();
}

LogicalResult checkReportPath(Operation *op, StringRef path) {
  if (path.empty() || path == "-")
    return success();
  StringRef directory = llvm::sys::path::parent_path(path);
  if (directory.empty())
    directory = ".";
  const char *why = nullptr;
  if (llvm::sys::fs::is_directory(path))
    why = "it is a directory";
  else if (!llvm::sys::fs::is_directory(directory))
    why = "its directory does not exist";
  else if (llvm::sys::fs::access(directory, llvm::sys::fs::AccessMode::Write))
    why = "its directory is not writable";
  if (!why)
    return success();
  return mlir::emitError(op->getLoc())
         << "cannot write report '" << path << "': " << why;
}

} // namespace photon
