//===- MlirFuzzer.cpp - Fuzzes parsing and verifying photonic IR ----------===//
//
// parseSourceString with the dialects photon-opt registers for Photon's own
// IR (photon::registerAllDialects: photonic and func; not TOSA, whose parser
// is upstream's), which verifies what it parses. An accepted module must
// print and parse back (and verify) to the same text.
//
//===----------------------------------------------------------------------===//
#include "FuzzUtil.h"

#include "photon/Dialect/PhotonicDialect.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OwningOpRef.h"
#include "mlir/Parser/Parser.h"

#include <string>

using namespace mlir;

static std::string print(Operation *op) {
  std::string text;
  llvm::raw_string_ostream os(text);
  op->print(os);
  return text;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const DialectRegistry *registry = [] {
    auto *r = new DialectRegistry;
    photon::registerAllDialects(*r);
    return r;
  }();
  // A fresh context per input: attributes and types are uniqued in the
  // context for its lifetime, so a shared one would grow without bound.
  MLIRContext context(*registry, MLIRContext::Threading::DISABLED);
  ScopedDiagnosticHandler quiet(&context,
                                [](Diagnostic &) { return success(); });
  ParserConfig config(&context);
  // MLIR's lexer expects a NUL after the buffer, as MemoryBuffer gives the
  // tools (photon-opt reads files that way); libFuzzer's bytes have none.
  const std::string source(photon::fuzz::asText(data, size));
  OwningOpRef<ModuleOp> module = parseSourceString<ModuleOp>(source, config);
  if (!module)
    return 0;
  const std::string first = print(module->getOperation());
  OwningOpRef<ModuleOp> again = parseSourceString<ModuleOp>(first, config);
  photon::fuzz::fuzzCheck(static_cast<bool>(again),
                          "printed IR does not parse and verify");
  photon::fuzz::fuzzCheck(print(again->getOperation()) == first,
                          "IR changes when printed and parsed back");
  return 0;
}
