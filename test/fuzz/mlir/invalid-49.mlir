func.func @mesh_mask_length(%x: !photonic.field<2>) {
  %y = photonic.mesh clements %x theta = [0.0] phi = [0.0] outputs = [0.0, 0.0] mask = [true, true, true] : !photonic.field<2>
  return
}
