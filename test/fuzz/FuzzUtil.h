//===- FuzzUtil.h - Shared helpers of the libFuzzer targets -----*- C++ -*-===//
//
// Each target in this folder feeds libFuzzer's bytes to one of Photon's
// readers. A reader may reject any input with an llvm::Error (consumed
// here); what counts as a finding is a sanitizer report, a crash, a hang,
// or a broken round-trip property, reported through fuzzCheck.
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_TEST_FUZZ_FUZZUTIL_H
#define PHOTON_TEST_FUZZ_FUZZUTIL_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace photon::fuzz {

/// The input as text (it may contain NUL bytes; readers see all of it).
inline llvm::StringRef asText(const uint8_t *data, size_t size) {
  return llvm::StringRef(reinterpret_cast<const char *>(data), size);
}

/// Aborts with `what` when a property of the reader does not hold:
/// libFuzzer then saves the input as a crash.
inline void fuzzCheck(bool condition, const char *what) {
  if (condition)
    return;
  std::fprintf(stderr, "photon fuzz: property violated: %s\n", what);
  std::abort();
}

/// Drops the error of a rejected input (an Expected<T> in error state, or an
/// Error); returns true when there was none.
template <typename T> bool accepted(llvm::Expected<T> &value) {
  if (value)
    return true;
  llvm::consumeError(value.takeError());
  return false;
}

} // namespace photon::fuzz

#endif // PHOTON_TEST_FUZZ_FUZZUTIL_H
