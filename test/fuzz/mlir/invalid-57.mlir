func.func @mesh_initial_length(%x: !photonic.field<2>) {
  %y = photonic.mesh clements %x theta = [0.0] phi = [0.0] outputs = [0.0, 0.0] initial(theta = [0.0] phi = [0.0, 1.0] outputs = [0.0, 0.0]) : !photonic.field<2>
  return
}
