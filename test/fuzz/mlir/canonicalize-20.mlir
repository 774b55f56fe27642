func.func @identity_unitary(%x: !photonic.field<2>) -> !photonic.field<2> {
  %y = photonic.unitary %x matrix(dense<[[1.0, 0.0], [0.0, 1.0]]> : tensor<2x2xf64>) : !photonic.field<2>
  return %y : !photonic.field<2>
}
