//===- photon-run.cpp - Run a compiled program on input vectors -----------===//
//
//   photon-run PROGRAM [--input FILE] [--format text|json]
//              [--precision double|float]
//   photon-run PROGRAM --dataset mnist|fashion-mnist|csv [--split test|train]
//              [--data-dir DIR] [--test-file F --train-file F]
//              [--fft-radius R] [--format text|json]
//
// Loads a runtime program (photon-translate --photonic-to-runtime). With
// --input (or standard input) it simulates the given vectors and prints one
// output vector per line; with --dataset it classifies a data split (the
// predicted class is the brightest output: the largest detected intensity,
// or the largest |E|² when the program ends in the optical domain) and
// prints the accuracy.
//
//===----------------------------------------------------------------------===//
#include "InputReader.h"

#include "photon/Runtime/DataSelection.h"
#include "photon/Runtime/Program.h"
#include "photon/Runtime/Simulator.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace photon;

static cl::opt<std::string> programPath(cl::Positional, cl::Required,
                                        cl::desc("<runtime program .json>"));
static cl::opt<std::string>
    inputPath("input", cl::desc("Input vectors, one per line ('-' = stdin)"),
              cl::value_desc("file"), cl::init("-"));
enum class OutputFormat { Text, Json };
static cl::opt<OutputFormat> outputFormat(
    "format", cl::desc("Output format"),
    cl::values(clEnumValN(OutputFormat::Text, "text",
                          "one line per sample (default)"),
               clEnumValN(OutputFormat::Json, "json", "a JSON document")),
    cl::init(OutputFormat::Text));
enum class Precision { Double, Float };
static cl::opt<Precision> precision(
    "precision", cl::desc("Simulation precision"),
    cl::values(clEnumValN(Precision::Double, "double", "complex<double>"),
               clEnumValN(Precision::Float, "float", "complex<float>")),
    cl::init(Precision::Double));

static cl::opt<std::string> datasetName(
    "dataset",
    cl::desc("Classify a data set instead of --input: mnist, fashion-mnist "
             "or csv"),
    cl::init(""));
static cl::opt<std::string> split("split", cl::desc("test (default) or train"),
                                  cl::init("test"));
static cl::opt<std::string> dataDir("data-dir",
                                    cl::desc("Data directory (default: "
                                             "$PHOTON_DATA_DIR, else ./data)"),
                                    cl::init(""));
static cl::opt<std::string> trainFile("train-file",
                                      cl::desc("Training CSV (dataset=csv)"),
                                      cl::init(""));
static cl::opt<std::string> testFile("test-file",
                                     cl::desc("Test CSV (dataset=csv)"),
                                     cl::init(""));
static cl::opt<int> fftRadius("fft-radius",
                              cl::desc("FFT crop radius for image data sets"),
                              cl::init(2));

static int fail(const Twine &message) {
  WithColor::error(errs(), "photon-run") << message << "\n";
  return 1;
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

/// --dataset mode: the accuracy of the program on a data split.
static int classify(const runtime::Program &program) {
  if (split != "test" && split != "train")
    return fail("--split must be 'test' or 'train', got '" + split + "'");
  runtime::DataSelection selection;
  selection.dataset = datasetName;
  selection.dataDir = dataDir;
  selection.trainFile = trainFile;
  selection.testFile = testFile;
  selection.fftRadius = fftRadius;
  Expected<runtime::TrainTestSplit> data =
      runtime::loadDataSelection(selection);
  if (!data)
    return fail(toString(data.takeError()));
  const runtime::Dataset &set = split == "test" ? data->test : data->train;
  if (set.dims() != program.inputs)
    return fail(Twine("the program takes ") + Twine(program.inputs) +
                " inputs but data set '" + datasetName + "' has " +
                Twine(set.dims()) + " features");
  if (set.classes > program.outputs)
    return fail(Twine("the program has ") + Twine(program.outputs) +
                " outputs but data set '" + datasetName + "' has " +
                Twine(set.classes) + " classes");
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
  if (outputFormat == OutputFormat::Json) {
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

int main(int argc, char **argv) {
  InitLLVM init(argc, argv);
  cl::ParseCommandLineOptions(
      argc, argv, "photon-run: simulate a compiled photonic network\n");

  Expected<runtime::Program> program = runtime::loadProgram(programPath);
  if (!program)
    return fail(toString(program.takeError()));
  if (!datasetName.empty())
    return classify(*program);

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
  if (precision == Precision::Float) {
    Eigen::MatrixXcf single = batch->cast<std::complex<float>>();
    Eigen::MatrixXcf result = runtime::simulate(*program, single);
    outputs = result.cast<std::complex<double>>();
  } else {
    outputs = runtime::simulate(*program, *batch);
  }

  bool real = program->electricalOutputs();
  if (outputFormat == OutputFormat::Json)
    printJson(outputs, real, outs());
  else
    printText(outputs, real, outs());
  return 0;
}
