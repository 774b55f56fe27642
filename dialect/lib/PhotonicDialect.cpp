//===- PhotonicDialect.cpp - The photonic dialect -------------------------===//
#include "photon/Dialect/PhotonicDialect.h"
#include "photon/Dialect/PhotonicOps.h"
#include "photon/Dialect/PhotonicTypes.h"
#include "photon/Runtime/Limits.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace photon;

#include "photon/Dialect/PhotonicDialect.cpp.inc"

#define GET_TYPEDEF_CLASSES
#include "photon/Dialect/PhotonicTypes.cpp.inc"

void PhotonicDialect::initialize() {
  addTypes<
#define GET_TYPEDEF_LIST
#include "photon/Dialect/PhotonicTypes.cpp.inc"
      >();
  addOperations<
#define GET_OP_LIST
#include "photon/Dialect/PhotonicOps.cpp.inc"
      >();
}

LogicalResult FieldType::verify(function_ref<InFlightDiagnostic()> emitError,
                                int64_t modes) {
  if (modes < 1)
    return emitError() << "expects at least 1 mode, got " << modes;
  if (modes > runtime::kMaxModes)
    return emitError() << "expects at most " << runtime::kMaxModes
                       << " modes (docs/formats.md, Limits), got " << modes;
  return success();
}

void photon::registerAllDialects(DialectRegistry &registry) {
  registry.insert<PhotonicDialect, func::FuncDialect>();
}
