func.func @f(%x: !photonic.field<3>) -> !photonic.field<3> {
  %y = photonic.mesh clements %x theta = "0x0000000000000000000000000000F87F000000000000000" phi = "0X0000000000000000000000000000F0FF0000000000000000" outputs = "182D" : !photonic.field<3>
  return %y : !photonic.field<3>
}
