func.func @four_modes(%x: !photonic.field<4>) -> !photonic.field<4> {
  %y = photonic.unitary %x matrix(dense<[[0.5, 0.5, 0.5, 0.5], [0.5, -0.5, 0.5, -0.5], [0.5, 0.5, -0.5, -0.5], [0.5, -0.5, -0.5, 0.5]]> : tensor<4x4xf64>) {factor = "U", layer = 2 : i64} : !photonic.field<4>
  return %y : !photonic.field<4>
}
