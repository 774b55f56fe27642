func.func @mesh_topology(%x: !photonic.field<2>) {
  %y = photonic.mesh benes %x theta = [0.0] phi = [0.0] outputs = [0.0, 0.0] : !photonic.field<2>
  return
}
