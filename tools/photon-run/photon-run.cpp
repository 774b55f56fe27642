//===- photon-run.cpp - Run a compiled program on input vectors -----------===//
//
//   photon-run PROGRAM [--input FILE] [--format text|json]
//              [--precision double|float]
//   photon-run PROGRAM --dataset mnist|mnist-full|fashion-mnist|csv
//              [--split test|train]
//              [--data-dir DIR] [--test-file F --train-file F]
//              [--fft-radius R] [--format text|json]
//              [--noise SPEC [--trials T] [--seed S] [--mc-threads N]]
//   photon-run PROGRAM... --dataset ... --sweep KEY=START:STOP:STEPS
//              [--noise SPEC] [--trials T] [--seed S] [--csv F] [--svg F]
//
// Loads a runtime program (photon-translate --photonic-to-runtime). With
// --input (or standard input) it simulates the given vectors and prints one
// output vector per line; with --dataset it classifies a data split (the
// predicted class is the brightest output: the largest detected intensity,
// or the largest |E|² when the program ends in the optical domain) and
// prints the accuracy.
//
// --noise SPEC (NoiseModel.h, docs/noise.md) with --dataset runs a Monte
// Carlo evaluation over --trials noisy chips and prints the mean, std and
// worst accuracy and the static power; with --input it simulates one noisy
// chip (trial 0 of --seed). --sweep evaluates one or more programs over a
// range of one noise parameter and writes --csv and --svg reports.
//
//===----------------------------------------------------------------------===//
#include "InputReader.h"
#include "ProgressOptions.h"
#include "Version.h"

#include "Sweep.h"

#include "photon/Runtime/DataSelection.h"
#include "photon/Runtime/Limits.h"
#include "photon/Runtime/Metrics.h"
#include "photon/Runtime/MonteCarlo.h"
#include "photon/Runtime/NoiseModel.h"
#include "photon/Runtime/Program.h"
#include "photon/Runtime/Progress.h"
#include "photon/Runtime/Simulator.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace photon;

static cl::OptionCategory runCategory("photon-run options");
static cl::list<std::string>
    programPaths(cl::Positional, cl::OneOrMore,
                 cl::desc("<runtime program .json> (several with --sweep)"), cl::cat(runCategory));
static cl::opt<std::string>
    inputPath("input", cl::desc("Input vectors, one per line ('-' = stdin)"),
              cl::value_desc("file"), cl::init("-"), cl::cat(runCategory));
enum class OutputFormat { Text, Json };
static cl::opt<OutputFormat> outputFormat(
    "format", cl::desc("Output format"),
    cl::values(clEnumValN(OutputFormat::Text, "text",
                          "one line per sample (default)"),
               clEnumValN(OutputFormat::Json, "json", "a JSON document")),
    cl::init(OutputFormat::Text), cl::cat(runCategory));
enum class Precision { Double, Float };
static cl::opt<Precision> precision(
    "precision", cl::desc("Simulation precision"),
    cl::values(clEnumValN(Precision::Double, "double", "complex<double>"),
               clEnumValN(Precision::Float, "float", "complex<float>")),
    cl::init(Precision::Double), cl::cat(runCategory));

static cl::opt<std::string> datasetName(
    "dataset",
    cl::desc("Classify a data set instead of --input: mnist, mnist-full, "
             "fashion-mnist or csv"),
    cl::init(""), cl::cat(runCategory));
static cl::opt<std::string>
    split("split",
          cl::desc("test (default), train or validation (the training "
                   "split without, or only, its --validation part)"),
          cl::init("test"), cl::cat(runCategory));
static cl::opt<double> validationFraction(
    "validation",
    cl::desc("Fraction of the training split held out for validation, as "
             "the passes' 'validation' option (default 0.1)"),
    cl::init(0.1), cl::cat(runCategory));
static cl::opt<std::string> dataDir("data-dir",
                                    cl::desc("Data directory (default: "
                                             "$PHOTON_DATA_DIR, else ./data)"),
                                    cl::init(""), cl::cat(runCategory));
static cl::opt<std::string> trainFile("train-file",
                                      cl::desc("Training CSV (dataset=csv)"),
                                      cl::init(""), cl::cat(runCategory));
static cl::opt<std::string> testFile("test-file",
                                     cl::desc("Test CSV (dataset=csv)"),
                                     cl::init(""), cl::cat(runCategory));
static cl::opt<int> fftRadius("fft-radius",
                              cl::desc("FFT crop radius for image data sets"),
                              cl::init(2), cl::cat(runCategory));

