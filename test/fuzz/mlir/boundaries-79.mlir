func.func @net(%x: tensor<3xf64>) -> tensor<2xf64> {
  %f = photonic.encode %x : tensor<3xf64> -> !photonic.field<3>
  %h = photonic.dense %f weights(dense<[[1.0, 0.5, 0.0], [0.0, -1.0, 2.0], [0.5, 0.5, 0.5], [1.0, 0.0, -1.0]]> : tensor<4x3xf64>)
         : !photonic.field<3> -> !photonic.field<4>
  %r = photonic.oeo relu %h bias = [0.5, -0.25, 0.0, 1.0] : !photonic.field<4>
  %y = photonic.dense %r weights(dense<[[1.0, 2.0, 0.0, -1.0], [0.5, 0.0, 1.0, 1.0]]> : tensor<2x4xf64>)
         : !photonic.field<4> -> !photonic.field<2>
  %o = photonic.readout log_softmax %y : !photonic.field<2> -> tensor<2xf64>
  return %o : tensor<2xf64>
}
