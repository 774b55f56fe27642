//===- DataSelection.cpp - Which data a pass or tool runs on --------------===//
#include "photon/Runtime/DataSelection.h"

#include "photon/Runtime/DatasetCache.h"
#include "photon/Runtime/FourierFeatures.h"
#include "photon/Runtime/Random.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <cmath>
#include <numeric>

using llvm::createStringError;
using llvm::inconvertibleErrorCode;

namespace photon::runtime {

static llvm::Error optionError(const llvm::Twine &message) {
  return createStringError(inconvertibleErrorCode(), message.str());
}

/// FFT features for both halves of an image split.
static llvm::Expected<TrainTestSplit> fourier(TrainTestSplit split,
                                              int radius) {
  llvm::Expected<Dataset> train = applyFourierFeatures(split.train, radius);
  if (!train)
    return train.takeError();
  llvm::Expected<Dataset> test = applyFourierFeatures(split.test, radius);
  if (!test)
    return test.takeError();
  return TrainTestSplit{std::move(*train), std::move(*test), Dataset{}};
}

/// The FFT features of an image data set's split, from the binary copies
/// under `dataDir`/cache when they were made from the same `sources` (sizes
/// and times, DatasetCache.h), else loaded by `load`, transformed, and
/// cached for the next run (best effort: a read-only data directory just
/// goes without).
static llvm::Expected<TrainTestSplit> cachedFourierSplit(
    llvm::StringRef name, const std::vector<std::string> &sources,
    const std::string &dataDir, int radius,
    llvm::function_ref<llvm::Expected<TrainTestSplit>()> load) {
  llvm::Expected<std::vector<SourceStamp>> stamps = stampSources(sources);
  const bool useCache = datasetCacheEnabled() && static_cast<bool>(stamps);
  if (!stamps)
    llvm::consumeError(stamps.takeError()); // the loader names the file
  llvm::SmallString<256> cacheDir(dataDir);
  llvm::sys::path::append(cacheDir, "cache");
  auto cachePath = [&](llvm::StringRef half) {
    llvm::SmallString<256> path(cacheDir);
    llvm::sys::path::append(path, (name + "-fft" + llvm::Twine(radius) + "-" +
                                   half + ".photon-cache")
                                      .str());
    return path;
  };
  if (useCache) {
    std::optional<Dataset> train = readDatasetCache(cachePath("train"), *stamps);
    std::optional<Dataset> test = readDatasetCache(cachePath("test"), *stamps);
    if (train && test && train->dims() == test->dims())
      return TrainTestSplit{std::move(*train), std::move(*test), Dataset{}};
  }
  llvm::Expected<TrainTestSplit> split = load();
  if (!split)
    return split.takeError();
  llvm::Expected<TrainTestSplit> features = fourier(std::move(*split), radius);
  if (features && useCache && !llvm::sys::fs::create_directories(cacheDir)) {
    llvm::consumeError(
        writeDatasetCache(features->train, cachePath("train"), *stamps));
    llvm::consumeError(
        writeDatasetCache(features->test, cachePath("test"), *stamps));
  }
  return features;
}

/// <dataDir>/<name>, or an error naming it when it is not a directory.
static llvm::Expected<std::string> installedDir(const std::string &dataDir,
                                                llvm::StringRef name) {
  llvm::SmallString<256> dir(dataDir);
  llvm::sys::path::append(dir, name);
  if (!llvm::sys::fs::is_directory(dir))
    return optionError("data set '" + name + "' not found in '" + dir +
                       "' (run scripts/setup-data.sh, or set data-dir / "
                       "PHOTON_DATA_DIR)");
  return dir.str().str();
}

static llvm::Expected<TrainTestSplit> loadRaw(const DataSelection &options,
                                              const std::string &dataDir) {
  if (options.dataset == "mnist" || options.dataset == "mnist-full") {
    const bool full = options.dataset == "mnist-full";
    llvm::Expected<std::string> dir = installedDir(dataDir, options.dataset);
    if (!dir)
      return dir.takeError();
    return cachedFourierSplit(
        options.dataset, full ? idxSplitPaths(*dir) : mnistJsonPaths(*dir),
        dataDir, options.fftRadius, [&] {
          return full ? loadIdxSplit(*dir, "mnist-full") : loadMnistSplit(*dir);
        });
  }
  if (options.dataset == "fashion-mnist") {
    llvm::SmallString<256> dir(dataDir);
    llvm::sys::path::append(dir, "fashion-mnist");
    std::string where =
        llvm::sys::fs::is_directory(dir) ? std::string(dir) : kFashionMnistDir;
    if (!llvm::sys::fs::is_directory(where))
      return optionError("data set 'fashion-mnist' not found in '" + where +
                         "' (run scripts/setup-data.sh, which installs "
                         "Debian's dataset-fashion-mnist)");
    return cachedFourierSplit("fashion-mnist", idxSplitPaths(where), dataDir,
                              options.fftRadius,
                              [&] { return loadFashionMnist(where); });
  }
  if (options.dataset == "csv") {
    if (options.trainFile.empty() || options.testFile.empty())
      return optionError("data set 'csv' needs 'train-file' and 'test-file'");
    llvm::Expected<Dataset> train = loadCsv(options.trainFile);
    if (!train)
      return train.takeError();
    CsvOptions testOptions;
    testOptions.classes = train->classes;
    llvm::Expected<Dataset> test = loadCsv(options.testFile, testOptions);
    if (!test)
      return test.takeError();
    if (test->dims() != train->dims())
      return optionError("'" + options.testFile + "' has " +
                         llvm::Twine(test->dims()) + " features, '" +
                         options.trainFile + "' has " +
                         llvm::Twine(train->dims()));
    return TrainTestSplit{std::move(*train), std::move(*test), Dataset{}};
  }
  return optionError("unknown data set '" + options.dataset +
                     "' (expected mnist, mnist-full, fashion-mnist or csv)");
}

llvm::Error carveValidation(TrainTestSplit &split, double fraction,
                            uint64_t seed) {
  if (!(fraction >= 0.0 && fraction < 1.0))
    return optionError("'validation' must be in [0, 1), got " +
                       llvm::Twine(std::to_string(fraction)));
  const int n = split.train.samples();
  const int count = static_cast<int>(std::floor(fraction * n + 0.5));
  if (count == 0)
    return llvm::Error::success();
  if (count >= n)
    return optionError("'validation' " + llvm::Twine(std::to_string(fraction)) +
                       " leaves no training sample out of " + llvm::Twine(n));
  std::vector<int> order(static_cast<size_t>(n));
  std::iota(order.begin(), order.end(), 0);
  Random random(seed);
  for (int i = 0; i < count; ++i) {
    int j = i + static_cast<int>(random.uniform() * (n - i));
    std::swap(order[i], order[std::min(j, n - 1)]);
  }
  std::vector<char> chosen(static_cast<size_t>(n), 0);
  for (int i = 0; i < count; ++i)
    chosen[order[i]] = 1;
  std::vector<int> validation, train;
  for (int i = 0; i < n; ++i)
    (chosen[i] ? validation : train).push_back(i);
  split.validation = subset(split.train, validation);
  split.train = subset(split.train, train);
  return llvm::Error::success();
}

llvm::Expected<TrainTestSplit> loadDataSelection(const DataSelection &options) {
  if (options.trainLimit < 0)
    return optionError("'train-limit' must be >= 0, got " +
                       llvm::Twine(options.trainLimit));
  if (!(options.validation >= 0.0 && options.validation < 1.0))
    return optionError("'validation' must be in [0, 1), got " +
                       llvm::Twine(std::to_string(options.validation)));
  std::string dataDir =
      options.dataDir.empty() ? defaultDataDir() : options.dataDir;
  llvm::Expected<TrainTestSplit> split = loadRaw(options, dataDir);
  if (!split)
    return split.takeError();
  if (options.trainLimit > 0 && options.trainLimit < split->train.samples()) {
    std::vector<int> first(static_cast<size_t>(options.trainLimit));
    std::iota(first.begin(), first.end(), 0);
    split->train = subset(split->train, first);
  }
  if (split->train.samples() == 0 || split->test.samples() == 0)
    return optionError("data set '" + options.dataset +
                       "' has an empty training or test set");
  if (llvm::Error error = carveValidation(*split, options.validation,
                                          options.validationSeed))
    return std::move(error);
  return split;
}

} // namespace photon::runtime
