func.func @dense_element_type(%x: !photonic.field<1>) {
  %y = photonic.dense %x weights(dense<1> : tensor<1x1xi32>) : !photonic.field<1> -> !photonic.field<1>
  return
}
