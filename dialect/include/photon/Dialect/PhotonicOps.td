//===- PhotonicOps.td - Ops of the photonic dialect --------*- tablegen -*-===//
#ifndef PHOTONIC_OPS_TD
#define PHOTONIC_OPS_TD

include "photon/Dialect/PhotonicDialect.td"
include "photon/Dialect/PhotonicEnums.td"
include "photon/Dialect/PhotonicTypes.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/IR/CommonAttrConstraints.td"
include "mlir/IR/CommonTypeConstraints.td"

def Photonic_ElectricalVector : TensorRankOf<[F32, F64], [1]>;
def Photonic_ModulatorVector
    : TensorRankOf<[F32, F64, Complex<F32>, Complex<F64>], [1]>;

//===----------------------------------------------------------------------===//
// encode
//===----------------------------------------------------------------------===//

def Photonic_EncodeOp : Photonic_Op<"encode", [Pure]> {
  let summary = "Encode an electrical vector onto optical modes";
  let description = [{
    Loads the values of a 1-D tensor as the field amplitudes of as many
    optical modes, E_i = x_i: real values by amplitude modulation, complex
    values (e.g. Fourier features) by IQ modulation. The tensor length must
    equal the mode count.

    ```mlir
    %f = photonic.encode %x : tensor<16xf64> -> !photonic.field<16>
    ```
  }];
  let arguments = (ins Photonic_ModulatorVector:$input);
  let results = (outs Photonic_FieldType:$output);
  let assemblyFormat = [{
    $input attr-dict `:` type($input) `->` qualified(type($output))
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// dense
//===----------------------------------------------------------------------===//

def Photonic_DenseOp : Photonic_Op<"dense", [Pure]> {
  let summary = "A dense linear layer y = W x on optical fields";
  let description = [{
    An M x N linear layer from N input modes to M output modes. The weights
    are either given inline (`weights`, a `tensor<MxNx...>` of f32, f64,
    `complex<f32>` or `complex<f64>`) or by a seeded initializer (`init`,
    with `seed`; `complex` asks for complex weights): `normal` draws
    N(0, 1/N) entries, `uniform` the Glorot range ±√(6/(M+N)). Exactly one
    of the two forms must be present.

    `photonic-lower-dense` replaces it by its SVD W = U Σ V†:
    a V† unitary, a Σ diagonal and a U unitary.

    ```mlir
    %y = photonic.dense %x weights(dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf64>)
           : !photonic.field<2> -> !photonic.field<2>
    %z = photonic.dense %y init(normal, seed = 7)
           : !photonic.field<2> -> !photonic.field<10>
    ```
  }];
  let arguments = (ins Photonic_FieldType:$input,
                       OptionalAttr<ElementsAttr>:$weights,
                       OptionalAttr<Photonic_InitializerAttr>:$init,
                       OptionalAttr<I64Attr>:$seed,
                       UnitAttr:$complex);
  let results = (outs Photonic_FieldType:$output);
  let assemblyFormat = [{
    $input (`weights` `(` $weights^ `)`)?
           (`init` `(` $init^ `,` `seed` `=` $seed `)`)? (`complex` $complex^)?
           attr-dict `:` qualified(type($input)) `->` qualified(type($output))
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// unitary
//===----------------------------------------------------------------------===//

def Photonic_UnitaryOp : Photonic_Op<"unitary", [Pure,
    AllTypesMatch<["input", "output"]>]> {
  let summary = "An N x N unitary transformation given as a matrix";
  let description = [{
    Multiplies the field by the N x N matrix `matrix` (complex<f64>, or f64
    for a real orthogonal matrix). The verifier rejects a matrix whose
    max |U†U - I| exceeds 1e-8.

    `layer` and `factor` ("U" or "V") record where the unitary came from
    when `photonic-lower-dense` made it; they are carried into meshes, phase
    tables and runtime programs. `init_seed` marks a unitary that
    `photonic-lower-dense` made from a randomly initialised dense layer
    (`init(...)`, the value is its seed): the matrix is then one random draw,
    and `photonic-decompose-unitary` (`phase-init=auto`) gives its mesh
    uniformly random phases instead of the decomposed ones.

    ```mlir
    %y = photonic.unitary %x matrix(dense<[[0.0, 1.0], [1.0, 0.0]]> : tensor<2x2xf64>)
           : !photonic.field<2>
    ```
  }];
  let arguments = (ins Photonic_FieldType:$input, ElementsAttr:$matrix,
                       OptionalAttr<I64Attr>:$layer,
                       OptionalAttr<StrAttr>:$factor,
                       OptionalAttr<I64Attr>:$init_seed);
  let results = (outs Photonic_FieldType:$output);
  let assemblyFormat = [{
    $input `matrix` `(` $matrix `)` attr-dict `:` qualified(type($input))
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
  let hasCanonicalizer = 1;
}

//===----------------------------------------------------------------------===//
// diagonal
//===----------------------------------------------------------------------===//

def Photonic_DiagonalOp : Photonic_Op<"diagonal", [Pure]> {
  let summary = "The Σ factor: one attenuator per mode and a global gain";
  let description = [{
    An M x N diagonal from N input modes to M output modes:
    Σ[i][i] = gain · cos(θ_i / 2) for i < min(M, N). Each θ_i is the phase
    of one balanced attenuating MZI (θ = 0: full transmission, heater off;
    θ = π: blocked). Input modes i >= M are terminated, output modes
    i >= N are dark. `theta` has min(M, N) finite entries; `gain` is a
    finite optical gain >= 0 (β = σ_max after SVD lowering).
    The optional `mask` has one flag per attenuator; `false` marks an
    attenuator removed by `photonic-dead-shifter-elim` (a plain waveguide,
    θ exactly 0). `initial(theta = [...] gain = ...)` optionally stores the
    values before the first training, for lottery-ticket resets.

    ```mlir
    %y = photonic.diagonal %x theta = [0.0, 1.2] gain = 2.5
           : !photonic.field<3> -> !photonic.field<2>
    ```
  }];
  let arguments = (ins Photonic_FieldType:$input, DenseF64ArrayAttr:$theta,
                       F64Attr:$gain,
                       OptionalAttr<DenseBoolArrayAttr>:$mask,
                       OptionalAttr<DenseF64ArrayAttr>:$initial_theta,
                       OptionalAttr<F64Attr>:$initial_gain,
                       OptionalAttr<I64Attr>:$layer);
  let results = (outs Photonic_FieldType:$output);
  let assemblyFormat = [{
    $input `theta` `=` custom<Phases>($theta) `gain` `=` $gain
           (`mask` `=` $mask^)?
           (`initial` `(` `theta` `=` custom<Phases>($initial_theta)^ `gain` `=`
              $initial_gain `)`)?
           attr-dict `:` qualified(type($input)) `->` qualified(type($output))
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// mesh
//===----------------------------------------------------------------------===//

def Photonic_MeshOp : Photonic_Op<"mesh", [Pure,
    AllTypesMatch<["input", "output"]>]> {
  let summary = "A Clements or Reck mesh of MZIs with an output phase screen";
  let description = [{
    An N-mode mesh of N(N-1)/2 Mach-Zehnder interferometers followed by a
    screen of N output phase shifters. Each MZI is the phase-first MZI

      M(θ, φ) = B · P(θ) · B · P(φ),  B = (1/√2)[[1, i], [i, 1]],
      P(x) = diag(e^{ix}, 1),

    acting on modes (m, m+1); the mesh realises
    U = diag(e^{i·outputs}) · T_K ⋯ T_1. The MZIs are listed in canonical
    layout order, by column then top mode: Clements column c holds modes
    (m, m+1) for m ≡ c (mod 2); Reck column c holds m ≡ c (mod 2) with
    m <= c and m <= 2N-4-c (see docs/conventions.md).

    Every phase shifter is addressable as (mesh, column, mode pair, arm):
    `theta[k]` and `phi[k]` are the internal and external shifters of MZI k,
    `outputs[i]` the output shifter of mode i. The optional `mask` holds one
    flag per shifter, ordered [θ..., φ..., outputs...]; `false` marks a
    pruned shifter, whose phase must be exactly 0.

    The optional `active` list (same order and size) marks the shifters an
    on-chip optimizer may tune after deployment (`photonic-szo-finetune`,
    SZO-SCD's active set); the others are passive and fixed. Only live
    (unmasked) θ and φ shifters can be active.

    `initial(theta = [...] phi = [...] outputs = [...])` optionally stores
    the phases the mesh had before its first training, for lottery-ticket
    resets (`photonic-prune-lth`); all three lists come together.

    ```mlir
    %y = photonic.mesh clements %x theta = [1.5707963267948966]
           phi = [0.0] outputs = [0.0, 3.141592653589793]
           : !photonic.field<2>
    ```
  }];
  let arguments = (ins Photonic_FieldType:$input,
                       Photonic_TopologyAttr:$topology,
                       DenseF64ArrayAttr:$theta, DenseF64ArrayAttr:$phi,
                       DenseF64ArrayAttr:$output_phases,
                       OptionalAttr<DenseBoolArrayAttr>:$mask,
                       OptionalAttr<DenseBoolArrayAttr>:$active,
                       OptionalAttr<DenseF64ArrayAttr>:$initial_theta,
                       OptionalAttr<DenseF64ArrayAttr>:$initial_phi,
                       OptionalAttr<DenseF64ArrayAttr>:$initial_output_phases,
                       OptionalAttr<I64Attr>:$layer,
                       OptionalAttr<StrAttr>:$factor);
  let results = (outs Photonic_FieldType:$output);
  let assemblyFormat = [{
    $topology $input `theta` `=` custom<Phases>($theta)
              `phi` `=` custom<Phases>($phi)
              `outputs` `=` custom<Phases>($output_phases) (`mask` `=` $mask^)?
              (`active` `=` $active^)?
              (`initial` `(` `theta` `=` custom<Phases>($initial_theta)^ `phi` `=`
                 custom<Phases>($initial_phi) `outputs` `=`
                 custom<Phases>($initial_output_phases) `)`)?
              attr-dict `:` qualified(type($input))
  }];
  let extraClassDeclaration = [{
    /// Number of modes N.
    int64_t getModes();
    /// N(N-1)/2.
    int64_t getMziCount();
    /// 2·N(N-1)/2 + N.
    int64_t getShifterCount();
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// activation
//===----------------------------------------------------------------------===//

def Photonic_ActivationOp : Photonic_Op<"activation", [Pure,
    AllTypesMatch<["input", "output"]>]> {
  let summary = "An element-wise complex nonlinearity on every mode";
  let description = [{
    `identity`: f(z) = z. `softplus`: f(z) = ln(1 + e^{|z|}) · z/|z|, the
    modulus is activated and the phase kept (f(0) = ln 2). `modulus`:
    f(z) = |z|. The identity activation folds away.

    ```mlir
    %y = photonic.activation softplus %x : !photonic.field<16>
    ```
  }];
  let arguments = (ins Photonic_FieldType:$input,
                       Photonic_ActivationKindAttr:$function);
  let results = (outs Photonic_FieldType:$output);
  let assemblyFormat = [{
    $function $input attr-dict `:` qualified(type($input))
  }];
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// detect
//===----------------------------------------------------------------------===//

def Photonic_DetectOp : Photonic_Op<"detect", [Pure]> {
  let summary = "Photodetection: the intensity |E|² of every mode";
  let description = [{
    Leaves the optical domain: each mode's intensity |E_i|² becomes one
    element of an electrical 1-D tensor of the same length.

    ```mlir
    %i = photonic.detect %f : !photonic.field<10> -> tensor<10xf64>
    ```
  }];
  let arguments = (ins Photonic_FieldType:$input);
  let results = (outs Photonic_ElectricalVector:$output);
  let assemblyFormat = [{
    $input attr-dict `:` qualified(type($input)) `->` type($output)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// adapter
//===----------------------------------------------------------------------===//

def Photonic_AdapterOp : Photonic_Op<"adapter", [Pure,
    AllTypesMatch<["base", "output"]>]> {
  let summary = "A digital low-rank correction of an analog block (ALoRA)";
  let description = [{
    Analog Low-Rank Adaptation (ALoRA): a digital branch in parallel with
    an analog linear block W (one lowered dense layer, U Σ V†) adds a
    trainable rank-k correction to the block's output,

      output = base + B · A · input,

    with `input` the field that entered the block (N modes, the operand of
    its V† mesh), `base` the field that left it (M modes, the result of its
    U mesh), A (`a`, k x N) and B (`b`, M x k) complex matrices (f64 or
    complex<f64>) with 1 <= k <= min(M, N) and finite entries. The analog
    phases stay frozen; `photonic-lowrank-adapt` inserts and trains the
    adapters. `layer` records the dense layer the block came from.

    In the runtime the branch is digital: it reads `input` through the
    input converter and writes its correction through the output converter
    of the noise model, without analog weight error (docs/noise.md).

    ```mlir
    %z = photonic.adapter %x, %y a(dense<[[(0.1, 0.0), (0.0, -0.2)]]> : tensor<1x2xcomplex<f64>>)
           b(dense<[[(0.5, 0.0)], [(0.0, 0.0)]]> : tensor<2x1xcomplex<f64>>) {layer = 0 : i64}
           : !photonic.field<2> -> !photonic.field<2>
    ```
  }];
  let arguments = (ins Photonic_FieldType:$input, Photonic_FieldType:$base,
                       ElementsAttr:$a, ElementsAttr:$b,
                       OptionalAttr<I64Attr>:$layer);
  let results = (outs Photonic_FieldType:$output);
  let assemblyFormat = [{
    $input `,` $base `a` `(` $a `)` `b` `(` $b `)` attr-dict `:`
      qualified(type($input)) `->` qualified(type($output))
  }];
  let extraClassDeclaration = [{
    /// k, the number of rows of A.
    int64_t getAdapterRank();
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// oeo
//===----------------------------------------------------------------------===//

def Photonic_OeoOp : Photonic_Op<"oeo", [Pure,
    AllTypesMatch<["input", "output"]>]> {
  let summary = "An optical-to-electrical-to-optical boundary";
  let description = [{
    Leaves the optical domain and comes back: each mode's real amplitude
    Re(E_i) is measured by coherent (phase-sensitive) detection, the
    optional electrical `bias` is added, the element-wise `function` is
    applied electrically and the results are re-encoded (amplitude
    modulation) onto as many modes for the next layer:

      E'_i = f(Re(E_i) + bias_i)

    It realises the nonlinearities optics cannot do (`relu`, `sigmoid`,
    `tanh`, real `softplus` ln(1 + e^x), `abs`) and the biases of imported
    layers. Each mode needs one coherent receiver with its ADC and one DAC
    with its modulator; the phase table counts and prices them
    (docs/import.md). `softmax` and `log_softmax` act on the whole vector
    and are only allowed in `photonic.readout`.

    ```mlir
    %y = photonic.oeo relu %x bias = [0.5, -1.0] : !photonic.field<2>
    ```
  }];
  let arguments = (ins Photonic_FieldType:$input,
                       Photonic_ElectricalFunctionAttr:$function,
                       OptionalAttr<DenseF64ArrayAttr>:$bias);
  let results = (outs Photonic_FieldType:$output);
  let assemblyFormat = [{
    $function $input (`bias` `=` custom<Phases>($bias)^)? attr-dict `:`
      qualified(type($input))
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// readout
//===----------------------------------------------------------------------===//

def Photonic_ReadoutOp : Photonic_Op<"readout", [Pure]> {
  let summary = "Coherent detection of the real amplitudes as the outputs";
  let description = [{
    Ends a network whose outputs are real values (an imported model's):
    each mode's real amplitude Re(E_i) is measured by coherent
    (phase-sensitive) detection, the optional electrical `bias` is added
    and `function` is applied; the result is an electrical 1-D tensor of
    the same length,

      y = f(Re(E) + bias)

    `function` is element-wise (as for `photonic.oeo`) or `softmax` /
    `log_softmax` over the whole vector. Unlike `photonic.detect` (the
    intensity |E|²) it keeps the sign of the amplitude. Each mode needs one
    coherent receiver with its ADC.

    ```mlir
    %y = photonic.readout log_softmax %x bias = [0.1, 0.2]
           : !photonic.field<2> -> tensor<2xf64>
    ```
  }];
  let arguments = (ins Photonic_FieldType:$input,
                       Photonic_ElectricalFunctionAttr:$function,
                       OptionalAttr<DenseF64ArrayAttr>:$bias);
  let results = (outs Photonic_ElectricalVector:$output);
  let assemblyFormat = [{
    $function $input (`bias` `=` custom<Phases>($bias)^)? attr-dict `:`
      qualified(type($input)) `->` type($output)
  }];
  let hasVerifier = 1;
}

#endif // PHOTONIC_OPS_TD
