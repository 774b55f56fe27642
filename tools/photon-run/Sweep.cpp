//===- Sweep.cpp - photon-run's noise sweeps and their reports ------------===//
#include "Sweep.h"

#include "photon/Runtime/Limits.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

using namespace llvm;

namespace photon {

namespace {
Error makeError(const Twine &message) {
  return make_error<StringError>(message, inconvertibleErrorCode());
}

Error badSweep(StringRef text, const Twine &why) {
  return makeError("--sweep expects KEY=START:STOP:STEPS, got '" + text +
                   "': " + why);
}

/// CSV field: quoted when it holds a comma, quote or line break.
std::string csvField(StringRef s) {
  if (s.find_first_of(",\"\r\n") == StringRef::npos)
    return s.str();
  std::string out = "\"";
  for (char c : s) {
    if (c == '"')
      out += '"';
    out += c;
  }
  return out + "\"";
}

std::string xmlEscape(StringRef s) {
  std::string out;
  for (char c : s) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&apos;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

/// A coordinate with two decimals (enough for a 720-pixel plot).
std::string px(double v) { return formatv("{0:F2}", v).str(); }

/// A tick label: up to 4 significant digits, no trailing zeros.
std::string tickLabel(double v) {
  if (std::abs(v) < 1e-12)
    v = 0.0;
  char buffer[32];
  snprintf(buffer, sizeof(buffer), "%.4g", v);
  return buffer;
}

/// A percentage or power with two decimals.
std::string fixed2(double v) { return formatv("{0:F2}", v).str(); }

/// "Nice" tick step (1, 2 or 5 · 10^k) giving about `count` ticks.
double niceStep(double range, int count) {
  const double raw = range / count;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * magnitude >= raw)
      return m * magnitude;
  return 10.0 * magnitude;
}

constexpr const char *kColours[] = {"#1f77b4", "#d62728", "#2ca02c",
                                    "#9467bd", "#ff7f0e", "#8c564b",
                                    "#e377c2", "#17becf"};
} // namespace

std::string shortestDouble(double value) {
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof(buffer), value);
  return std::string(buffer, result.ptr);
}

std::vector<double> SweepSpec::values() const {
  std::vector<double> v;
  for (int i = 0; i < steps; ++i) {
    if (steps == 1 || i == 0) {
      v.push_back(start);
    } else if (i + 1 == steps) {
      v.push_back(stop);
    } else {
      // Rounded to 12 significant digits, so that 0:0.3:4 gives 0.1 rather
      // than 0.09999999999999999.
      const double raw = start + (stop - start) * i / (steps - 1);
      char buffer[32];
      snprintf(buffer, sizeof(buffer), "%.12g", raw);
      v.push_back(std::strtod(buffer, nullptr));
    }
  }
  return v;
}

Expected<SweepSpec> parseSweep(StringRef text,
                               const runtime::NoiseModel &base) {
  auto [rawKey, range] = text.split('=');
  StringRef key = rawKey.trim();
  if (!text.contains('=') || key.empty())
    return badSweep(text, "no '='");
  if (!is_contained(runtime::noiseParameterKeys(), key))
    return makeError("--sweep: unknown key '" + key + "' (valid keys: " +
                     join(runtime::noiseParameterKeys(), ", ") + ")");
  SmallVector<StringRef, 4> parts;
  range.split(parts, ':');
  if (parts.size() != 3)
    return badSweep(text, "expected three ':'-separated fields after '='");
  SweepSpec sweep;
  sweep.key = key.str();
  StringRef start = parts[0].trim(), stop = parts[1].trim(),
            steps = parts[2].trim();
  if (start.empty() || start.getAsDouble(sweep.start) ||
      !std::isfinite(sweep.start))
    return badSweep(text, "START '" + start + "' is not a finite number");
  if (stop.empty() || stop.getAsDouble(sweep.stop) ||
      !std::isfinite(sweep.stop))
    return badSweep(text, "STOP '" + stop + "' is not a finite number");
  if (steps.getAsInteger(10, sweep.steps) || sweep.steps < 1 ||
      sweep.steps > runtime::kMaxSweepSteps)
    return badSweep(text, "STEPS '" + steps + "' is not an integer in 1.." +
                              Twine(runtime::kMaxSweepSteps));
  if (!std::isfinite(sweep.stop - sweep.start))
    return badSweep(text, "STOP - START overflows");
  const std::vector<double> values = sweep.values();
  // Every value must be its own double (and they must run one way): a range
  // narrower than STEPS - 1 representable steps would repeat values, and
  // the plot's axis could not advance.
  for (size_t i = 1; i < values.size(); ++i)
    if (!(sweep.stop > sweep.start ? values[i] > values[i - 1]
                                   : values[i] < values[i - 1]))
      return badSweep(text, "START and STOP are too close for " + steps +
                                " distinct values");
  for (double v : values) {
    runtime::NoiseModel model = base;
    if (Error e = runtime::setNoiseParameter(model, sweep.key, v))
      return makeError("--sweep: " + toString(std::move(e)));
  }
  return sweep;
}

