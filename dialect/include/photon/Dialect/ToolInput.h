//===- ToolInput.h - Input checks of Photon's MLIR tools --------*- C++ -*-===//
//
// What photon-opt and photon-translate do before MLIR sees their input:
//  - MLIR's parser (and printer, verifier, walks) recurse once per nesting
//    level of regions, attribute arrays and types; about 5,000 nested
//    modules or 10,000 nested '[' overflow an 8 MiB stack. Text nested
//    deeper than kMaxNestingDepth (Limits.h) is rejected first, with one
//    line naming the file, line and column.
//  - A diagnostic on an op does not dump the op (and with it the whole
//    module) by default (--mlir-print-op-on-diagnostic=true brings the
//    dumps back), and diagnostics are printed without the source line and
//    caret: every rejection is one line.
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_DIALECT_TOOLINPUT_H
#define PHOTON_DIALECT_TOOLINPUT_H

#include "mlir/IR/MLIRContext.h"
#include "mlir/Support/LogicalResult.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <optional>

namespace photon {

/// The offset of the first bracket ('{', '[', '(' or '<') of MLIR text
/// that opens level `limit + 1`, counting outside string literals and
/// '//' comments ('->', '<=' and '>=' are not brackets); std::nullopt when
/// the text stays within `limit` levels.
std::optional<size_t> findExcessNesting(llvm::StringRef text, int64_t limit);

/// Checks `buffer` against kMaxNestingDepth. On excess writes
/// "NAME:LINE:COL: error: ..." (one line) to `os` and returns failure.
mlir::LogicalResult checkInputNesting(const llvm::MemoryBuffer &buffer,
                                      llvm::raw_ostream &os);

/// Makes --mlir-print-op-on-diagnostic default to false and asks for the
/// one-line handler in translations (oneLineDiagnosticsRequested). The
/// command-line tools call it before the command line is parsed; the Python
/// module does not, and captures diagnostics itself.
void defaultToOneLineDiagnostics();
/// Whether defaultToOneLineDiagnostics() was called in this process.
bool oneLineDiagnosticsRequested();

/// Registers on `context` a handler that writes each diagnostic to stderr
/// as "FILE:LINE:COL: error: MESSAGE" (each note likewise on its own line),
/// without the source line and caret. It takes precedence over the
/// handlers registered before it (MLIR's SourceMgrDiagnosticHandler).
void installOneLineDiagnostics(mlir::MLIRContext *context);

} // namespace photon

#endif // PHOTON_DIALECT_TOOLINPUT_H
