//===- Passes.td - Photon's passes -------------------------*- tablegen -*-===//
#ifndef PHOTON_TRANSFORMS_PASSES_TD
#define PHOTON_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def LowerDense : Pass<"photonic-lower-dense", "mlir::ModuleOp"> {
  let summary = "Lower dense layers to V† unitary, Σ diagonal and U unitary (SVD)";
  let description = [{
    Replaces every `photonic.dense` (M x N weights W, inline or from its
    seeded initializer) by its singular value decomposition W = U Σ V†
    (Eigen's BDCSVD with full U and V, so M != N, rank-deficient and zero W
    are handled): an N x N `photonic.unitary` holding V†, an N -> M
    `photonic.diagonal` holding Σ (attenuator phases θ_i = 2 acos(σ_i / β)
    and gain β = σ_max; all θ = 0 and gain 0 for W = 0), and an M x M
    `photonic.unitary` holding U. Each product records `layer` (the index of
    the dense op in its function, counting from 0) and `factor`.

    Before:
    ```mlir
    %y = photonic.dense %x weights(dense<[[0.0, 2.0], [1.0, 0.0]]> : tensor<2x2xf64>)
           : !photonic.field<2> -> !photonic.field<2>
    ```
    After:
    ```mlir
    %0 = photonic.unitary %x matrix(...) {factor = "V", layer = 0 : i64} : !photonic.field<2>
    %1 = photonic.diagonal %0 theta = [0.0, 2.0943951023931957] gain = 2.0 {layer = 0 : i64}
           : !photonic.field<2> -> !photonic.field<2>
    %y = photonic.unitary %1 matrix(...) {factor = "U", layer = 0 : i64} : !photonic.field<2>
    ```
  }];
  let dependentDialects = ["photon::PhotonicDialect"];
  let statistics = [
    Statistic<"numLowered", "lowered-dense", "Number of dense layers lowered">
  ];
}

def DecomposeUnitary : Pass<"photonic-decompose-unitary", "mlir::ModuleOp"> {
  let summary = "Decompose unitaries into Clements or Reck meshes of MZIs";
  let description = [{
    Replaces every `photonic.unitary` by a `photonic.mesh` of N(N-1)/2 MZIs
    and N output phase shifters that realises the same matrix (to rounding,
    about 1e-14 per entry in double). The decomposition is O(N³) and wraps
    every phase into [0, 2π); degenerate nullings use the canonical choice
    documented in docs/conventions.md. `layer` and `factor` are kept.

    Before:
    ```mlir
    %y = photonic.unitary %x matrix(dense<[[0.0, 1.0], [1.0, 0.0]]> : tensor<2x2xf64>)
           : !photonic.field<2>
    ```
    After (`topology=clements`):
    ```mlir
    %y = photonic.mesh clements %x theta = [...] phi = [...] outputs = [...]
           : !photonic.field<2>
    ```
  }];
  let options = [
    Option<"topology", "topology", "std::string", /*default=*/"\"clements\"",
           "Mesh topology: clements (rectangular, depth N) or reck "
           "(triangular, depth 2N-3)">
  ];
  let dependentDialects = ["photon::PhotonicDialect"];
  let statistics = [
    Statistic<"numMeshes", "meshes", "Number of unitaries decomposed">,
    Statistic<"numMzis", "mzis", "Number of MZIs created">
  ];
}

def DeadShifterElim : Pass<"photonic-dead-shifter-elim", "mlir::ModuleOp"> {
  let summary = "Remove phase shifters at phase 0 from what is fabricated";
  let description = [{
    A thermo-optic shifter whose phase is 0 needs no heater: it can be left
    out of the chip (or power-gated). This pass marks every such shifter as
    eliminated in the IR:

    - a mesh shifter (θ, φ or output) is dead when its phase is within
      `tolerance` of 0 on the circle, i.e. min(w, 2π − w) ≤ tolerance with
      w the phase wrapped into [0, 2π); its phase becomes exactly 0 and its
      `mask` entry false;
    - an MZI whose θ and φ are both dead is a fixed crossing (the cross
      state M(0, 0) = i·[[0, 1], [1, 0]]): no heater at all;
    - a Σ attenuator with θ ≤ `tolerance` is at full transmission and is
      dropped (a plain waveguide): θ becomes 0 and its `mask` entry false.

    Shifters that were already masked stay masked. With the default
    tolerance (1e-9 rad) the transfer matrix changes by at most about the
    tolerance per eliminated shifter. The pass prints what it removed (and
    writes it as JSON to `report` when given): shifters by arm, fixed
    crossings, attenuators, and the static power saved.

    Before:
    ```mlir
    %y = photonic.mesh clements %x theta = [0.0] phi = [6.283185307179586]
           outputs = [0.5, 0.0] : !photonic.field<2>
    ```
    After:
    ```mlir
    %y = photonic.mesh clements %x theta = [0.0] phi = [0.0] outputs = [0.5, 0.0]
           mask = [false, false, true, false] : !photonic.field<2>
    ```
  }];
  let options = [
    Option<"tolerance", "tolerance", "double", /*default=*/"1e-9",
           "Largest phase distance from 0 (rad) that counts as dead">,
    Option<"report", "report", "std::string", /*default=*/"\"\"",
           "Write what was eliminated to this JSON file">,
    Option<"piPowerMilliwatts", "p-pi-mw", "double", /*default=*/"25.0",
           "Heater power for a phase of pi (mW), for the power report">
  ];
  let dependentDialects = ["photon::PhotonicDialect"];
}

#endif // PHOTON_TRANSFORMS_PASSES_TD
