func.func @dense_shape(%x: !photonic.field<3>) {
  %y = photonic.dense %x weights(dense<1.0> : tensor<3x2xf64>) : !photonic.field<3> -> !photonic.field<2>
  return
}
