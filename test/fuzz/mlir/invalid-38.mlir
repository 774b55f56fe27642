func.func @unitary_factor(%x: !photonic.field<1>) {
  %y = photonic.unitary %x matrix(dense<1.0> : tensor<1x1xf64>) {factor = "W"} : !photonic.field<1>
  return
}