static cl::OptionCategory noiseCategory("Noise and Monte Carlo options");
static cl::opt<std::string> noiseSpec(
    "noise",
    cl::desc("Noise model, e.g. 'phase_sigma=0.02,phase_bits=8' (keys: "
             "phase_sigma, gamma_sigma, crosstalk, phase_bits, keep_pruned, "
             "coupler_sigma, "
             "loss_db, input_bits, output_bits, weight_sigma, detector_sigma; "
             "see docs/noise.md)"),
    cl::value_desc("spec"), cl::init(""), cl::cat(noiseCategory));
static cl::opt<int> trials("trials",
                           cl::desc("Monte Carlo trials (noisy chips) per "
                                    "evaluation (default 20)"),
                           cl::init(20), cl::cat(noiseCategory));
static cl::opt<unsigned long long>
    seed("seed", cl::desc("Seed of the noise draws (default 0)"), cl::init(0),
         cl::cat(noiseCategory));
static cl::opt<int> threads("mc-threads",
                            cl::desc("Worker threads over trials (default 2)"),
                            cl::init(2), cl::cat(noiseCategory));
static cl::opt<std::string> sweepOption(
    "sweep",
    cl::desc("Sweep one noise parameter: KEY=START:STOP:STEPS (STEPS evenly "
             "spaced values, on top of --noise); needs --dataset"),
    cl::value_desc("key=start:stop:steps"), cl::init(""),
    cl::cat(noiseCategory));
static cl::opt<std::string> csvPath("csv",
                                    cl::desc("Write the sweep as CSV"),
                                    cl::value_desc("file"), cl::init(""),
                                    cl::cat(noiseCategory));
static cl::opt<std::string> svgPath("svg",
                                    cl::desc("Write the sweep as an SVG plot"),
                                    cl::value_desc("file"), cl::init(""),
                                    cl::cat(noiseCategory));
static cl::opt<bool> jsonShorthand("json",
                                   cl::desc("Same as --format json"),
                                   cl::init(false), cl::cat(runCategory));
static cl::opt<double>
    piPowerMw("p-pi-mw",
              cl::desc("Heater power for a phase of pi, in mW (default 25), "
                       "for the static power report"),
              cl::init(25.0), cl::cat(noiseCategory));

static bool jsonOutput() {
  return jsonShorthand || outputFormat == OutputFormat::Json;
}

static int fail(const Twine &message) {
  WithColor::error(errs(), "photon-run") << message << "\n";
  return 1;
}

/// Outputs that overflowed (huge inputs, gains or noise) are an error,
/// never printed as inf or nan.
static Error checkFiniteOutputs(const Eigen::MatrixXcd &outputs) {
  for (Eigen::Index s = 0; s < outputs.cols(); ++s)
    for (Eigen::Index i = 0; i < outputs.rows(); ++i)
      if (!std::isfinite(outputs(i, s).real()) ||
          !std::isfinite(outputs(i, s).imag()))
        return createStringError(
            inconvertibleErrorCode(),
            "output " + std::to_string(i) + " of sample " +
                std::to_string(s) +
                " is not finite (the input values or the program's gains "
                "overflow double precision)");
  return Error::success();
}

static void printText(const Eigen::MatrixXcd &outputs, bool real,
                      raw_ostream &os) {
  for (Eigen::Index s = 0; s < outputs.cols(); ++s) {
    for (Eigen::Index i = 0; i < outputs.rows(); ++i) {
      if (i)
        os << ' ';
      std::complex<double> v = outputs(i, s);
      if (real)
        os << format("%.17g", v.real());
      else
        os << format("%.17g%+.17gj", v.real(), v.imag());
    }
    os << '\n';
  }
}

static void printJson(const Eigen::MatrixXcd &outputs, bool real,
                      raw_ostream &os) {
  json::OStream json(os);
  json.object([&] {
    json.attribute("domain", real ? "electrical" : "optical");
    json.attributeArray("outputs", [&] {
      for (Eigen::Index s = 0; s < outputs.cols(); ++s)
        json.array([&] {
          for (Eigen::Index i = 0; i < outputs.rows(); ++i) {
            if (real) {
              json.value(outputs(i, s).real());
            } else {
              json.array([&] {
                json.value(outputs(i, s).real());
                json.value(outputs(i, s).imag());
              });
            }
          }
        });
    });
  });
  os << '\n';
}

