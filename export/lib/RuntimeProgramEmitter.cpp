//===- RuntimeProgramEmitter.cpp - IR to runtime program ------------------===//
#include "photon/Export/Translations.h"

#include "photon/Bridge/RuntimeBridge.h"


using namespace mlir;

void photon::registerRuntimeProgramTranslation() {
  registerCheckedTranslation(
      "photonic-to-runtime",
      "Emit the runtime program of a lowered network (for photon-run)",
      [](Operation *op, raw_ostream &os) -> LogicalResult {
        FailureOr<runtime::Program> program = buildModuleProgram(op);
        if (failed(program))
          return failure();
        runtime::writeProgram(*program, os);
        return success();
      });
}
