func.func @encode_length(%x: tensor<3xf64>) {
  %f = photonic.encode %x : tensor<3xf64> -> !photonic.field<4>
  return
}
