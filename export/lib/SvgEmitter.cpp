//===- SvgEmitter.cpp - IR to a picture of the chip -----------------------===//
//
// Draws a lowered network as the chip it programs: every mesh as its MZI
// lattice at the runtime's layout positions (MeshLayout.h), each heater
// filled with the colour of its phase or heater power, pruned shifters
// (masked, `live: false` in the phase table) as dashed grey outlines, MZIs
// with both shifters pruned as fixed crossings, Σ diagonals, O-E-O
// boundaries and the other layers as blocks, a colour bar, a legend and a
// title with the totals. The output is SVG 1.1 and depends only on the IR
// and the options. Documented in docs/pictures.md.
//
//===----------------------------------------------------------------------===//
#include "photon/Export/Translations.h"

#include "PowerOptions.h"
#include "SvgText.h"

#include "photon/Bridge/RuntimeBridge.h"
#include "photon/Runtime/Convention.h"
#include "photon/Runtime/Limits.h"
#include "photon/Runtime/MeshLayout.h"
#include "photon/Runtime/PowerModel.h"

#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"

#include <algorithm>
#include <cmath>
#include <string>

using namespace mlir;
using namespace photon;
using photon::svg::colourAt;
using photon::svg::escape;
using photon::svg::num;

namespace {
enum class ColorBy { Phase, Power };
enum class HeaterLabels { Auto, Always, Never };
} // namespace

static llvm::cl::opt<ColorBy> svgColor(
    "svg-color",
    llvm::cl::desc("For --photonic-to-svg: what a heater's colour shows"),
    llvm::cl::values(clEnumValN(ColorBy::Phase, "phase",
                                "the programmed phase, 0 to 2π (default)"),
                     clEnumValN(ColorBy::Power, "power",
                                "the heater power, 0 to 2·P_π mW")),
    llvm::cl::init(ColorBy::Phase));

static llvm::cl::opt<HeaterLabels> svgLabels(
    "svg-labels",
    llvm::cl::desc("For --photonic-to-svg: write each heater's value next "
                   "to it"),
    llvm::cl::values(
        clEnumValN(HeaterLabels::Auto, "auto",
                   "when the widest component has at most 8 modes (default)"),
        clEnumValN(HeaterLabels::Always, "always", "always"),
        clEnumValN(HeaterLabels::Never, "never", "never")),
    llvm::cl::init(HeaterLabels::Auto));

static llvm::cl::opt<std::string> svgTitle(
    "svg-title",
    llvm::cl::desc("For --photonic-to-svg: the picture's title (default: "
                   "the function's name)"),
    llvm::cl::init(""));

static llvm::cl::opt<int> svgRowWidth(
    "svg-row-width",
    llvm::cl::desc("For --photonic-to-svg: start a new row of components "
                   "beyond this width in px (default 2400)"),
    llvm::cl::init(2400));

namespace {

/// The shifters of a mesh or diagonal layer: how many, how many live
/// (unmasked), their heater power and the mesh's fixed crossings (MZIs with
/// θ and φ masked).
struct Tally {
  int shifters = 0, live = 0, fixed = 0;
  double power = 0;
};

Tally tally(const runtime::Layer &layer, const runtime::PowerModel &power) {
  Tally t;
  auto add = [&](double phase, bool live) {
    ++t.shifters;
    if (live) {
      ++t.live;
      t.power += power.heaterPower(phase);
    }
  };
  if (layer.kind == runtime::LayerKind::Mesh) {
    const runtime::Mesh &m = layer.mesh;
    const int n = m.mziCount();
    auto live = [&](int k) { return m.mask.empty() || m.mask[k] != 0; };
    for (int k = 0; k < m.shifterCount(); ++k)
      add(k < n       ? m.theta[k]
          : k < 2 * n ? m.phi[k - n]
                      : m.outputPhases[k - 2 * n],
          live(k));
    for (int k = 0; k < n; ++k)
      t.fixed += !live(k) && !live(n + k);
  } else if (layer.kind == runtime::LayerKind::Diagonal) {
    const runtime::Diagonal &d = layer.diagonal;
    for (size_t i = 0; i < d.theta.size(); ++i)
      add(d.theta[i], d.mask.empty() || d.mask[i] != 0);
  }
  return t;
}

/// Where one program layer is drawn.
struct Placement {
  int row;
  double x, width;
};

class SvgWriter {
public:
  SvgWriter(const runtime::Program &program, std::string title,
            runtime::PowerModel power, raw_ostream &os)
      : program(program), title(std::move(title)), power(power), os(os) {}

