//===- PhaseTableEmitter.cpp - IR to device phase tables ------------------===//
//
// Writes one JSON document listing every phase shifter of a lowered network
// with its position (layer, factor, column, modes, arm), its phase and its
// heater power. The schema is documented in docs/formats.md
// ("Phase table").
//
//===----------------------------------------------------------------------===//
#include "photon/Export/Translations.h"

#include "PowerOptions.h"

#include "photon/Bridge/RuntimeBridge.h"
#include "photon/Runtime/Convention.h"
#include "photon/Runtime/Limits.h"
#include "photon/Runtime/MeshLayout.h"
#include "photon/Runtime/NoiseModel.h"
#include "photon/Runtime/PowerModel.h"

#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

#include <charconv>
#include <cmath>

using namespace mlir;
using namespace photon;

llvm::cl::opt<double> photon::piPowerMilliwatts(
    "p-pi-mw",
    llvm::cl::desc("Heater power for a phase of π in mW, for "
                   "--photonic-to-phase-table and --photonic-to-svg "
                   "(default 25)"),
    llvm::cl::init(25.0));

static llvm::cl::opt<double> adcPowerMilliwatts(
    "adc-mw",
    llvm::cl::desc("Power of one coherent receiver channel with its ADC in "
                   "mW, for --photonic-to-phase-table (default 20)"),
    llvm::cl::init(20.0));

static llvm::cl::opt<double> dacPowerMilliwatts(
    "reencode-mw",
    llvm::cl::desc("Power of one re-encoding channel (DAC and modulator "
                   "driver) in mW, for --photonic-to-phase-table (default "
                   "25)"),
    llvm::cl::init(25.0));

static llvm::cl::opt<int> dacBits(
    "dac-bits",
    llvm::cl::desc("For --photonic-to-phase-table: also give each shifter's "
                   "integer code on an N-bit phase DAC over [0, 2π), the "
                   "phase that code yields and its heater power (1..32; 0: "
                   "off)"),
    llvm::cl::init(0));

namespace {
enum class TableFormat { Json, Csv };
} // namespace

static llvm::cl::opt<TableFormat> tableFormat(
    "phase-table-format",
    llvm::cl::desc("Form of --photonic-to-phase-table (docs/formats.md)"),
    llvm::cl::values(
        clEnumValN(TableFormat::Json, "json", "one JSON document (default)"),
        clEnumValN(TableFormat::Csv, "csv",
                   "the document without its shifter list on one '#' line, "
                   "then one CSV row per shifter: about 4x smaller, for "
                   "large meshes")),
    llvm::cl::init(TableFormat::Json));

