// The ALoRA adapter op: custom assembly, generic form and round trips.
// RUN: photon-opt %s | FileCheck %s
// RUN: photon-opt %s | photon-opt | FileCheck %s
// RUN: photon-opt -mlir-print-op-generic %s | photon-opt | FileCheck %s

// CHECK-LABEL: func.func @adapter
// CHECK-SAME: (%[[X:.*]]: !photonic.field<3>)
func.func @adapter(%x: !photonic.field<3>) -> !photonic.field<2> {
  // CHECK: %[[Y:.*]] = photonic.diagonal %[[X]]
  %y = photonic.diagonal %x theta = [0.0, 1.0] gain = 2.0 : !photonic.field<3> -> !photonic.field<2>
  // CHECK: photonic.adapter %[[X]], %[[Y]] a(dense<{{\[\[}}(1.000000e-01,0.000000e+00), (0.000000e+00,-2.000000e-01), (1.2345678901234567,3.000000e+00)]]> : tensor<1x3xcomplex<f64>>) b(dense<{{\[\[}}(5.000000e-01,0.000000e+00)], {{\[}}(0.000000e+00,1.000000e+00)]]> : tensor<2x1xcomplex<f64>>) {layer = 0 : i64} : !photonic.field<3> -> !photonic.field<2>
  %z = photonic.adapter %x, %y a(dense<[[(0.1, 0.0), (0.0, -0.2), (1.2345678901234567, 3.0)]]> : tensor<1x3xcomplex<f64>>)
         b(dense<[[(0.5, 0.0)], [(0.0, 1.0)]]> : tensor<2x1xcomplex<f64>>) {layer = 0 : i64}
         : !photonic.field<3> -> !photonic.field<2>
  return %z : !photonic.field<2>
}

// Real matrices, rank min(M, N), no layer.
// CHECK-LABEL: func.func @adapter_real
func.func @adapter_real(%x: !photonic.field<2>) -> !photonic.field<2> {
  // CHECK: photonic.adapter %{{.*}}, %{{.*}} a(dense<{{\[\[}}1.000000e+00, 0.000000e+00], [0.000000e+00, 1.000000e+00]]> : tensor<2x2xf64>) b(dense<{{\[\[}}2.000000e+00, 0.000000e+00], [0.000000e+00, 3.000000e+00]]> : tensor<2x2xf64>) : !photonic.field<2> -> !photonic.field<2>
  %z = photonic.adapter %x, %x a(dense<[[1.0, 0.0], [0.0, 1.0]]> : tensor<2x2xf64>)
         b(dense<[[2.0, 0.0], [0.0, 3.0]]> : tensor<2x2xf64>) : !photonic.field<2> -> !photonic.field<2>
  return %z : !photonic.field<2>
}
