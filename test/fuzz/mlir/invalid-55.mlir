func.func @activation_kind(%x: !photonic.field<2>) {
  %y = photonic.activation relu %x : !photonic.field<2>
  return
}
