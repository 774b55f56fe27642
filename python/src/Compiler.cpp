//===- Compiler.cpp - photon-opt and photon-translate in-process ----------===//
//
// compile: what `photon-opt --pass-pipeline=P` does (same dialects, passes,
// parser settings and printer). translate: any translation in MLIR's
// registry, where PhotonExport and the ONNX importer register theirs, found
// by name as photon-translate finds its flags. Diagnostics are rendered as
// the tools render them (SourceMgrDiagnosticHandler) and raised as
// photon.Error.
//
//===----------------------------------------------------------------------===//
#include "Common.h"

#include "photon/Export/Translations.h"
#include "photon/Import/OnnxImport.h"
#include "photon/Transforms/Passes.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Tools/ParseUtilities.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"

#include <pybind11/stl.h>

#include <map>
#include <vector>

namespace photon::python {
namespace {

/// Registers the passes, pipelines and translations once per process.
void registerEverything() {
  static const bool done = [] {
    registerOptPasses();
    registerExportTranslations();
    registerOnnxImportTranslation();
    return true;
  }();
  (void)done;
}

/// A source buffer and the diagnostics reported against it, rendered as
/// photon-opt and photon-translate print them.
struct Session {
  std::shared_ptr<llvm::SourceMgr> sourceMgr =
      std::make_shared<llvm::SourceMgr>();
  std::string diagnostics;
  llvm::raw_string_ostream diagnosticStream{diagnostics};
  mlir::SourceMgrDiagnosticHandler handler;

  Session(mlir::MLIRContext &context, const std::string &source,
          const std::string &sourceName)
      : handler(*sourceMgr, &context, diagnosticStream) {
    sourceMgr->AddNewSourceBuffer(
        llvm::MemoryBuffer::getMemBufferCopy(source, sourceName),
        llvm::SMLoc());
  }

