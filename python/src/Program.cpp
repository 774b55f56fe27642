//===- Program.cpp - Runtime programs on NumPy arrays ---------------------===//
//
// photon.Program: load, inspect, run (ideal, float, one noisy chip),
// classify, Monte Carlo under a noise spec, metrics. Samples are the rows
// of a C-contiguous NumPy array, which is exactly the runtime's column-major
// program.inputs x batch matrix: inputs of the right dtype are read in
// place and outputs are handed to NumPy without a copy.
//
//===----------------------------------------------------------------------===//
#include "Common.h"

#include "photon/Runtime/Metrics.h"
#include "photon/Runtime/MonteCarlo.h"
#include "photon/Runtime/NoiseModel.h"
#include "photon/Runtime/Random.h"
#include "photon/Runtime/Simulator.h"

#include "llvm/Support/raw_ostream.h"

#include <pybind11/stl.h>

#include <cmath>
#include <optional>

namespace photon::python {
namespace {

using runtime::Program;

/// A JSON value as Python objects (via the json module: dicts, lists).
py::object toPython(const llvm::json::Value &value) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << value;
  return py::module_::import("json").attr("loads")(text);
}

template <typename T>
using Columns = Eigen::Map<
    const Eigen::Matrix<std::complex<T>, Eigen::Dynamic, Eigen::Dynamic>>;

/// The samples of `x` as the columns of a matrix mapped on its buffer.
template <typename T>
Columns<T> columnsOf(const py::array_t<std::complex<T>, py::array::c_style> &x,
                     int width, bool single) {
  return Columns<T>(x.data(), width, single ? 1 : x.shape(0));
}

/// Outputs as NumPy: real values for electrical outputs (detect, readout),
/// complex fields otherwise.
template <typename T>
py::array toOutputs(
    const Program &program,
    Eigen::Matrix<std::complex<T>, Eigen::Dynamic, Eigen::Dynamic> &&outputs,
    bool single) {
  if (program.electricalOutputs())
    return fromColumns(
        Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>(outputs.real()),
        single);
  return fromColumns(std::move(outputs), single);
}

runtime::NoiseModel parseNoise(const std::string &spec) {
  return unwrap(runtime::parseNoiseModel(spec));
}

/// Simulated outputs (program.outputs x batch) of the rows of `x`.
Eigen::MatrixXcd simulateRows(const Program &program, py::handle x,
                              bool &single) {
  auto batch = toBatch<double>(x, program.inputs, "X", single);
  Columns<double> columns = columnsOf(batch, program.inputs, single);
  py::gil_scoped_release release;
  return runtime::simulate(program, columns);
}

std::vector<int> toLabels(py::handle object, const Program &program,
                          Eigen::Index samples) {
  py::array array = py::array::ensure(object);
  if (!array || (array.dtype().kind() != 'i' && array.dtype().kind() != 'u'))
    throw py::type_error("labels must be an array of integers");
  auto values = toArray<int64_t>(array, "labels");
  if (values.ndim() != 1 || values.shape(0) != samples)
    throw py::value_error("labels must be a 1-D array with one label per "
                          "sample (" +
                          std::to_string(samples) + ")");
  std::vector<int> labels;
  for (py::ssize_t i = 0; i < values.shape(0); ++i) {
    const int64_t label = values.data()[i];
    if (label < 0 || label >= program.outputs)
      throw py::value_error("label " + std::to_string(label) + " of sample " +
                            std::to_string(i) + " is outside [0, " +
                            std::to_string(program.outputs) + ")");
    labels.push_back(static_cast<int>(label));
  }
  return labels;
}

py::array run(const Program &program, py::handle x,
              const std::string &precision,
              const std::optional<std::string> &noise, uint64_t seed) {
  bool single = false;
  if (precision == "float") {
    if (noise)
      throw py::value_error("noise runs in double precision; drop "
                            "precision='float'");
    auto batch = toBatch<float>(x, program.inputs, "X", single);
    Columns<float> columns = columnsOf(batch, program.inputs, single);
    Eigen::MatrixXcf outputs;
    {
      py::gil_scoped_release release;
      outputs = runtime::simulate(program, columns);
    }
    return toOutputs(program, std::move(outputs), single);
  }
  if (precision != "double")
    throw py::value_error("precision must be 'double' or 'float', got '" +
                          precision + "'");
  if (!noise) {
    Eigen::MatrixXcd outputs = simulateRows(program, x, single);
    return toOutputs(program, std::move(outputs), single);
  }
  // One noisy chip: trial 0 of `seed`, as photon-run --input --noise.
  runtime::NoiseModel model = parseNoise(*noise);
  auto batch = toBatch<double>(x, program.inputs, "X", single);
  Eigen::MatrixXcd columns = columnsOf(batch, program.inputs, single);
  Eigen::MatrixXcd outputs;
  {
    py::gil_scoped_release release;
    runtime::Random random(runtime::trialSeed(seed, 0));
    runtime::NoisyProgram chip =
        runtime::sampleNoisyProgram(program, model, random);
    outputs = runtime::simulateNoisy(chip, columns, model, random);
  }
  return toOutputs(program, std::move(outputs), single);
}

/// The brightest output of each sample (MonteCarlo.h's rule).
py::array classify(const Program &program, py::handle x) {
  bool single = false;
  Eigen::MatrixXcd outputs = simulateRows(program, x, single);
  py::array_t<int64_t> classes(outputs.cols());
  for (Eigen::Index s = 0; s < outputs.cols(); ++s) {
    int64_t best = 0;
    double top = -INFINITY;
    for (Eigen::Index i = 0; i < outputs.rows(); ++i) {
      const double score = program.electricalOutputs()
                               ? outputs(i, s).real()
                               : std::norm(outputs(i, s));
      if (score > top) {
        top = score;
        best = i;
      }
    }
    classes.mutable_at(s) = best;
  }
  if (single)
    return py::int_(classes.at(0));
  return classes;
}

double accuracy(const Program &program, py::handle x, py::handle labels) {
  bool single = false;
  Eigen::MatrixXcd outputs = simulateRows(program, x, single);
  if (single)
    throw py::value_error("X must be a 2-D batch (samples, inputs)");
  std::vector<int> truth = toLabels(labels, program, outputs.cols());
  if (truth.empty())
    return 0.0;
  return double(runtime::countCorrect(outputs, program.electricalOutputs(),
                                      truth)) /
         double(truth.size());
}

py::dict monteCarlo(const Program &program, py::handle x, py::handle labels,
                    const std::string &noise, int trials, uint64_t seed,
                    int threads, double piPowerMw) {
  runtime::NoiseModel model = parseNoise(noise);
  bool single = false;
  auto batch = toBatch<double>(x, program.inputs, "X", single);
  if (single)
    throw py::value_error("X must be a 2-D batch (samples, inputs)");
  Eigen::MatrixXcd columns = columnsOf(batch, program.inputs, false);
  std::vector<int> truth = toLabels(labels, program, columns.cols());
  if (trials < 1 || threads < 1)
    throw py::value_error("trials and threads must be >= 1");
  if (!(piPowerMw >= 0.0) || !std::isfinite(piPowerMw))
    throw py::value_error("p_pi_mw must be a finite value >= 0");
  runtime::PowerModel power;
  power.piPowerMilliwatts = piPowerMw;
  runtime::MonteCarloResult result;
  {
    py::gil_scoped_release release;
    result = unwrap(runtime::evaluateUnderNoise(program, model, columns, truth,
                                                trials, seed, threads, power));
  }
  // The keys of photon-run --dataset --noise --format json.
  py::dict dict, parameters;
  for (llvm::StringRef key : runtime::noiseParameterKeys()) {
    const double value = runtime::getNoiseParameter(model, key);
    if (runtime::isNoiseBitsKey(key))
      parameters[py::str(key.str())] = static_cast<int64_t>(value);
    else
      parameters[py::str(key.str())] = value;
  }
  dict["samples"] = result.samples;
  dict["noise"] = runtime::formatNoiseModel(model);
  dict["noise_model"] = parameters;
  dict["trials"] = result.trials;
  dict["seed"] = seed;
  dict["accuracy_mean"] = result.mean;
  dict["accuracy_std"] = result.std;
  dict["accuracy_worst"] = result.worst;
  dict["accuracy_best"] = result.best;
  dict["accuracies"] = result.accuracies;
  dict["static_power_mw"] = result.staticPowerMw;
  return dict;
}

runtime::NetworkMetrics metricsOf(const Program &program, double piPowerMw,
                                  double shifterLengthUm, double mziLengthUm) {
  if (!(piPowerMw >= 0.0) || !std::isfinite(piPowerMw))
    throw py::value_error("p_pi_mw must be a finite value >= 0");
  if (!(shifterLengthUm >= 0.0) || !(mziLengthUm >= 2.0 * shifterLengthUm) ||
      !std::isfinite(mziLengthUm))
    throw py::value_error("lengths must be finite with mzi_length_um >= 2 * "
                          "shifter_length_um >= 0");
  runtime::PowerModel power;
  power.piPowerMilliwatts = piPowerMw;
  runtime::AreaModel area;
  area.shifterLengthUm = shifterLengthUm;
  area.mziLengthUm = mziLengthUm;
  return runtime::computeMetrics(program, power, area);
}

std::string programJson(const Program &program) {
  std::string text;
  llvm::raw_string_ostream os(text);
  runtime::writeProgram(program, os);
  return text;
}

} // namespace

