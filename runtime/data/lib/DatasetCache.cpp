//===- DatasetCache.cpp - Binary copies of parsed data sets ---------------===//
//
// Layout (little-endian, docs/datasets.md):
//   char[8]  "PHOTONDS"        uint32 version (1)
//   uint32   source count S    S x {uint64 size, int64 modified_ns}
//   uint32   dims D            uint32 classes C     uint64 samples N
//   uint32   name length L     char[L] name         uint32 complex K (0|1)
//   int32    labels[N]         float64 features[N][D][1 + K] (sample-major;
//                              real, or real and imaginary parts)
//
//===----------------------------------------------------------------------===//
#include "photon/Runtime/DatasetCache.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>

namespace photon::runtime {

static constexpr char kMagic[8] = {'P', 'H', 'O', 'T', 'O', 'N', 'D', 'S'};
static constexpr uint32_t kVersion = 1;
/// Far above any data set Photon reads; bounds what a corrupt header can
/// make the reader allocate.
static constexpr uint64_t kMaxValues = uint64_t(1) << 31;

static llvm::Error makeError(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 message.str());
}

bool datasetCacheEnabled() {
  const char *env = std::getenv("PHOTON_DATA_CACHE");
  return !(env && std::strcmp(env, "0") == 0);
}

llvm::Expected<std::vector<SourceStamp>>
stampSources(llvm::ArrayRef<std::string> paths) {
  std::vector<SourceStamp> stamps;
  for (const std::string &path : paths) {
    llvm::sys::fs::file_status status;
    if (std::error_code ec = llvm::sys::fs::status(path, status))
      return makeError(llvm::formatv("{0}: cannot open: {1}", path,
                                     ec.message()));
    SourceStamp stamp;
    stamp.size = status.getSize();
    stamp.modifiedNs = std::chrono::duration_cast<std::chrono::nanoseconds>(
                           status.getLastModificationTime().time_since_epoch())
                           .count();
    stamps.push_back(stamp);
  }
  return stamps;
}

namespace {
/// Bounds-checked little-endian reads from a buffer.
class Reader {
public:
  explicit Reader(llvm::StringRef bytes) : bytes(bytes) {}
  template <typename T> bool read(T &value) {
    if (bytes.size() - offset < sizeof(T))
      return false;
    std::memcpy(&value, bytes.data() + offset, sizeof(T));
    offset += sizeof(T);
    return true;
  }
  bool take(uint64_t count, const char *&data) {
    if (bytes.size() - offset < count)
      return false;
    data = bytes.data() + offset;
    offset += count;
    return true;
  }
  bool atEnd() const { return offset == bytes.size(); }

private:
  llvm::StringRef bytes;
  size_t offset = 0;
};
} // namespace

