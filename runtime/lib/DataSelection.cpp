//===- DataSelection.cpp - Which data a pass or tool runs on --------------===//
#include "photon/Runtime/DataSelection.h"

#include "photon/Runtime/FourierFeatures.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

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
  return TrainTestSplit{std::move(*train), std::move(*test)};
}

static llvm::Expected<TrainTestSplit> loadRaw(const DataSelection &options,
                                              const std::string &dataDir) {
  if (options.dataset == "mnist") {
    llvm::SmallString<256> dir(dataDir);
    llvm::sys::path::append(dir, "mnist");
    if (!llvm::sys::fs::is_directory(dir))
      return optionError("data set 'mnist' not found in '" + dir +
                         "' (run scripts/setup-data.sh, or set data-dir / "
                         "PHOTON_DATA_DIR)");
    llvm::Expected<TrainTestSplit> split = loadMnistSplit(dir);
    if (!split)
      return split.takeError();
    return fourier(std::move(*split), options.fftRadius);
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
    llvm::Expected<TrainTestSplit> split = loadFashionMnist(where);
    if (!split)
      return split.takeError();
    return fourier(std::move(*split), options.fftRadius);
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
    return TrainTestSplit{std::move(*train), std::move(*test)};
  }
  return optionError("unknown data set '" + options.dataset +
                     "' (expected mnist, fashion-mnist or csv)");
}

llvm::Expected<TrainTestSplit> loadDataSelection(const DataSelection &options) {
  if (options.trainLimit < 0)
    return optionError("'train-limit' must be >= 0, got " +
                       llvm::Twine(options.trainLimit));
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
  return split;
}

} // namespace photon::runtime
