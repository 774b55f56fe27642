func.func @negative_merge_multiple_uses(%x: !photonic.field<2>) -> (!photonic.field<2>, !photonic.field<2>) {
  %a = photonic.unitary %x matrix(dense<[[0.0, 1.0], [1.0, 0.0]]> : tensor<2x2xf64>) : !photonic.field<2>
  %b = photonic.unitary %a matrix(dense<[[0.0, 1.0], [-1.0, 0.0]]> : tensor<2x2xf64>) : !photonic.field<2>
  return %a, %b : !photonic.field<2>, !photonic.field<2>
}
