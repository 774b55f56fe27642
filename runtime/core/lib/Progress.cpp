//===- Progress.cpp - Progress meters with an ETA -------------------------===//
#include "photon/Runtime/Progress.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cmath>

namespace photon::runtime {

static std::atomic<ProgressMode> currentMode{ProgressMode::Auto};

void setProgressMode(ProgressMode mode) { currentMode = mode; }
ProgressMode progressMode() { return currentMode; }

bool progressVisible() {
  switch (progressMode()) {
  case ProgressMode::Auto:
    return llvm::errs().is_displayed();
  case ProgressMode::Always:
    return true;
  case ProgressMode::Never:
    return false;
  }
  return false;
}

std::string formatDuration(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0)
    return "?";
  if (seconds < 10)
    return llvm::formatv("{0:f1}s", seconds).str();
  const int64_t whole = static_cast<int64_t>(std::llround(seconds));
  const int64_t h = whole / 3600, m = (whole % 3600) / 60, s = whole % 60;
  if (h > 0)
    return llvm::formatv("{0}h{1:d2}m", h, m).str();
  if (m > 0)
    return llvm::formatv("{0}m{1:d2}s", m, s).str();
  return llvm::formatv("{0}s", s).str();
}

ProgressMeter::ProgressMeter(llvm::StringRef label, int64_t total)
    : label(label.str()), total(std::max<int64_t>(total, 1)),
      start(std::chrono::steady_clock::now()), lastDraw(start) {
  terminal = llvm::errs().is_displayed();
  shown = progressVisible();
}

ProgressMeter::~ProgressMeter() {
  std::lock_guard<std::mutex> lock(mutex);
  if (drewInPlace)
    llvm::errs() << "\n";
}

std::string ProgressMeter::render(double elapsed) const {
  const int64_t now = std::min(done.load(), total);
  const double fraction = double(now) / double(total);
  std::string line;
  llvm::raw_string_ostream os(line);
  os << label << "  " << now << "/" << total
     << llvm::format("  %3.0f%%", 100.0 * fraction) << "  "
     << formatDuration(elapsed);
  if (now >= total)
    os << " total";
  else if (now > 0)
    os << ", ETA " << formatDuration(elapsed * (1.0 - fraction) / fraction);
  if (!detail.empty())
    os << "  " << detail;
  return line;
}

void ProgressMeter::advance(int64_t count, llvm::StringRef newDetail) {
  const int64_t now = done.fetch_add(count) + count;
  if (!shown && newDetail.empty())
    return;
  std::lock_guard<std::mutex> lock(mutex);
  if (!newDetail.empty())
    detail = newDetail.str();
  if (!shown)
    return;
  const auto clock = std::chrono::steady_clock::now();
  const double since =
      std::chrono::duration<double>(clock - lastDraw).count();
  const bool final = now >= total;
  if (final || since >= (terminal ? 0.1 : 1.0)) {
    lastDraw = clock;
    draw(final);
  }
}

void ProgressMeter::draw(bool final) {
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  std::string line = render(elapsed);
  if (terminal) {
    // Redraw in place; clear what a longer previous line left.
    llvm::errs() << "\r" << line << "\x1b[K";
    drewInPlace = !final;
    if (final)
      llvm::errs() << "\n";
  } else {
    llvm::errs() << line << "\n";
  }
  llvm::errs().flush();
}

} // namespace photon::runtime
