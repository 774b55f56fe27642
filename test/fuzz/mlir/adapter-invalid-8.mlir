func.func @types(%x: !photonic.field<2>, %y: !photonic.field<2>) -> !photonic.field<3> {
  %z = photonic.adapter %x, %y a(dense<1.0> : tensor<1x2xf64>) b(dense<1.0> : tensor<3x1xf64>) : !photonic.field<2> -> !photonic.field<3>
  return %z : !photonic.field<3>
}