void writeSweepCsv(const SweepReport &report, raw_ostream &os) {
  os << "program,key,value,noise,trials,seed,samples,accuracy_mean,"
        "accuracy_std,accuracy_worst,accuracy_best,static_power_mw\n";
  for (const SweepCurve &curve : report.curves)
    for (size_t i = 0; i < report.values.size(); ++i) {
      const runtime::MonteCarloResult &r = curve.points[i];
      os << csvField(curve.program) << ',' << report.sweep.key << ','
         << shortestDouble(report.values[i]) << ','
         << csvField(report.baseNoise) << ',' << report.trials << ','
         << report.seed << ',' << r.samples << ',' << shortestDouble(r.mean)
         << ',' << shortestDouble(r.std) << ',' << shortestDouble(r.worst)
         << ',' << shortestDouble(r.best) << ','
         << shortestDouble(curve.staticPowerMw) << '\n';
    }
}

void writeSweepText(const SweepReport &report, raw_ostream &os) {
  os << formatv("{0} {1} ({2} samples): sweep of {3} over {4} value(s), {5} "
                "trial(s) each, seed {6}, base noise {7}\n",
                report.dataset, report.split, report.samples,
                report.sweep.key, report.values.size(), report.trials,
                report.seed, report.baseNoise);
  os << formatv("{0,-14} {1,14} {2,9} {3,9} {4,9} {5,12}  {6}\n",
                report.sweep.key, "mean %", "std %", "worst %", "best %",
                "power mW", "program");
  for (const SweepCurve &curve : report.curves)
    for (size_t i = 0; i < report.values.size(); ++i) {
      const runtime::MonteCarloResult &r = curve.points[i];
      os << formatv("{0,-14} {1,14} {2,9} {3,9} {4,9} {5,12}  {6}\n",
                    shortestDouble(report.values[i]),
                    fixed2(100 * r.mean), fixed2(100 * r.std),
                    fixed2(100 * r.worst), fixed2(100 * r.best),
                    fixed2(curve.staticPowerMw), curve.program);
    }
}

void writeSweepJson(const SweepReport &report, raw_ostream &os) {
  json::OStream j(os);
  j.object([&] {
    j.attribute("dataset", report.dataset);
    j.attribute("split", report.split);
    j.attribute("samples", report.samples);
    j.attribute("noise", report.baseNoise);
    j.attribute("key", report.sweep.key);
    j.attributeArray("values", [&] {
      for (double v : report.values)
        j.value(v);
    });
    j.attribute("trials", report.trials);
    j.attribute("seed", static_cast<int64_t>(report.seed));
    j.attributeArray("programs", [&] {
      for (const SweepCurve &curve : report.curves)
        j.object([&] {
          j.attribute("program", curve.program);
          j.attribute("static_power_mw", curve.staticPowerMw);
          j.attributeArray("points", [&] {
            for (size_t i = 0; i < report.values.size(); ++i) {
              const runtime::MonteCarloResult &r = curve.points[i];
              j.object([&] {
                j.attribute("value", report.values[i]);
                j.attribute("accuracy_mean", r.mean);
                j.attribute("accuracy_std", r.std);
                j.attribute("accuracy_worst", r.worst);
                j.attribute("accuracy_best", r.best);
              });
            }
          });
        });
    });
  });
  os << '\n';
}

