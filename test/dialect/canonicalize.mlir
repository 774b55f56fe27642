// RUN: photon-opt %s -canonicalize -split-input-file | FileCheck %s

// CHECK-LABEL: func.func @identity_activation
// CHECK-SAME: (%[[X:.*]]: !photonic.field<4>)
func.func @identity_activation(%x: !photonic.field<4>) -> !photonic.field<4> {
  // CHECK-NOT: photonic.activation
  // CHECK: return %[[X]]
  %y = photonic.activation identity %x : !photonic.field<4>
  return %y : !photonic.field<4>
}

// -----

// CHECK-LABEL: func.func @softplus_kept
func.func @softplus_kept(%x: !photonic.field<4>) -> !photonic.field<4> {
  // CHECK: photonic.activation softplus
  %y = photonic.activation softplus %x : !photonic.field<4>
  return %y : !photonic.field<4>
}

// -----

// CHECK-LABEL: func.func @identity_diagonal
// CHECK-SAME: (%[[X:.*]]: !photonic.field<2>)
func.func @identity_diagonal(%x: !photonic.field<2>) -> !photonic.field<2> {
  // CHECK-NOT: photonic.diagonal
  // CHECK: return %[[X]]
  %y = photonic.diagonal %x theta = [0.0, 0.0] gain = 1.0 : !photonic.field<2> -> !photonic.field<2>
  return %y : !photonic.field<2>
}

// -----

// CHECK-LABEL: func.func @negative_diagonal_with_gain
func.func @negative_diagonal_with_gain(%x: !photonic.field<2>) -> !photonic.field<2> {
  // CHECK: photonic.diagonal %{{.*}} theta = [0.0, 0.0] gain = 2.000000e+00
  %y = photonic.diagonal %x theta = [0.0, 0.0] gain = 2.0 : !photonic.field<2> -> !photonic.field<2>
  return %y : !photonic.field<2>
}

// -----

// CHECK-LABEL: func.func @negative_diagonal_reshaping
func.func @negative_diagonal_reshaping(%x: !photonic.field<3>) -> !photonic.field<2> {
  // CHECK: photonic.diagonal
  %y = photonic.diagonal %x theta = [0.0, 0.0] gain = 1.0 : !photonic.field<3> -> !photonic.field<2>
  return %y : !photonic.field<2>
}

// -----

// CHECK-LABEL: func.func @identity_unitary
// CHECK-SAME: (%[[X:.*]]: !photonic.field<2>)
func.func @identity_unitary(%x: !photonic.field<2>) -> !photonic.field<2> {
  // CHECK-NOT: photonic.unitary
  // CHECK: return %[[X]]
  %y = photonic.unitary %x matrix(dense<[[1.0, 0.0], [0.0, 1.0]]> : tensor<2x2xf64>) : !photonic.field<2>
  return %y : !photonic.field<2>
}

// -----

// Two swaps compose to the identity, which then folds away.
// CHECK-LABEL: func.func @swap_swap
// CHECK-SAME: (%[[X:.*]]: !photonic.field<2>)
func.func @swap_swap(%x: !photonic.field<2>) -> !photonic.field<2> {
  // CHECK-NOT: photonic.unitary
  // CHECK: return %[[X]]
  %a = photonic.unitary %x matrix(dense<[[0.0, 1.0], [1.0, 0.0]]> : tensor<2x2xf64>) : !photonic.field<2>
  %b = photonic.unitary %a matrix(dense<[[0.0, 1.0], [1.0, 0.0]]> : tensor<2x2xf64>) : !photonic.field<2>
  return %b : !photonic.field<2>
}

// -----

// B·A with A = diag(i, 1) and B = swap: [[0, 1], [i, 0]].
// CHECK-LABEL: func.func @merge_unitaries
func.func @merge_unitaries(%x: !photonic.field<2>) -> !photonic.field<2> {
  // CHECK: photonic.unitary %{{.*}} matrix(dense<{{\[\[}}(0.000000e+00,0.000000e+00), (1.000000e+00,0.000000e+00)], [(0.000000e+00,1.000000e+00), (0.000000e+00,0.000000e+00)]]> : tensor<2x2xcomplex<f64>>) {layer = 0 : i64}
  // CHECK-NOT: photonic.unitary
  %a = photonic.unitary %x matrix(dense<[[(0.0, 1.0), (0.0, 0.0)], [(0.0, 0.0), (1.0, 0.0)]]> : tensor<2x2xcomplex<f64>>) {layer = 0 : i64, factor = "V"} : !photonic.field<2>
  %b = photonic.unitary %a matrix(dense<[[0.0, 1.0], [1.0, 0.0]]> : tensor<2x2xf64>) {layer = 0 : i64, factor = "U"} : !photonic.field<2>
  return %b : !photonic.field<2>
}

// -----

// An inner unitary with a second use is not merged.
// CHECK-LABEL: func.func @negative_merge_multiple_uses
func.func @negative_merge_multiple_uses(%x: !photonic.field<2>) -> (!photonic.field<2>, !photonic.field<2>) {
  // CHECK-COUNT-2: photonic.unitary
  %a = photonic.unitary %x matrix(dense<[[0.0, 1.0], [1.0, 0.0]]> : tensor<2x2xf64>) : !photonic.field<2>
  %b = photonic.unitary %a matrix(dense<[[0.0, 1.0], [-1.0, 0.0]]> : tensor<2x2xf64>) : !photonic.field<2>
  return %a, %b : !photonic.field<2>, !photonic.field<2>
}
