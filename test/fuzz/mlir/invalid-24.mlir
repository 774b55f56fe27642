func.func @zero_modes(%x: !photonic.field<0>) {
  return
}
