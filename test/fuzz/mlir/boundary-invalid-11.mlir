func.func @oeo_bias_size(%x: !photonic.field<2>) -> !photonic.field<2> {
  %y = photonic.oeo relu %x bias = [1.0, 2.0, 3.0] : !photonic.field<2>
  return %y : !photonic.field<2>
}
