//===- Passes.h - Photon's conversion passes --------------------*- C++ -*-===//
//
// Conversions from other dialects into the photonic dialect (MLIR's
// lib/Conversion/XToY layout): convert-tosa-to-photonic.
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_CONVERSION_PASSES_H
#define PHOTON_CONVERSION_PASSES_H

#include "photon/Dialect/PhotonicDialect.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace photon {

#define GEN_PASS_DECL
#include "photon/Conversion/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "photon/Conversion/Passes.h.inc"

} // namespace photon

#endif // PHOTON_CONVERSION_PASSES_H
