func.func @layer(%x: !photonic.field<3>) -> !photonic.field<2> {
  %y = photonic.dense %x weights(dense<[[1.0, 0.5, 0.0], [0.0, -1.0, 2.0]]> : tensor<2x3xf64>)
         : !photonic.field<3> -> !photonic.field<2>
  return %y : !photonic.field<2>
}
