// RUN: photon-opt %S/Inputs/blobs-net.mlir --pass-pipeline='builtin.module(photonic-lower-to-mesh,photonic-train{dataset=csv train-file=%S/Inputs/blobs-train.csv test-file=%S/Inputs/blobs-test.csv batch-size=16 learning-rate=0.05 epochs=30},photonic-prune-magnitude{dataset=csv train-file=%S/Inputs/blobs-train.csv test-file=%S/Inputs/blobs-test.csv batch-size=16 learning-rate=0.05 epochs=10 alpha=1.0})' -o %t.mlir 2>&1 | FileCheck %s --check-prefix=ONESHOT
// RUN: %python %S/Inputs/check_masks.py %t.mlir | FileCheck %s --check-prefix=MASKS
// RUN: photon-opt %S/Inputs/blobs-net.mlir --pass-pipeline='builtin.module(photonic-lower-to-mesh,photonic-train{dataset=csv train-file=%S/Inputs/blobs-train.csv test-file=%S/Inputs/blobs-test.csv batch-size=16 learning-rate=0.05 epochs=30},photonic-prune-magnitude{dataset=csv train-file=%S/Inputs/blobs-train.csv test-file=%S/Inputs/blobs-test.csv batch-size=16 learning-rate=0.05 epochs=5 alpha=1.0 mode=iterative steps=4 report=%t.json})' -o /dev/null 2>&1 | FileCheck %s --check-prefix=ITER
// RUN: FileCheck %s --check-prefix=REPORT < %t.json

// ONESHOT: photonic-prune-magnitude: one-shot, alpha 1, criterion wrapped, tier: sparsity {{[1-9][0-9]?\.[0-9]}} % (theta {{.*}} %, phi {{.*}} %), validation accuracy {{[0-9.]+}} % -> {{[0-9.]+}} %, test accuracy {{[0-9.]+}} % -> {{[0-9.]+}} %
// ITER: photonic-prune-magnitude: iterative, alpha 1, criterion wrapped, tier: sparsity {{[1-9][0-9]?\.[0-9]}} %
// MASKS: masks ok: {{[1-9][0-9]*}} masked
// REPORT: "mode": "iterative",
// REPORT: "steps": [
// REPORT: "step": 4,

// RUN: not photon-opt %t.mlir --pass-pipeline='builtin.module(photonic-prune-magnitude{dataset=csv train-file=%S/Inputs/blobs-train.csv test-file=%S/Inputs/blobs-test.csv batch-size=16 learning-rate=0.05 alpha=0})' 2>&1 | FileCheck %s --check-prefix=ALPHA
// ALPHA: error: photonic-prune-magnitude: 'alpha' must be a finite value > 0, got 0
// RUN: not photon-opt %t.mlir --pass-pipeline='builtin.module(photonic-prune-magnitude{dataset=csv train-file=%S/Inputs/blobs-train.csv test-file=%S/Inputs/blobs-test.csv batch-size=16 learning-rate=0.05 mode=gradual})' 2>&1 | FileCheck %s --check-prefix=MODE
// MODE: error: photonic-prune-magnitude: 'mode' must be one-shot or iterative, got 'gradual'

// The default scope, tier: the V† and U meshes of each dense layer share one
// σ, so one threshold per dense layer (blobs-net has two), listed per mesh.
// RUN: photon-opt %S/Inputs/blobs-net.mlir --pass-pipeline='builtin.module(photonic-lower-to-mesh,photonic-prune-magnitude{dataset=csv train-file=%S/Inputs/blobs-train.csv test-file=%S/Inputs/blobs-test.csv batch-size=16 learning-rate=0.05 epochs=0 alpha=1.0 mode=iterative steps=1 report=%t.tier.json})' -o /dev/null 2>&1 | FileCheck %s --check-prefix=TIER
// RUN: FileCheck %s --check-prefix=TIER-REPORT < %t.tier.json
// TIER: photonic-prune-magnitude: iterative, alpha 1, criterion wrapped, tier: sparsity
// TIER-REPORT:      "scope": "tier"
// TIER-REPORT:      "thresholds_rad": [
// TIER-REPORT-NEXT:   [[FIRST:[0-9]+\.[0-9]+]],
// TIER-REPORT-NEXT:   [[FIRST]],
// TIER-REPORT-NEXT:   [[SECOND:[0-9]+\.[0-9]+]],
// TIER-REPORT-NEXT:   [[SECOND]]
// TIER-REPORT-NEXT: ]
// scope=layer: each mesh its own σ.
// RUN: photon-opt %S/Inputs/blobs-net.mlir --pass-pipeline='builtin.module(photonic-lower-to-mesh,photonic-prune-magnitude{dataset=csv train-file=%S/Inputs/blobs-train.csv test-file=%S/Inputs/blobs-test.csv batch-size=16 learning-rate=0.05 epochs=0 alpha=1.0 scope=layer report=%t.layer.json})' -o /dev/null 2>&1 | FileCheck %s --check-prefix=LAYER
// RUN: FileCheck %s --check-prefix=LAYER-REPORT < %t.layer.json
// LAYER: photonic-prune-magnitude: one-shot, alpha 1, criterion wrapped, layer: sparsity
// LAYER-REPORT: "scope": "layer"
// RUN: not photon-opt %t.mlir --pass-pipeline='builtin.module(photonic-prune-magnitude{dataset=csv train-file=%S/Inputs/blobs-train.csv test-file=%S/Inputs/blobs-test.csv scope=layer-arm})' 2>&1 | FileCheck %s --check-prefix=SCOPE
// SCOPE: error: photonic-prune-magnitude: 'scope' must be layer, tier or global, got 'layer-arm'