  void write();

private:
  const runtime::Program &program;
  std::string title;
  runtime::PowerModel power;
  raw_ostream &os;

  // Geometry, set by layout().
  int maxModes = 1;
  bool labels = false;
  double pitch = 0, cell = 0, gap = 0, heaterW = 0, heaterH = 0;
  double rowHeight = 0, top = 0, left = 0, width = 0, height = 0;
  std::vector<Placement> places;
  int rows = 1;

  void layout();
  double modeY(int row, int mode) const {
    return top + row * rowHeight + 34 + (mode + 0.5) * pitch;
  }
  double fraction(double phase) const;
  std::string valueText(double phase) const;
  void heater(double cx, double cy, double phase, bool live,
              const std::string &kind, const std::string &where,
              bool labelAbove);
  void waveguides(const runtime::Layer &layer, const Placement &at);
  void mesh(const runtime::Layer &layer, int index, const Placement &at);
  void diagonal(const runtime::Layer &layer, int index, const Placement &at);
  void block(const runtime::Layer &layer, const Placement &at);
  /// Two lines above the component, or below it (narrow components).
  void componentLabel(const Placement &at, const std::string &line1,
                      const std::string &line2, bool below = false);
  void header();
  void legend(double y);
};

double SvgWriter::fraction(double phase) const {
  if (svgColor == ColorBy::Power)
    return power.heaterPower(phase) / (2.0 * power.piPowerMilliwatts);
  return runtime::wrapPhase(phase) / runtime::kTwoPi;
}

std::string SvgWriter::valueText(double phase) const {
  if (svgColor == ColorBy::Power)
    return num(power.heaterPower(phase), 1);
  return num(runtime::wrapPhase(phase), 2);
}

void SvgWriter::layout() {
  for (const runtime::Layer &layer : program.layers)
    maxModes = std::max({maxModes, layer.inputs, layer.outputs});
  labels = svgLabels == HeaterLabels::Always ||
           (svgLabels == HeaterLabels::Auto && maxModes <= 8);
  pitch = std::clamp(512.0 / maxModes, 8.0, 40.0);
  cell = pitch * (labels ? 2.2 : 1.5);
  gap = std::max(0.5 * cell, 12.0);
  heaterW = (labels ? 0.22 : 0.3) * cell;
  heaterH = std::max((labels ? 0.3 : 0.45) * pitch, 3.0);
  left = maxModes <= 64 ? 44 : 24;
  top = 58;
  rowHeight = 34 + maxModes * pitch + 30;

  double x = left;
  int row = 0, lastSource = -1;
  for (const runtime::Layer &layer : program.layers) {
    // Each dense layer starts a row; a row longer than --svg-row-width
    // wraps.
    bool newLayer = layer.kind == runtime::LayerKind::Mesh &&
                    layer.sourceLayer >= 0 && lastSource >= 0 &&
                    layer.sourceLayer != lastSource;
    if (layer.kind == runtime::LayerKind::Mesh && layer.sourceLayer >= 0)
      lastSource = layer.sourceLayer;
    double w;
    if (layer.kind == runtime::LayerKind::Mesh)
      w = (runtime::meshDepth(layer.mesh.topology, layer.mesh.modes) + 1) *
          cell;
    else if (layer.kind == runtime::LayerKind::Diagonal)
      w = std::max(1.2 * cell, 40.0);
    else
      w = std::max(0.6 * cell, 22.0);
    if (x > left && (newLayer || x + gap + w > left + svgRowWidth)) {
      ++row;
      x = left;
    }
    places.push_back({row, x + gap, w});
    x += gap + w;
  }
  rows = row + 1;
  width = 24;
  for (const Placement &at : places)
    width = std::max(width, at.x + at.width + gap + 24);
  width = std::max(width, 760.0);
  height = top + rows * rowHeight + 90;
}

void SvgWriter::heater(double cx, double cy, double phase, bool live,
                       const std::string &kind, const std::string &where,
                       bool labelAbove) {
  // One shape (#h in <defs>) for every heater keeps large meshes small.
  os << "<use xlink:href=\"#h\" class=\"heater " << kind
     << (live ? "" : " pruned") << "\" x=\"" << num(cx) << "\" y=\"" << num(cy)
     << "\"";
  if (live)
    os << " fill=\"" << colourAt(fraction(phase)) << "\"";
  os << "><title>" << escape(where) << ": ";
  if (live)
    os << num(runtime::wrapPhase(phase), 4) << " rad, "
       << num(power.heaterPower(phase), 2) << " mW";
  else
    os << "pruned";
  os << "</title></use>\n";
  if (labels && live) {
    double fs = std::max(0.28 * pitch, 6.0);
    double y = labelAbove ? cy - heaterH / 2 - 2 : cy + heaterH / 2 + fs;
    os << "<text class=\"value\" x=\"" << num(cx) << "\" y=\"" << num(y)
       << "\" font-size=\"" << num(fs) << "\">" << valueText(phase)
       << "</text>\n";
  }
}

void SvgWriter::waveguides(const runtime::Layer &layer, const Placement &at) {
  double mid = at.x + at.width / 2, end = at.x + at.width;
  double start = at.x - gap;
  os << "<path class=\"wg\" d=\"";
  for (int m = 0; m < layer.inputs; ++m)
    os << "M" << num(start) << " " << num(modeY(at.row, m)) << "H"
       << num(m < layer.outputs ? end : mid);
  for (int m = layer.inputs; m < layer.outputs; ++m)
    os << "M" << num(mid) << " " << num(modeY(at.row, m)) << "H" << num(end);
  os << "\"/>\n";
}

void SvgWriter::componentLabel(const Placement &at, const std::string &line1,
                               const std::string &line2, bool below) {
  double y = below ? modeY(at.row, maxModes - 1) + pitch / 2 + 2
                   : top + at.row * rowHeight;
  os << "<text class=\"label\" x=\"" << num(at.x) << "\" y=\"" << num(y + 12)
     << "\">" << escape(line1) << "</text>\n";
  if (!line2.empty())
    os << "<text class=\"sub\" x=\"" << num(at.x) << "\" y=\"" << num(y + 25)
       << "\">" << escape(line2) << "</text>\n";
}

std::string provenance(const runtime::Layer &layer) {
  std::string text = layer.factor == "V" ? "V†" : layer.factor;
  if (layer.sourceLayer >= 0)
    text += (text.empty() ? "layer " : " · layer ") +
            std::to_string(layer.sourceLayer);
  return text;
}

void SvgWriter::mesh(const runtime::Layer &layer, int index,
                     const Placement &at) {
  const runtime::Mesh &m = layer.mesh;
  const int mzis = m.mziCount();
  std::vector<runtime::MziSite> sites =
      runtime::meshLayout(m.topology, m.modes);
  auto live = [&](size_t k) { return m.mask.empty() || m.mask[k] != 0; };
  const Tally t = tally(layer, power);
  os << "<g class=\"component mesh\" id=\"component-" << index << "\">\n";
  std::string name = provenance(layer);
  componentLabel(
      at,
      (name.empty() ? "" : name + " · ") + runtime::topologyName(m.topology) +
          " " + std::to_string(m.modes) + "×" + std::to_string(m.modes),
      std::to_string(mzis) + " MZIs, " + std::to_string(t.live) + "/" +
          std::to_string(t.shifters) + " live, " + num(t.power, 1) + " mW" +
          (t.fixed ? ", " + std::to_string(t.fixed) + " crossings" : ""));
  waveguides(layer, at);
  for (int k = 0; k < mzis; ++k) {
    const runtime::MziSite &site = sites[k];
    double x0 = at.x + site.column * cell;
    double yTop = modeY(at.row, site.mode);
    std::string where = "column " + std::to_string(site.column) + ", modes " +
                        std::to_string(site.mode) + "-" +
                        std::to_string(site.mode + 1);
    bool crossing = !live(k) && !live(mzis + k);
    // Drawn in the MZI's own coordinates: origin on its top mode.
    os << "<g class=\"mzi" << (crossing ? " fixed" : "") << "\" id=\"c" << index
       << "-mzi" << k << "\" transform=\"translate(" << num(x0) << ","
       << num(yTop) << ")\">";
    if (crossing) {
      // M(0, 0) = i·[[0, 1], [1, 0]]: the modes swap, no heater.
      os << "<use xlink:href=\"#crossing\"><title>" << where
         << ": fixed crossing</title></use></g>\n";
      continue;
    }
    // M = B P(θ) B P(φ): φ on the top arm, coupler, θ, coupler.
    os << "<use xlink:href=\"#mzi\"/>\n";
    heater(0.19 * cell, 0, m.phi[k], live(mzis + k), "phi", "φ, " + where,
           /*labelAbove=*/true);
    heater(0.6 * cell, 0, m.theta[k], live(k), "theta", "θ, " + where,
           /*labelAbove=*/false);
    os << "</g>\n";
  }
  int depth = runtime::meshDepth(m.topology, m.modes);
  os << "<g class=\"screen\">\n";
  for (int mode = 0; mode < m.modes; ++mode)
    heater(at.x + (depth + 0.5) * cell, modeY(at.row, mode),
           m.outputPhases[mode], live(2 * mzis + mode), "output",
           "output phase, mode " + std::to_string(mode), /*labelAbove=*/true);
  os << "</g>\n</g>\n";
}

void SvgWriter::diagonal(const runtime::Layer &layer, int index,
                         const Placement &at) {
  const runtime::Diagonal &d = layer.diagonal;
  const Tally t = tally(layer, power);
  os << "<g class=\"component diagonal\" id=\"component-" << index << "\">\n";
  componentLabel(at, "Σ ×" + num(d.gain, 2),
                 std::to_string(t.live) + "/" + std::to_string(t.shifters) +
                     ", " + num(t.power, 1) + " mW",
                 /*below=*/true);
  double y0 = modeY(at.row, 0) - pitch / 2;
  int span = std::max(layer.inputs, layer.outputs);
  os << "<rect class=\"block sigma\" x=\"" << num(at.x) << "\" y=\"" << num(y0)
     << "\" width=\"" << num(at.width) << "\" height=\"" << num(span * pitch)
     << "\"/>\n";
  waveguides(layer, at);
  for (size_t i = 0; i < d.theta.size(); ++i)
    heater(at.x + at.width / 2, modeY(at.row, static_cast<int>(i)), d.theta[i],
           d.mask.empty() || d.mask[i] != 0, "attenuator",
           "Σ attenuator, mode " + std::to_string(i), /*labelAbove=*/true);
  os << "</g>\n";
}

void SvgWriter::block(const runtime::Layer &layer, const Placement &at) {
  std::string kind = runtime::layerKindName(layer.kind), text;
  switch (layer.kind) {
  case runtime::LayerKind::Oeo:
  case runtime::LayerKind::Readout: {
    runtime::ConverterCount count = runtime::converterCount(
        layer.inputs, layer.kind == runtime::LayerKind::Oeo);
    text = std::string(layer.kind == runtime::LayerKind::Oeo ? "O-E-O"
                                                             : "readout") +
           " " + runtime::electricalFunctionName(layer.boundary.function) +
           " · " + std::to_string(count.adcs) + " ADC";
    if (count.dacs)
      text += ", " + std::to_string(count.dacs) + " DAC";
    break;
  }
  case runtime::LayerKind::Activation:
    text = runtime::activationName(layer.activation);
    break;
  case runtime::LayerKind::Adapter:
    text = "adapter rank " + std::to_string(layer.adapter.rank());
    break;
  default:
    text = kind;
  }
  double y0 = modeY(at.row, 0) - pitch / 2;
  double h = std::max(layer.inputs, layer.outputs) * pitch;
  double cx = at.x + at.width / 2, cy = y0 + h / 2;
  double fs = std::clamp(h / (0.62 * text.size()), 5.0, 12.0);
  os << "<g class=\"component " << kind << "\">\n";
  waveguides(layer, at);
  os << "<rect class=\"block " << kind << "\" x=\"" << num(at.x) << "\" y=\""
     << num(y0) << "\" width=\"" << num(at.width) << "\" height=\"" << num(h)
     << "\"/>\n<text class=\"block-text\" x=\"" << num(cx) << "\" y=\""
     << num(cy) << "\" font-size=\"" << num(fs) << "\" transform=\"rotate(-90 "
     << num(cx) << " " << num(cy) << ")\" dy=\"0.35em\">" << escape(text)
     << "</text>\n</g>\n";
}

void SvgWriter::header() {
  os << "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
     << "<svg xmlns=\"http://www.w3.org/2000/svg\" "
        "xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\" width=\""
     << num(width, 0) << "\" height=\"" << num(height, 0) << "\" viewBox=\"0 0 "
     << num(width, 0) << " " << num(height, 0)
     << "\" font-family=\"DejaVu Sans, Arial, sans-serif\">\n"
     << "<style type=\"text/css\"><![CDATA[\n"
     << ".wg{fill:none;stroke:#8a8a8a;stroke-width:" << num(pitch / 20, 2)
     << "}\n"
     << ".mzi-box{fill:#f2f5fa;stroke:#b8c4d6;stroke-width:0.6}\n"
     << ".crossing-box{fill:#fff;stroke:#999;stroke-width:0.8;"
        "stroke-dasharray:3,2}\n"
     << ".cross{fill:none;stroke:#777;stroke-width:" << num(pitch / 16, 2)
     << "}\n"
     << ".coupler{fill:#555}\n"
     << ".heater{stroke:#222;stroke-width:0.5}\n"
     << ".pruned{fill:#fff;stroke:#777;stroke-width:0.9;stroke-dasharray:2,1.5}"
        "\n"
     << ".block{stroke:#555;stroke-width:0.8}\n"
     << "rect.sigma{fill:#e8f0e0}rect.oeo,rect.readout{fill:#fde3c8}\n"
     << "rect.encode,rect.detect,rect.activation,rect.adapter{fill:#e6e6ef}\n"
     << ".label{font-size:12px;font-weight:bold}"
        ".sub{font-size:10px;fill:#444}\n"
     << ".value{text-anchor:middle;fill:#333}"
        ".block-text{text-anchor:middle}"
        ".mode{text-anchor:end;fill:#666}\n"
     << ".title{font-size:17px;font-weight:bold}"
        ".totals{font-size:12px}.legend{font-size:11px}\n"
     << "]]></style>\n<defs><linearGradient id=\"colour-bar\">";
  for (int i = 0; i <= 8; ++i)
    os << "<stop offset=\"" << num(i / 8.0, 3) << "\" stop-color=\""
       << colourAt(i / 8.0) << "\"/>";
  // The shapes every MZI, crossing and heater reuses (origin: the top
  // mode of the MZI; a heater's centre).
  const double half = pitch / 2;
  os << "</linearGradient>\n<g id=\"mzi\"><rect class=\"mzi-box\" x=\""
     << num(0.06 * cell) << "\" y=\"" << num(-0.3 * half) << "\" width=\""
     << num(0.88 * cell) << "\" height=\"" << num(pitch + 0.6 * half)
     << "\" rx=\"" << num(0.15 * pitch) << "\"/>";
  for (double f : {0.38, 0.82})
    os << "<rect class=\"coupler\" x=\"" << num((f - 0.03) * cell)
       << "\" y=\"0\" width=\"" << num(0.06 * cell) << "\" height=\""
       << num(pitch) << "\"/>";
  os << "</g>\n<g id=\"crossing\"><rect class=\"crossing-box\" x=\""
     << num(0.06 * cell) << "\" y=\"" << num(-0.3 * half) << "\" width=\""
     << num(0.88 * cell) << "\" height=\"" << num(pitch + 0.6 * half)
     << "\" rx=\"" << num(0.15 * pitch) << "\"/><path class=\"cross\" d=\"M0 0H"
     << num(0.2 * cell) << "L" << num(0.8 * cell) << " " << num(pitch) << "H"
     << num(cell) << "M0 " << num(pitch) << "H" << num(0.2 * cell) << "L"
     << num(0.8 * cell) << " 0H" << num(cell) << "\"/></g>\n"
     << "<rect id=\"h\" x=\"" << num(-heaterW / 2, 2) << "\" y=\""
     << num(-heaterH / 2, 2) << "\" width=\"" << num(heaterW, 2)
     << "\" height=\"" << num(heaterH, 2) << "\"/>\n</defs>\n"
     << "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n";
}

void SvgWriter::legend(double y) {
  os << "<g class=\"legend\">\n";
  const double x = left, barW = 220, barH = 12;
  os << "<text x=\"" << num(x) << "\" y=\"" << num(y) << "\">"
     << (svgColor == ColorBy::Power
             ? "heater power (mW), P = P_π·φ/π, P_π = " +
                   num(power.piPowerMilliwatts, 1) + " mW"
             : std::string("programmed phase φ (rad), wrapped to [0, 2π)"))
     << "</text>\n<rect x=\"" << num(x) << "\" y=\"" << num(y + 6)
     << "\" width=\"" << num(barW) << "\" height=\"" << num(barH)
     << "\" fill=\"url(#colour-bar)\" stroke=\"#222\" stroke-width=\"0.5\"/>\n";
  static const char *phaseTicks[] = {"0", "π/2", "π", "3π/2", "2π"};
  for (int i = 0; i <= 4; ++i) {
    std::string tick = svgColor == ColorBy::Power
                           ? num(i * power.piPowerMilliwatts / 2, 1)
                           : phaseTicks[i];
    os << "<text class=\"value\" x=\"" << num(x + i * barW / 4) << "\" y=\""
       << num(y + 6 + barH + 12) << "\">" << tick << "</text>\n";
  }
  // Swatches: what the shapes mean.
  double sx = x + barW + 40, sy = y + 4;
  auto swatch = [&](const std::string &shape, const std::string &text) {
    os << shape << "<text x=\"" << num(sx + 26) << "\" y=\"" << num(sy + 10)
       << "\">" << text << "</text>\n";
    sx += 34 + 6.2 * text.size();
  };
  swatch("<rect class=\"heater\" x=\"" + num(sx) + "\" y=\"" + num(sy + 2) +
             "\" width=\"18\" height=\"9\" fill=\"" + colourAt(0.6) + "\"/>",
         "heater");
  swatch("<rect class=\"heater pruned\" x=\"" + num(sx) + "\" y=\"" +
             num(sy + 2) + "\" width=\"18\" height=\"9\"/>",
         "pruned shifter");
  swatch("<path class=\"cross\" style=\"stroke-width:1.2\" d=\"M" + num(sx) +
             " " + num(sy) + "L" + num(sx + 18) + " " + num(sy + 13) + "M" +
             num(sx) + " " + num(sy + 13) + "L" + num(sx + 18) + " " + num(sy) +
             "\"/>",
         "fixed crossing");
  swatch("<rect class=\"coupler\" x=\"" + num(sx + 7) + "\" y=\"" + num(sy) +
             "\" width=\"4\" height=\"13\"/>",
         "50:50 coupler");
  swatch("<rect class=\"block sigma\" x=\"" + num(sx) + "\" y=\"" + num(sy) +
             "\" width=\"18\" height=\"13\"/>",
         "Σ attenuators");
  if (program.hasBoundaries())
    swatch("<rect class=\"block oeo\" x=\"" + num(sx) + "\" y=\"" + num(sy) +
               "\" width=\"18\" height=\"13\"/>",
           "O-E-O / readout");
  os << "</g>\n";
}

void SvgWriter::write() {
  layout();
  Tally total;
  int mzis = 0;
  for (const runtime::Layer &layer : program.layers) {
    const Tally t = tally(layer, power);
    total.shifters += t.shifters;
    total.live += t.live;
    total.fixed += t.fixed;
    total.power += t.power;
    if (layer.kind == runtime::LayerKind::Mesh)
      mzis += layer.mesh.mziCount();
  }

  header();
  os << "<text class=\"title\" x=\"" << num(left) << "\" y=\"24\">"
     << escape(title) << "</text>\n<text class=\"totals\" x=\"" << num(left)
     << "\" y=\"44\">"
     << escape(
            std::to_string(total.shifters) + " shifters, " +
            std::to_string(total.live) + " live (" +
            num(total.shifters ? 100.0 * total.live / total.shifters : 0.0, 1) +
            " %), " + std::to_string(mzis) + " MZIs, " +
            std::to_string(total.fixed) + " fixed crossings, heater power " +
            num(total.power, 1) +
            " mW (P_π = " + num(power.piPowerMilliwatts, 1) + " mW)")
     << "</text>\n";
  // Mode numbers at the start of each row (every 8th beyond 16 modes).
  int step = maxModes <= 16 ? 1 : 8;
  double fs = std::clamp(0.6 * pitch, 7.0, 11.0);
  for (int row = 0; row < rows; ++row)
    for (int m = 0; m < maxModes; m += step)
      os << "<text class=\"mode\" x=\"" << num(left - 6) << "\" y=\""
         << num(modeY(row, m) + fs * 0.35) << "\" font-size=\"" << num(fs)
         << "\">" << m << "</text>\n";
  int component = 0;
  for (size_t i = 0; i < program.layers.size(); ++i) {
    const runtime::Layer &layer = program.layers[i];
    if (layer.kind == runtime::LayerKind::Mesh)
      mesh(layer, component++, places[i]);
    else if (layer.kind == runtime::LayerKind::Diagonal)
      diagonal(layer, component++, places[i]);
    else
      block(layer, places[i]);
  }
  legend(top + rows * rowHeight + 24);
  os << "</svg>\n";
}

} // namespace

