//===- Progress.h - Progress meters with an ETA -----------------*- C++ -*-===//
//
// Long work (training epochs, LTH rounds, Monte Carlo trials, sweeps) shows
// a one-line meter on standard error: what runs, done/total, percent,
// elapsed time and the estimated time left. On a terminal the line is
// redrawn in place at most ten times a second; where progress is forced on
// a non-terminal (--progress), one line is printed per second at most and at
// the end, so logs stay short. The tools' --progress / --no-progress set
// the mode; by default meters show only on a terminal, never in CI logs.
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_RUNTIME_PROGRESS_H
#define PHOTON_RUNTIME_PROGRESS_H

#include "llvm/ADT/StringRef.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>

namespace photon::runtime {

enum class ProgressMode {
  /// Show meters when standard error is a terminal.
  Auto,
  /// Always show (one line per second on a non-terminal).
  Always,
  /// Never show.
  Never,
};

/// The process-wide mode (Auto unless a tool sets it).
void setProgressMode(ProgressMode mode);
ProgressMode progressMode();

/// Whether meters show under the current mode (Auto: standard error is a
/// terminal).
bool progressVisible();

/// "1h02m", "3m05s", "42s" or "0.4s".
std::string formatDuration(double seconds);

/// One meter. Thread-safe: workers may call advance() concurrently.
class ProgressMeter {
public:
  /// `label` names the work ("photonic-train: epochs"); `total` >= 1 units.
  ProgressMeter(llvm::StringRef label, int64_t total);
  /// Ends the line (if one was drawn) without printing a final state.
  ~ProgressMeter();
  ProgressMeter(const ProgressMeter &) = delete;
  ProgressMeter &operator=(const ProgressMeter &) = delete;

  /// `count` more units are done; `detail` (e.g. "loss 0.41") is shown
  /// after the counts until the next call that gives one.
  void advance(int64_t count = 1, llvm::StringRef detail = {});
  /// Whether this meter draws anything (decided at construction).
  bool visible() const { return shown; }

  /// The line the meter would draw now (for tests).
  std::string render(double elapsedSeconds) const;

private:
  void draw(bool final);

  std::string label;
  int64_t total;
  std::atomic<int64_t> done{0};
  bool shown;
  bool terminal;
  bool drewInPlace = false;
  std::mutex mutex;
  std::string detail;
  std::chrono::steady_clock::time_point start;
  std::chrono::steady_clock::time_point lastDraw;
};

} // namespace photon::runtime

#endif // PHOTON_RUNTIME_PROGRESS_H
