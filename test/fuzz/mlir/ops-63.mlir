func.func @encode_detect(%x: tensor<4xf64>) -> tensor<4xf32> {
  %f = photonic.encode %x : tensor<4xf64> -> !photonic.field<4>
  %i = photonic.detect %f : !photonic.field<4> -> tensor<4xf32>
  return %i : tensor<4xf32>
}

func.func @dense_inline(%x: !photonic.field<3>) -> !photonic.field<2> {
  %y = photonic.dense %x weights(dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf64>) : !photonic.field<3> -> !photonic.field<2>
  return %y : !photonic.field<2>
}

func.func @dense_complex(%x: !photonic.field<2>) -> !photonic.field<1> {
  %y = photonic.dense %x weights(dense<[[(1.0, 2.0), (0.0, -1.0)]]> : tensor<1x2xcomplex<f64>>) : !photonic.field<2> -> !photonic.field<1>
  return %y : !photonic.field<1>
}

func.func @dense_init(%x: !photonic.field<16>) -> !photonic.field<10> {
  %a = photonic.dense %x init(normal, seed = 7) : !photonic.field<16> -> !photonic.field<16>
  %b = photonic.dense %a init(uniform, seed = 3) complex : !photonic.field<16> -> !photonic.field<10>
  return %b : !photonic.field<10>
}

func.func @unitary(%x: !photonic.field<2>) -> !photonic.field<2> {
  %y = photonic.unitary %x matrix(dense<[[0.0, 1.0], [1.0, 0.0]]> : tensor<2x2xf64>) {factor = "U", layer = 3 : i64} : !photonic.field<2>
  return %y : !photonic.field<2>
}

func.func @diagonal(%x: !photonic.field<3>) -> !photonic.field<2> {
  %y = photonic.diagonal %x theta = [0.0, 1.5] gain = 2.5 {layer = 0 : i64} : !photonic.field<3> -> !photonic.field<2>
  return %y : !photonic.field<2>
}

func.func @mesh(%x: !photonic.field<3>) -> !photonic.field<3> {
  %a = photonic.mesh clements %x theta = [1.0, 2.0, 3.0] phi = [0.0, 0.5, 6.0] outputs = [0.0, 1.0, 2.0] : !photonic.field<3>
  %b = photonic.mesh reck %a theta = [0.0, 2.0, 3.0] phi = [0.0, 0.0, 6.0] outputs = [0.0, 1.0, 2.0] mask = [false, true, true, false, true, true, true, true, true] {factor = "V", layer = 1 : i64} : !photonic.field<3>
  return %b : !photonic.field<3>
}

func.func @exact_phases(%x: !photonic.field<3>) -> !photonic.field<3> {
  %a = photonic.mesh clements %x theta = [1.0e-20, 0.1, 2.0943951023931957] phi = [-0.0, 1.0e300, 6.2831853071795853] outputs = [3.141592653589793, 1.5707963267948966, 123456789.0] : !photonic.field<3>
  return %a : !photonic.field<3>
}

func.func @active_shifters(%x: !photonic.field<2>) -> !photonic.field<2> {
  %a = photonic.mesh clements %x theta = [0.0] phi = [1.25] outputs = [0.5, 0.0] mask = [false, true, true, true] active = [false, true, false, false] : !photonic.field<2>
  return %a : !photonic.field<2>
}

func.func @initial_phases(%x: !photonic.field<2>) -> !photonic.field<2> {
  %a = photonic.mesh clements %x theta = [0.0] phi = [1.25] outputs = [0.5, 0.0] mask = [false, true, true, true] initial(theta = [0.3] phi = [1.0] outputs = [0.1, 6.0]) : !photonic.field<2>
  %b = photonic.diagonal %a theta = [0.5, 0.0] gain = 2.0 mask = [true, false] initial(theta = [1.0, 2.0] gain = 1.5) {layer = 0 : i64} : !photonic.field<2> -> !photonic.field<2>
  return %b : !photonic.field<2>
}

func.func @activations(%x: !photonic.field<5>) -> !photonic.field<5> {
  %a = photonic.activation softplus %x : !photonic.field<5>
  %b = photonic.activation modulus %a : !photonic.field<5>
  %c = photonic.activation identity %b : !photonic.field<5>
  return %c : !photonic.field<5>
}
