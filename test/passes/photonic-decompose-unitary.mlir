// RUN: photon-opt %s -photonic-decompose-unitary -split-input-file | FileCheck %s --check-prefixes=CHECK,CLEMENTS
// RUN: photon-opt %s -photonic-decompose-unitary=topology=reck -split-input-file | FileCheck %s --check-prefixes=CHECK,RECK
// RUN: not photon-opt %s -photonic-decompose-unitary=topology=benes -split-input-file 2>&1 | FileCheck %s --check-prefix=BAD

// BAD: photonic-decompose-unitary: unknown topology 'benes' (expected clements or reck)

// A 4-mode unitary becomes one mesh of 4·3/2 = 6 MZIs and 4 output phases;
// provenance is kept.
// CHECK-LABEL: func.func @four_modes
// CHECK-SAME: (%[[X:.*]]: !photonic.field<4>)
func.func @four_modes(%x: !photonic.field<4>) -> !photonic.field<4> {
  // CLEMENTS: %[[M:.*]] = photonic.mesh clements %[[X]]
  // RECK: %[[M:.*]] = photonic.mesh reck %[[X]]
  // CHECK-SAME: theta = [{{([^],]+, ){5}[^],]+}}] phi = [{{([^],]+, ){5}[^],]+}}] outputs = [{{([^],]+, ){3}[^],]+}}] {factor = "U", layer = 2 : i64} : !photonic.field<4>
  // CHECK-NOT: photonic.unitary
  // CHECK: return %[[M]]
  %y = photonic.unitary %x matrix(dense<[[0.5, 0.5, 0.5, 0.5], [0.5, -0.5, 0.5, -0.5], [0.5, 0.5, -0.5, -0.5], [0.5, -0.5, -0.5, 0.5]]> : tensor<4x4xf64>) {factor = "U", layer = 2 : i64} : !photonic.field<4>
  return %y : !photonic.field<4>
}

// -----

// The 2x2 identity is the bar state θ = π; a swap is the cross state θ = 0.
// CHECK-LABEL: func.func @bar_and_cross
func.func @bar_and_cross(%x: !photonic.field<2>) -> !photonic.field<2> {
  // CHECK: photonic.mesh {{clements|reck}} %{{.*}} theta = [3.141592653589793] phi = [{{.*}}] outputs = [{{.*}}]
  %a = photonic.unitary %x matrix(dense<[[1.0, 0.0], [0.0, 1.0]]> : tensor<2x2xf64>) : !photonic.field<2>
  // CHECK: photonic.mesh {{clements|reck}} %{{.*}} theta = [0.0] phi = [{{.*}}] outputs = [{{.*}}]
  %b = photonic.unitary %a matrix(dense<[[0.0, 1.0], [1.0, 0.0]]> : tensor<2x2xf64>) : !photonic.field<2>
  return %b : !photonic.field<2>
}

// -----

// A single mode has no MZI, only its output phase: e^{iπ/2} = i.
// CHECK-LABEL: func.func @one_mode
func.func @one_mode(%x: !photonic.field<1>) -> !photonic.field<1> {
  // CHECK: photonic.mesh {{clements|reck}} %{{.*}} theta = [] phi = [] outputs = [1.5707963267948966]
  %y = photonic.unitary %x matrix(dense<[[(0.0, 1.0)]]> : tensor<1x1xcomplex<f64>>) : !photonic.field<1>
  return %y : !photonic.field<1>
}

// -----

// Phase initialisation. With the default (auto), the meshes of a randomly
// initialised layer (its unitaries carry init_seed) get θ, φ and output
// phases drawn uniformly in [0, 2π), so some θ lie above π; the meshes of
// given weights keep the decomposed phases (every θ in [0, π]).
// RUN: photon-opt %S/Inputs/init-net.mlir --pass-pipeline='builtin.module(photonic-lower-to-mesh)' -o %t.auto.mlir
// RUN: %python %S/Inputs/check_phase_init.py %t.auto.mlir | FileCheck %s --check-prefix=AUTO
// AUTO: layer 0 V: uniform
// AUTO-NEXT: layer 0 U: uniform
// AUTO-NEXT: layer 1 V: decomposed
// AUTO-NEXT: layer 1 U: decomposed
// RUN: photon-opt %S/Inputs/init-net.mlir --pass-pipeline='builtin.module(photonic-lower-to-mesh{phase-init=decompose})' | %python %S/Inputs/check_phase_init.py /dev/stdin | FileCheck %s --check-prefix=DECOMPOSE
// DECOMPOSE-COUNT-4: decomposed
// RUN: photon-opt %S/Inputs/init-net.mlir --pass-pipeline='builtin.module(photonic-lower-to-mesh{phase-init=uniform})' | %python %S/Inputs/check_phase_init.py /dev/stdin | FileCheck %s --check-prefix=UNIFORM
// UNIFORM-COUNT-4: uniform
// The draw is seeded: the same IR twice, another phase-seed another draw.
// RUN: photon-opt %S/Inputs/init-net.mlir --pass-pipeline='builtin.module(photonic-lower-to-mesh)' | diff - %t.auto.mlir
// RUN: photon-opt %S/Inputs/init-net.mlir --pass-pipeline='builtin.module(photonic-lower-to-mesh{phase-seed=1})' | not diff - %t.auto.mlir > /dev/null
// photonic-train stores the phases it started from as the initial values
// lottery-ticket resets return to: exactly the uniform draw.
// RUN: photon-opt %t.auto.mlir --photonic-train='dataset=csv train-file=%S/Inputs/init-train.csv test-file=%S/Inputs/init-train.csv epochs=1 validation=0' -o %t.trained.mlir 2>/dev/null
// RUN: %python %S/Inputs/check_phase_init.py %t.trained.mlir --initial-from %t.auto.mlir | FileCheck %s --check-prefix=INITIAL
// INITIAL-COUNT-4: initial = lowered
// RUN: not photon-opt %S/Inputs/init-net.mlir --pass-pipeline='builtin.module(photonic-lower-to-mesh{phase-init=gaussian})' 2>&1 | FileCheck %s --check-prefix=BADINIT
// BADINIT: photonic-decompose-unitary: unknown phase-init 'gaussian' (expected auto, uniform or decompose)
