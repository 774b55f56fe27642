func.func @mesh_initial_partial(%x: !photonic.field<2>) {
  %y = "photonic.mesh"(%x) <{topology = 0 : i32, theta = array<f64: 0.0>, phi = array<f64: 0.0>, output_phases = array<f64: 0.0, 0.0>, initial_theta = array<f64: 0.0>}> : (!photonic.field<2>) -> !photonic.field<2>
  return
}
