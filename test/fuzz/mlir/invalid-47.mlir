func.func @mesh_outputs_length(%x: !photonic.field<2>) {
  %y = photonic.mesh reck %x theta = [0.0] phi = [0.0] outputs = [0.0] : !photonic.field<2>
  return
}
