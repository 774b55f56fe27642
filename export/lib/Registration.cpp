//===- Registration.cpp - All export translations -------------------------===//
#include "photon/Export/Translations.h"

void photon::registerExportTranslations() {
  registerPhaseTableTranslation();
  registerRuntimeProgramTranslation();
  registerSvgTranslation();
}
