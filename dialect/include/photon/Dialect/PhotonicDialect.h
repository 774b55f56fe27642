//===- PhotonicDialect.h - The photonic dialect -----------------*- C++ -*-===//
#ifndef PHOTON_DIALECT_PHOTONICDIALECT_H
#define PHOTON_DIALECT_PHOTONICDIALECT_H

#include "mlir/IR/Dialect.h"

#include <cstdint>

#include "photon/Dialect/PhotonicDialect.h.inc"

namespace mlir {
class DialectRegistry;
} // namespace mlir

namespace photon {
/// Registers the photonic dialect and the upstream dialects Photon's IR
/// uses (func).
void registerAllDialects(mlir::DialectRegistry &registry);

/// Phase lists (theta, phi, outputs, bias) with more values than this are
/// printed as a hex string of IEEE doubles, not as a decimal list
/// (docs/formats.md); both forms are always parsed.
constexpr int64_t kDefaultPhaseHexThreshold = 4096;

/// Registers --photonic-print-phases-with-hex-if-larger=N (N values at
/// most print in decimal; -1: always decimal). The command-line tools call
/// it before llvm::cl parses the command line; elsewhere (the Python
/// module) kDefaultPhaseHexThreshold applies.
void registerPhaseListOptions();
} // namespace photon

#endif // PHOTON_DIALECT_PHOTONICDIALECT_H
