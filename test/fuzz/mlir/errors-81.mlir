func.func @unitary(%x: !photonic.field<1>) -> !photonic.field<1> {
  %y = photonic.unitary %x matrix(dense<1.0> : tensor<1x1xf64>) : !photonic.field<1>
  return %y : !photonic.field<1>
}
