//===- ProgramDetail.h - Helpers shared by the program reader and checker -===//
//
// Private to runtime/mesh/lib: Program.cpp (names, writing),
// ProgramVerifier.cpp and ProgramReader.cpp.
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_RUNTIME_PROGRAMDETAIL_H
#define PHOTON_RUNTIME_PROGRAMDETAIL_H

#include "photon/Runtime/Program.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <optional>
#include <string>

namespace photon::runtime::program_detail {

/// An error carrying `message` as is.
llvm::Error makeError(const llvm::Twine &message);

/// "layers[I] (kind): ", the prefix of every error about one layer.
std::string layerPrefix(size_t index, LayerKind kind);

/// Checks a width read from input against kMaxModes (before anything is
/// sized by it).
llvm::Error checkWidth(llvm::StringRef prefix, llvm::StringRef field,
                       int64_t width);

/// The layer kind named `name` ("mesh", ...), if any.
std::optional<LayerKind> parseLayerKind(llvm::StringRef name);

} // namespace photon::runtime::program_detail

#endif // PHOTON_RUNTIME_PROGRAMDETAIL_H
