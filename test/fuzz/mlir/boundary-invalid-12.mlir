func.func @readout_bias_nan(%x: !photonic.field<2>) -> tensor<2xf64> {
  %y = photonic.readout identity %x bias = [1.0, 0x7FF8000000000000] : !photonic.field<2> -> tensor<2xf64>
  return %y : tensor<2xf64>
}
