// RUN: photon-opt %s -photonic-lower-dense -split-input-file | FileCheck %s

// A 3x5 real layer: V† is 5x5, Σ maps 5 modes to 3 with 3 attenuators, U is 3x3.
// CHECK-LABEL: func.func @wide
// CHECK-SAME: (%[[X:.*]]: !photonic.field<5>)
func.func @wide(%x: !photonic.field<5>) -> !photonic.field<3> {
  // CHECK: %[[V:.*]] = photonic.unitary %[[X]] matrix(dense<{{.*}}> : tensor<5x5xf64>) {factor = "V", layer = 0 : i64} : !photonic.field<5>
  // CHECK: %[[S:.*]] = photonic.diagonal %[[V]] theta = [0.0, {{[^,]+}}, {{[^,]+}}] gain = {{.*}} {layer = 0 : i64} : !photonic.field<5> -> !photonic.field<3>
  // CHECK: %[[U:.*]] = photonic.unitary %[[S]] matrix(dense<{{.*}}> : tensor<3x3xf64>) {factor = "U", layer = 0 : i64} : !photonic.field<3>
  // CHECK: return %[[U]]
  // CHECK-NOT: photonic.dense
  %y = photonic.dense %x weights(dense<[[1.0, 0.0, 2.0, 0.0, 1.0], [0.0, 3.0, 0.0, 1.0, 0.0], [1.0, 1.0, 1.0, 1.0, 1.0]]> : tensor<3x5xf64>) : !photonic.field<5> -> !photonic.field<3>
  return %y : !photonic.field<3>
}

// -----

// diag(4, 2, 1): β = 4, θ = 2 acos(σ/β) = [0, 2π/3, 2 acos(1/4)].
// CHECK-LABEL: func.func @singular_values
func.func @singular_values(%x: !photonic.field<3>) -> !photonic.field<3> {
  // CHECK: photonic.diagonal %{{.*}} theta = [0.0, 2.09439510239319{{[0-9]*}}, 2.63623{{[0-9]*}}] gain = 4.000000e+00
  %y = photonic.dense %x weights(dense<[[4.0, 0.0, 0.0], [0.0, 2.0, 0.0], [0.0, 0.0, 1.0]]> : tensor<3x3xf64>) : !photonic.field<3> -> !photonic.field<3>
  return %y : !photonic.field<3>
}

// -----

// Complex weights give complex unitaries; a 1x2 layer has one attenuator.
// CHECK-LABEL: func.func @complex_narrow
func.func @complex_narrow(%x: !photonic.field<2>) -> !photonic.field<1> {
  // CHECK: photonic.unitary %{{.*}} : tensor<2x2xcomplex<f64>>) {factor = "V", layer = 0 : i64}
  // CHECK: photonic.diagonal %{{.*}} theta = [0.0] gain = 2.236067977499{{[0-9]*}} {layer = 0 : i64} : !photonic.field<2> -> !photonic.field<1>
  // CHECK: photonic.unitary %{{.*}} {factor = "U", layer = 0 : i64} : !photonic.field<1>
  %y = photonic.dense %x weights(dense<[[(1.0, 0.0), (0.0, 2.0)]]> : tensor<1x2xcomplex<f64>>) : !photonic.field<2> -> !photonic.field<1>
  return %y : !photonic.field<1>
}

// -----

// Rank-deficient: the zero singular value is a blocked attenuator (θ = π).
// CHECK-LABEL: func.func @rank_deficient
func.func @rank_deficient(%x: !photonic.field<2>) -> !photonic.field<2> {
  // CHECK: photonic.diagonal %{{.*}} theta = [0.0, 3.14159265358979{{[0-9]*}}] gain = {{2.000000e+00|1.99999999999999[0-9]*}}
  %y = photonic.dense %x weights(dense<[[1.0, 1.0], [1.0, 1.0]]> : tensor<2x2xf64>) : !photonic.field<2> -> !photonic.field<2>
  return %y : !photonic.field<2>
}

// -----

// W = 0: gain 0, heaters off.
// CHECK-LABEL: func.func @zero
func.func @zero(%x: !photonic.field<3>) -> !photonic.field<2> {
  // CHECK: photonic.diagonal %{{.*}} theta = [0.0, 0.0] gain = 0.000000e+00
  %y = photonic.dense %x weights(dense<0.0> : tensor<2x3xf64>) : !photonic.field<3> -> !photonic.field<2>
  return %y : !photonic.field<2>
}

// -----

// Seeded initializers are lowered too; layers are numbered in order.
// CHECK-LABEL: func.func @two_layers
func.func @two_layers(%x: !photonic.field<16>) -> !photonic.field<10> {
  // CHECK: photonic.unitary {{.*}} : tensor<16x16xcomplex<f64>>) {factor = "V", init_seed = 1 : i64, layer = 0 : i64}
  // CHECK: photonic.diagonal {{.*}} {layer = 0 : i64} : !photonic.field<16> -> !photonic.field<16>
  // CHECK: photonic.unitary {{.*}} {factor = "U", init_seed = 1 : i64, layer = 0 : i64}
  // CHECK: photonic.activation softplus
  // CHECK: photonic.unitary {{.*}} : tensor<16x16xf64>) {factor = "V", init_seed = 2 : i64, layer = 1 : i64}
  // CHECK: photonic.diagonal {{.*}} {layer = 1 : i64} : !photonic.field<16> -> !photonic.field<10>
  // CHECK: photonic.unitary {{.*}} : tensor<10x10xf64>) {factor = "U", init_seed = 2 : i64, layer = 1 : i64}
  %a = photonic.dense %x init(normal, seed = 1) complex : !photonic.field<16> -> !photonic.field<16>
  %b = photonic.activation softplus %a : !photonic.field<16>
  %c = photonic.dense %b init(uniform, seed = 2) : !photonic.field<16> -> !photonic.field<10>
  return %c : !photonic.field<10>
}