  [[noreturn]] void fail(const std::string &fallback) {
    throw Error(diagnostics.empty() ? fallback : diagnostics);
  }
};

/// True when `pipeline` names its anchor op, as in "builtin.module(...)":
/// the text before the first '(' is an operation name (dialect.op).
bool isAnchored(llvm::StringRef pipeline) {
  size_t open = pipeline.find('(');
  if (open == llvm::StringRef::npos || !pipeline.ends_with(")"))
    return false;
  llvm::StringRef anchor = pipeline.take_front(open).trim();
  return anchor.contains('.') && llvm::all_of(anchor, [](char c) {
           return llvm::isAlnum(c) || c == '.' || c == '_' || c == '$';
         });
}

struct CompileResult {
  std::string ir;
  /// Warnings and remarks of a successful run.
  std::string diagnostics;
};

CompileResult compile(const std::string &source, std::string pipeline,
                      const std::string &sourceName) {
  registerEverything();
  mlir::DialectRegistry registry;
  registerOptDialects(registry);
  mlir::MLIRContext context(registry);
  Session session(context, source, sourceName);

  // As MlirOptMain: resources kept for printing, verified after parsing,
  // an implicit top-level module.
  mlir::FallbackAsmResourceMap resources;
  mlir::ParserConfig config(&context, /*verifyAfterParse=*/true, &resources);
  mlir::OwningOpRef<mlir::Operation *> op = mlir::parseSourceFileForTool(
      session.sourceMgr, config, /*insertImplicitModule=*/true);
  if (!op)
    session.fail("cannot parse " + sourceName);

  llvm::StringRef text = llvm::StringRef(pipeline).trim();
  if (!text.empty()) {
    std::string anchored =
        isAnchored(text) ? text.str() : "builtin.module(" + text.str() + ")";
    std::string message;
    llvm::raw_string_ostream messageStream(message);
    mlir::FailureOr<mlir::OpPassManager> parsed =
        mlir::parsePassPipeline(anchored, messageStream);
    if (mlir::failed(parsed))
      throw Error("invalid pass pipeline '" + anchored +
                  "': " + llvm::StringRef(message).trim().str());
    mlir::PassManager pm(op.get()->getName(),
                         mlir::PassManager::Nesting::Implicit);
    pm.enableVerifier(true);
    static_cast<mlir::OpPassManager &>(pm) = std::move(*parsed);
    if (mlir::failed(pm.run(op.get())))
      session.fail("pass pipeline '" + anchored + "' failed on " + sourceName);
  }

  CompileResult result;
  llvm::raw_string_ostream os(result.ir);
  mlir::AsmState state(op.get(), mlir::OpPrintingFlags(),
                       /*locationMap=*/nullptr, &resources);
  op.get()->print(os, state);
  os << '\n';
  result.diagnostics = session.diagnostics;
  return result;
}

/// The translations registered with MLIR, as photon-translate lists them.
/// The option is never parsed: it only carries MLIR's TranslationParser,
/// the public view of the registry.
llvm::cl::opt<const mlir::Translation *, false, mlir::TranslationParser> &
translationRegistry() {
  static llvm::cl::opt<const mlir::Translation *, false,
                       mlir::TranslationParser>
      option("photon-python-translation", llvm::cl::ReallyHidden,
             llvm::cl::desc("The translation the Python module runs"));
  return option;
}

std::vector<std::pair<std::string, std::string>> listTranslations() {
  registerEverything();
  auto &parser = translationRegistry().getParser();
  std::vector<std::pair<std::string, std::string>> names;
  for (unsigned i = 0, e = parser.getNumOptions(); i < e; ++i)
    names.emplace_back(parser.getOption(i).str(),
                       parser.getDescription(i).str());
  return names;
}

const mlir::Translation &lookupTranslation(const std::string &name) {
  registerEverything();
  auto &option = translationRegistry();
  auto &parser = option.getParser();
  std::string known;
  for (unsigned i = 0, e = parser.getNumOptions(); i < e; ++i) {
    if (parser.getOption(i) == name) {
      const mlir::Translation *translation = nullptr;
      if (!parser.parse(option, name, name, translation) && translation)
        return *translation;
    }
    known += (known.empty() ? "" : ", ") + parser.getOption(i).str();
  }
  throw py::value_error("unknown translation '" + name + "' (known: " + known +
                        ")");
}

/// Sets llvm::cl options by name for the duration of one translation, as
/// if given on photon-translate's command line; resets them afterwards,
/// also when setting one fails.
class ScopedOptions {
public:
  explicit ScopedOptions(const std::map<std::string, std::string> &values) {
    llvm::StringMap<llvm::cl::Option *> &registered =
        llvm::cl::getRegisteredOptions();
    for (const auto &[key, value] : values) {
      std::string name = key;
      std::replace(name.begin(), name.end(), '_', '-');
      auto found = registered.find(name);
      if (found == registered.end())
        throw py::type_error("unknown translation option '" + key + "'");
      llvm::cl::Option *option = found->second;
      set.options.push_back(option);
      if (option->addOccurrence(0, name, value))
        throw py::value_error("invalid value '" + value + "' for option '" +
                              key + "'");
    }
  }

private:
  /// A member, so that it resets what was set when the constructor throws.
  struct Reset {
    std::vector<llvm::cl::Option *> options;
    ~Reset() {
      for (llvm::cl::Option *option : options)
        option->reset();
    }
  } set;
};

std::string translate(const std::string &source, const std::string &name,
                      const std::string &sourceName,
                      const std::map<std::string, std::string> &options) {
  const mlir::Translation &translation = lookupTranslation(name);
  ScopedOptions scoped(options);
  mlir::MLIRContext context;
  Session session(context, source, sourceName);
  std::string output;
  llvm::raw_string_ostream os(output);
  if (mlir::failed(translation(session.sourceMgr, os, &context)))
    session.fail("translation '" + name + "' failed on " + sourceName);
  return output;
}

std::string phaseTable(const std::string &source, const std::string &sourceName,
                       const PhaseTableOptions &options) {
  registerEverything();
  mlir::DialectRegistry registry;
  registerAllDialects(registry);
  mlir::MLIRContext context(registry);
  Session session(context, source, sourceName);
  // As the registered translation: an implicit module, verified.
  mlir::OwningOpRef<mlir::Operation *> op = mlir::parseSourceFileForTool(
      session.sourceMgr, &context, /*insertImplicitModule=*/true);
  if (!op || mlir::failed(mlir::verify(op.get())))
    session.fail("cannot parse " + sourceName);
  std::string output;
  llvm::raw_string_ostream os(output);
  if (mlir::failed(exportPhaseTable(op.get(), options, os)))
    session.fail("phase table export failed on " + sourceName);
  return output;
}

} // namespace

void bindCompiler(py::module_ &module) {
  module.def(
      "compile",
      [](const std::string &source, const std::string &pipeline,
         const std::string &sourceName) {
        CompileResult result;
        {
          py::gil_scoped_release release;
          result = compile(source, pipeline, sourceName);
        }
        return py::make_tuple(result.ir, result.diagnostics);
      },
      py::arg("source"), py::arg("pipeline"), py::arg("source_name"),
      "(ir, warnings): `source` after the pass pipeline, printed as "
      "photon-opt prints it");
  module.def(
      "translate",
      [](const std::string &source, const std::string &name,
         const std::string &sourceName,
         const std::map<std::string, std::string> &options) {
        // Options are process-wide: hold the GIL while they are set.
        if (!options.empty())
          return translate(source, name, sourceName, options);
        py::gil_scoped_release release;
        return translate(source, name, sourceName, options);
      },
      py::arg("source"), py::arg("name"), py::arg("source_name"),
      py::arg("options"),
      "The output of translation `name` (a photon-translate flag without "
      "--) on `source`");
  module.def(
      "phase_table",
      [](const std::string &source, const std::string &sourceName,
         double piPowerMw, double adcMw, double reencodeMw, int dacBits) {
        PhaseTableOptions options;
        options.piPowerMilliwatts = piPowerMw;
        options.adcPowerMilliwatts = adcMw;
        options.reencodePowerMilliwatts = reencodeMw;
        options.dacBits = dacBits;
        py::gil_scoped_release release;
        return phaseTable(source, sourceName, options);
      },
      py::arg("source"), py::arg("source_name"), py::arg("p_pi_mw"),
      py::arg("adc_mw"), py::arg("reencode_mw"), py::arg("dac_bits"));
  module.def("translations", &listTranslations,
             "(name, description) of every registered translation");
}

} // namespace photon::python