namespace {

/// One row of the shifter list.
struct Shifter {
  int column;
  int firstMode;
  int modeCount;
  const char *arm;
  double phase;
  bool live;
  /// -1: the component marks no active set; else 0 or 1.
  int active;
};

/// Calls fn(row) for the shifters of one program layer, in canonical order
/// (runtime::shifterLayout's), without materialising them: a 1024-mode mesh
/// has 2.1 M shifters, and two 84 MB row lists were a tenth of the export.
template <typename Fn>
void forEachShifterOf(const runtime::Layer &layer, Fn fn) {
  if (layer.kind == runtime::LayerKind::Mesh) {
    const runtime::Mesh &mesh = layer.mesh;
    std::vector<runtime::MziSite> mzis =
        runtime::meshLayout(mesh.topology, mesh.modes);
    const size_t count = mzis.size();
    auto row = [&](size_t index, int column, int mode, runtime::Arm arm,
                   double phase) {
      bool live = mesh.mask.empty() || mesh.mask[index] != 0;
      int active = mesh.active.empty() ? -1 : int(mesh.active[index] != 0);
      fn(Shifter{column, mode, arm == runtime::Arm::Output ? 1 : 2,
                 runtime::armName(arm), runtime::wrapPhase(phase), live,
                 active});
    };
    for (size_t k = 0; k < count; ++k)
      row(k, mzis[k].column, mzis[k].mode, runtime::Arm::Theta,
          mesh.theta[k]);
    for (size_t k = 0; k < count; ++k)
      row(count + k, mzis[k].column, mzis[k].mode, runtime::Arm::Phi,
          mesh.phi[k]);
    int depth = runtime::meshDepth(mesh.topology, mesh.modes);
    for (int mode = 0; mode < mesh.modes; ++mode)
      row(2 * count + mode, depth, mode, runtime::Arm::Output,
          mesh.outputPhases[mode]);
  } else if (layer.kind == runtime::LayerKind::Diagonal) {
    // Attenuator phases live in [0, π] (verified); they are not wrapped.
    const runtime::Diagonal &diagonal = layer.diagonal;
    for (size_t i = 0; i < diagonal.theta.size(); ++i)
      fn(Shifter{0, static_cast<int>(i), 1, "attenuator", diagonal.theta[i],
                 diagonal.mask.empty() || diagonal.mask[i] != 0, -1});
  }
}

/// MZIs whose θ and φ are both masked: fixed crossings, no heater.
int fixedCrossings(const runtime::Mesh &mesh) {
  if (mesh.mask.empty())
    return 0;
  int count = 0, mzis = mesh.mziCount();
  for (int k = 0; k < mzis; ++k)
    count += !mesh.mask[k] && !mesh.mask[mzis + k];
  return count;
}

void writeProvenance(llvm::json::OStream &json, const runtime::Layer &layer) {
  if (layer.sourceLayer >= 0)
    json.attribute("layer", layer.sourceLayer);
  else
    json.attribute("layer", nullptr);
  if (!layer.factor.empty())
    json.attribute("factor", layer.factor);
  else
    json.attribute("factor", nullptr);
}

bool isBoundary(const runtime::Layer &layer) {
  return layer.kind == runtime::LayerKind::Oeo ||
         layer.kind == runtime::LayerKind::Readout;
}

/// The optical-to-electrical boundaries with their converters; adds their
/// counts and power to the totals.
void writeBoundaries(llvm::json::OStream &json,
                     const runtime::Program &program,
                     const runtime::PowerModel &power, int &adcs, int &dacs,
                     double &converterPower) {
  json.attributeArray("boundaries", [&] {
    int component = -1;
    for (const runtime::Layer &layer : program.layers) {
      if (layer.kind == runtime::LayerKind::Mesh ||
          layer.kind == runtime::LayerKind::Diagonal)
        ++component;
      if (!isBoundary(layer))
        continue;
      const bool reencode = layer.kind == runtime::LayerKind::Oeo;
      runtime::ConverterCount count =
          runtime::converterCount(layer.inputs, reencode);
      const double mw = power.converterPower(count.adcs, count.dacs);
      adcs += count.adcs;
      dacs += count.dacs;
      converterPower += mw;
      json.object([&] {
        json.attribute("kind", reencode ? "oeo" : "readout");
        json.attribute("after_component", component);
        json.attribute("modes", layer.inputs);
        json.attribute("function", runtime::electricalFunctionName(
                                       layer.boundary.function));
        json.attribute("bias", !layer.boundary.bias.empty());
        json.attribute("adcs", count.adcs);
        json.attribute("dacs", count.dacs);
        json.attribute("power_mw", mw);
      });
    }
  });
}

/// `value` as printf's %.17g writes it, which is how llvm::json::OStream
/// writes doubles, but several times faster (std::to_chars).
void writeG17(raw_ostream &os, double value) {
  char text[32];
  char *end = std::to_chars(text, text + sizeof(text), value,
                            std::chars_format::general, 17)
                  .ptr;
  os.write(text, end - text);
}

/// The shortest decimal form that reads back as exactly `value`.
void writeShortest(raw_ostream &os, double value) {
  char text[32];
  char *end = std::to_chars(text, text + sizeof(text), value).ptr;
  os.write(text, end - text);
}

bool isComponent(const runtime::Layer &layer) {
  return layer.kind == runtime::LayerKind::Mesh ||
         layer.kind == runtime::LayerKind::Diagonal;
}

/// Calls fn(component index, layer, row, DAC code) for every shifter.
template <typename Fn>
void forEachShifter(const runtime::Program &program, int dac, Fn fn) {
  int index = 0;
  for (const runtime::Layer &layer : program.layers) {
    if (!isComponent(layer))
      continue;
    forEachShifterOf(layer, [&](const Shifter &row) {
      // A pruned (dead) shifter is not driven: code 0.
      runtime::QuantizedPhase q;
      if (dac > 0 && row.live)
        q = runtime::quantizePhase(row.phase, dac);
      fn(index, layer, row, q);
    });
    ++index;
  }
}

/// The `shifters` array of the JSON table, byte for byte as
/// llvm::json::OStream(os, 1) would write it there (its per-value
/// bookkeeping and printf-formatted doubles were most of the export time
/// for large meshes).
void writeJsonShifters(const runtime::Program &program,
                       const runtime::PowerModel &power, int dac,
                       raw_ostream &os) {
  bool first = true;
  int provenanceOf = -1;
  std::string provenance;
  forEachShifter(program, dac, [&](int component,
                                   const runtime::Layer &layer,
                                   const Shifter &row,
                                   runtime::QuantizedPhase q) {
    if (component != provenanceOf) {
      provenanceOf = component;
      provenance.clear();
      llvm::raw_string_ostream text(provenance);
      text << "   \"layer\": ";
      if (layer.sourceLayer >= 0)
        text << layer.sourceLayer;
      else
        text << "null";
      text << ",\n   \"factor\": ";
      if (!layer.factor.empty())
        llvm::json::OStream(text).value(layer.factor);
      else
        text << "null";
      text << ",\n";
    }
    os << (first ? "[\n  {\n" : ",\n  {\n");
    first = false;
    os << "   \"component\": " << component << ",\n"
       << provenance << "   \"column\": " << row.column
       << ",\n   \"modes\": [\n    " << row.firstMode;
    if (row.modeCount == 2)
      os << ",\n    " << row.firstMode + 1;
    os << "\n   ],\n   \"arm\": \"" << row.arm << "\",\n   \"phase_rad\": ";
    writeG17(os, row.phase);
    os << ",\n   \"power_mw\": ";
    writeG17(os, row.live ? power.heaterPower(row.phase) : 0.0);
    os << ",\n   \"live\": " << (row.live ? "true" : "false");
    if (row.active >= 0)
      os << ",\n   \"active\": " << (row.active == 1 ? "true" : "false");
    if (dac > 0) {
      os << ",\n   \"dac_code\": " << q.code << ",\n   \"dac_phase_rad\": ";
      writeG17(os, q.phase);
      os << ",\n   \"dac_power_mw\": ";
      writeG17(os, row.live ? power.heaterPower(q.phase) : 0.0);
    }
    os << "\n  }";
  });
  os << (first ? "[]" : "\n ]");
}

/// The CSV rows of the compact table: a header, then one row per shifter.
void writeCsvShifters(const runtime::Program &program,
                      const runtime::PowerModel &power, int dac,
                      raw_ostream &os) {
  const bool active = llvm::any_of(program.layers, [](const auto &layer) {
    return layer.kind == runtime::LayerKind::Mesh && !layer.mesh.active.empty();
  });
  os << "component,column,mode,mode2,arm,phase_rad,power_mw,live";
  if (active)
    os << ",active";
  if (dac > 0)
    os << ",dac_code,dac_phase_rad,dac_power_mw";
  os << "\n";
  forEachShifter(program, dac, [&](int component, const runtime::Layer &,
                                   const Shifter &row,
                                   runtime::QuantizedPhase q) {
    os << component << ',' << row.column << ',' << row.firstMode << ',';
    if (row.modeCount == 2)
      os << row.firstMode + 1;
    os << ',' << row.arm << ',';
    writeShortest(os, row.phase);
    os << ',';
    writeShortest(os, row.live ? power.heaterPower(row.phase) : 0.0);
    os << ',' << (row.live ? '1' : '0');
    if (active) {
      os << ',';
      if (row.active >= 0)
        os << row.active;
    }
    if (dac > 0) {
      os << ',' << q.code << ',';
      writeShortest(os, q.phase);
      os << ',';
      writeShortest(os, row.live ? power.heaterPower(q.phase) : 0.0);
    }
    os << '\n';
  });
}

/// The table as one JSON document, pretty-printed, or without `shifters`
/// on one line (the head of the CSV form).
void writeDocument(const runtime::Program &program,
                   const runtime::PowerModel &power, int dac, bool withShifters,
                   raw_ostream &os) {
  llvm::json::OStream json(os, /*IndentSize=*/withShifters ? 1 : 0);
  int totalShifters = 0, totalAdcs = 0, totalDacs = 0;
  double totalPower = 0.0, totalDacPower = 0.0, totalConverterPower = 0.0;
  const bool boundaries = program.hasBoundaries();
  json.object([&] {
    json.attribute("format", "photon-phase-table");
    json.attribute("version", 1);
    json.attributeObject("convention", [&] {
      json.attribute("mzi", "M(theta,phi) = B P(theta) B P(phi), "
                            "B = [[1,i],[i,1]]/sqrt(2), P(x) = diag(e^{ix},1)");
      json.attribute("mesh", "U = diag(e^{i outputs}) T_K ... T_1, MZIs in "
                             "column-then-mode order");
      json.attribute("attenuator", "t = cos(theta/2)");
      json.attribute("phase_range", "[0, 2pi); attenuators [0, pi]");
    });
    json.attributeObject("power_model", [&] {
      json.attribute("p_pi_mw", power.piPowerMilliwatts);
      json.attribute("formula", "P = p_pi_mw * phase / pi");
      if (boundaries) {
        json.attribute("adc_mw", power.adcPowerMilliwatts);
        json.attribute("reencode_mw", power.dacPowerMilliwatts);
        json.attribute("converter_formula",
                       "P = adc_mw * adcs + reencode_mw * dacs");
      }
    });
    if (dac > 0)
      json.attributeObject("dac", [&] {
        json.attribute("bits", dac);
        json.attribute("levels", static_cast<int64_t>(uint64_t(1) << dac));
        json.attribute("lsb_rad", runtime::kTwoPi / std::ldexp(1.0, dac));
        json.attribute("formula", "code = round(phase / 2pi * 2^bits) mod "
                                  "2^bits; phase = code * 2pi / 2^bits");
      });
    json.attribute("inputs", program.inputs);
    json.attribute("outputs", program.outputs);

    json.attributeArray("components", [&] {
      int index = 0;
      for (const runtime::Layer &layer : program.layers) {
        if (layer.kind != runtime::LayerKind::Mesh &&
            layer.kind != runtime::LayerKind::Diagonal)
          continue;
        double componentPower = 0.0;
        int live = 0;
        forEachShifterOf(layer, [&](const Shifter &row) {
          if (!row.live)
            return;
          ++live;
          componentPower += power.heaterPower(row.phase);
          if (dac > 0)
            totalDacPower += power.heaterPower(
                runtime::quantizePhase(row.phase, dac).phase);
        });
        totalShifters += live;
        totalPower += componentPower;
        json.object([&] {
          json.attribute("index", index++);
          writeProvenance(json, layer);
          if (layer.kind == runtime::LayerKind::Mesh) {
            json.attribute("kind", "mesh");
            json.attribute("topology",
                           runtime::topologyName(layer.mesh.topology));
            json.attribute("modes", layer.mesh.modes);
            json.attribute("columns", runtime::meshDepth(layer.mesh.topology,
                                                         layer.mesh.modes));
            json.attribute("mzis", layer.mesh.mziCount());
            json.attribute("fixed_crossings", fixedCrossings(layer.mesh));
            if (!layer.mesh.active.empty())
              json.attribute("active_shifters",
                             static_cast<int64_t>(llvm::count(
                                 layer.mesh.active, uint8_t(1))));
          } else {
            json.attribute("kind", "diagonal");
            json.attribute("inputs", layer.diagonal.inputs);
            json.attribute("outputs", layer.diagonal.outputs);
            json.attribute("gain", layer.diagonal.gain);
          }
          json.attribute("shifters", live);
          json.attribute("power_mw", componentPower);
        });
      }
    });

    if (withShifters) {
      json.attributeBegin("shifters");
      json.rawValue([&](raw_ostream &out) {
        writeJsonShifters(program, power, dac, out);
      });
      json.attributeEnd();
    }

    if (boundaries)
      writeBoundaries(json, program, power, totalAdcs, totalDacs,
                      totalConverterPower);

    json.attributeObject("totals", [&] {
      json.attribute("shifters", totalShifters);
      json.attribute("power_mw", totalPower);
      if (dac > 0)
        json.attribute("dac_power_mw", totalDacPower);
      if (boundaries) {
        json.attribute("adcs", totalAdcs);
        json.attribute("dacs", totalDacs);
        json.attribute("converter_power_mw", totalConverterPower);
      }
    });
  });
  os << "\n";
}

void writePhaseTable(const runtime::Program &program,
                     const runtime::PowerModel &power, int dac,
                     TableFormat format, raw_ostream &os) {
  if (format == TableFormat::Json)
    return writeDocument(program, power, dac, /*withShifters=*/true, os);
  os << "# ";
  writeDocument(program, power, dac, /*withShifters=*/false, os);
  writeCsvShifters(program, power, dac, os);
}

} // namespace

