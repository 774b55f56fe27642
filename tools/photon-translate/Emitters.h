//===- Emitters.h - Photon's translations -----------------------*- C++ -*-===//
#ifndef PHOTON_TOOLS_EMITTERS_H
#define PHOTON_TOOLS_EMITTERS_H

namespace photon {
/// --photonic-to-phase-table: device phase tables (docs/formats.md).
void registerPhaseTableTranslation();
/// --photonic-to-runtime: the runtime program (docs/formats.md).
void registerRuntimeProgramTranslation();
} // namespace photon

#endif // PHOTON_TOOLS_EMITTERS_H
