func.func @mesh_masked_phase(%x: !photonic.field<2>) {
  %y = photonic.mesh clements %x theta = [0.0] phi = [0.0] outputs = [0.0, 0.5] mask = [true, true, true, false] : !photonic.field<2>
  return
}
