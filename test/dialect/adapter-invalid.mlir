// RUN: photon-opt %s -split-input-file -verify-diagnostics

func.func @rank_too_high(%x: !photonic.field<3>, %y: !photonic.field<2>) -> !photonic.field<2> {
  // expected-error @below {{'photonic.adapter' op expects a rank (rows of 'a') in 1..2 (min of the input modes 3 and the output modes 2), got 3}}
  %z = photonic.adapter %x, %y a(dense<0.0> : tensor<3x3xf64>) b(dense<0.0> : tensor<2x3xf64>) : !photonic.field<3> -> !photonic.field<2>
  return %z : !photonic.field<2>
}

// -----

func.func @a_columns(%x: !photonic.field<3>, %y: !photonic.field<2>) -> !photonic.field<2> {
  // expected-error @below {{'photonic.adapter' op expects 'a' of shape 1x3 (rank x input modes), got 1x2}}
  %z = photonic.adapter %x, %y a(dense<0.0> : tensor<1x2xf64>) b(dense<0.0> : tensor<2x1xf64>) : !photonic.field<3> -> !photonic.field<2>
  return %z : !photonic.field<2>
}

// -----

func.func @b_shape(%x: !photonic.field<3>, %y: !photonic.field<2>) -> !photonic.field<2> {
  // expected-error @below {{'photonic.adapter' op expects 'b' of shape 2x1 (output modes x rank), got 2x2}}
  %z = photonic.adapter %x, %y a(dense<0.0> : tensor<1x3xf64>) b(dense<0.0> : tensor<2x2xf64>) : !photonic.field<3> -> !photonic.field<2>
  return %z : !photonic.field<2>
}

// -----

func.func @a_rank1(%x: !photonic.field<3>, %y: !photonic.field<2>) -> !photonic.field<2> {
  // expected-error @below {{'photonic.adapter' op expects 'a' to be a 2-D tensor, got 'tensor<3xf64>'}}
  %z = photonic.adapter %x, %y a(dense<0.0> : tensor<3xf64>) b(dense<0.0> : tensor<2x1xf64>) : !photonic.field<3> -> !photonic.field<2>
  return %z : !photonic.field<2>
}

// -----

func.func @not_finite(%x: !photonic.field<2>, %y: !photonic.field<2>) -> !photonic.field<2> {
  // expected-error @below {{'photonic.adapter' op expects finite entries, but 'b'[1][0] is not finite}}
  %z = photonic.adapter %x, %y a(dense<1.0> : tensor<1x2xf64>) b(dense<[[1.0], [0x7FF0000000000000]]> : tensor<2x1xf64>) : !photonic.field<2> -> !photonic.field<2>
  return %z : !photonic.field<2>
}

// -----

func.func @int_elements(%x: !photonic.field<2>, %y: !photonic.field<2>) -> !photonic.field<2> {
  // expected-error @below {{'photonic.adapter' op expects 'a' elements of type f32, f64, complex<f32> or complex<f64>, got 'i32'}}
  %z = photonic.adapter %x, %y a(dense<1> : tensor<1x2xi32>) b(dense<1.0> : tensor<2x1xf64>) : !photonic.field<2> -> !photonic.field<2>
  return %z : !photonic.field<2>
}

// -----

func.func @negative_layer(%x: !photonic.field<2>, %y: !photonic.field<2>) -> !photonic.field<2> {
  // expected-error @below {{'photonic.adapter' op expects a 'layer' in 0..2147483647, got -1}}
  %z = photonic.adapter %x, %y a(dense<1.0> : tensor<1x2xf64>) b(dense<1.0> : tensor<2x1xf64>) {layer = -1 : i64} : !photonic.field<2> -> !photonic.field<2>
  return %z : !photonic.field<2>
}

// -----

// expected-note @below {{prior use here}}
func.func @types(%x: !photonic.field<2>, %y: !photonic.field<2>) -> !photonic.field<3> {
  // expected-error @below {{use of value '%y' expects different type than prior uses: '!photonic.field<3>' vs '!photonic.field<2>'}}
  %z = photonic.adapter %x, %y a(dense<1.0> : tensor<1x2xf64>) b(dense<1.0> : tensor<3x1xf64>) : !photonic.field<2> -> !photonic.field<3>
  return %z : !photonic.field<3>
}
