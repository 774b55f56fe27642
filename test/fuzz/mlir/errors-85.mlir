func.func @malformed(%x: !photonic.field<2>) -> !photonic.field<2> {
  %a = photonic.activation softplus %x
  return %a : !photonic.field<2>
}
