func.func @diagonal_nan(%x: !photonic.field<2>) {
  %y = photonic.diagonal %x theta = [0x7FF8000000000000, 0.0] gain = 1.0 : !photonic.field<2> -> !photonic.field<2>
  return
}
