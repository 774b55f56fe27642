// SZO-SCD on a chip with strong static phase error: the deployed accuracy
// recovers, passive shifters keep their phases, the active set is written.
// RUN: photon-opt %S/Inputs/blobs-net.mlir --pass-pipeline='builtin.module(photonic-lower-to-mesh,photonic-train{dataset=csv train-file=%S/Inputs/blobs-train.csv test-file=%S/Inputs/blobs-test.csv batch-size=16 learning-rate=0.05 epochs=30})' -o %t.trained.mlir 2>/dev/null
// RUN: photon-opt %t.trained.mlir --pass-pipeline='builtin.module(photonic-szo-finetune{dataset=csv train-file=%S/Inputs/blobs-train.csv test-file=%S/Inputs/blobs-test.csv alpha=0.5 s=0.5 epochs=40 batch-size=16 deploy-noise=phase_sigma=0.6 noise-seed=3 report=%t.json})' -o %t.szo.mlir 2>&1 | FileCheck %s
// RUN: %python %S/Inputs/check_passive.py %t.trained.mlir %t.szo.mlir | FileCheck %s --check-prefix=PASSIVE
// RUN: FileCheck %s --check-prefix=REPORT < %t.json

// CHECK: photonic-szo-finetune: szo-scd on csv (81 train, 9 validation, 45 test samples), chip phase_sigma=0.6, 21 of 42 mesh shifters active, {{[1-9]}} attenuators tuned
// CHECK-NEXT: test accuracy: ideal 100.00 %, deployed {{[1-6][0-9]\.[0-9]+}} % -> {{(9[0-9]|100)\.[0-9]+}} %
// CHECK-NEXT: {{[0-9]+}} queries ({{[0-9]+}} samples), {{[0-9]+}} accepted steps, {{[0-9]+}} step backs (0 skipped for power)
// PASSIVE: passive ok: {{[0-9]+}} passive unchanged, {{[1-9][0-9]*}} of 21 active moved
// REPORT: "deployed_accuracy_after":
// REPORT: "method": "szo-scd"

// A second run reuses the active set from the IR; the zeroth-order baseline
// spends exactly its query budget.
// RUN: photon-opt %t.szo.mlir --pass-pipeline='builtin.module(photonic-szo-finetune{dataset=csv train-file=%S/Inputs/blobs-train.csv test-file=%S/Inputs/blobs-test.csv method=zo alpha=0.9 epochs=50 max-queries=500 deploy-noise=phase_sigma=0.6 noise-seed=3})' -o %t.zo.mlir 2>&1 | FileCheck %s --check-prefix=ZO
// ZO: zo on csv (81 train, 9 validation, 45 test samples), chip phase_sigma=0.6, 21 of 42 mesh shifters active
// ZO: 500 queries
// RUN: %python %S/Inputs/check_passive.py %t.szo.mlir %t.zo.mlir | FileCheck %s --check-prefix=PASSIVE

// Checkpoints: a target on the validation split stops the run at the first
// checkpoint that reaches it; without Σ tuning no attenuator moves.
// RUN: photon-opt %t.trained.mlir --pass-pipeline='builtin.module(photonic-szo-finetune{dataset=csv train-file=%S/Inputs/blobs-train.csv test-file=%S/Inputs/blobs-test.csv alpha=0.5 s=0.5 epochs=40 batch-size=16 deploy-noise=phase_sigma=0.6 noise-seed=3 eval-every=20 target-accuracy=0.6 tune-sigma=false report=%t.target.json})' -o /dev/null 2>&1 | FileCheck %s --check-prefix=TARGET
// RUN: FileCheck %s --check-prefix=TARGET-REPORT < %t.target.json
// TARGET: 21 of 42 mesh shifters active, 0 attenuators tuned
// TARGET: target 60.00 % validation accuracy: reached after {{[1-9][0-9]*}} queries
// TARGET-REPORT: "checkpoints": [
// TARGET-REPORT-NEXT: {
// TARGET-REPORT: "queries": 0,
// TARGET-REPORT: "queries_to_target": {{[1-9][0-9]*}},

// Bad options.
// RUN: not photon-opt %t.trained.mlir --pass-pipeline='builtin.module(photonic-szo-finetune{dataset=csv train-file=%S/Inputs/blobs-train.csv test-file=%S/Inputs/blobs-test.csv p=2})' 2>&1 | FileCheck %s --check-prefix=BADP
// BADP: error: photonic-szo-finetune: 'p' must be in [0, 1], got 2
// RUN: not photon-opt %t.trained.mlir --pass-pipeline='builtin.module(photonic-szo-finetune{dataset=csv train-file=%S/Inputs/blobs-train.csv test-file=%S/Inputs/blobs-test.csv method=adam})' 2>&1 | FileCheck %s --check-prefix=METHOD
// METHOD: error: photonic-szo-finetune: 'method' must be szo-scd or zo, got 'adam'
// RUN: not photon-opt %t.trained.mlir --pass-pipeline='builtin.module(photonic-szo-finetune{dataset=csv train-file=%S/Inputs/blobs-train.csv test-file=%S/Inputs/blobs-test.csv deploy-noise=gamma_sigma=-1})' 2>&1 | FileCheck %s --check-prefix=NOISE
// NOISE: error: photonic-szo-finetune: bad 'deploy-noise':
// RUN: not photon-opt %t.trained.mlir --pass-pipeline='builtin.module(photonic-szo-finetune{dataset=csv train-file=%S/Inputs/blobs-train.csv test-file=%S/Inputs/blobs-test.csv target-accuracy=0.9})' 2>&1 | FileCheck %s --check-prefix=NOEVERY
// NOEVERY: error: photonic-szo-finetune: 'target-accuracy' needs 'eval-every' > 0
// RUN: not photon-opt %t.trained.mlir --pass-pipeline='builtin.module(photonic-szo-finetune{dataset=csv train-file=%S/Inputs/blobs-train.csv test-file=%S/Inputs/blobs-test.csv eval-every=10 target-accuracy=1.5})' 2>&1 | FileCheck %s --check-prefix=BADTARGET
// BADTARGET: error: photonic-szo-finetune: 'target-accuracy' must be in [0, 1], got 1.5
