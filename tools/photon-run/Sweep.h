//===- Sweep.h - photon-run's noise sweeps and their reports ----*- C++ -*-===//
//
// `photon-run --sweep KEY=START:STOP:STEPS`: the accuracy of one or more
// programs under a NoiseModel whose parameter KEY takes STEPS evenly spaced
// values from START to STOP, written as CSV and as a hand-written SVG line
// plot (docs/noise.md, "photon-run").
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_TOOLS_SWEEP_H
#define PHOTON_TOOLS_SWEEP_H

#include "photon/Runtime/MonteCarlo.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace photon {

/// A parsed --sweep option.
struct SweepSpec {
  std::string key;
  double start = 0.0;
  double stop = 0.0;
  int steps = 1;

  /// start + i · (stop − start) / (steps − 1) for i < steps, rounded to 12
  /// significant digits (start alone when steps is 1); the first and last
  /// values are exactly `start` and `stop`.
  std::vector<double> values() const;
};

/// Parses KEY=START:STOP:STEPS (KEY a noise spec key, STEPS an integer
/// >= 1). Values are checked against the key by applying each to `base`
/// (bits keys need integers).
llvm::Expected<SweepSpec> parseSweep(llvm::StringRef text,
                                     const runtime::NoiseModel &base);

/// The results of one program over the sweep.
struct SweepCurve {
  /// The program's path as given on the command line.
  std::string program;
  double staticPowerMw = 0.0;
  /// One result per sweep value.
  std::vector<runtime::MonteCarloResult> points;
};

/// Everything a sweep report shows.
struct SweepReport {
  SweepSpec sweep;
  std::vector<double> values;
  std::string baseNoise; ///< formatNoiseModel of the base model
  std::string dataset, split;
  int samples = 0;
  int trials = 0;
  uint64_t seed = 0;
  std::vector<SweepCurve> curves;
};

/// CSV: a header line, then one row per program and value (see
/// docs/noise.md); numbers in shortest round-trip form.
void writeSweepCsv(const SweepReport &report, llvm::raw_ostream &os);
/// A self-contained SVG line plot: accuracy mean (line and markers) ± std
/// (shaded band) against the swept value, one colour per program, with
/// axes, ticks, labels and a legend.
void writeSweepSvg(const SweepReport &report, llvm::raw_ostream &os);
/// A text table for the terminal.
void writeSweepText(const SweepReport &report, llvm::raw_ostream &os);
/// The JSON document of --format json.
void writeSweepJson(const SweepReport &report, llvm::raw_ostream &os);

/// Shortest text that reads back as the same double.
std::string shortestDouble(double value);

} // namespace photon

#endif // PHOTON_TOOLS_SWEEP_H