/// Loads the --dataset selection and returns the chosen split.
static Expected<runtime::Dataset> loadSplit() {
  if (split != "test" && split != "train" && split != "validation")
    return createStringError(inconvertibleErrorCode(),
                             "--split must be 'test', 'train' or "
                             "'validation', got '" +
                                 split + "'");
  runtime::DataSelection selection;
  selection.dataset = datasetName;
  selection.dataDir = dataDir;
  selection.trainFile = trainFile;
  selection.testFile = testFile;
  selection.fftRadius = fftRadius;
  selection.validation = validationFraction;
  Expected<runtime::TrainTestSplit> data =
      runtime::loadDataSelection(selection);
  if (!data)
    return data.takeError();
  if (split == "validation" && data->validation.samples() == 0)
    return createStringError(inconvertibleErrorCode(),
                             "--split validation needs --validation > 0");
  return split == "test"    ? std::move(data->test)
         : split == "train" ? std::move(data->train)
                            : std::move(data->validation);
}

/// Checks that `set` fits `program`; `name` prefixes the message when the
/// run has several programs.
static Error checkFits(const runtime::Program &program,
                       const runtime::Dataset &set, StringRef name) {
  std::string prefix = name.empty() ? std::string() : (name + ": ").str();
  if (set.dims() != program.inputs)
    return createStringError(
        inconvertibleErrorCode(),
        prefix + "the program takes " + std::to_string(program.inputs) +
            " inputs but data set '" + datasetName.getValue() + "' has " +
            std::to_string(set.dims()) + " features");
  if (set.classes > program.outputs)
    return createStringError(
        inconvertibleErrorCode(),
        prefix + "the program has " + std::to_string(program.outputs) +
            " outputs but data set '" + datasetName.getValue() + "' has " +
            std::to_string(set.classes) + " classes");
  return Error::success();
}

/// --dataset mode: the accuracy of the program on a data split.
static int classify(const runtime::Program &program) {
  Expected<runtime::Dataset> loaded = loadSplit();
  if (!loaded)
    return fail(toString(loaded.takeError()));
  const runtime::Dataset &set = *loaded;
  if (Error e = checkFits(program, set, ""))
    return fail(toString(std::move(e)));
  Eigen::MatrixXcd outputs = runtime::simulate(program, set.features);
  // Detected outputs are intensities already; optical ones are detected here.
  Eigen::MatrixXd scores = program.electricalOutputs()
                               ? Eigen::MatrixXd(outputs.real())
                               : Eigen::MatrixXd(outputs.cwiseAbs2());
  int correct = 0;
  for (Eigen::Index s = 0; s < scores.cols(); ++s) {
    Eigen::Index best = 0;
    scores.col(s).maxCoeff(&best);
    correct += best == set.labels[s];
  }
  double accuracy = double(correct) / double(set.samples());
  if (jsonOutput()) {
    json::OStream json(outs());
    json.object([&] {
      json.attribute("dataset", datasetName);
      json.attribute("split", split);
      json.attribute("samples", set.samples());
      json.attribute("correct", correct);
      json.attribute("accuracy", accuracy);
    });
    outs() << "\n";
  } else {
    outs() << format("%s %s: %d / %d correct, accuracy %.2f %%\n",
                     datasetName.c_str(), split.c_str(), correct,
                     set.samples(), 100.0 * accuracy);
  }
  return 0;
}

static runtime::PowerModel powerModel() {
  runtime::PowerModel power;
  power.piPowerMilliwatts = piPowerMw;
  return power;
}

