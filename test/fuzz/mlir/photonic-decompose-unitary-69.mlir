func.func @one_mode(%x: !photonic.field<1>) -> !photonic.field<1> {
  %y = photonic.unitary %x matrix(dense<[[(0.0, 1.0)]]> : tensor<1x1xcomplex<f64>>) : !photonic.field<1>
  return %y : !photonic.field<1>
}
