// RUN: photon-opt %s --convert-tosa-to-photonic -split-input-file | FileCheck %s

// A fully-connected layer with a bias and a sigmoid at the end: one dense
// layer and a readout that adds the bias and applies the sigmoid.
// CHECK-LABEL: func.func @fc_sigmoid
// CHECK-SAME: (%[[X:.*]]: tensor<2xf64>) -> tensor<1xf64>
// CHECK: %[[F:.*]] = photonic.encode %[[X]] : tensor<2xf64> -> !photonic.field<2>
// CHECK: %[[D:.*]] = photonic.dense %[[F]] weights(dense<{{\[\[}}1.000000e+00, 2.000000e+00]]> : tensor<1x2xf64>) : !photonic.field<2> -> !photonic.field<1>
// CHECK: %[[R:.*]] = photonic.readout sigmoid %[[D]] bias = [0.5] : !photonic.field<1> -> tensor<1xf64>
// CHECK: return %[[R]] : tensor<1xf64>
func.func @fc_sigmoid(%x: tensor<?x2xf32>) -> tensor<?x1xf32> {
  %w = "tosa.const"() <{value = dense<[[1.0, 2.0]]> : tensor<1x2xf32>}> : () -> tensor<1x2xf32>
  %b = "tosa.const"() <{value = dense<[0.5]> : tensor<1xf32>}> : () -> tensor<1xf32>
  %y = tosa.fully_connected %x, %w, %b : (tensor<?x2xf32>, tensor<1x2xf32>, tensor<1xf32>) -> tensor<?x1xf32>
  %r = tosa.sigmoid %y : (tensor<?x1xf32>) -> tensor<?x1xf32>
  return %r : tensor<?x1xf32>
}

// -----

// ReLU between two layers becomes an O-E-O boundary carrying the first
// bias; the stabilised log-softmax decomposition becomes the readout's
// function.
// CHECK-LABEL: func.func @mlp
// CHECK: %[[D0:.*]] = photonic.dense %{{.*}} weights(dense<{{\[\[}}1.000000e+00, 0.000000e+00], [0.000000e+00, -1.000000e+00]]> : tensor<2x2xf64>)
// CHECK: %[[O:.*]] = photonic.oeo relu %[[D0]] bias = [0.25, -0.25] : !photonic.field<2>
// CHECK: %[[D1:.*]] = photonic.dense %[[O]] weights(dense<{{\[\[}}1.000000e+00, 1.000000e+00], [2.000000e+00, -1.000000e+00], [0.000000e+00, 3.000000e+00]]> : tensor<3x2xf64>) : !photonic.field<2> -> !photonic.field<3>
// CHECK: %[[R:.*]] = photonic.readout log_softmax %[[D1]] bias = [1.0, 0.0, -1.0] : !photonic.field<3> -> tensor<3xf64>
// CHECK: return %[[R]]
func.func @mlp(%x: tensor<1x2xf32>) -> tensor<1x3xf32> {
  %w0 = "tosa.const"() <{value = dense<[[1.0, 0.0], [0.0, -1.0]]> : tensor<2x2xf32>}> : () -> tensor<2x2xf32>
  %b0 = "tosa.const"() <{value = dense<[0.25, -0.25]> : tensor<2xf32>}> : () -> tensor<2xf32>
  %w1 = "tosa.const"() <{value = dense<[[1.0, 1.0], [2.0, -1.0], [0.0, 3.0]]> : tensor<3x2xf32>}> : () -> tensor<3x2xf32>
  %b1 = "tosa.const"() <{value = dense<[1.0, 0.0, -1.0]> : tensor<3xf32>}> : () -> tensor<3xf32>
  %h = tosa.fully_connected %x, %w0, %b0 : (tensor<1x2xf32>, tensor<2x2xf32>, tensor<2xf32>) -> tensor<1x2xf32>
  %r = tosa.clamp %h {min_int = 0 : i64, max_int = 9223372036854775807 : i64, min_fp = 0.0 : f32, max_fp = 3.40282347E+38 : f32} : (tensor<1x2xf32>) -> tensor<1x2xf32>
  %y = tosa.fully_connected %r, %w1, %b1 : (tensor<1x2xf32>, tensor<3x2xf32>, tensor<3xf32>) -> tensor<1x3xf32>
  %m = tosa.reduce_max %y {axis = 1 : i32} : (tensor<1x3xf32>) -> tensor<1x1xf32>
  %s = tosa.sub %y, %m : (tensor<1x3xf32>, tensor<1x1xf32>) -> tensor<1x3xf32>
  %e = tosa.exp %s : (tensor<1x3xf32>) -> tensor<1x3xf32>
  %z = tosa.reduce_sum %e {axis = 1 : i32} : (tensor<1x3xf32>) -> tensor<1x1xf32>
  %l = tosa.log %z : (tensor<1x1xf32>) -> tensor<1x1xf32>
  %o = tosa.sub %s, %l : (tensor<1x3xf32>, tensor<1x1xf32>) -> tensor<1x3xf32>
  return %o : tensor<1x3xf32>
}

