// RUN: photon-opt %s -split-input-file -verify-diagnostics

// expected-error @below {{expects at least 1 mode, got 0}}
func.func @zero_modes(%x: !photonic.field<0>) {
  return
}

// -----

// expected-error @below {{expects at most 4096 modes (docs/formats.md, Limits), got 4294967297}}
func.func @too_many_modes(%x: !photonic.field<4294967297>) {
  return
}

// -----

func.func @diagonal_huge_gain(%x: !photonic.field<1>) {
  // expected-error @below {{'photonic.diagonal' op expects a finite 'gain' in [0, 1e+06], got 1e+308}}
  %y = photonic.diagonal %x theta = [0.0] gain = 1.0e308 : !photonic.field<1> -> !photonic.field<1>
  return
}

// -----

func.func @encode_length(%x: tensor<3xf64>) {
  // expected-error @below {{'photonic.encode' op expects the input length to equal the mode count 4, got 'tensor<3xf64>'}}
  %f = photonic.encode %x : tensor<3xf64> -> !photonic.field<4>
  return
}

// -----

func.func @detect_length(%x: !photonic.field<4>) {
  // expected-error @below {{'photonic.detect' op expects the output length to equal the mode count 4, got 'tensor<5xf64>'}}
  %i = photonic.detect %x : !photonic.field<4> -> tensor<5xf64>
  return
}

// -----

func.func @dense_both(%x: !photonic.field<1>) {
  // expected-error @below {{'photonic.dense' op expects exactly one of 'weights' or 'init'}}
  %y = photonic.dense %x weights(dense<[[1.0]]> : tensor<1x1xf64>) init(normal, seed = 1) : !photonic.field<1> -> !photonic.field<1>
  return
}

// -----

func.func @dense_neither(%x: !photonic.field<1>) {
  // expected-error @below {{'photonic.dense' op expects exactly one of 'weights' or 'init'}}
  %y = photonic.dense %x : !photonic.field<1> -> !photonic.field<1>
  return
}

// -----

func.func @dense_complex_without_init(%x: !photonic.field<1>) {
  // expected-error @below {{'photonic.dense' op expects 'complex' only with 'init'}}
  %y = photonic.dense %x weights(dense<[[1.0]]> : tensor<1x1xf64>) complex : !photonic.field<1> -> !photonic.field<1>
  return
}

// -----

func.func @dense_seed_without_init(%x: !photonic.field<1>) {
  // expected-error @below {{'photonic.dense' op expects 'seed' exactly when 'init' is given}}
  %y = photonic.dense %x weights(dense<[[1.0]]> : tensor<1x1xf64>) {seed = 3 : i64} : !photonic.field<1> -> !photonic.field<1>
  return
}

// -----

func.func @dense_shape(%x: !photonic.field<3>) {
  // expected-error @below {{'photonic.dense' op expects 'weights' of shape 2x3 (output modes x input modes), got 3x2}}
  %y = photonic.dense %x weights(dense<1.0> : tensor<3x2xf64>) : !photonic.field<3> -> !photonic.field<2>
  return
}

// -----

func.func @dense_rank(%x: !photonic.field<3>) {
  // expected-error @below {{'photonic.dense' op expects 'weights' to be a 2-D tensor, got 'tensor<3xf64>'}}
  %y = photonic.dense %x weights(dense<1.0> : tensor<3xf64>) : !photonic.field<3> -> !photonic.field<3>
  return
}

// -----

func.func @dense_element_type(%x: !photonic.field<1>) {
  // expected-error @below {{'photonic.dense' op expects 'weights' elements of type f32, f64, complex<f32> or complex<f64>, got 'i32'}}
  %y = photonic.dense %x weights(dense<1> : tensor<1x1xi32>) : !photonic.field<1> -> !photonic.field<1>
  return
}

// -----

func.func @dense_not_finite(%x: !photonic.field<2>) {
  // expected-error @below {{'photonic.dense' op expects finite entries, but 'weights'[0][1] is not finite}}
  %y = photonic.dense %x weights(dense<[[1.0, 0x7FF0000000000000]]> : tensor<1x2xf64>) : !photonic.field<2> -> !photonic.field<1>
  return
}

// -----

func.func @unitary_not_unitary(%x: !photonic.field<2>) {
  // expected-error @below {{'photonic.unitary' op expects a unitary 'matrix': max |U^H U - I| = 1.000e+00 exceeds the tolerance 1e-08}}
  %y = photonic.unitary %x matrix(dense<[[1.0, 1.0], [0.0, 1.0]]> : tensor<2x2xf64>) : !photonic.field<2>
  return
}

// -----

func.func @unitary_shape(%x: !photonic.field<2>) {
  // expected-error @below {{'photonic.unitary' op expects 'matrix' of shape 2x2 (output modes x input modes), got 3x3}}
  %y = photonic.unitary %x matrix(dense<0.0> : tensor<3x3xf64>) : !photonic.field<2>
  return
}

// -----

