func.func @negative_layer(%x: !photonic.field<2>, %y: !photonic.field<2>) -> !photonic.field<2> {
  %z = photonic.adapter %x, %y a(dense<1.0> : tensor<1x2xf64>) b(dense<1.0> : tensor<2x1xf64>) {layer = -1 : i64} : !photonic.field<2> -> !photonic.field<2>
  return %z : !photonic.field<2>
}
