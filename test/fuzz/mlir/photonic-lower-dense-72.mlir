func.func @complex_narrow(%x: !photonic.field<2>) -> !photonic.field<1> {
  %y = photonic.dense %x weights(dense<[[(1.0, 0.0), (0.0, 2.0)]]> : tensor<1x2xcomplex<f64>>) : !photonic.field<2> -> !photonic.field<1>
  return %y : !photonic.field<1>
}
