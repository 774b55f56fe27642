func.func @diagonal_initial_gain(%x: !photonic.field<1>) {
  %y = photonic.diagonal %x theta = [0.0] gain = 1.0 initial(theta = [0.0] gain = -3.0) : !photonic.field<1> -> !photonic.field<1>
  return
}