/// --dataset with --noise: Monte Carlo accuracy over --trials noisy chips.
static int classifyUnderNoise(const runtime::Program &program,
                              const runtime::NoiseModel &model) {
  Expected<runtime::Dataset> loaded = loadSplit();
  if (!loaded)
    return fail(toString(loaded.takeError()));
  const runtime::Dataset &set = *loaded;
  if (Error e = checkFits(program, set, ""))
    return fail(toString(std::move(e)));
  runtime::ProgressMeter meter("photon-run: noisy chips", trials);
  Expected<runtime::MonteCarloResult> result = runtime::evaluateUnderNoise(
      program, model, set.features, set.labels, trials, seed, threads,
      powerModel(), [&] { meter.advance(); });
  if (!result)
    return fail(toString(result.takeError()));
  const std::string spec = runtime::formatNoiseModel(model);
  if (jsonOutput()) {
    json::OStream json(outs());
    json.object([&] {
      json.attribute("dataset", datasetName);
      json.attribute("split", split);
      json.attribute("samples", set.samples());
      json.attribute("noise", spec);
      json.attributeObject("noise_model", [&] {
        for (StringRef key : runtime::noiseParameterKeys()) {
          const double value = runtime::getNoiseParameter(model, key);
          if (runtime::isNoiseBitsKey(key))
            json.attribute(key, static_cast<int64_t>(value));
          else
            json.attribute(key, value);
        }
      });
      json.attribute("trials", result->trials);
      json.attribute("seed", static_cast<int64_t>(seed.getValue()));
      json.attribute("accuracy_mean", result->mean);
      json.attribute("accuracy_std", result->std);
      json.attribute("accuracy_worst", result->worst);
      json.attribute("accuracy_best", result->best);
      json.attributeArray("accuracies", [&] {
        for (double a : result->accuracies)
          json.value(a);
      });
      json.attribute("static_power_mw", result->staticPowerMw);
    });
    outs() << "\n";
  } else {
    outs() << format("%s %s under noise %s: %d trial(s), seed %llu, %d "
                     "samples\n",
                     datasetName.c_str(), split.c_str(), spec.c_str(),
                     result->trials, seed.getValue(), set.samples());
    outs() << format("accuracy: mean %.2f %%, std %.2f %%, worst %.2f %%, "
                     "best %.2f %%\n",
                     100 * result->mean, 100 * result->std,
                     100 * result->worst, 100 * result->best);
    outs() << format("static power: %.2f mW\n", result->staticPowerMw);
  }
  return 0;
}

/// --sweep: every program over every value of one noise parameter. All
/// results are computed before any file is opened; the files are written
/// completely or not at all.
static int sweep(const runtime::NoiseModel &base) {
  Expected<SweepSpec> spec = parseSweep(sweepOption, base);
  if (!spec)
    return fail(toString(spec.takeError()));
  std::vector<runtime::Program> programs;
  for (const std::string &path : programPaths) {
    Expected<runtime::Program> program = runtime::loadProgram(path);
    if (!program)
      return fail(toString(program.takeError()));
    programs.push_back(std::move(*program));
  }
  Expected<runtime::Dataset> loaded = loadSplit();
  if (!loaded)
    return fail(toString(loaded.takeError()));
  const runtime::Dataset &set = *loaded;
  for (size_t p = 0; p < programs.size(); ++p)
    if (Error e = checkFits(programs[p], set,
                            programs.size() > 1 ? StringRef(programPaths[p])
                                                : StringRef()))
      return fail(toString(std::move(e)));

  SweepReport report;
  report.sweep = *spec;
  report.values = spec->values();
  report.baseNoise = runtime::formatNoiseModel(base);
  report.dataset = datasetName;
  report.split = split;
  report.samples = set.samples();
  report.trials = trials;
  report.seed = seed;
  runtime::ProgressMeter meter(
      "photon-run: sweep " + spec->key + ", noisy chips",
      static_cast<int64_t>(programs.size() * report.values.size()) * trials);
  for (size_t p = 0; p < programs.size(); ++p) {
    SweepCurve curve;
    curve.program = programPaths[p];
    for (double value : report.values) {
      runtime::NoiseModel model = base;
      if (Error e = runtime::setNoiseParameter(model, spec->key, value))
        return fail(toString(std::move(e)));
      Expected<runtime::MonteCarloResult> result =
          runtime::evaluateUnderNoise(programs[p], model, set.features,
                                      set.labels, trials, seed, threads,
                                      powerModel(), [&] { meter.advance(); });
      if (!result)
        return fail(toString(result.takeError()));
      curve.staticPowerMw = result->staticPowerMw;
      curve.points.push_back(std::move(*result));
    }
    report.curves.push_back(std::move(curve));
  }

  // Open every output first: a failure removes the ones already opened.
  std::error_code ec;
  std::unique_ptr<ToolOutputFile> csv, svg;
  if (!csvPath.empty()) {
    csv = std::make_unique<ToolOutputFile>(csvPath, ec, sys::fs::OF_Text);
    if (ec)
      return fail("cannot write '" + csvPath + "': " + ec.message());
  }
  if (!svgPath.empty()) {
    svg = std::make_unique<ToolOutputFile>(svgPath, ec, sys::fs::OF_Text);
    if (ec)
      return fail("cannot write '" + svgPath + "': " + ec.message());
  }
  if (csv)
    writeSweepCsv(report, csv->os());
  if (svg)
    writeSweepSvg(report, svg->os());
  for (ToolOutputFile *file : {csv.get(), svg.get()})
    if (file && file->os().has_error())
      return fail("cannot write '" + file->getFilename() +
                  "': " + file->os().error().message());
  if (csv)
    csv->keep();
  if (svg)
    svg->keep();
  if (jsonOutput())
    writeSweepJson(report, outs());
  else
    writeSweepText(report, outs());
  return 0;
}

