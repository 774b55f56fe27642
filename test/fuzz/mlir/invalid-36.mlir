func.func @unitary_shape(%x: !photonic.field<2>) {
  %y = photonic.unitary %x matrix(dense<0.0> : tensor<3x3xf64>) : !photonic.field<2>
  return
}