void writeSweepSvg(const SweepReport &report, raw_ostream &os) {
  constexpr double width = 760, height = 460;
  constexpr double left = 70, right = 200, top = 50, bottom = 60;
  const double plotW = width - left - right, plotH = height - top - bottom;

  // x range: the swept values (padded when there is only one).
  double x0 = report.values.front(), x1 = report.values.back();
  if (x0 > x1)
    std::swap(x0, x1);
  if (x1 - x0 <= 0) {
    const double pad = x0 == 0 ? 1.0 : std::abs(x0) * 0.5;
    x0 -= pad;
    x1 += pad;
  }
  // y range in %: mean ± std of every point, widened to whole ticks.
  double lo = 100, hi = 0;
  for (const SweepCurve &c : report.curves)
    for (const runtime::MonteCarloResult &r : c.points) {
      lo = std::min(lo, 100 * (r.mean - r.std));
      hi = std::max(hi, 100 * (r.mean + r.std));
    }
  lo = std::max(0.0, lo);
  hi = std::min(100.0, hi);
  if (hi - lo < 1.0) {
    lo = std::max(0.0, lo - 1.0);
    hi = std::min(100.0, hi + 1.0);
  }
  const double yStep = niceStep(hi - lo, 6);
  lo = std::max(0.0, std::floor(lo / yStep) * yStep);
  hi = std::min(100.0, std::ceil(hi / yStep) * yStep);
  if (hi <= lo)
    hi = lo + yStep;
  auto X = [&](double v) { return left + (v - x0) / (x1 - x0) * plotW; };
  auto Y = [&](double a) {
    const double pct = std::clamp(100 * a, lo, hi);
    return top + (hi - pct) / (hi - lo) * plotH;
  };

  os << formatv("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" "
                "height=\"{1}\" viewBox=\"0 0 {0} {1}\" "
                "font-family=\"sans-serif\" font-size=\"12\">\n",
                width, height);
  os << formatv("<rect width=\"{0}\" height=\"{1}\" fill=\"white\"/>\n", width,
                height);
  os << formatv("<text x=\"{0}\" y=\"24\" text-anchor=\"middle\" "
                "font-size=\"14\">accuracy vs {1} ({2} trial(s), base noise: "
                "{3})</text>\n",
                px(left + plotW / 2), xmlEscape(report.sweep.key),
                report.trials, xmlEscape(report.baseNoise));

  // Grid, ticks and tick labels.
  os << "<g stroke=\"#dddddd\" stroke-width=\"1\">\n";
  for (double y = lo; y <= hi + 1e-9; y += yStep)
    os << formatv("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\"/>\n",
                  px(left), px(Y(y / 100)), px(left + plotW));
  os << "</g>\n";
  for (double y = lo; y <= hi + 1e-9; y += yStep)
    os << formatv("<text x=\"{0}\" y=\"{1}\" text-anchor=\"end\" "
                  "dominant-baseline=\"middle\">{2}</text>\n",
                  px(left - 6), px(Y(y / 100)), tickLabel(y));
  std::vector<double> xTicks;
  if (report.values.size() <= 11 && report.values.size() > 1) {
    xTicks = report.values;
  } else {
    const double step = niceStep(x1 - x0, 6);
    for (double v = std::ceil(x0 / step) * step; v <= x1 + step * 1e-9;
         v += step)
      xTicks.push_back(v);
  }
  for (double v : xTicks) {
    os << formatv("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" "
                  "stroke=\"black\"/>\n",
                  px(X(v)), px(top + plotH), px(top + plotH + 5));
    os << formatv("<text x=\"{0}\" y=\"{1}\" text-anchor=\"middle\">{2}"
                  "</text>\n",
                  px(X(v)), px(top + plotH + 18), tickLabel(v));
  }
  // Axes and their labels.
  os << formatv("<polyline points=\"{0},{1} {0},{2} {3},{2}\" fill=\"none\" "
                "stroke=\"black\"/>\n",
                px(left), px(top), px(top + plotH), px(left + plotW));
  os << formatv("<text x=\"{0}\" y=\"{1}\" text-anchor=\"middle\">{2}</text>\n",
                px(left + plotW / 2), px(height - 16),
                xmlEscape(report.sweep.key));
  os << formatv("<text x=\"18\" y=\"{0}\" text-anchor=\"middle\" "
                "transform=\"rotate(-90 18 {0})\">accuracy (%), mean ± std"
                "</text>\n",
                px(top + plotH / 2));

  // One band, line and set of markers per program.
  for (size_t c = 0; c < report.curves.size(); ++c) {
    const SweepCurve &curve = report.curves[c];
    const char *colour = kColours[c % std::size(kColours)];
    std::string band, line;
    for (size_t i = 0; i < report.values.size(); ++i) {
      const runtime::MonteCarloResult &r = curve.points[i];
      band += px(X(report.values[i])) + "," + px(Y(r.mean + r.std)) + " ";
      line += px(X(report.values[i])) + "," + px(Y(r.mean)) + " ";
    }
    for (size_t i = report.values.size(); i-- > 0;) {
      const runtime::MonteCarloResult &r = curve.points[i];
      band += px(X(report.values[i])) + "," + px(Y(r.mean - r.std)) + " ";
    }
    os << formatv("<g class=\"program\" data-program=\"{0}\">\n",
                  xmlEscape(curve.program));
    os << formatv("<polygon points=\"{0}\" fill=\"{1}\" fill-opacity=\"0.18\" "
                  "stroke=\"none\"/>\n",
                  StringRef(band).rtrim(), colour);
    os << formatv("<polyline points=\"{0}\" fill=\"none\" stroke=\"{1}\" "
                  "stroke-width=\"2\"/>\n",
                  StringRef(line).rtrim(), colour);
    for (size_t i = 0; i < report.values.size(); ++i)
      os << formatv("<circle cx=\"{0}\" cy=\"{1}\" r=\"3\" fill=\"{2}\"/>\n",
                    px(X(report.values[i])), px(Y(curve.points[i].mean)),
                    colour);
    os << "</g>\n";
    // Legend entry.
    const double ly = top + 10 + 20 * c;
    const double lx = left + plotW + 16;
    os << formatv("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" "
                  "stroke=\"{3}\" stroke-width=\"3\"/>\n",
                  px(lx), px(ly), px(lx + 22), colour);
    os << formatv("<text x=\"{0}\" y=\"{1}\" dominant-baseline=\"middle\">"
                  "{2}</text>\n",
                  px(lx + 28), px(ly),
                  xmlEscape(sys::path::filename(curve.program)));
  }
  os << "</svg>\n";
}

} // namespace photon
