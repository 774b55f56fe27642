// RUN: photon-opt %S/Inputs/blobs-net.mlir --pass-pipeline='builtin.module(photonic-lower-to-mesh,photonic-prune-random{dataset=csv train-file=%S/Inputs/blobs-train.csv test-file=%S/Inputs/blobs-test.csv batch-size=16 learning-rate=0.05 epochs=0 fraction=0.5})' -o %t.mlir 2>&1 | FileCheck %s --check-prefix=UNIFORM
// RUN: %python %S/Inputs/check_masks.py %t.mlir | FileCheck %s --check-prefix=MASKS
// RUN: photon-opt %S/Inputs/blobs-net.mlir --pass-pipeline='builtin.module(photonic-lower-to-mesh,photonic-prune-random{dataset=csv train-file=%S/Inputs/blobs-train.csv test-file=%S/Inputs/blobs-test.csv batch-size=16 learning-rate=0.05 epochs=5 fraction=0.25 ratio=erk prune-seed=3})' -o /dev/null 2>&1 | FileCheck %s --check-prefix=ERK

// 42 MZI shifters (4 meshes: 6 + 6 + 6 + 3 MZIs); half of them go.
// UNIFORM: photonic-prune-random: uniform, 21 shifters pruned: sparsity 50.0 %
// MASKS: masks ok: 21 masked
// ERK: photonic-prune-random: erk, {{10|11}} shifters pruned: sparsity {{2[0-9]\.[0-9]}} %

// RUN: not photon-opt %t.mlir --pass-pipeline='builtin.module(photonic-prune-random{dataset=csv train-file=%S/Inputs/blobs-train.csv test-file=%S/Inputs/blobs-test.csv batch-size=16 learning-rate=0.05 fraction=1.5})' 2>&1 | FileCheck %s --check-prefix=FRACTION
// FRACTION: error: photonic-prune-random: {{.*}}fraction
// RUN: not photon-opt %t.mlir --pass-pipeline='builtin.module(photonic-prune-random{dataset=csv train-file=%S/Inputs/blobs-train.csv test-file=%S/Inputs/blobs-test.csv batch-size=16 learning-rate=0.05 ratio=grasp})' 2>&1 | FileCheck %s --check-prefix=RATIO
// RATIO: error: photonic-prune-random: 'ratio' must be uniform, erk or snip, got 'grasp'
// RUN: not photon-opt %t.mlir --pass-pipeline='builtin.module(photonic-prune-random{dataset=csv train-file=%S/Inputs/blobs-train.csv test-file=%S/Inputs/blobs-test.csv ratio=snip snip-samples=0})' 2>&1 | FileCheck %s --check-prefix=SNIPSAMPLES
// SNIPSAMPLES: error: photonic-prune-random: 'snip-samples' must be >= 1, got 0

// SNIP layer ratios: the exact total, per-mesh targets from the scores
// (report), and the masks hold.
// RUN: photon-opt %S/Inputs/blobs-net.mlir --pass-pipeline='builtin.module(photonic-lower-to-mesh,photonic-prune-random{dataset=csv train-file=%S/Inputs/blobs-train.csv test-file=%S/Inputs/blobs-test.csv epochs=0 fraction=0.5 ratio=snip report=%t.snip.json})' -o %t.snip.mlir 2>&1 | FileCheck %s --check-prefix=SNIP
// RUN: %python %S/Inputs/check_masks.py %t.snip.mlir | FileCheck %s --check-prefix=MASKS
// RUN: FileCheck %s --check-prefix=SNIPREPORT < %t.snip.json
// SNIP: photonic-prune-random: snip, 21 shifters pruned: sparsity 50.0 %
// SNIPREPORT: "ratio": "snip"
// SNIPREPORT: "target_mesh_sparsity": [