void bindProgram(py::module_ &module) {
  py::class_<Program>(module, "Program", "A runtime program (docs/formats.md)")
      .def(py::init([](const std::string &json, const std::string &name) {
             return unwrap(runtime::parseProgram(json, name));
           }),
           py::arg("json"), py::arg("source_name"))
      .def_readonly("inputs", &Program::inputs)
      .def_readonly("outputs", &Program::outputs)
      .def_property_readonly("electrical_inputs", &Program::electricalInputs)
      .def_property_readonly("electrical_outputs", &Program::electricalOutputs)
      .def_property_readonly("has_boundaries", &Program::hasBoundaries)
      .def_property_readonly("has_adapters", &Program::hasAdapters)
      .def_property_readonly(
          "meshes",
          [](const Program &program) {
            std::vector<runtime::Mesh> meshes;
            for (const runtime::Layer &layer : program.layers)
              if (layer.kind == runtime::LayerKind::Mesh)
                meshes.push_back(layer.mesh);
            return meshes;
          },
          "Copies of the program's meshes, input side first")
      .def("to_json", &programJson,
           "The program as photon-translate --photonic-to-runtime writes it")
      .def("run", &run, py::arg("X"), py::arg("precision") = "double",
           py::arg("noise") = std::nullopt, py::arg("seed") = 0)
      .def("classify", &classify, py::arg("X"))
      .def("accuracy", &accuracy, py::arg("X"), py::arg("labels"))
      .def("monte_carlo", &monteCarlo, py::arg("X"), py::arg("labels"),
           py::arg("noise"), py::arg("trials") = 20, py::arg("seed") = 0,
           py::arg("threads") = 2, py::arg("p_pi_mw") = 25.0)
      .def(
          "metrics",
          [](const Program &program, double piPowerMw, double shifter,
             double mzi) {
            return toPython(
                runtime::toJson(metricsOf(program, piPowerMw, shifter, mzi)));
          },
          py::arg("p_pi_mw") = 25.0, py::arg("shifter_length_um") = 135.0,
          py::arg("mzi_length_um") = 300.0)
      .def(
          "compare_metrics",
          [](const Program &current, const Program &baseline,
             double piPowerMw) {
            return toPython(runtime::toJson(runtime::compareMetrics(
                metricsOf(baseline, piPowerMw, 135.0, 300.0),
                metricsOf(current, piPowerMw, 135.0, 300.0))));
          },
          py::arg("baseline"), py::arg("p_pi_mw") = 25.0,
          "Reductions of this program's metrics against `baseline`");
}

} // namespace photon::python
