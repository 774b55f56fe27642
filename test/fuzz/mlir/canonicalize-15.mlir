func.func @identity_activation(%x: !photonic.field<4>) -> !photonic.field<4> {
  %y = photonic.activation identity %x : !photonic.field<4>
  return %y : !photonic.field<4>
}
