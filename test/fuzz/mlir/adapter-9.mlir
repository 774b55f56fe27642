func.func @adapter(%x: !photonic.field<3>) -> !photonic.field<2> {
  %y = photonic.diagonal %x theta = [0.0, 1.0] gain = 2.0 : !photonic.field<3> -> !photonic.field<2>
  %z = photonic.adapter %x, %y a(dense<[[(0.1, 0.0), (0.0, -0.2), (1.2345678901234567, 3.0)]]> : tensor<1x3xcomplex<f64>>)
         b(dense<[[(0.5, 0.0)], [(0.0, 1.0)]]> : tensor<2x1xcomplex<f64>>) {layer = 0 : i64}
         : !photonic.field<3> -> !photonic.field<2>
  return %z : !photonic.field<2>
}

func.func @adapter_real(%x: !photonic.field<2>) -> !photonic.field<2> {
  %z = photonic.adapter %x, %x a(dense<[[1.0, 0.0], [0.0, 1.0]]> : tensor<2x2xf64>)
         b(dense<[[2.0, 0.0], [0.0, 3.0]]> : tensor<2x2xf64>) : !photonic.field<2> -> !photonic.field<2>
  return %z : !photonic.field<2>
}
