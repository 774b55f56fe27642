func.func @blobs(%x: tensor<4xf64>) -> tensor<3xf64> {
  %0 = photonic.encode %x : tensor<4xf64> -> !photonic.field<4>
  %1 = photonic.dense %0 init(normal, seed = 1) complex : !photonic.field<4> -> !photonic.field<4>
  %2 = photonic.activation softplus %1 : !photonic.field<4>
  %3 = photonic.dense %2 init(normal, seed = 2) complex : !photonic.field<4> -> !photonic.field<3>
  %4 = photonic.detect %3 : !photonic.field<3> -> tensor<3xf64>
  return %4 : tensor<3xf64>
}
