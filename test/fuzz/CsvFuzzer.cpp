//===- CsvFuzzer.cpp - Fuzzes the numeric CSV reader ----------------------===//
//
// parseCsv (runtime/lib/Dataset.cpp, behind loadCsv). Byte 0 picks the
// options: bits 0-1 the header mode, bit 2 ';' instead of ',', bits 3-5 the
// label column (-4..3), bits 6-7 the number of classes (0 infers it, else
// 2, 3 or 10); the rest is the file's text.
//
//===----------------------------------------------------------------------===//
#include "FuzzUtil.h"

#include "photon/Runtime/Dataset.h"

using namespace photon;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1)
    return 0;
  runtime::CsvOptions options;
  const uint8_t bits = data[0];
  options.header = static_cast<runtime::CsvHeader>(bits % 3);
  options.delimiter = (bits & 4) ? ';' : ',';
  options.labelColumn = static_cast<int>((bits >> 3) & 7) - 4;
  static constexpr int kClasses[] = {0, 2, 3, 10};
  options.classes = kClasses[bits >> 6];
  llvm::Expected<runtime::Dataset> dataset = runtime::parseCsv(
      fuzz::asText(data + 1, size - 1), "fuzz.csv", options);
  if (!fuzz::accepted(dataset))
    return 0;
  fuzz::fuzzCheck(dataset->samples() > 0, "an accepted CSV has no rows");
  fuzz::fuzzCheck(dataset->labels.size() ==
                      static_cast<size_t>(dataset->samples()),
                  "labels and samples differ in number");
  for (int label : dataset->labels)
    fuzz::fuzzCheck(label >= 0 && label < dataset->classes,
                    "a label out of range");
  return 0;
}
