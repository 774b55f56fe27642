func.func @dense_not_finite(%x: !photonic.field<2>) {
  %y = photonic.dense %x weights(dense<[[1.0, 0x7FF0000000000000]]> : tensor<1x2xf64>) : !photonic.field<2> -> !photonic.field<1>
  return
}
