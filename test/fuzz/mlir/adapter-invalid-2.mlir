func.func @a_columns(%x: !photonic.field<3>, %y: !photonic.field<2>) -> !photonic.field<2> {
  %z = photonic.adapter %x, %y a(dense<0.0> : tensor<1x2xf64>) b(dense<0.0> : tensor<2x1xf64>) : !photonic.field<3> -> !photonic.field<2>
  return %z : !photonic.field<2>
}
