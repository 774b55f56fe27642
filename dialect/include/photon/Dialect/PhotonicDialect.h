//===- PhotonicDialect.h - The photonic dialect -----------------*- C++ -*-===//
#ifndef PHOTON_DIALECT_PHOTONICDIALECT_H
#define PHOTON_DIALECT_PHOTONICDIALECT_H

#include "mlir/IR/Dialect.h"

#include "photon/Dialect/PhotonicDialect.h.inc"

namespace mlir {
class DialectRegistry;
} // namespace mlir

namespace photon {
/// Registers the photonic dialect and the upstream dialects Photon's IR
/// uses (func).
void registerAllDialects(mlir::DialectRegistry &registry);
} // namespace photon

#endif // PHOTON_DIALECT_PHOTONICDIALECT_H
