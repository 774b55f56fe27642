func.func @net(%x: tensor<2xf64>) -> tensor<2xf64> {
  %0 = photonic.encode %x : tensor<2xf64> -> !photonic.field<2>
  %1 = photonic.mesh clements %0 theta = [3.141592653589793] phi = [0.0] outputs = [3.141592653589793, 0.0] {factor = "V", layer = 0 : i64} : !photonic.field<2>
  %2 = photonic.diagonal %1 theta = [0.0, 2.0943951023931957] gain = 2.0 {layer = 0 : i64} : !photonic.field<2> -> !photonic.field<2>
  %3 = photonic.activation identity %2 : !photonic.field<2>
  %4 = photonic.detect %3 : !photonic.field<2> -> tensor<2xf64>
  return %4 : tensor<2xf64>
}