// -----

// torch-mlir's form of a linear layer: reshape to 3-D, matmul by the
// transposed weight constant, reshape back, add the bias; then tanh and
// softmax. The weights come out as W = transpose(B); the f32 bias is
// widened to f64 exactly (0.1f = 0.10000000149011612).
// CHECK-LABEL: func.func @matmul_form
// CHECK-SAME: (%{{.*}}: tensor<3xf64>) -> tensor<2xf64>
// CHECK: %[[D:.*]] = photonic.dense %{{.*}} weights(dense<{{\[\[}}1.000000e+00, 2.000000e+00, 3.000000e+00], [4.000000e+00, 5.000000e+00, 6.000000e+00]]> : tensor<2x3xf64>) : !photonic.field<3> -> !photonic.field<2>
// CHECK: %[[O:.*]] = photonic.oeo tanh %[[D]] bias = [0.10000000149011612, 0.20000000298023224] : !photonic.field<2>
// CHECK: photonic.readout softmax %[[O]] : !photonic.field<2> -> tensor<2xf64>
func.func @matmul_form(%x: tensor<?x3xf32>) -> tensor<?x2xf32> {
  %w = "tosa.const"() <{value = dense<[[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]]> : tensor<1x2x3xf32>}> : () -> tensor<1x2x3xf32>
  %perms = "tosa.const"() <{value = dense<[0, 2, 1]> : tensor<3xi32>}> : () -> tensor<3xi32>
  %wt = tosa.transpose %w, %perms : (tensor<1x2x3xf32>, tensor<3xi32>) -> tensor<1x3x2xf32>
  %b = "tosa.const"() <{value = dense<[[0.1, 0.2]]> : tensor<1x2xf32>}> : () -> tensor<1x2xf32>
  %x3 = tosa.reshape %x {new_shape = array<i64: 1, -1, 3>} : (tensor<?x3xf32>) -> tensor<1x?x3xf32>
  %y3 = tosa.matmul %x3, %wt : (tensor<1x?x3xf32>, tensor<1x3x2xf32>) -> tensor<1x?x2xf32>
  %y = tosa.reshape %y3 {new_shape = array<i64: -1, 2>} : (tensor<1x?x2xf32>) -> tensor<?x2xf32>
  %yb = tosa.add %y, %b : (tensor<?x2xf32>, tensor<1x2xf32>) -> tensor<?x2xf32>
  %t = tosa.tanh %yb : (tensor<?x2xf32>) -> tensor<?x2xf32>
  %m = tosa.reduce_max %t {axis = 1 : i32} : (tensor<?x2xf32>) -> tensor<?x1xf32>
  %s = tosa.sub %t, %m : (tensor<?x2xf32>, tensor<?x1xf32>) -> tensor<?x2xf32>
  %e = tosa.exp %s : (tensor<?x2xf32>) -> tensor<?x2xf32>
  %z = tosa.reduce_sum %e {axis = 1 : i32} : (tensor<?x2xf32>) -> tensor<?x1xf32>
  %i = tosa.reciprocal %z : (tensor<?x1xf32>) -> tensor<?x1xf32>
  %o = tosa.mul %e, %i {shift = 0 : i8} : (tensor<?x2xf32>, tensor<?x1xf32>) -> tensor<?x2xf32>
  return %o : tensor<?x2xf32>
}

// -----

