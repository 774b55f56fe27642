// RUN: photon-opt %S/Inputs/blobs-net.mlir --pass-pipeline='builtin.module(photonic-lower-to-mesh,photonic-train{dataset=csv train-file=%S/Inputs/blobs-train.csv test-file=%S/Inputs/blobs-test.csv epochs=30 batch-size=16 learning-rate=0.05 report=%t.json})' -o %t.mlir 2>%t.log
// RUN: FileCheck %s < %t.mlir
// RUN: FileCheck %s --check-prefix=LOG < %t.log
// RUN: FileCheck %s --check-prefix=REPORT < %t.json

// Training stores the phases it started from, for lottery-ticket resets.
// CHECK-LABEL: func.func @blobs
// CHECK: photonic.mesh clements {{.*}} initial(theta = [{{.*}}] phi = [{{.*}}] outputs = [{{.*}}]) {factor = "V", layer = 0 : i64}
// CHECK: photonic.diagonal {{.*}} initial(theta = [{{.*}}] gain = {{.*}}) {layer = 0 : i64}

// The blobs are easy: training must reach at least 90 % on the test split.
// A tenth of the training split (9 of 90 samples, seeded) is held out for
// validation.
// LOG: photonic-train: 30 epochs on csv (81 train, 9 validation, 45 test samples): train accuracy {{(9[0-9]|100)\.[0-9]+}} %, validation accuracy {{(8[0-9]|9[0-9]|100)\.[0-9]+}} %, test accuracy {{(9[0-9]|100)\.[0-9]+}} %

// REPORT: "dataset": "csv",
// REPORT: "epochs": 30,
// REPORT: "pass": "photonic-train",
// REPORT: "test_accuracy": {{1|0\.9}}
// REPORT: "train_samples": 81
// REPORT: "validation_accuracy": {{1|0\.[89]}}
// REPORT: "validation_samples": 9

// Bad options and data leave the IR alone, with a message naming the option.
// RUN: not photon-opt %S/Inputs/blobs-net.mlir --pass-pipeline='builtin.module(photonic-lower-to-mesh,photonic-train{dataset=imagenet})' 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// UNKNOWN: error: photonic-train: unknown data set 'imagenet' (expected mnist, mnist-full, fashion-mnist or csv)
// RUN: not photon-opt %S/Inputs/blobs-net.mlir --pass-pipeline='builtin.module(photonic-lower-to-mesh,photonic-train{dataset=csv train-file=%S/missing.csv test-file=%S/missing.csv})' 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: error: photonic-train: {{.*}}missing.csv
// RUN: not photon-opt %S/Inputs/blobs-net.mlir --pass-pipeline='builtin.module(photonic-lower-to-mesh,photonic-train{dataset=mnist data-dir=%S/nowhere})' 2>&1 | FileCheck %s --check-prefix=NODATA
// NODATA: error: photonic-train: data set 'mnist' not found in '{{.*}}nowhere{{/|\\}}mnist' (run scripts/setup-data.sh, or set data-dir / PHOTON_DATA_DIR)
// RUN: not photon-opt %S/Inputs/blobs-net.mlir --pass-pipeline='builtin.module(photonic-lower-to-mesh,photonic-train{dataset=csv train-file=%S/Inputs/blobs-train.csv test-file=%S/Inputs/blobs-test.csv epochs=0})' 2>&1 | FileCheck %s --check-prefix=EPOCHS
// EPOCHS: error: photonic-train: 'epochs' must be in 1..1000000, got 0
// RUN: not photon-opt %S/Inputs/blobs-net.mlir --pass-pipeline='builtin.module(photonic-lower-to-mesh,photonic-train{dataset=csv train-file=%S/Inputs/blobs-train.csv test-file=%S/Inputs/blobs-test.csv optimizer=lbfgs})' 2>&1 | FileCheck %s --check-prefix=OPT
// OPT: error: photonic-train: 'optimizer' must be adam or sgd, got 'lbfgs'
// RUN: not photon-opt %S/Inputs/blobs-net.mlir --pass-pipeline='builtin.module(photonic-lower-to-mesh,photonic-train{dataset=csv train-file=%S/Inputs/blobs-train.csv test-file=%S/Inputs/blobs-test.csv phase-range=clamp})' 2>&1 | FileCheck %s --check-prefix=RANGE
// RANGE: error: photonic-train: 'phase-range' must be wrap or floor, got 'clamp'
// RUN: not photon-opt %S/Inputs/blobs-net.mlir --pass-pipeline='builtin.module(photonic-train{dataset=csv train-file=%S/Inputs/blobs-train.csv test-file=%S/Inputs/blobs-test.csv})' 2>&1 | FileCheck %s --check-prefix=UNLOWERED
// UNLOWERED: error: 'photonic.dense' op must be lowered to meshes first (run photonic-lower-to-mesh)
// RUN: not photon-opt %S/Inputs/blobs-net.mlir --pass-pipeline='builtin.module(photonic-lower-to-mesh,photonic-train{dataset=csv train-file=%S/Inputs/empty.csv test-file=%S/Inputs/blobs-test.csv})' 2>&1 | FileCheck %s --check-prefix=EMPTY
// EMPTY: error: photonic-train: {{.*}}empty.csv

// A failing pass writes no output file at all (no half-written IR).
// RUN: rm -f %t.bad.mlir
// RUN: not photon-opt %S/Inputs/blobs-net.mlir --pass-pipeline='builtin.module(photonic-lower-to-mesh,photonic-train{dataset=imagenet})' -o %t.bad.mlir 2>/dev/null
// RUN: test ! -e %t.bad.mlir
