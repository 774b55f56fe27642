//===- SweepFuzzer.cpp - Fuzzes photon-run's --sweep parser ---------------===//
//
// parseSweep (tools/photon-run/Sweep.cpp) against the noiseless model. An
// accepted sweep has `steps` values, finite, from `start` to `stop`.
//
//===----------------------------------------------------------------------===//
#include "FuzzUtil.h"

#include "Sweep.h"

#include <cmath>

using namespace photon;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const runtime::NoiseModel base;
  llvm::Expected<SweepSpec> sweep = parseSweep(fuzz::asText(data, size), base);
  if (!fuzz::accepted(sweep))
    return 0;
  const std::vector<double> values = sweep->values();
  fuzz::fuzzCheck(static_cast<int>(values.size()) == sweep->steps,
                  "a sweep does not have STEPS values");
  for (double v : values)
    fuzz::fuzzCheck(std::isfinite(v), "a sweep value is not finite");
  fuzz::fuzzCheck(values.front() == sweep->start &&
                      (sweep->steps == 1 || values.back() == sweep->stop),
                  "a sweep does not run from START to STOP");
  return 0;
}
