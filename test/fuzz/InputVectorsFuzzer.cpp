//===- InputVectorsFuzzer.cpp - Fuzzes photon-run's input vector reader ---===//
//
// parseInputVectors (tools/photon-run/InputReader.cpp). Byte 0 gives the
// program's input width (1 + byte % 16); the rest is the file's text.
//
//===----------------------------------------------------------------------===//
#include "FuzzUtil.h"

#include "InputReader.h"

#include <cmath>

using namespace photon;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1)
    return 0;
  const int width = 1 + data[0] % 16;
  llvm::Expected<Eigen::MatrixXcd> batch =
      parseInputVectors(fuzz::asText(data + 1, size - 1), "fuzz.txt", width);
  if (!fuzz::accepted(batch))
    return 0;
  fuzz::fuzzCheck(batch->rows() == width && batch->cols() > 0,
                  "an input batch has the wrong shape");
  fuzz::fuzzCheck(batch->allFinite(), "an input value is not finite");
  return 0;
}
