//===- ToolInput.cpp - Input checks of Photon's MLIR tools ----------------===//
#include "photon/Dialect/ToolInput.h"

#include "photon/Runtime/Limits.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Location.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/CommandLine.h"

using namespace mlir;

namespace photon {

std::optional<size_t> findExcessNesting(llvm::StringRef text, int64_t limit) {
  int64_t depth = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const char next = i + 1 < text.size() ? text[i + 1] : '\0';
    if (c == '"') {
      // A string literal: skip to its closing quote (escapes included).
      for (++i; i < text.size() && text[i] != '"'; ++i)
        if (text[i] == '\\')
          ++i;
    } else if (c == '/' && next == '/') {
      i = text.find('\n', i);
      if (i == llvm::StringRef::npos)
        break;
    } else if (c == '-' && next == '>') {
      ++i; // a function type's arrow
    } else if ((c == '<' || c == '>') && next == '=') {
      ++i; // a comparison in an affine set
    } else if (c == '{' || c == '[' || c == '(' || c == '<') {
      if (++depth > limit)
        return i;
    } else if ((c == '}' || c == ']' || c == ')' || c == '>') && depth > 0) {
      --depth;
    }
  }
  return std::nullopt;
}

LogicalResult checkInputNesting(const llvm::MemoryBuffer &buffer,
                                llvm::raw_ostream &os) {
  llvm::StringRef text = buffer.getBuffer();
  std::optional<size_t> at = findExcessNesting(text, runtime::kMaxNestingDepth);
  if (!at)
    return success();
  llvm::StringRef before = text.take_front(*at);
  const size_t line = before.count('\n') + 1;
  const size_t lineStart = before.rfind('\n');
  const size_t column =
      *at - (lineStart == llvm::StringRef::npos ? 0 : lineStart + 1) + 1;
  llvm::StringRef name = buffer.getBufferIdentifier();
  os << (name.empty() ? llvm::StringRef("<stdin>") : name) << ":" << line
     << ":" << column << ": error: nested deeper than "
     << runtime::kMaxNestingDepth
     << " levels of regions, attributes or types (docs/formats.md, "
        "Limits)\n";
  return failure();
}

static bool oneLineRequested = false;

bool oneLineDiagnosticsRequested() { return oneLineRequested; }

void defaultToOneLineDiagnostics() {
  oneLineRequested = true;
  registerMLIRContextCLOptions();
  auto &options = llvm::cl::getRegisteredOptions();
  auto it = options.find("mlir-print-op-on-diagnostic");
  if (it != options.end())
    static_cast<llvm::cl::opt<bool> *>(it->second)->setInitialValue(false);
}

/// "FILE:LINE:COL" of the first file location within `loc`, "" if none.
static std::string describeLocation(Location loc) {
  std::string text;
  loc->walk([&](Location inner) {
    if (auto file = llvm::dyn_cast<FileLineColLoc>(inner)) {
      text = (file.getFilename().getValue() + ":" + llvm::Twine(file.getLine()) +
              ":" + llvm::Twine(file.getColumn()))
                 .str();
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return text;
}

static const char *severityName(DiagnosticSeverity severity) {
  switch (severity) {
  case DiagnosticSeverity::Note:
    return "note";
  case DiagnosticSeverity::Warning:
    return "warning";
  case DiagnosticSeverity::Remark:
    return "remark";
  case DiagnosticSeverity::Error:
    return "error";
  }
  return "error";
}

static void printOneLine(Location loc, DiagnosticSeverity severity,
                         llvm::StringRef message) {
  std::string where = describeLocation(loc);
  llvm::raw_ostream &os = llvm::errs();
  if (!where.empty())
    os << where << ": ";
  // Only the first line: a nested parser's message repeats its input and a
  // caret below it.
  os << severityName(severity) << ": " << message.split('\n').first.rtrim()
     << "\n";
}

void installOneLineDiagnostics(MLIRContext *context) {
  context->getDiagEngine().registerHandler([](Diagnostic &diag) {
    // MLIR follows a pass option parser's own message (already printed,
    // the one line) with an error whose first line is empty.
    std::string message = diag.str();
    if (llvm::StringRef(message).split('\n').first.trim().empty())
      return success();
    printOneLine(diag.getLocation(), diag.getSeverity(), diag.str());
    for (Diagnostic &note : diag.getNotes())
      printOneLine(note.getLocation(), note.getSeverity(), note.str());
    llvm::errs().flush();
    return success();
  });
}

} // namespace photon
