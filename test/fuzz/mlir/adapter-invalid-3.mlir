func.func @b_shape(%x: !photonic.field<3>, %y: !photonic.field<2>) -> !photonic.field<2> {
  %z = photonic.adapter %x, %y a(dense<0.0> : tensor<1x3xf64>) b(dense<0.0> : tensor<2x2xf64>) : !photonic.field<3> -> !photonic.field<2>
  return %z : !photonic.field<2>
}
