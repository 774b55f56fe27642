func.func @bar_and_cross(%x: !photonic.field<2>) -> !photonic.field<2> {
  %a = photonic.unitary %x matrix(dense<[[1.0, 0.0], [0.0, 1.0]]> : tensor<2x2xf64>) : !photonic.field<2>
  %b = photonic.unitary %a matrix(dense<[[0.0, 1.0], [1.0, 0.0]]> : tensor<2x2xf64>) : !photonic.field<2>
  return %b : !photonic.field<2>
}
