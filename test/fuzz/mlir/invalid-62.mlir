func.func @diagonal_masked_phase(%x: !photonic.field<2>) {
  %y = photonic.diagonal %x theta = [0.0, 0.25] gain = 1.0 mask = [true, false] : !photonic.field<2> -> !photonic.field<2>
  return
}