func.func @unitary_f32(%x: !photonic.field<1>) {
  // expected-error @below {{'photonic.unitary' op expects 'matrix' elements of type f64 or complex<f64>}}
  %y = photonic.unitary %x matrix(dense<1.0> : tensor<1x1xf32>) : !photonic.field<1>
  return
}

// -----

func.func @unitary_factor(%x: !photonic.field<1>) {
  // expected-error @below {{'photonic.unitary' op expects 'factor' to be "U" or "V", got "W"}}
  %y = photonic.unitary %x matrix(dense<1.0> : tensor<1x1xf64>) {factor = "W"} : !photonic.field<1>
  return
}

// -----

func.func @unitary_modes(%x: !photonic.field<1>) {
  // expected-error @below {{'photonic.unitary' op failed to verify that all of {input, output} have same type}}
  %y = "photonic.unitary"(%x) <{matrix = dense<1.0> : tensor<1x1xf64>}> : (!photonic.field<1>) -> !photonic.field<2>
  return
}

// -----

func.func @diagonal_length(%x: !photonic.field<3>) {
  // expected-error @below {{'photonic.diagonal' op expects 'theta' to have 2 entries (one attenuator per min(input, output) mode), got 3}}
  %y = photonic.diagonal %x theta = [0.0, 0.0, 0.0] gain = 1.0 : !photonic.field<3> -> !photonic.field<2>
  return
}

// -----

func.func @diagonal_range(%x: !photonic.field<2>) {
  // expected-error @below {{'photonic.diagonal' op expects attenuator phases in [0, pi], but 'theta'[1] is 4}}
  %y = photonic.diagonal %x theta = [0.0, 4.0] gain = 1.0 : !photonic.field<2> -> !photonic.field<2>
  return
}

// -----

func.func @diagonal_nan(%x: !photonic.field<2>) {
  // expected-error @below {{'photonic.diagonal' op expects finite phases, but 'theta'[0] is nan}}
  %y = photonic.diagonal %x theta = [0x7FF8000000000000, 0.0] gain = 1.0 : !photonic.field<2> -> !photonic.field<2>
  return
}

// -----

func.func @diagonal_gain(%x: !photonic.field<1>) {
  // expected-error @below {{'photonic.diagonal' op expects a finite 'gain' in [0, 1e+06], got -1}}
  %y = photonic.diagonal %x theta = [0.0] gain = -1.0 : !photonic.field<1> -> !photonic.field<1>
  return
}

// -----

func.func @diagonal_layer(%x: !photonic.field<1>) {
  // expected-error @below {{'photonic.diagonal' op expects a 'layer' in 0..2147483647, got -2}}
  %y = photonic.diagonal %x theta = [0.0] gain = 1.0 {layer = -2 : i64} : !photonic.field<1> -> !photonic.field<1>
  return
}

// -----

func.func @mesh_theta_length(%x: !photonic.field<3>) {
  // expected-error @below {{'photonic.mesh' op expects 'theta' to have 3 entries (one per MZI, N(N-1)/2), got 2}}
  %y = photonic.mesh clements %x theta = [0.0, 0.0] phi = [0.0, 0.0, 0.0] outputs = [0.0, 0.0, 0.0] : !photonic.field<3>
  return
}

// -----

func.func @mesh_phi_length(%x: !photonic.field<3>) {
  // expected-error @below {{'photonic.mesh' op expects 'phi' to have 3 entries (one per MZI, N(N-1)/2), got 4}}
  %y = photonic.mesh clements %x theta = [0.0, 0.0, 0.0] phi = [0.0, 0.0, 0.0, 0.0] outputs = [0.0, 0.0, 0.0] : !photonic.field<3>
  return
}

// -----

func.func @mesh_outputs_length(%x: !photonic.field<2>) {
  // expected-error @below {{'photonic.mesh' op expects 'outputs' to have 2 entries (one per mode), got 1}}
  %y = photonic.mesh reck %x theta = [0.0] phi = [0.0] outputs = [0.0] : !photonic.field<2>
  return
}

// -----

func.func @mesh_infinite(%x: !photonic.field<2>) {
  // expected-error @below {{'photonic.mesh' op expects finite phases, but 'phi'[0] is inf}}
  %y = photonic.mesh clements %x theta = [0.0] phi = [0x7FF0000000000000] outputs = [0.0, 0.0] : !photonic.field<2>
  return
}

// -----

func.func @mesh_mask_length(%x: !photonic.field<2>) {
  // expected-error @below {{'photonic.mesh' op expects 'mask' to have 4 entries (2 N(N-1)/2 + N shifters), got 3}}
  %y = photonic.mesh clements %x theta = [0.0] phi = [0.0] outputs = [0.0, 0.0] mask = [true, true, true] : !photonic.field<2>
  return
}

// -----

