func.func @init_net(%x: tensor<8xf64>) -> tensor<8xf64> {
  %0 = photonic.encode %x : tensor<8xf64> -> !photonic.field<8>
  %1 = photonic.dense %0 init(normal, seed = 5) complex : !photonic.field<8> -> !photonic.field<8>
  %2 = photonic.activation softplus %1 : !photonic.field<8>
  %3 = photonic.dense %2 weights(dense<[[0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0], [1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 2.0, 0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.5, 0.0, 0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0], [0.0, 0.0, 0.0, 0.0, 0.0, -1.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0], [0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0]]> : tensor<8x8xf64>) : !photonic.field<8> -> !photonic.field<8>
  %4 = photonic.detect %3 : !photonic.field<8> -> tensor<8xf64>
  return %4 : tensor<8xf64>
}