void photon::registerSvgTranslation() {
  registerCheckedTranslation(
      "photonic-to-svg",
      "Draw a lowered network as its chip: MZI lattices, heaters coloured "
      "by phase or power (SVG)",
      [](Operation *op, raw_ostream &os) -> LogicalResult {
        // The same option and range as the phase table's.
        if (!(piPowerMilliwatts > 0.0) ||
            !(piPowerMilliwatts <= runtime::kMaxDevicePowerMw))
          return op->emitError()
                 << "--p-pi-mw must be a power in (0, "
                 << llvm::formatv("{0}", llvm::format("%g",
                                                      runtime::kMaxDevicePowerMw))
                 << "] mW, got "
                 << llvm::formatv("{0}", llvm::format(
                                             "%g", piPowerMilliwatts.getValue()));
        if (svgRowWidth < 100)
          return op->emitError() << "--svg-row-width must be at least 100, "
                                    "got "
                                 << svgRowWidth.getValue();
        auto module = dyn_cast<ModuleOp>(op);
        if (!module)
          return op->emitError() << "expects a module";
        FailureOr<func::FuncOp> func = getEntryFunction(module);
        if (failed(func))
          return failure();
        FailureOr<runtime::Program> program = buildProgram(*func);
        if (failed(program))
          return failure();
        runtime::PowerModel power;
        power.piPowerMilliwatts = piPowerMilliwatts;
        std::string title = svgTitle.empty() ? "@" + func->getSymName().str()
                                             : svgTitle.getValue();
        SvgWriter(*program, title, power, os).write();
        return success();
      });
}
