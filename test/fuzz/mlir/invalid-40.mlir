func.func @diagonal_length(%x: !photonic.field<3>) {
  %y = photonic.diagonal %x theta = [0.0, 0.0, 0.0] gain = 1.0 : !photonic.field<3> -> !photonic.field<2>
  return
}
