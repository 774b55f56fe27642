// RUN: photon-opt %s --convert-tosa-to-photonic -split-input-file -verify-diagnostics

// expected-error @+1 {{expects one argument and one result to convert to a photonic network}}
func.func @two_args(%x: tensor<1x2xf32>, %y: tensor<1x2xf32>) -> tensor<1x2xf32> {
  %r = tosa.sigmoid %x : (tensor<1x2xf32>) -> tensor<1x2xf32>
  return %r : tensor<1x2xf32>
}

// -----

// expected-error @+1 {{expects a float tensor argument whose only dynamic dimension is the batch}}
func.func @two_dynamic(%x: tensor<?x?xf32>) -> tensor<?x?xf32> {
  %r = tosa.sigmoid %x : (tensor<?x?xf32>) -> tensor<?x?xf32>
  return %r : tensor<?x?xf32>
}

// -----

func.func @unsupported(%x: tensor<1x2xf32>) -> tensor<1x2xf32> {
  // expected-error @+1 {{'tosa.negate' op is not supported by convert-tosa-to-photonic}}
  %r = tosa.negate %x : (tensor<1x2xf32>) -> tensor<1x2xf32>
  return %r : tensor<1x2xf32>
}

// -----

func.func @computed_weights(%x: tensor<1x2xf32>) -> tensor<1x2xf32> {
  %w = "tosa.const"() <{value = dense<1.0> : tensor<2x2xf32>}> : () -> tensor<2x2xf32>
  // expected-error @+1 {{'tosa.sigmoid' op is not supported by convert-tosa-to-photonic: it does not compute a constant and does not continue the chain}}
  %ws = tosa.sigmoid %w : (tensor<2x2xf32>) -> tensor<2x2xf32>
  %b = "tosa.const"() <{value = dense<0.0> : tensor<2xf32>}> : () -> tensor<2xf32>
  %y = tosa.fully_connected %x, %ws, %b : (tensor<1x2xf32>, tensor<2x2xf32>, tensor<2xf32>) -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}

// -----

func.func @wrong_width(%x: tensor<1x3xf32>) -> tensor<1x2xf32> {
  %w = "tosa.const"() <{value = dense<1.0> : tensor<2x2xf32>}> : () -> tensor<2x2xf32>
  %b = "tosa.const"() <{value = dense<0.0> : tensor<2xf32>}> : () -> tensor<2xf32>
  %x2 = tosa.reshape %x {new_shape = array<i64: 1, 3>} : (tensor<1x3xf32>) -> tensor<1x3xf32>
  // expected-error @+1 {{expects weights for 3 inputs (the chain's width), got 2}}
  %y = "tosa.fully_connected"(%x2, %w, %b) : (tensor<1x3xf32>, tensor<2x2xf32>, tensor<2xf32>) -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}

// -----

func.func @clamp_not_relu(%x: tensor<1x2xf32>) -> tensor<1x2xf32> {
  // expected-error @+1 {{expects a ReLU clamp (min_fp = 0, max_fp >= 3.4e38), got min_fp = -1.000000e+00, max_fp = 1.000000e+00}}
  %r = tosa.clamp %x {min_int = -1 : i64, max_int = 1 : i64, min_fp = -1.0 : f32, max_fp = 1.0 : f32} : (tensor<1x2xf32>) -> tensor<1x2xf32>
  return %r : tensor<1x2xf32>
}

// -----

func.func @branch(%x: tensor<1x2xf32>) -> tensor<1x2xf32> {
  // expected-error @+1 {{expects a straight chain: its operand has more than one use}}
  %a = tosa.sigmoid %x : (tensor<1x2xf32>) -> tensor<1x2xf32>
  %b = tosa.tanh %x : (tensor<1x2xf32>) -> tensor<1x2xf32>
  %c = tosa.add %a, %b : (tensor<1x2xf32>, tensor<1x2xf32>) -> tensor<1x2xf32>
  return %c : tensor<1x2xf32>
}

// -----

