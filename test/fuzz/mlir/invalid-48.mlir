func.func @mesh_infinite(%x: !photonic.field<2>) {
  %y = photonic.mesh clements %x theta = [0.0] phi = [0x7FF0000000000000] outputs = [0.0, 0.0] : !photonic.field<2>
  return
}
