// RUN: photon-opt %s -split-input-file -verify-diagnostics

func.func @oeo_softmax(%x: !photonic.field<2>) -> !photonic.field<2> {
  // expected-error @+1 {{'photonic.oeo' op expects an element-wise function, got 'softmax' (only photonic.readout may apply it)}}
  %y = photonic.oeo softmax %x : !photonic.field<2>
  return %y : !photonic.field<2>
}

// -----

func.func @oeo_bias_size(%x: !photonic.field<2>) -> !photonic.field<2> {
  // expected-error @+1 {{'photonic.oeo' op expects 'bias' to have 2 entries (one per mode), got 3}}
  %y = photonic.oeo relu %x bias = [1.0, 2.0, 3.0] : !photonic.field<2>
  return %y : !photonic.field<2>
}

// -----

func.func @readout_bias_nan(%x: !photonic.field<2>) -> tensor<2xf64> {
  // expected-error @+1 {{'photonic.readout' op expects finite 'bias' entries, entry 1 is nan}}
  %y = photonic.readout identity %x bias = [1.0, 0x7FF8000000000000] : !photonic.field<2> -> tensor<2xf64>
  return %y : tensor<2xf64>
}

// -----

func.func @readout_width(%x: !photonic.field<2>) -> tensor<3xf64> {
  // expected-error @+1 {{'photonic.readout' op expects the output length to equal the mode count 2, got 'tensor<3xf64>'}}
  %y = photonic.readout identity %x : !photonic.field<2> -> tensor<3xf64>
  return %y : tensor<3xf64>
}
