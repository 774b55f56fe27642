func.func @zero(%x: !photonic.field<3>) -> !photonic.field<2> {
  %y = photonic.dense %x weights(dense<0.0> : tensor<2x3xf64>) : !photonic.field<3> -> !photonic.field<2>
  return %y : !photonic.field<2>
}
