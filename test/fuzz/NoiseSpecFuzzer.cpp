//===- NoiseSpecFuzzer.cpp - Fuzzes the noise specification parser -------===//
//
// parseNoiseModel (runtime/lib/NoiseModel.cpp: photon-run --noise and the
// training passes' noise options). An accepted model must satisfy
// parseNoiseModel(formatNoiseModel(m)) == m (compared as text).
//
//===----------------------------------------------------------------------===//
#include "FuzzUtil.h"

#include "photon/Runtime/NoiseModel.h"

using namespace photon;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  llvm::Expected<runtime::NoiseModel> model =
      runtime::parseNoiseModel(fuzz::asText(data, size));
  if (!fuzz::accepted(model))
    return 0;
  const std::string text = runtime::formatNoiseModel(*model);
  llvm::Expected<runtime::NoiseModel> again = runtime::parseNoiseModel(text);
  fuzz::fuzzCheck(static_cast<bool>(again),
                  "a formatted noise model does not parse");
  fuzz::fuzzCheck(runtime::formatNoiseModel(*again) == text,
                  "a noise model changes when formatted and parsed back");
  return 0;
}
