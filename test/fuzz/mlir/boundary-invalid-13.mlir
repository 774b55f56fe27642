func.func @readout_width(%x: !photonic.field<2>) -> tensor<3xf64> {
  %y = photonic.readout identity %x : !photonic.field<2> -> tensor<3xf64>
  return %y : tensor<3xf64>
}
