func.func @net(%x: tensor<2xf64>) -> tensor<2xf64> {
  %0 = photonic.encode %x : tensor<2xf64> -> !photonic.field<2>
  %1 = photonic.mesh clements %0 theta = [1.0] phi = [2.0] outputs = [0.5, 0.25] active = [false, true, false, false] : !photonic.field<2>
  %2 = photonic.detect %1 : !photonic.field<2> -> tensor<2xf64>
  return %2 : tensor<2xf64>
}
