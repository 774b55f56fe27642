func.func @net(%x: tensor<3xf64>) -> tensor<3xf64> {
  %0 = photonic.encode %x : tensor<3xf64> -> !photonic.field<3>
  %1 = photonic.mesh clements %0 theta = [0.0, 1.0, 1.0e-3] phi = [6.283185307179585, 2.0, 0.5] outputs = [0.0, 3.0, 0.25] {factor = "V", layer = 0 : i64} : !photonic.field<3>
  %2 = photonic.diagonal %1 theta = [0.0, 1.5, 1.0e-10] gain = 2.0 {layer = 0 : i64} : !photonic.field<3> -> !photonic.field<3>
  %3 = photonic.detect %2 : !photonic.field<3> -> tensor<3xf64>
  return %3 : tensor<3xf64>
}