std::optional<Dataset> readDatasetCache(llvm::StringRef path,
                                        llvm::ArrayRef<SourceStamp> sources) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> file =
      llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                  /*RequiresNullTerminator=*/false);
  if (!file)
    return std::nullopt;
  Reader in((*file)->getBuffer());
  const char *magic = nullptr;
  uint32_t version = 0, sourceCount = 0;
  if (!in.take(sizeof(kMagic), magic) ||
      std::memcmp(magic, kMagic, sizeof(kMagic)) != 0 || !in.read(version) ||
      version != kVersion || !in.read(sourceCount) ||
      sourceCount != sources.size())
    return std::nullopt;
  for (const SourceStamp &expected : sources) {
    SourceStamp stamp;
    if (!in.read(stamp.size) || !in.read(stamp.modifiedNs) ||
        !(stamp == expected))
      return std::nullopt;
  }
  uint32_t dims = 0, classes = 0, nameLength = 0, isComplex = 0;
  uint64_t samples = 0;
  const char *name = nullptr;
  if (!in.read(dims) || !in.read(classes) || !in.read(samples) ||
      !in.read(nameLength) || !in.take(nameLength, name) ||
      !in.read(isComplex) || isComplex > 1)
    return std::nullopt;
  const uint64_t parts = 1 + isComplex;
  if (dims == 0 || classes == 0 || samples == 0 ||
      dims > std::numeric_limits<int>::max() ||
      classes > std::numeric_limits<int>::max() ||
      samples > std::numeric_limits<int>::max() ||
      samples > kMaxValues / (dims * parts))
    return std::nullopt;
  const char *labelBytes = nullptr, *valueBytes = nullptr;
  if (!in.take(samples * sizeof(int32_t), labelBytes) ||
      !in.take(samples * dims * parts * sizeof(double), valueBytes) ||
      !in.atEnd())
    return std::nullopt;

  Dataset dataset;
  dataset.classes = static_cast<int>(classes);
  dataset.name.assign(name, nameLength);
  dataset.labels.resize(samples);
  for (uint64_t s = 0; s < samples; ++s) {
    int32_t label;
    std::memcpy(&label, labelBytes + s * sizeof(int32_t), sizeof(label));
    if (label < 0 || static_cast<uint32_t>(label) >= classes)
      return std::nullopt;
    dataset.labels[s] = label;
  }
  dataset.features.resize(dims, static_cast<Eigen::Index>(samples));
  std::vector<double> column(dims * parts);
  for (uint64_t s = 0; s < samples; ++s) {
    std::memcpy(column.data(), valueBytes + s * column.size() * sizeof(double),
                column.size() * sizeof(double));
    for (uint32_t d = 0; d < dims; ++d) {
      const double re = column[d * parts];
      const double im = isComplex ? column[d * parts + 1] : 0.0;
      if (!std::isfinite(re) || !std::isfinite(im))
        return std::nullopt;
      dataset.features(d, static_cast<Eigen::Index>(s)) = {re, im};
    }
  }
  return dataset;
}

llvm::Error writeDatasetCache(const Dataset &dataset, llvm::StringRef path,
                              llvm::ArrayRef<SourceStamp> sources) {
  const bool isComplex = dataset.features.size() > 0 &&
                         dataset.features.imag().cwiseAbs().maxCoeff() != 0.0;
  const int parts = isComplex ? 2 : 1;
  llvm::SmallString<256> temporary;
  int fd = -1;
  if (std::error_code ec = llvm::sys::fs::createUniqueFile(
          path + ".tmp-%%%%%%", fd, temporary))
    return makeError(llvm::formatv("{0}: cannot write a cache: {1}", path,
                                   ec.message()));
  {
    llvm::raw_fd_ostream out(fd, /*shouldClose=*/true);
    auto put = [&](const auto &value) {
      out.write(reinterpret_cast<const char *>(&value), sizeof(value));
    };
    out.write(kMagic, sizeof(kMagic));
    put(kVersion);
    put(static_cast<uint32_t>(sources.size()));
    for (const SourceStamp &stamp : sources) {
      put(stamp.size);
      put(stamp.modifiedNs);
    }
    put(static_cast<uint32_t>(dataset.dims()));
    put(static_cast<uint32_t>(dataset.classes));
    put(static_cast<uint64_t>(dataset.samples()));
    put(static_cast<uint32_t>(dataset.name.size()));
    out << dataset.name;
    put(static_cast<uint32_t>(isComplex));
    for (int label : dataset.labels)
      put(static_cast<int32_t>(label));
    std::vector<double> column(static_cast<size_t>(dataset.dims()) * parts);
    for (int s = 0; s < dataset.samples(); ++s) {
      for (int d = 0; d < dataset.dims(); ++d) {
        column[d * parts] = dataset.features(d, s).real();
        if (isComplex)
          column[d * parts + 1] = dataset.features(d, s).imag();
      }
      out.write(reinterpret_cast<const char *>(column.data()),
                column.size() * sizeof(double));
    }
    out.close();
    if (out.has_error()) {
      std::error_code ec = out.error();
      out.clear_error();
      llvm::sys::fs::remove(temporary);
      return makeError(llvm::formatv("{0}: cannot write a cache: {1}", path,
                                     ec.message()));
    }
  }
  if (std::error_code ec = llvm::sys::fs::rename(temporary, path)) {
    llvm::sys::fs::remove(temporary);
    return makeError(llvm::formatv("{0}: cannot write a cache: {1}", path,
                                   ec.message()));
  }
  return llvm::Error::success();
}

} // namespace photon::runtime
