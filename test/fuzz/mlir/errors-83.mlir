func.func @branch(%x: !photonic.field<2>) -> !photonic.field<2> {
  %a = photonic.activation softplus %x : !photonic.field<2>
  %b = photonic.activation modulus %x : !photonic.field<2>
  return %b : !photonic.field<2>
}
