//===- Version.cpp - Photon's --version text ------------------------------===//
#include "Version.h"

#include "PhotonVersion.inc"

#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

const char *photon::versionString() { return PHOTON_VERSION; }
const char *photon::gitRevision() { return PHOTON_GIT_REVISION; }

static const char *toolNameForVersion = "tool";

void photon::installVersionPrinter(const char *toolName) {
  toolNameForVersion = toolName;
  llvm::cl::SetVersionPrinter([](llvm::raw_ostream &os) {
    os << "Photon " << toolNameForVersion << " " << versionString()
       << " (git " << gitRevision() << ")\n"
       << "  built on LLVM/MLIR " << LLVM_VERSION_STRING << "\n";
  });
}
