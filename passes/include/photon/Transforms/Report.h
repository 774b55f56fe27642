//===- Report.h - JSON reports of passes ------------------------*- C++ -*-===//
#ifndef PHOTON_TRANSFORMS_REPORT_H
#define PHOTON_TRANSFORMS_REPORT_H

#include "mlir/IR/Operation.h"
#include "llvm/Support/JSON.h"

namespace photon {

/// Writes `value` as indented JSON to `path` through a temporary file that
/// is renamed into place, so a failure never leaves a half-written report.
/// Emits an error on `op` naming the file when writing fails.
mlir::LogicalResult writeJsonReport(mlir::Operation *op, llvm::StringRef path,
                                    const llvm::json::Value &value);

/// Checks, before any work, that a report can be written to `path`: its
/// directory exists and is writable and `path` is not a directory. Emits a
/// one-line error at `op`'s location naming the file otherwise.
mlir::LogicalResult checkReportPath(mlir::Operation *op, llvm::StringRef path);

} // namespace photon

#endif // PHOTON_TRANSFORMS_REPORT_H
