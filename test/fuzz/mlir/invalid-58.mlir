func.func @diagonal_initial_partial(%x: !photonic.field<1>) {
  %y = "photonic.diagonal"(%x) <{theta = array<f64: 0.0>, gain = 1.0 : f64, initial_gain = 1.0 : f64}> : (!photonic.field<1>) -> !photonic.field<1>
  return
}
