func.func @unitary_modes(%x: !photonic.field<1>) {
  %y = "photonic.unitary"(%x) <{matrix = dense<1.0> : tensor<1x1xf64>}> : (!photonic.field<1>) -> !photonic.field<2>
  return
}
