func.func @negative_diagonal_with_gain(%x: !photonic.field<2>) -> !photonic.field<2> {
  %y = photonic.diagonal %x theta = [0.0, 0.0] gain = 2.0 : !photonic.field<2> -> !photonic.field<2>
  return %y : !photonic.field<2>
}
