// RUN: photon-opt %s --pass-pipeline='builtin.module(photonic-lower-to-mesh)' | FileCheck %s --check-prefixes=CHECK,CLEMENTS
// RUN: photon-opt %s --pass-pipeline='builtin.module(photonic-lower-to-mesh{topology=reck})' | FileCheck %s --check-prefixes=CHECK,RECK

// The 16-16-16-10 network of the LTH paper: five 16-mode meshes (120 MZIs
// each) and one 10-mode mesh (45 MZIs): 645 MZIs, 1290 mesh shifters.
// CHECK-LABEL: func.func @mlp
func.func @mlp(%x: tensor<16xcomplex<f64>>) -> tensor<10xf64> {
  // CHECK: photonic.encode
  // CLEMENTS-NEXT: photonic.mesh clements {{.*}} {factor = "V", layer = 0 : i64} : !photonic.field<16>
  // RECK-NEXT: photonic.mesh reck {{.*}} {factor = "V", layer = 0 : i64} : !photonic.field<16>
  // CHECK-NEXT: photonic.diagonal {{.*}} {layer = 0 : i64} : !photonic.field<16> -> !photonic.field<16>
  // CHECK-NEXT: photonic.mesh {{.*}} {factor = "U", layer = 0 : i64} : !photonic.field<16>
  // CHECK-NEXT: photonic.activation softplus
  // CHECK-NEXT: photonic.mesh {{.*}} {factor = "V", layer = 1 : i64} : !photonic.field<16>
  // CHECK-NEXT: photonic.diagonal
  // CHECK-NEXT: photonic.mesh {{.*}} {factor = "U", layer = 1 : i64} : !photonic.field<16>
  // CHECK-NEXT: photonic.activation softplus
  // CHECK-NEXT: photonic.mesh {{.*}} {factor = "V", layer = 2 : i64} : !photonic.field<16>
  // CHECK-NEXT: photonic.diagonal {{.*}} {layer = 2 : i64} : !photonic.field<16> -> !photonic.field<10>
  // CHECK-NEXT: photonic.mesh {{.*}} {factor = "U", layer = 2 : i64} : !photonic.field<10>
  // CHECK-NEXT: photonic.detect
  %0 = photonic.encode %x : tensor<16xcomplex<f64>> -> !photonic.field<16>
  %1 = photonic.dense %0 init(normal, seed = 1) complex : !photonic.field<16> -> !photonic.field<16>
  %2 = photonic.activation softplus %1 : !photonic.field<16>
  %3 = photonic.dense %2 init(normal, seed = 2) complex : !photonic.field<16> -> !photonic.field<16>
  %4 = photonic.activation softplus %3 : !photonic.field<16>
  %5 = photonic.dense %4 init(normal, seed = 3) complex : !photonic.field<16> -> !photonic.field<10>
  %6 = photonic.detect %5 : !photonic.field<10> -> tensor<10xf64>
  return %6 : tensor<10xf64>
}
