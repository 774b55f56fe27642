func.func @unlowered(%x: !photonic.field<2>) -> !photonic.field<2> {
  %y = photonic.dense %x init(normal, seed = 1) : !photonic.field<2> -> !photonic.field<2>
  return %y : !photonic.field<2>
}
