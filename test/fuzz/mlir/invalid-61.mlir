func.func @diagonal_mask_length(%x: !photonic.field<2>) {
  %y = photonic.diagonal %x theta = [0.0, 0.0] gain = 1.0 mask = [true] : !photonic.field<2> -> !photonic.field<2>
  return
}
