func.func @net(%x: tensor<2xf64>) -> tensor<2xf64> {
  %0 = photonic.encode %x : tensor<2xf64> -> !photonic.field<2>
  %1 = photonic.mesh clements %0 theta = [1.0] phi = [6.2] outputs = [3.0, 0.5] {factor = "V", layer = 0 : i64} : !photonic.field<2>
  %2 = photonic.diagonal %1 theta = [0.4, 0.0] gain = 1.0 mask = [true, false] {layer = 0 : i64} : !photonic.field<2> -> !photonic.field<2>
  %3 = photonic.detect %2 : !photonic.field<2> -> tensor<2xf64>
  return %3 : tensor<2xf64>
}