func.func @mesh_masked_phase(%x: !photonic.field<2>) {
  // expected-error @below {{'photonic.mesh' op expects masked shifters to have phase 0, but 'outputs'[1] is 0.5}}
  %y = photonic.mesh clements %x theta = [0.0] phi = [0.0] outputs = [0.0, 0.5] mask = [true, true, true, false] : !photonic.field<2>
  return
}

// -----

func.func @mesh_active_size(%x: !photonic.field<2>) {
  // expected-error @below {{'photonic.mesh' op expects 'active' to have 4 entries (2 N(N-1)/2 + N shifters), got 2}}
  %y = photonic.mesh clements %x theta = [0.0] phi = [0.0] outputs = [0.0, 0.0] active = [true, true] : !photonic.field<2>
  return
}

// -----

func.func @mesh_active_output(%x: !photonic.field<2>) {
  // expected-error @below {{'photonic.mesh' op expects only theta and phi shifters to be active, but output shifter 1 is}}
  %y = photonic.mesh clements %x theta = [0.0] phi = [0.0] outputs = [0.0, 0.0] active = [true, false, false, true] : !photonic.field<2>
  return
}

// -----

func.func @mesh_active_masked(%x: !photonic.field<2>) {
  // expected-error @below {{'photonic.mesh' op expects active shifters to be live, but shifter 1 is masked}}
  %y = photonic.mesh clements %x theta = [1.0] phi = [0.0] outputs = [0.0, 0.0] mask = [true, false, true, true] active = [true, true, false, false] : !photonic.field<2>
  return
}

// -----

func.func @mesh_topology(%x: !photonic.field<2>) {
  // expected-error @below {{expected string or keyword containing one of the following enum values for attribute 'topology' [clements, reck]}}
  %y = photonic.mesh benes %x theta = [0.0] phi = [0.0] outputs = [0.0, 0.0] : !photonic.field<2>
  return
}

// -----

func.func @activation_kind(%x: !photonic.field<2>) {
  // expected-error @below {{expected string or keyword containing one of the following enum values for attribute 'function' [identity, softplus, modulus]}}
  %y = photonic.activation relu %x : !photonic.field<2>
  return
}

// -----

func.func @mesh_initial_partial(%x: !photonic.field<2>) {
  // expected-error @below {{'photonic.mesh' op expects initial theta, phi and outputs together}}
  %y = "photonic.mesh"(%x) <{topology = 0 : i32, theta = array<f64: 0.0>, phi = array<f64: 0.0>, output_phases = array<f64: 0.0, 0.0>, initial_theta = array<f64: 0.0>}> : (!photonic.field<2>) -> !photonic.field<2>
  return
}

// -----

func.func @mesh_initial_length(%x: !photonic.field<2>) {
  // expected-error @below {{'photonic.mesh' op expects 'initial phi' to have 1 entries (one per MZI, N(N-1)/2), got 2}}
  %y = photonic.mesh clements %x theta = [0.0] phi = [0.0] outputs = [0.0, 0.0] initial(theta = [0.0] phi = [0.0, 1.0] outputs = [0.0, 0.0]) : !photonic.field<2>
  return
}

// -----

func.func @diagonal_initial_partial(%x: !photonic.field<1>) {
  // expected-error @below {{'photonic.diagonal' op expects initial theta and gain together}}
  %y = "photonic.diagonal"(%x) <{theta = array<f64: 0.0>, gain = 1.0 : f64, initial_gain = 1.0 : f64}> : (!photonic.field<1>) -> !photonic.field<1>
  return
}

// -----

func.func @diagonal_initial_range(%x: !photonic.field<1>) {
  // expected-error @below {{'photonic.diagonal' op expects attenuator phases in [0, pi], but 'initial theta'[0] is 5}}
  %y = photonic.diagonal %x theta = [0.0] gain = 1.0 initial(theta = [5.0] gain = 1.0) : !photonic.field<1> -> !photonic.field<1>
  return
}

// -----

func.func @diagonal_initial_gain(%x: !photonic.field<1>) {
  // expected-error @below {{'photonic.diagonal' op expects a finite 'initial gain' in [0, 1e+06], got -3}}
  %y = photonic.diagonal %x theta = [0.0] gain = 1.0 initial(theta = [0.0] gain = -3.0) : !photonic.field<1> -> !photonic.field<1>
  return
}

// -----

func.func @diagonal_mask_length(%x: !photonic.field<2>) {
  // expected-error @below {{'photonic.diagonal' op expects 'mask' to have 2 entries (one per attenuator), got 1}}
  %y = photonic.diagonal %x theta = [0.0, 0.0] gain = 1.0 mask = [true] : !photonic.field<2> -> !photonic.field<2>
  return
}

// -----

func.func @diagonal_masked_phase(%x: !photonic.field<2>) {
  // expected-error @below {{'photonic.diagonal' op expects masked attenuators to have phase 0, but 'theta'[1] is 0.25}}
  %y = photonic.diagonal %x theta = [0.0, 0.25] gain = 1.0 mask = [true, false] : !photonic.field<2> -> !photonic.field<2>
  return
}
