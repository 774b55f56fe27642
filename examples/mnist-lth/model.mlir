// The 16-16-16-10 coherent network of the LTH pruning paper: 16 complex
// Fourier features in, three SVD layers with softplus (on the modulus, phase
// kept) between them, photodetection out. Weights come from seeded
// initializers (training arrives with photonic-train).
//
// After photonic-lower-to-mesh: five 16-mode and one 10-mode Clements meshes,
// 5 * 120 + 45 = 645 MZIs = 1290 mesh phase shifters.
func.func @mnist_mlp(%x: tensor<16xcomplex<f64>>) -> tensor<10xf64> {
  %0 = photonic.encode %x : tensor<16xcomplex<f64>> -> !photonic.field<16>
  %1 = photonic.dense %0 init(normal, seed = 1) complex : !photonic.field<16> -> !photonic.field<16>
  %2 = photonic.activation softplus %1 : !photonic.field<16>
  %3 = photonic.dense %2 init(normal, seed = 2) complex : !photonic.field<16> -> !photonic.field<16>
  %4 = photonic.activation softplus %3 : !photonic.field<16>
  %5 = photonic.dense %4 init(normal, seed = 3) complex : !photonic.field<16> -> !photonic.field<10>
  %6 = photonic.detect %5 : !photonic.field<10> -> tensor<10xf64>
  return %6 : tensor<10xf64>
}
