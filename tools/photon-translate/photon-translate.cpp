//===- photon-translate.cpp - Photon's translation driver -----------------===//
#include "Version.h"

#include "photon/Export/Translations.h"

#include "photon/Dialect/PhotonicDialect.h"
#include "photon/Dialect/ToolInput.h"
#include "photon/Import/OnnxImport.h"

#include "mlir/Tools/mlir-translate/MlirTranslateMain.h"

int main(int argc, char **argv) {
  photon::installVersionPrinter("photon-translate");
  photon::defaultToOneLineDiagnostics();
  photon::registerPhaseListOptions();
  photon::registerExportTranslations();
  photon::registerOnnxImportTranslation();
  return mlir::failed(
             mlir::mlirTranslateMain(argc, argv, "Photon translation tool"))
             ? 1
             : 0;
}
