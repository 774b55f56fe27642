func.func @two_args(%x: !photonic.field<2>, %y: !photonic.field<2>) -> !photonic.field<2> {
  return %x : !photonic.field<2>
}
