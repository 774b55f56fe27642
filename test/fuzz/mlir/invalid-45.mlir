func.func @mesh_theta_length(%x: !photonic.field<3>) {
  %y = photonic.mesh clements %x theta = [0.0, 0.0] phi = [0.0, 0.0, 0.0] outputs = [0.0, 0.0, 0.0] : !photonic.field<3>
  return
}
