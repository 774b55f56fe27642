func.func @net(%x: tensor<2xf64>) -> tensor<2xf64> {
  %0 = photonic.encode %x : tensor<2xf64> -> !photonic.field<2>
  %1 = photonic.mesh clements %0 theta = [1.5707963267948966] phi = [3.141592653589793] outputs = [0.0, 6.283185307179586] {factor = "V", layer = 0 : i64} : !photonic.field<2>
  %2 = photonic.diagonal %1 theta = [0.0, 3.141592653589793] gain = 2.0 mask = [false, true] {layer = 0 : i64} : !photonic.field<2> -> !photonic.field<2>
  %3 = photonic.activation softplus %2 : !photonic.field<2>
  %4 = photonic.mesh reck %3 theta = [0.0] phi = [0.0] outputs = [0.0, 0.0] mask = [false, true, true, true] {factor = "U", layer = 0 : i64} : !photonic.field<2>
  %5 = photonic.detect %4 : !photonic.field<2> -> tensor<2xf64>
  return %5 : tensor<2xf64>
}
