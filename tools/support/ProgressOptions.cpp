//===- ProgressOptions.cpp - --progress / --no-progress -------------------===//
#include "ProgressOptions.h"

#include "photon/Runtime/Progress.h"

#include "llvm/Support/CommandLine.h"

using namespace llvm;

void photon::registerProgressOptions(cl::OptionCategory &category) {
  using photon::runtime::ProgressMode;
  static cl::opt<bool> progress(
      "progress",
      cl::desc("Show progress meters with an ETA on standard error even "
               "when it is not a terminal (one line per second)"),
      cl::cat(category), cl::cb<void, bool>([](bool on) {
        if (on)
          runtime::setProgressMode(ProgressMode::Always);
      }));
  static cl::opt<bool> noProgress(
      "no-progress", cl::desc("Never show progress meters"), cl::cat(category),
      cl::cb<void, bool>([](bool on) {
        if (on)
          runtime::setProgressMode(ProgressMode::Never);
      }));
}
