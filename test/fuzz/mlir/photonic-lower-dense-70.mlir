func.func @wide(%x: !photonic.field<5>) -> !photonic.field<3> {
  %y = photonic.dense %x weights(dense<[[1.0, 0.0, 2.0, 0.0, 1.0], [0.0, 3.0, 0.0, 1.0, 0.0], [1.0, 1.0, 1.0, 1.0, 1.0]]> : tensor<3x5xf64>) : !photonic.field<5> -> !photonic.field<3>
  return %y : !photonic.field<3>
}
