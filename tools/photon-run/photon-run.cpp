//===- photon-run.cpp - Run a compiled program on input vectors -----------===//
//
//   photon-run PROGRAM [--input FILE] [--format text|json]
//              [--precision double|float]
//
// Loads a runtime program (photon-translate --photonic-to-runtime), reads
// input vectors (from FILE or standard input), simulates the batch and
// prints one output vector per input line.
//
//===----------------------------------------------------------------------===//
#include "InputReader.h"

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

int main(int argc, char **argv) {
  InitLLVM init(argc, argv);
  cl::ParseCommandLineOptions(
      argc, argv, "photon-run: simulate a compiled photonic network\n");

  Expected<runtime::Program> program = runtime::loadProgram(programPath);
  if (!program)
    return fail(toString(program.takeError()));

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