/// Checks the combination of options; returns an error message or "".
static std::string checkOptions() {
  const bool sweeping = sweepOption.getNumOccurrences() > 0;
  const bool noisy = noiseSpec.getNumOccurrences() > 0;
  if (sweeping && datasetName.empty())
    return "--sweep needs --dataset";
  if (!sweeping && programPaths.size() != 1)
    return "expected one program, got " + std::to_string(programPaths.size()) +
           " (several programs are accepted only with --sweep)";
  if (!sweeping && (!csvPath.empty() || !svgPath.empty()))
    return "--csv and --svg write sweep reports: they need --sweep";
  if (!sweeping && !noisy &&
      (trials.getNumOccurrences() || seed.getNumOccurrences() ||
       threads.getNumOccurrences()))
    return "--trials, --seed and --mc-threads need --noise or --sweep";
  if (!sweeping && noisy && datasetName.empty() &&
      trials.getNumOccurrences())
    return "--trials needs --dataset (with --input, --noise runs one noisy "
           "chip)";
  if (trials < 1 || trials > runtime::kMaxTrials)
    return "--trials must be in 1.." + std::to_string(runtime::kMaxTrials) +
           ", got " + std::to_string(trials);
  if (threads < 1 || threads > runtime::kMaxThreads)
    return "--mc-threads must be in 1.." +
           std::to_string(runtime::kMaxThreads) + ", got " +
           std::to_string(threads);
  if (!(piPowerMw >= 0.0 && piPowerMw <= runtime::kMaxDevicePowerMw))
    return "--p-pi-mw must be a power in [0, " +
           shortestDouble(runtime::kMaxDevicePowerMw) + "] mW, got " +
           shortestDouble(piPowerMw);
  if (noisy && precision == Precision::Float)
    return "--noise runs in double precision; drop --precision float";
  return "";
}

int main(int argc, char **argv) {
  InitLLVM init(argc, argv);
  photon::installVersionPrinter("photon-run");
  photon::registerProgressOptions(runCategory);
  cl::HideUnrelatedOptions({&runCategory, &noiseCategory});
  cl::ParseCommandLineOptions(
      argc, argv, "photon-run: simulate a compiled photonic network\n");

  std::string bad = checkOptions();
  if (!bad.empty())
    return fail(bad);
  Expected<runtime::NoiseModel> model = runtime::parseNoiseModel(noiseSpec);
  if (!model)
    return fail(toString(model.takeError()));
  if (!sweepOption.empty())
    return sweep(*model);

  const std::string &programPath = programPaths.front();
  Expected<runtime::Program> program = runtime::loadProgram(programPath);
  if (!program)
    return fail(toString(program.takeError()));
  const bool noisy = noiseSpec.getNumOccurrences() > 0;
  if (!datasetName.empty())
    return noisy ? classifyUnderNoise(*program, *model) : classify(*program);

  ErrorOr<std::unique_ptr<MemoryBuffer>> input =
      MemoryBuffer::getFileOrSTDIN(inputPath, /*IsText=*/true);
  if (std::error_code ec = input.getError())
    return fail("cannot read input '" + inputPath + "': " + ec.message());
  std::string inputName =
      inputPath == "-" ? std::string("<stdin>") : inputPath.getValue();
  Expected<Eigen::MatrixXcd> batch =
      parseInputVectors((*input)->getBuffer(), inputName, program->inputs);
  if (!batch)
    return fail(toString(batch.takeError()));

  Eigen::MatrixXcd outputs;
  if (noisy) {
    // One noisy chip: trial 0 of --seed, as in a Monte Carlo run.
    runtime::Random random(runtime::trialSeed(seed, 0));
    runtime::NoisyProgram chip =
        runtime::sampleNoisyProgram(*program, *model, random);
    outputs = runtime::simulateNoisy(chip, *batch, *model, random);
  } else if (precision == Precision::Float) {
    Eigen::MatrixXcf single = batch->cast<std::complex<float>>();
    Eigen::MatrixXcf result = runtime::simulate(*program, single);
    outputs = result.cast<std::complex<double>>();
  } else {
    outputs = runtime::simulate(*program, *batch);
  }

  if (Error e = checkFiniteOutputs(outputs))
    return fail(toString(std::move(e)));
  bool real = program->electricalOutputs();
  if (jsonOutput())
    printJson(outputs, real, outs());
  else
    printText(outputs, real, outs());
  return 0;
}
