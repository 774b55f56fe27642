func.func @f(%x: !photonic.field<1>) -> !photonic.field<1> {
  return %x : !photonic.field<1>
}
