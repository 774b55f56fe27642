//===- BoundedJson.cpp - JSON parsing with a nesting limit ----------------===//
#include "photon/Runtime/BoundedJson.h"

#include "photon/Runtime/Limits.h"

#include "llvm/Support/FormatVariadic.h"

#include <algorithm>

namespace photon::runtime {

int64_t jsonNestingDepth(llvm::StringRef text, int64_t limit) {
  int64_t depth = 0, deepest = 0;
  bool inString = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (inString) {
      if (c == '\\')
        ++i; // the escaped character cannot end the string
      else if (c == '"')
        inString = false;
      continue;
    }
    if (c == '"') {
      inString = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
      if (deepest > limit)
        return deepest;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

llvm::Expected<llvm::json::Value> parseBoundedJson(llvm::StringRef text) {
  if (jsonNestingDepth(text, kMaxNestingDepth) > kMaxNestingDepth)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        llvm::formatv("JSON nested deeper than {0} levels (docs/formats.md, "
                      "Limits)",
                      kMaxNestingDepth)
            .str());
  llvm::Expected<llvm::json::Value> value = llvm::json::parse(text);
  if (!value)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "invalid JSON: " +
                                       llvm::toString(value.takeError()));
  return value;
}

} // namespace photon::runtime