// A bias followed by another linear layer is carried through it:
// W1 (W0 x + b0) + b1 = W1 W0 x + (W1 b0 + b1), with W1 b0 = [1·1 + 2·2] = 5,
// so the readout adds 5 + 0.5. Alpha (tosa.mul right after the layer) is
// folded into the weights: 2 · [1, 2] = [2, 4], bias 2 · 5.5 = 11.
// CHECK-LABEL: func.func @carry_bias
// CHECK: photonic.dense %{{.*}} weights(dense<{{\[\[}}1.000000e+00, 0.000000e+00], [0.000000e+00, 1.000000e+00]]> : tensor<2x2xf64>)
// CHECK-NEXT: %[[D:.*]] = photonic.dense %{{.*}} weights(dense<{{\[\[}}2.000000e+00, 4.000000e+00]]> : tensor<1x2xf64>)
// CHECK-NEXT: photonic.readout identity %[[D]] bias = [11.0] : !photonic.field<1> -> tensor<1xf64>
func.func @carry_bias(%x: tensor<?x2xf32>) -> tensor<?x1xf32> {
  %w0 = "tosa.const"() <{value = dense<[[1.0, 0.0], [0.0, 1.0]]> : tensor<2x2xf32>}> : () -> tensor<2x2xf32>
  %b0 = "tosa.const"() <{value = dense<[1.0, 2.0]> : tensor<2xf32>}> : () -> tensor<2xf32>
  %w1 = "tosa.const"() <{value = dense<[[1.0, 2.0]]> : tensor<1x2xf32>}> : () -> tensor<1x2xf32>
  %b1 = "tosa.const"() <{value = dense<[0.5]> : tensor<1xf32>}> : () -> tensor<1xf32>
  %alpha = "tosa.const"() <{value = dense<2.0> : tensor<1x1xf32>}> : () -> tensor<1x1xf32>
  %h = tosa.fully_connected %x, %w0, %b0 : (tensor<?x2xf32>, tensor<2x2xf32>, tensor<2xf32>) -> tensor<?x2xf32>
  %y = tosa.fully_connected %h, %w1, %b1 : (tensor<?x2xf32>, tensor<1x2xf32>, tensor<1xf32>) -> tensor<?x1xf32>
  %s = tosa.mul %y, %alpha {shift = 0 : i8} : (tensor<?x1xf32>, tensor<1x1xf32>) -> tensor<?x1xf32>
  return %s : tensor<?x1xf32>
}

// -----

// |x| with no bias pending stays optical (the modulus activation); with a
// bias pending it is electrical. Softplus (exp, add 1, log) is electrical.
// CHECK-LABEL: func.func @abs_softplus
// CHECK: %[[D:.*]] = photonic.dense
// CHECK: %[[M:.*]] = photonic.activation modulus %[[D]] : !photonic.field<2>
// CHECK: %[[D2:.*]] = photonic.dense %[[M]]
// CHECK: %[[O:.*]] = photonic.oeo abs %[[D2]] bias = [-1.0, 1.0] : !photonic.field<2>
// CHECK: photonic.readout softplus %[[O]] : !photonic.field<2> -> tensor<2xf64>
func.func @abs_softplus(%x: tensor<1x2xf32>) -> tensor<1x2xf32> {
  %w = "tosa.const"() <{value = dense<[[1.0, -1.0], [0.5, 0.5]]> : tensor<2x2xf32>}> : () -> tensor<2x2xf32>
  %zero = "tosa.const"() <{value = dense<0.0> : tensor<2xf32>}> : () -> tensor<2xf32>
  %b = "tosa.const"() <{value = dense<[-1.0, 1.0]> : tensor<2xf32>}> : () -> tensor<2xf32>
  %one = "tosa.const"() <{value = dense<1.0> : tensor<1x1xf32>}> : () -> tensor<1x1xf32>
  %y = tosa.fully_connected %x, %w, %zero : (tensor<1x2xf32>, tensor<2x2xf32>, tensor<2xf32>) -> tensor<1x2xf32>
  %a = tosa.abs %y : (tensor<1x2xf32>) -> tensor<1x2xf32>
  %y2 = tosa.fully_connected %a, %w, %b : (tensor<1x2xf32>, tensor<2x2xf32>, tensor<2xf32>) -> tensor<1x2xf32>
  %a2 = tosa.abs %y2 : (tensor<1x2xf32>) -> tensor<1x2xf32>
  %e = tosa.exp %a2 : (tensor<1x2xf32>) -> tensor<1x2xf32>
  %p = tosa.add %e, %one : (tensor<1x2xf32>, tensor<1x1xf32>) -> tensor<1x2xf32>
  %l = tosa.log %p : (tensor<1x2xf32>) -> tensor<1x2xf32>
  return %l : tensor<1x2xf32>
}

// -----

// A photonic function (no TOSA) is left as it is.
// CHECK-LABEL: func.func @already_photonic
// CHECK-SAME: (%{{.*}}: !photonic.field<2>) -> !photonic.field<2>
// CHECK-NEXT: return
func.func @already_photonic(%x: !photonic.field<2>) -> !photonic.field<2> {
  return %x : !photonic.field<2>
}
