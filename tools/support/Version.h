//===- Version.h - Photon's --version text ----------------------*- C++ -*-===//
//
// Every Photon tool prints Photon's version and the git commit it was built
// from before the LLVM version it links.
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_TOOLS_VERSION_H
#define PHOTON_TOOLS_VERSION_H

namespace photon {
/// "0.4.0", from project(VERSION) in the top-level CMakeLists.txt.
const char *versionString();
/// The short git hash of the source tree at configure time ("unknown"
/// outside a git checkout).
const char *gitRevision();
/// Makes --version print "Photon <tool> <version> (git <hash>)" and then
/// LLVM's version. Call before llvm::cl parses the command line.
void installVersionPrinter(const char *toolName);
} // namespace photon

#endif // PHOTON_TOOLS_VERSION_H
