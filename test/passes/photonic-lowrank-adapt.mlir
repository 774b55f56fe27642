// ALoRA on the blobs task: rank-1 adapters on the frozen trained network,
// trained under weight error and low-bit converters, raise the noisy
// accuracy; the phases do not change; the adapted program runs in
// photon-run; a second run trains the existing adapters further; bad
// options leave the IR untouched.
// RUN: photon-opt %S/Inputs/blobs-net.mlir --pass-pipeline='builtin.module(photonic-lower-to-mesh,photonic-train{dataset=csv train-file=%S/Inputs/blobs-train.csv test-file=%S/Inputs/blobs-test.csv batch-size=16 learning-rate=0.05 epochs=30})' -o %t.trained.mlir 2>/dev/null
// RUN: photon-opt %t.trained.mlir --pass-pipeline='builtin.module(photonic-lowrank-adapt{dataset=csv train-file=%S/Inputs/blobs-train.csv test-file=%S/Inputs/blobs-test.csv batch-size=16 learning-rate=0.05 epochs=30 rank=1 noise=weight_sigma=0.2,input_bits=4,output_bits=3 eval-trials=20 report=%t.json})' -o %t.adapted.mlir 2>&1 | FileCheck %s
// RUN: FileCheck %s --check-prefix=REPORT < %t.json
// RUN: FileCheck %s --check-prefix=IR < %t.adapted.mlir
// RUN: photon-translate --photonic-to-runtime %t.trained.mlir -o %t.trained.json
// RUN: photon-translate --photonic-to-runtime %t.adapted.mlir -o %t.adapted.json
// RUN: %python %S/Inputs/check_alora.py %t.trained.json %t.adapted.json %t.json | FileCheck %s --check-prefix=FROZEN
// RUN: photon-run %t.adapted.json --dataset csv --train-file %S/Inputs/blobs-train.csv --test-file %S/Inputs/blobs-test.csv | FileCheck %s --check-prefix=CLASSIFY
// RUN: photon-run %t.adapted.json --dataset csv --train-file %S/Inputs/blobs-train.csv --test-file %S/Inputs/blobs-test.csv --noise weight_sigma=0.2,input_bits=4,output_bits=3 --trials 5 | FileCheck %s --check-prefix=NOISY

// CHECK: photonic-lowrank-adapt: rank 1 adapters on 2 dense layers (2 new), 30 epochs on csv (81 train, 9 validation, 45 test samples) under input_bits=4,output_bits=3,weight_sigma=0.2
// CHECK-NEXT: trainable: 30 adapter parameters, 31.25 % of 96 (66 phase parameters frozen)
// CHECK-NEXT: before: clean {{[0-9.]+}} %, noisy {{[0-9.]+}} ± {{[0-9.]+}} % (worst {{[0-9.]+}} %, 20 chips)
// CHECK-NEXT: after: clean {{[0-9.]+}} %, noisy {{[0-9.]+}} ± {{[0-9.]+}} % (worst {{[0-9.]+}} %)

// REPORT: "adapter_parameters": 30,
// REPORT: "noise": "input_bits=4,output_bits=3,weight_sigma=0.2",
// REPORT: "noisy_after": {
// REPORT: "pass": "photonic-lowrank-adapt",
// REPORT: "phase_parameters": 66,
// REPORT: "rank": 1,
// REPORT: "trainable_fraction": 0.3125

// The adapter reads the block input (the V mesh's operand) and replaces the
// block output (the U mesh's result) in the chain.
// IR: %[[E:.*]] = photonic.encode
// IR-NEXT: %[[V:.*]] = photonic.mesh clements %[[E]]
// IR: %[[U:.*]] = photonic.mesh clements
// IR-SAME: factor = "U", layer = 0
// IR-NEXT: %[[A:.*]] = photonic.adapter %[[E]], %[[U]] a(dense<{{.*}}> : tensor<1x4xcomplex<f64>>) b(dense<{{.*}}> : tensor<4x1xcomplex<f64>>) {layer = 0 : i64} : !photonic.field<4> -> !photonic.field<4>
// IR-NEXT: photonic.activation softplus %[[A]]
// IR: photonic.adapter {{.*}} : tensor<1x4xcomplex<f64>>) b(dense<{{.*}}> : tensor<3x1xcomplex<f64>>) {layer = 1 : i64} : !photonic.field<4> -> !photonic.field<3>
// IR-NEXT: photonic.detect

// FROZEN: frozen ok: 2 adapters, ranks [1, 1]
// FROZEN: improved: noisy
// CLASSIFY: csv test: {{[0-9]+}} / 45 correct
// NOISY: accuracy: mean {{[0-9.]+}} %

// Existing adapters are trained further, none added; noise=none is plain
// low-rank fine-tuning.
// RUN: photon-opt %t.adapted.mlir --pass-pipeline='builtin.module(photonic-lowrank-adapt{dataset=csv train-file=%S/Inputs/blobs-train.csv test-file=%S/Inputs/blobs-test.csv batch-size=16 epochs=2 rank=1 noise=none eval-trials=1})' -o %t.again.mlir 2>&1 | FileCheck %s --check-prefix=AGAIN
// AGAIN: rank 1 adapters on 2 dense layers (0 new), 2 epochs on csv (81 train, 9 validation, 45 test samples) under none
// RUN: grep -c photonic.adapter %t.again.mlir | FileCheck %s --check-prefix=COUNT
// COUNT: 2

// Bad options: a clear error and no output file.
// RUN: rm -f %t.bad.mlir
// RUN: not photon-opt %t.trained.mlir --pass-pipeline='builtin.module(photonic-lowrank-adapt{dataset=csv train-file=%S/Inputs/blobs-train.csv test-file=%S/Inputs/blobs-test.csv rank=4})' -o %t.bad.mlir 2>&1 | FileCheck %s --check-prefix=RANK
// RANK: error: photonic-lowrank-adapt: 'rank' is 4 but dense layer 1 is 3x4 (the rank must be <= min(M, N))
// RUN: test ! -e %t.bad.mlir
// RUN: not photon-opt %t.trained.mlir --pass-pipeline='builtin.module(photonic-lowrank-adapt{dataset=csv train-file=%S/Inputs/blobs-train.csv test-file=%S/Inputs/blobs-test.csv rank=0})' 2>&1 | FileCheck %s --check-prefix=ZERO
// ZERO: error: photonic-lowrank-adapt: 'rank' must be >= 1, got 0
// RUN: not photon-opt %t.trained.mlir --pass-pipeline='builtin.module(photonic-lowrank-adapt{dataset=csv train-file=%S/Inputs/blobs-train.csv test-file=%S/Inputs/blobs-test.csv noise=weight_sigma=-1})' 2>&1 | FileCheck %s --check-prefix=NOISE
// NOISE: error: photonic-lowrank-adapt: bad 'noise': {{.*}}weight_sigma
// RUN: not photon-opt %S/Inputs/blobs-net.mlir --pass-pipeline='builtin.module(photonic-lowrank-adapt{dataset=csv train-file=%S/Inputs/blobs-train.csv test-file=%S/Inputs/blobs-test.csv})' 2>&1 | FileCheck %s --check-prefix=UNLOWERED
// UNLOWERED: must be lowered to meshes first
