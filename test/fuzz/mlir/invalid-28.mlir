func.func @dense_neither(%x: !photonic.field<1>) {
  %y = photonic.dense %x : !photonic.field<1> -> !photonic.field<1>
  return
}
