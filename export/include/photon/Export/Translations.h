//===- Translations.h - Photon's export translations ----------*- C++ -*-===//
#ifndef PHOTON_EXPORT_TRANSLATIONS_H
#define PHOTON_EXPORT_TRANSLATIONS_H

namespace photon {
/// --photonic-to-phase-table: device phase tables (docs/formats.md).
void registerPhaseTableTranslation();
/// --photonic-to-runtime: the runtime program (docs/formats.md).
void registerRuntimeProgramTranslation();
/// --photonic-to-svg: a picture of the chip (docs/pictures.md).
void registerSvgTranslation();
} // namespace photon

#endif // PHOTON_EXPORT_TRANSLATIONS_H
