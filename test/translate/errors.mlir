// RUN: not photon-translate --photonic-to-runtime %s -split-input-file 2>&1 | FileCheck %s
// RUN: not photon-translate --photonic-to-phase-table %s -split-input-file 2>&1 | FileCheck %s
// RUN: not photon-translate --photonic-to-svg %s -split-input-file 2>&1 | FileCheck %s

// CHECK: error: 'photonic.dense' op must be lowered to meshes first (run photonic-lower-to-mesh)
func.func @unlowered(%x: !photonic.field<2>) -> !photonic.field<2> {
  %y = photonic.dense %x init(normal, seed = 1) : !photonic.field<2> -> !photonic.field<2>
  return %y : !photonic.field<2>
}

// -----

// CHECK: error: 'photonic.unitary' op must be lowered to meshes first (run photonic-lower-to-mesh)
func.func @unitary(%x: !photonic.field<1>) -> !photonic.field<1> {
  %y = photonic.unitary %x matrix(dense<1.0> : tensor<1x1xf64>) : !photonic.field<1>
  return %y : !photonic.field<1>
}

// -----

// CHECK: error: expects exactly one func.func to translate, found 2
func.func @a(%x: !photonic.field<1>) -> !photonic.field<1> {
  return %x : !photonic.field<1>
}
func.func @b(%x: !photonic.field<1>) -> !photonic.field<1> {
  return %x : !photonic.field<1>
}

// -----

// CHECK: error: 'photonic.activation' op expects a straight chain of photonic ops: each op consumes the result of the previous one
func.func @branch(%x: !photonic.field<2>) -> !photonic.field<2> {
  %a = photonic.activation softplus %x : !photonic.field<2>
  %b = photonic.activation modulus %x : !photonic.field<2>
  return %b : !photonic.field<2>
}

// -----

// CHECK: error: expects a function with one argument and one result, got '(!photonic.field<2>, !photonic.field<2>) -> !photonic.field<2>'
func.func @two_args(%x: !photonic.field<2>, %y: !photonic.field<2>) -> !photonic.field<2> {
  return %x : !photonic.field<2>
}

// -----

// CHECK: error: expected ':'
func.func @malformed(%x: !photonic.field<2>) -> !photonic.field<2> {
  %a = photonic.activation softplus %x
  return %a : !photonic.field<2>
}
