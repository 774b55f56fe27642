func.func @mesh_active_masked(%x: !photonic.field<2>) {
  %y = photonic.mesh clements %x theta = [1.0] phi = [0.0] outputs = [0.0, 0.0] mask = [true, false, true, true] active = [true, true, false, false] : !photonic.field<2>
  return
}
