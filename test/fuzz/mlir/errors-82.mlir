func.func @a(%x: !photonic.field<1>) -> !photonic.field<1> {
  return %x : !photonic.field<1>
}
func.func @b(%x: !photonic.field<1>) -> !photonic.field<1> {
  return %x : !photonic.field<1>
}
