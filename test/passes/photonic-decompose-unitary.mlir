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
