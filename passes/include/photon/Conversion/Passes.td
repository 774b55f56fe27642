//===- Passes.td - Photon's conversion passes --------------*- tablegen -*-===//
#ifndef PHOTON_CONVERSION_PASSES_TD
#define PHOTON_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

def ConvertTosaToPhotonic : Pass<"convert-tosa-to-photonic", "mlir::ModuleOp"> {
  let summary = "Convert TOSA fully-connected networks into photonic ops";
  let description = [{
    Rewrites every `func.func` that holds TOSA ops (the output of
    `photon-translate --import-onnx`, torch-mlir or IREE's importers) into
    a photonic network taking one sample, `tensor<Nxf64>`, and returning
    `tensor<Mxf64>`. The function must have one argument whose leading
    dimension is the batch (1 or dynamic) and one result; its body must be
    a straight chain of:

    - `tosa.fully_connected` with constant weights and bias, or
      `tosa.matmul` of the chain (as `[1, B, N]`) by a constant `[1, N, M]`:
      a `photonic.dense` with the weights in f64 (exact);
    - `tosa.add` / `tosa.sub` of a constant (the bias), kept electrical and
      added at the next optical-to-electrical boundary (a bias followed by
      another linear layer is carried through it exactly: W₂(x + b) =
      W₂x + W₂b);
    - `tosa.clamp` with min 0 and no max (ReLU), `tosa.sigmoid`,
      `tosa.tanh`, `tosa.exp` → add 1 → `tosa.log` (softplus): a
      `photonic.oeo` boundary (coherent detection, the function applied
      electrically, re-encoding), or the final `photonic.readout`;
    - `tosa.abs` without a pending bias: the optical
      `photonic.activation modulus`;
    - `tosa.reshape` keeping the per-sample width, `tosa.identity`;
    - the stabilised softmax / log-softmax decomposition (reduce_max, sub,
      exp, reduce_sum, then reciprocal and mul, or log and sub) right
      before the return: the readout's function.

    Constants may come from `tosa.const`, possibly through `tosa.reshape`
    and `tosa.transpose`. Anything else is rejected with an error on the
    op that says why; the module is then left unchanged. Functions without
    TOSA ops are left alone. The mapping and its costs are described in
    docs/import.md.

    Before:

    ```mlir
    func.func @main(%x: tensor<?x2xf32>) -> tensor<?x1xf32> {
      %w = "tosa.const"() <{value = dense<[[1.0, 2.0]]> : tensor<1x2xf32>}> : () -> tensor<1x2xf32>
      %b = "tosa.const"() <{value = dense<[0.5]> : tensor<1xf32>}> : () -> tensor<1xf32>
      %y = tosa.fully_connected %x, %w, %b : (tensor<?x2xf32>, tensor<1x2xf32>, tensor<1xf32>) -> tensor<?x1xf32>
      %r = tosa.sigmoid %y : (tensor<?x1xf32>) -> tensor<?x1xf32>
      return %r : tensor<?x1xf32>
    }
    ```

    After:

    ```mlir
    func.func @main(%arg0: tensor<2xf64>) -> tensor<1xf64> {
      %0 = photonic.encode %arg0 : tensor<2xf64> -> !photonic.field<2>
      %1 = photonic.dense %0 weights(dense<[[1.0, 2.0]]> : tensor<1x2xf64>) : !photonic.field<2> -> !photonic.field<1>
      %2 = photonic.readout sigmoid %1 bias = [0.5] : !photonic.field<1> -> tensor<1xf64>
      return %2 : tensor<1xf64>
    }
    ```
  }];
  let dependentDialects = ["photon::PhotonicDialect",
                           "mlir::func::FuncDialect"];
}

#endif // PHOTON_CONVERSION_PASSES_TD
