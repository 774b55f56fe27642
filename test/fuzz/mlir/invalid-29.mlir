func.func @dense_complex_without_init(%x: !photonic.field<1>) {
  %y = photonic.dense %x weights(dense<[[1.0]]> : tensor<1x1xf64>) complex : !photonic.field<1> -> !photonic.field<1>
  return
}
