func.func @negative_diagonal_reshaping(%x: !photonic.field<3>) -> !photonic.field<2> {
  %y = photonic.diagonal %x theta = [0.0, 0.0] gain = 1.0 : !photonic.field<3> -> !photonic.field<2>
  return %y : !photonic.field<2>
}
