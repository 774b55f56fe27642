//===- PowerOptions.h - Options shared by the export translations -*- C++ -*-===//
//
// Private to PhotonExport: command-line options that more than one
// translation reads (a cl::opt can be registered only once).
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_EXPORT_LIB_POWEROPTIONS_H
#define PHOTON_EXPORT_LIB_POWEROPTIONS_H

#include "llvm/Support/CommandLine.h"

namespace photon {
/// --p-pi-mw: heater power for a phase of π, in mW (default 25, the
/// runtime's PowerModel default). Defined in PhaseTableEmitter.cpp.
extern llvm::cl::opt<double> piPowerMilliwatts;
} // namespace photon

#endif // PHOTON_EXPORT_LIB_POWEROPTIONS_H
