func.func @dense_both(%x: !photonic.field<1>) {
  %y = photonic.dense %x weights(dense<[[1.0]]> : tensor<1x1xf64>) init(normal, seed = 1) : !photonic.field<1> -> !photonic.field<1>
  return
}
