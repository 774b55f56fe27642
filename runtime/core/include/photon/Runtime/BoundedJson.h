//===- BoundedJson.h - JSON parsing with a nesting limit --------*- C++ -*-===//
//
// llvm::json::parse recurses once per nesting level, so a document of a
// few hundred thousand '[' overflows the stack. Every JSON file Photon
// reads goes through parseBoundedJson, which measures the depth with a
// cheap scan first and rejects documents deeper than kMaxNestingDepth
// (Limits.h).
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_RUNTIME_BOUNDEDJSON_H
#define PHOTON_RUNTIME_BOUNDEDJSON_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"

#include <cstdint>

namespace photon::runtime {

/// The deepest nesting of '[' and '{' in `text`, ignoring brackets inside
/// string literals; stops counting once `limit` is exceeded.
int64_t jsonNestingDepth(llvm::StringRef text, int64_t limit);

/// llvm::json::parse, after checking the nesting depth. The error (one
/// line) is "invalid JSON: ..." or "JSON nested deeper than 256 levels".
llvm::Expected<llvm::json::Value> parseBoundedJson(llvm::StringRef text);

} // namespace photon::runtime

#endif // PHOTON_RUNTIME_BOUNDEDJSON_H
