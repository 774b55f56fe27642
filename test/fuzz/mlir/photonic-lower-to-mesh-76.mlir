func.func @mlp(%x: tensor<16xcomplex<f64>>) -> tensor<10xf64> {
  %0 = photonic.encode %x : tensor<16xcomplex<f64>> -> !photonic.field<16>
  %1 = photonic.dense %0 init(normal, seed = 1) complex : !photonic.field<16> -> !photonic.field<16>
  %2 = photonic.activation softplus %1 : !photonic.field<16>
  %3 = photonic.dense %2 init(normal, seed = 2) complex : !photonic.field<16> -> !photonic.field<16>
  %4 = photonic.activation softplus %3 : !photonic.field<16>
  %5 = photonic.dense %4 init(normal, seed = 3) complex : !photonic.field<16> -> !photonic.field<10>
  %6 = photonic.detect %5 : !photonic.field<10> -> tensor<10xf64>
  return %6 : tensor<10xf64>
}
