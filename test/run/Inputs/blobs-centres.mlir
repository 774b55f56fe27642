// The class centres of test/passes/Inputs/blobs-*.csv as a 3x4 layer.
func.func @centres(%x: tensor<4xf64>) -> tensor<3xf64> {
  %0 = photonic.encode %x : tensor<4xf64> -> !photonic.field<4>
  %1 = photonic.dense %0 weights(dense<[[1.0, 0.2, 0.1, 0.3], [0.2, 1.0, 0.3, 0.1], [0.1, 0.3, 0.2, 1.0]]> : tensor<3x4xf64>) : !photonic.field<4> -> !photonic.field<3>
  %2 = photonic.detect %1 : !photonic.field<3> -> tensor<3xf64>
  return %2 : tensor<3xf64>
}
