func.func @f(%x: !photonic.field<2>) -> tensor<2xf64> {
  %y = photonic.mesh clements %x theta = "0x182D4454FB21F93F" phi = "0x0000000000000080" outputs = "0x0000000000000000182D4454FB210940" : !photonic.field<2>
  %z = photonic.diagonal %y theta = "0x000000000000e03f9a9999999999b93f" gain = 2.5 : !photonic.field<2> -> !photonic.field<2>
  %w = photonic.oeo softplus %z bias = "0x000000000000F0BF0000000000000000" : !photonic.field<2>
  %t = photonic.detect %w : !photonic.field<2> -> tensor<2xf64>
  return %t : tensor<2xf64>
}
