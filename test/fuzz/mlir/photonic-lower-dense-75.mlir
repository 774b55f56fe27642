func.func @two_layers(%x: !photonic.field<16>) -> !photonic.field<10> {
  %a = photonic.dense %x init(normal, seed = 1) complex : !photonic.field<16> -> !photonic.field<16>
  %b = photonic.activation softplus %a : !photonic.field<16>
  %c = photonic.dense %b init(uniform, seed = 2) : !photonic.field<16> -> !photonic.field<10>
  return %c : !photonic.field<10>
}
