//===- ProgressOptions.h - --progress / --no-progress -----------*- C++ -*-===//
#ifndef PHOTON_TOOLS_PROGRESSOPTIONS_H
#define PHOTON_TOOLS_PROGRESSOPTIONS_H

namespace llvm::cl {
class OptionCategory;
} // namespace llvm::cl

namespace photon {
/// Registers --progress (show meters even when standard error is not a
/// terminal) and --no-progress (never show them); the last one given wins.
/// Without either, meters show on a terminal only (runtime/Progress.h).
/// Call before llvm::cl parses the command line.
void registerProgressOptions(llvm::cl::OptionCategory &category);
} // namespace photon

#endif // PHOTON_TOOLS_PROGRESSOPTIONS_H
