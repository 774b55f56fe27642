//===- Emitters.h - Photon's translations -----------------------*- C++ -*-===//
#ifndef PHOTON_TOOLS_EMITTERS_H
#define PHOTON_TOOLS_EMITTERS_H

#include "mlir/Tools/mlir-translate/Translation.h"

namespace photon {
/// Registers a translation from MLIR as TranslateFromMLIRRegistration
/// does, with the input first checked against the nesting limit
/// (photon/Dialect/ToolInput.h) and the photonic dialects registered.
void registerCheckedTranslation(llvm::StringRef name,
                                llvm::StringRef description,
                                const mlir::TranslateFromMLIRFunction &function);
/// --photonic-to-phase-table: device phase tables (docs/formats.md).
void registerPhaseTableTranslation();
/// --photonic-to-runtime: the runtime program (docs/formats.md).
void registerRuntimeProgramTranslation();
} // namespace photon

#endif // PHOTON_TOOLS_EMITTERS_H
