//===- Translations.h - Photon's export translations ----------*- C++ -*-===//
#ifndef PHOTON_EXPORT_TRANSLATIONS_H
#define PHOTON_EXPORT_TRANSLATIONS_H

#include "mlir/Tools/mlir-translate/Translation.h"

#include "mlir/IR/Operation.h"
#include "llvm/Support/raw_ostream.h"

namespace photon {
/// Registers a translation from MLIR as TranslateFromMLIRRegistration
/// does, with the input first checked against the nesting limit
/// (photon/Dialect/ToolInput.h) and the photonic dialects registered.
void registerCheckedTranslation(llvm::StringRef name,
                                llvm::StringRef description,
                                const mlir::TranslateFromMLIRFunction &function);

/// The settings of the phase table export. photon-translate fills them from
/// its --p-pi-mw, --adc-mw, --reencode-mw and --dac-bits options; the Python
/// module from keyword arguments.
struct PhaseTableOptions {
  /// Heater power for a phase of π, mW; finite and > 0.
  double piPowerMilliwatts = 25.0;
  /// Power of one coherent receiver channel with its ADC, mW; finite, >= 0.
  double adcPowerMilliwatts = 20.0;
  /// Power of one re-encoding channel (DAC, modulator driver), mW; >= 0.
  double reencodePowerMilliwatts = 25.0;
  /// Bits of the phase DAC whose codes the table lists, 1..32; 0: none.
  int dacBits = 0;
  /// The compact form: the document without its shifter list on one '#'
  /// line, then one CSV row per shifter (--phase-table-format=csv).
  bool csv = false;
};

/// Writes the device phase table (docs/formats.md) of the module `op`.
/// Emits an error on `op` for invalid options or a network that is not
/// lowered.
mlir::LogicalResult exportPhaseTable(mlir::Operation *op,
                                     const PhaseTableOptions &options,
                                     llvm::raw_ostream &os);

/// --photonic-to-phase-table: device phase tables (docs/formats.md).
void registerPhaseTableTranslation();
/// --photonic-to-runtime: the runtime program (docs/formats.md).
void registerRuntimeProgramTranslation();
/// --photonic-to-svg: a picture of the chip (docs/pictures.md).
void registerSvgTranslation();
/// Every export translation above; photon-translate and the Python module
/// call this, so a translation added here reaches both.
void registerExportTranslations();

} // namespace photon

#endif // PHOTON_EXPORT_TRANSLATIONS_H
