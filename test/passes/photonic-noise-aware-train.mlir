// Noise-aware training on the blobs task: the summary, the report, masks
// kept through training, and bad options.
// RUN: photon-opt %S/Inputs/blobs-net.mlir --pass-pipeline='builtin.module(photonic-lower-to-mesh,photonic-train{dataset=csv train-file=%S/Inputs/blobs-train.csv test-file=%S/Inputs/blobs-test.csv batch-size=16 learning-rate=0.05 epochs=30})' -o %t.trained.mlir 2>/dev/null
// RUN: photon-opt %t.trained.mlir --pass-pipeline='builtin.module(photonic-noise-aware-train{dataset=csv train-file=%S/Inputs/blobs-train.csv test-file=%S/Inputs/blobs-test.csv batch-size=16 learning-rate=0.05 epochs=30 noise=phase_sigma=0.2,phase_bits=8 eval-trials=10 report=%t.json})' -o %t.nat.mlir 2>&1 | FileCheck %s
// RUN: FileCheck %s --check-prefix=REPORT < %t.json

// CHECK: photonic-noise-aware-train: 30 epochs on csv (81 train, 9 validation, 45 test samples) under phase_sigma=0.2,phase_bits=8
// CHECK-NEXT: before: clean {{[0-9.]+}} %, noisy {{[0-9.]+}} ± {{[0-9.]+}} % (worst {{[0-9.]+}} %, 10 chips)
// CHECK-NEXT: after: clean {{[0-9.]+}} %, noisy {{[0-9.]+}} ± {{[0-9.]+}} % (worst {{[0-9.]+}} %)

// REPORT: "clean_accuracy_after":
// REPORT: "noise": "phase_sigma=0.2,phase_bits=8"
// REPORT: "noisy_after": {
// REPORT: "trials": 10
// REPORT: "pass": "photonic-noise-aware-train"

// A pruned network keeps its pruned shifters at exactly 0.
// RUN: photon-opt %t.trained.mlir --pass-pipeline='builtin.module(photonic-prune-lth{dataset=csv train-file=%S/Inputs/blobs-train.csv test-file=%S/Inputs/blobs-test.csv batch-size=16 learning-rate=0.05 epochs=10 rates=0.3 max-rounds=2 max-accuracy-loss=1},photonic-noise-aware-train{dataset=csv train-file=%S/Inputs/blobs-train.csv test-file=%S/Inputs/blobs-test.csv batch-size=16 learning-rate=0.05 epochs=10 noise=phase_sigma=0.3,gamma_sigma=0.01,crosstalk=0.01 eval-trials=2})' -o %t.pruned.mlir 2>/dev/null
// RUN: %python %S/Inputs/check_masks.py %t.pruned.mlir | FileCheck %s --check-prefix=MASKS
// MASKS: masks ok: {{[1-9][0-9]*}} masked

// With keep_pruned=1 the forward copies put phase error on the pruned
// shifters too; the trained program still holds them at exactly 0.
// RUN: photon-opt %t.pruned.mlir --pass-pipeline='builtin.module(photonic-noise-aware-train{dataset=csv train-file=%S/Inputs/blobs-train.csv test-file=%S/Inputs/blobs-test.csv batch-size=16 learning-rate=0.05 epochs=5 noise=phase_sigma=0.3,keep_pruned=1 eval-trials=2})' -o %t.kept.mlir 2>&1 | FileCheck %s --check-prefix=KEPT
// KEPT: under phase_sigma=0.3,keep_pruned=1
// RUN: %python %S/Inputs/check_masks.py %t.kept.mlir | FileCheck %s --check-prefix=MASKS

// Bad options: a clear error and no output file.
// RUN: rm -f %t.bad.mlir
// RUN: not photon-opt %t.trained.mlir --pass-pipeline='builtin.module(photonic-noise-aware-train{dataset=csv train-file=%S/Inputs/blobs-train.csv test-file=%S/Inputs/blobs-test.csv noise=phase_sigma=-1})' -o %t.bad.mlir 2>&1 | FileCheck %s --check-prefix=NEG
// NEG: error: photonic-noise-aware-train: bad 'noise':
// RUN: test ! -e %t.bad.mlir
// RUN: not photon-opt %t.trained.mlir --pass-pipeline='builtin.module(photonic-noise-aware-train{dataset=csv train-file=%S/Inputs/blobs-train.csv test-file=%S/Inputs/blobs-test.csv})' 2>&1 | FileCheck %s --check-prefix=NONE
// NONE: error: photonic-noise-aware-train: 'noise' is required
// RUN: not photon-opt %t.trained.mlir --pass-pipeline='builtin.module(photonic-noise-aware-train{dataset=csv train-file=%S/Inputs/blobs-train.csv test-file=%S/Inputs/blobs-test.csv noise=detector_sigma=0.1})' 2>&1 | FileCheck %s --check-prefix=USELESS
// USELESS: error: photonic-noise-aware-train: 'noise' has no component that training can model
// RUN: not photon-opt %t.trained.mlir --pass-pipeline='builtin.module(photonic-noise-aware-train{dataset=csv train-file=%S/Inputs/blobs-train.csv test-file=%S/Inputs/blobs-test.csv noise=phase_bits=40})' 2>&1 | FileCheck %s --check-prefix=BITS
// BITS: error: photonic-noise-aware-train: bad 'noise': {{.*}}phase_bits
