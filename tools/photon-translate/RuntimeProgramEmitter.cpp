//===- RuntimeProgramEmitter.cpp - IR to runtime program ------------------===//
#include "Emitters.h"

#include "photon/Bridge/RuntimeBridge.h"

#include "mlir/Tools/mlir-translate/Translation.h"

using namespace mlir;

void photon::registerRuntimeProgramTranslation() {
  TranslateFromMLIRRegistration registration(
      "photonic-to-runtime",
      "Emit the runtime program of a lowered network (for photon-run)",
      [](Operation *op, raw_ostream &os) -> LogicalResult {
        auto module = llvm::dyn_cast<ModuleOp>(op);
        if (!module)
          return op->emitError("expects a builtin.module");
        FailureOr<func::FuncOp> func = getEntryFunction(module);
        if (failed(func))
          return failure();
        FailureOr<runtime::Program> program = buildProgram(*func);
        if (failed(program))
          return failure();
        runtime::writeProgram(*program, os);
        return success();
      },
      [](DialectRegistry &registry) { registerAllDialects(registry); });
}
