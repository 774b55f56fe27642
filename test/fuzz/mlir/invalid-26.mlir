func.func @detect_length(%x: !photonic.field<4>) {
  %i = photonic.detect %x : !photonic.field<4> -> tensor<5xf64>
  return
}
