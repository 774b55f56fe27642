func.func @diagonal_layer(%x: !photonic.field<1>) {
  %y = photonic.diagonal %x theta = [0.0] gain = 1.0 {layer = -2 : i64} : !photonic.field<1> -> !photonic.field<1>
  return
}
