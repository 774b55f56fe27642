//===- IdxFuzzer.cpp - Fuzzes the IDX image and label reader --------------===//
//
// parseIdx (runtime/lib/Dataset.cpp, behind loadIdx) on an image file and a
// label file cut from one input: byte 0 is the number of classes (1 + byte %
// 16), bytes 1-2 (little-endian) the length of the image file; the rest is
// the label file. The seeds in test/fuzz/idx/ follow that layout.
//
//===----------------------------------------------------------------------===//
#include "FuzzUtil.h"

#include "photon/Runtime/Dataset.h"

#include <algorithm>

using namespace photon;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 3)
    return 0;
  const int classes = 1 + data[0] % 16;
  const size_t imagesSize =
      std::min(size - 3, size_t(data[1]) | (size_t(data[2]) << 8));
  llvm::StringRef rest = fuzz::asText(data + 3, size - 3);
  llvm::Expected<runtime::Dataset> dataset =
      runtime::parseIdx(rest.take_front(imagesSize), "images.idx3",
                        rest.drop_front(imagesSize), "labels.idx1", classes,
                        "fuzz");
  if (!fuzz::accepted(dataset))
    return 0;
  for (int label : dataset->labels)
    fuzz::fuzzCheck(label >= 0 && label < classes, "a label out of range");
  fuzz::fuzzCheck(dataset->labels.size() ==
                      static_cast<size_t>(dataset->samples()),
                  "labels and samples differ in number");
  return 0;
}
