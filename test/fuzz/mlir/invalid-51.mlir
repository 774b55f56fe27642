func.func @mesh_active_size(%x: !photonic.field<2>) {
  %y = photonic.mesh clements %x theta = [0.0] phi = [0.0] outputs = [0.0, 0.0] active = [true, true] : !photonic.field<2>
  return
}
