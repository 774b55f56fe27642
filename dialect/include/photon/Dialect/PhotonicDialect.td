//===- PhotonicDialect.td - The photonic dialect -----------*- tablegen -*-===//
#ifndef PHOTONIC_DIALECT_TD
#define PHOTONIC_DIALECT_TD

include "mlir/IR/OpBase.td"

def Photonic_Dialect : Dialect {
  let name = "photonic";
  let cppNamespace = "::photon";
  let summary = "Coherent photonic neural networks: meshes of MZIs and their phase shifters";
  let description = [{
    The `photonic` dialect describes coherent photonic neural networks. An
    electrical vector is encoded onto optical modes (`photonic.encode`),
    transformed by linear optics (`photonic.dense`, which is lowered through
    its SVD W = U Σ V† into `photonic.unitary` and `photonic.diagonal`, and
    unitaries into `photonic.mesh` of Mach-Zehnder interferometers), passed
    through element-wise nonlinearities (`photonic.activation`) and detected
    (`photonic.detect`, |E|²) back into the electrical domain.

    Optical values have type `!photonic.field<N>`; electrical values are
    builtin tensors. The MZI and attenuator conventions are stated in
    docs/conventions.md and in each op's description.

    Phase lists (`theta`, `phi`, `outputs`, `bias` and their `initial`
    copies) are written `[0.0, 1.5707963267948966]`, each value in its
    shortest exact decimal form. Lists of more than 4096 values (meshes of
    92 modes and more; `--photonic-print-phases-with-hex-if-larger=N`
    changes the limit, -1 keeps every list decimal) are printed as one
    string of 16 hex digits per value, the little-endian bytes of the IEEE
    double, as MLIR's `dense<"0x...">`: `[1.5707963267948966, 0.0]` is
    `"0x182D4454FB21F93F0000000000000000"`. Both forms are read anywhere
    and round-trip exactly; the hex form parses about 10x faster
    (docs/benchmarks.md).
  }];
  let useDefaultTypePrinterParser = 1;
  let hasConstantMaterializer = 0;
}

class Photonic_Op<string mnemonic, list<Trait> traits = []>
    : Op<Photonic_Dialect, mnemonic, traits>;

#endif // PHOTONIC_DIALECT_TD
