func.func @unitary_f32(%x: !photonic.field<1>) {
  %y = photonic.unitary %x matrix(dense<1.0> : tensor<1x1xf32>) : !photonic.field<1>
  return
}