LogicalResult photon::exportPhaseTable(Operation *op,
                                       const PhaseTableOptions &options,
                                       raw_ostream &os) {
  // Option errors are located at the module, never dump it.
  Location loc = op->getLoc();
  auto number = [](double value) {
    return llvm::formatv("{0}", llvm::format("%g", value)).str();
  };
  if (!(options.piPowerMilliwatts > 0.0) ||
      !(options.piPowerMilliwatts <= runtime::kMaxDevicePowerMw))
    return emitError(loc) << "--p-pi-mw must be a power in (0, "
                          << number(runtime::kMaxDevicePowerMw) << "] mW, got "
                          << number(options.piPowerMilliwatts);
  if (options.dacBits < 0 || options.dacBits > 32)
    return emitError(loc) << "--dac-bits must be in 1..32 (0: off), got "
                          << options.dacBits;
  FailureOr<runtime::Program> program = buildModuleProgram(op);
  if (failed(program))
    return failure();
  for (auto [name, value] :
       {std::pair<StringRef, double>{adcPowerMilliwatts.ArgStr,
                                     options.adcPowerMilliwatts},
        {dacPowerMilliwatts.ArgStr, options.reencodePowerMilliwatts}})
    if (!(value >= 0.0) || !(value <= runtime::kMaxDevicePowerMw))
      return emitError(loc) << "--" << name << " must be a power in [0, "
                            << number(runtime::kMaxDevicePowerMw)
                            << "] mW, got " << number(value);
  runtime::PowerModel power;
  power.piPowerMilliwatts = options.piPowerMilliwatts;
  power.adcPowerMilliwatts = options.adcPowerMilliwatts;
  power.dacPowerMilliwatts = options.reencodePowerMilliwatts;
  writePhaseTable(*program, power, options.dacBits,
                  options.csv ? TableFormat::Csv : TableFormat::Json, os);
  return success();
}

void photon::registerPhaseTableTranslation() {
  registerCheckedTranslation(
      "photonic-to-phase-table",
      "Emit the device phase table of a lowered network (JSON)",
      [](Operation *op, raw_ostream &os) -> LogicalResult {
        // The command line is the front end of PhaseTableOptions.
        PhaseTableOptions options;
        options.piPowerMilliwatts = piPowerMilliwatts;
        options.adcPowerMilliwatts = adcPowerMilliwatts;
        options.reencodePowerMilliwatts = dacPowerMilliwatts;
        options.dacBits = dacBits;
        options.csv = tableFormat == TableFormat::Csv;
        return exportPhaseTable(op, options, os);
      });
}
