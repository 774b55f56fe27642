func.func @diagonal_range(%x: !photonic.field<2>) {
  %y = photonic.diagonal %x theta = [0.0, 4.0] gain = 1.0 : !photonic.field<2> -> !photonic.field<2>
  return
}
