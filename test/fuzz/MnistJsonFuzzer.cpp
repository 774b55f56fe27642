//===- MnistJsonFuzzer.cpp - Fuzzes the MNIST digit JSON reader -----------===//
//
// parseMnistJson (runtime/lib/Dataset.cpp, behind loadMnistJson) on one
// digit file's text.
//
//===----------------------------------------------------------------------===//
#include "FuzzUtil.h"

#include "photon/Runtime/Dataset.h"

using namespace photon;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  llvm::Expected<runtime::Dataset> dataset =
      runtime::parseMnistJson(fuzz::asText(data, size), "7.json", 7);
  if (!fuzz::accepted(dataset))
    return 0;
  fuzz::fuzzCheck(dataset->dims() == runtime::kMnistPixels,
                  "an MNIST sample does not have 784 pixels");
  fuzz::fuzzCheck(dataset->labels.size() ==
                      static_cast<size_t>(dataset->samples()),
                  "labels and samples differ in number");
  return 0;
}