func.func @bias_size(%x: tensor<1x2xf32>) -> tensor<2x2xf32> {
  %b = "tosa.const"() <{value = dense<[[1.0], [2.0]]> : tensor<2x1xf32>}> : () -> tensor<2x1xf32>
  // expected-error @+1 {{expects a bias of 2 values along the last dimension, got 2}}
  %y = tosa.add %x, %b : (tensor<1x2xf32>, tensor<2x1xf32>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

func.func @bare_exp(%x: tensor<1x2xf32>) -> tensor<1x2xf32> {
  // expected-error @+1 {{is only supported as softplus (exp, add 1.0, log) or inside a softmax at the end}}
  %e = tosa.exp %x : (tensor<1x2xf32>) -> tensor<1x2xf32>
  return %e : tensor<1x2xf32>
}

// -----

func.func @scale_without_layer(%x: tensor<1x2xf32>) -> tensor<1x2xf32> {
  %two = "tosa.const"() <{value = dense<2.0> : tensor<1x1xf32>}> : () -> tensor<1x1xf32>
  // expected-error @+1 {{expects a multiplication by a constant right after a linear layer}}
  %y = tosa.mul %x, %two {shift = 0 : i8} : (tensor<1x2xf32>, tensor<1x1xf32>) -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}

// -----

func.func @softmax_not_last(%x: tensor<1x2xf32>) -> tensor<1x2xf32> {
  // expected-error @+1 {{is only supported as the start of a softmax or log-softmax over the last dimension whose result the function returns}}
  %m = tosa.reduce_max %x {axis = 1 : i32} : (tensor<1x2xf32>) -> tensor<1x1xf32>
  %s = tosa.sub %x, %m : (tensor<1x2xf32>, tensor<1x1xf32>) -> tensor<1x2xf32>
  %e = tosa.exp %s : (tensor<1x2xf32>) -> tensor<1x2xf32>
  %z = tosa.reduce_sum %e {axis = 1 : i32} : (tensor<1x2xf32>) -> tensor<1x1xf32>
  %l = tosa.log %z : (tensor<1x1xf32>) -> tensor<1x1xf32>
  %o = tosa.sub %s, %l : (tensor<1x2xf32>, tensor<1x1xf32>) -> tensor<1x2xf32>
  %t = tosa.tanh %o : (tensor<1x2xf32>) -> tensor<1x2xf32>
  return %t : tensor<1x2xf32>
}

// -----

func.func @chain_as_weights(%x: tensor<1x2xf32>) -> tensor<1x1xf32> {
  %in = "tosa.const"() <{value = dense<1.0> : tensor<1x2xf32>}> : () -> tensor<1x2xf32>
  %b = "tosa.const"() <{value = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  // expected-error @+1 {{expects the chain as its input operand}}
  %y = tosa.fully_connected %in, %x, %b : (tensor<1x2xf32>, tensor<1x2xf32>, tensor<1xf32>) -> tensor<1x1xf32>
  return %y : tensor<1x1xf32>
}

// -----

func.func @constant_minus_chain(%x: tensor<1x2xf32>) -> tensor<1x2xf32> {
  %c = "tosa.const"() <{value = dense<1.0> : tensor<1x2xf32>}> : () -> tensor<1x2xf32>
  // expected-error @+1 {{expects the chain as its first operand (x - constant)}}
  %y = tosa.sub %c, %x : (tensor<1x2xf32>, tensor<1x2xf32>) -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}

// -----

func.func @shifted_mul(%x: tensor<1x2xf32>) -> tensor<1x2xf32> {
  %w = "tosa.const"() <{value = dense<1.0> : tensor<2x2xf32>}> : () -> tensor<2x2xf32>
  %b = "tosa.const"() <{value = dense<0.0> : tensor<2xf32>}> : () -> tensor<2xf32>
  %two = "tosa.const"() <{value = dense<2.0> : tensor<1x1xf32>}> : () -> tensor<1x1xf32>
  %y = tosa.fully_connected %x, %w, %b : (tensor<1x2xf32>, tensor<2x2xf32>, tensor<2xf32>) -> tensor<1x2xf32>
  // expected-error @+1 {{expects a multiplication by a constant scalar or one value per mode (shift 0)}}
  %s = tosa.mul %y, %two {shift = 1 : i8} : (tensor<1x2xf32>, tensor<1x1xf32>) -> tensor<1x2xf32>
  return %s : tensor<1x2xf32>
}

// -----

func.func @reshape_into_batch(%x: tensor<?x4xf32>) -> tensor<?x2xf32> {
  // expected-error @+1 {{expects to keep the per-sample width 4 of the chain, got 'tensor<?x2xf32>'}}
  %y = tosa.reshape %x {new_shape = array<i64: -1, 2>} : (tensor<?x4xf32>) -> tensor<?x2xf32>
  return %y : tensor<?x2xf32>
}
