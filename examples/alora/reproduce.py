#!/usr/bin/env python3
"""ALoRA on MNIST: plain deployment vs rank-k digital low-rank adapters on
the frozen network, under ALoRA's analog error (issue 4).

    reproduce.py [--dataset mnist] [--epochs 160] [--adapter-epochs 20]
                 [--ranks 1,2,4] [--trials 20] [--out DIR] [--work DIR]

Trains the 16-16-16-10 network of examples/mnist-lth/model.mlir with
photonic-train (EPOCHS epochs), then deploys it under ALoRA's error model
(weight error sigma_W = 1.2 % of each block's full scale per
matrix-vector product, 8-bit input DAC and output ADC; docs/noise.md):

  - plain: the trained network as is;
  - alora-k: photonic-lowrank-adapt with rank k (phases frozen, adapters
    trained with noise- and quantization-aware forward passes under the
    same error model);
  - lora-2: rank-2 adapters trained without noise (noise=none), the
    control that separates the low-rank capacity from NAT + QAT;
  - the same plain / alora-2 / lora-2 rows at a 4x stronger weight error
    (sigma_W = 4.8 %).

Every program is evaluated on the test split through the Python API
(photon.Program: the numbers photon-run gives), clean and under noise
(TRIALS chips, seed 1: every program meets the same chips).
Writes DIR/alora-<dataset>.md (default DIR: docs/results).
"""
import argparse
import json
import os
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from photon_tools import MODEL, REPO, export_program, opt, photon_api  # noqa: E402

NOISE = "weight_sigma=0.012,input_bits=8,output_bits=8"
STRONG = "weight_sigma=0.048,input_bits=8,output_bits=8"


def evaluate(program, dataset, noise, trials):
    """Clean accuracy and the Monte Carlo result under `noise` on the test
    split (photon-run --dataset, with --noise --trials --seed 1)."""
    photon = photon_api()
    X, labels = photon.load_dataset(dataset, "test")
    chip = photon.Program(program)
    noisy = chip.monte_carlo(X, labels, noise, trials=trials, seed=1)
    return chip.accuracy(X, labels), noisy


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dataset", default="mnist",
                    choices=["mnist", "fashion-mnist"])
    ap.add_argument("--epochs", type=int, default=160)
    ap.add_argument("--adapter-epochs", type=int, default=20)
    ap.add_argument("--adapter-lr", type=float, default=0.01)
    ap.add_argument("--ranks", default="1,2,4")
    ap.add_argument("--trials", type=int, default=20)
    ap.add_argument("--out", default=os.path.join(REPO, "docs", "results"))
    ap.add_argument("--work", default=None)
    args = ap.parse_args()
    ranks = [int(k) for k in args.ranks.split(",")]
    work = args.work or tempfile.mkdtemp(prefix="photon-alora-")
    os.makedirs(work, exist_ok=True)
    os.makedirs(args.out, exist_ok=True)
    w = lambda name: os.path.join(work, name)
    data = f"dataset={args.dataset}"
    knobs = f"{data} epochs={args.epochs} learning-rate=0.02 batch-size=64 seed=0"

    print(f"== train the 16-16-16-10 network ({args.epochs} epochs)",
          flush=True)
    seconds = {}
    if not os.path.exists(w("trained.mlir")):
        seconds["train"] = opt(MODEL, w("trained.mlir"),
                               f"photonic-lower-to-mesh,photonic-train{{{knobs}}}")

    def adapt(name, rank, noise):
        print(f"== {name}: rank {rank}, {args.adapter_epochs} epochs, "
              f"noise {noise}", flush=True)
        seconds[name] = opt(
            w("trained.mlir"), w(f"{name}.mlir"),
            f"photonic-lowrank-adapt{{{data} rank={rank} "
            f"epochs={args.adapter_epochs} learning-rate={args.adapter_lr} "
            f"batch-size=64 seed=0 noise={noise} eval-trials={args.trials} "
            f"noise-seed=1 report={w(name + '.report.json')}}}")

    runs = [("plain", None, NOISE, NOISE)]
    for k in ranks:
        runs.append((f"alora-{k}", k, NOISE, NOISE))
    runs.append(("lora-2", 2, "none", NOISE))
    runs.append(("plain-strong", None, STRONG, STRONG))
    runs.append(("alora-2-strong", 2, STRONG, STRONG))
    runs.append(("lora-2-strong", 2, "none", STRONG))
    for name, rank, train_noise, _ in runs:
        if rank is not None:
            adapt(name, rank, train_noise)

    rows = []
    for name, rank, train_noise, eval_noise in runs:
        mlir = w("trained.mlir") if rank is None else w(f"{name}.mlir")
        program = w(f"{name}.json")
        export_program(mlir, program)
        start = time.monotonic()
        clean, noisy = evaluate(program, args.dataset, eval_noise, args.trials)
        report = None
        if rank is not None:
            report = json.load(open(w(name + ".report.json")))
        rows.append(dict(name=name, rank=rank, train_noise=train_noise,
                         eval_noise=eval_noise, clean=clean, noisy=noisy,
                         report=report,
                         eval_seconds=time.monotonic() - start))
        print(f"   {name}: clean {100 * clean:.2f} %, noisy "
              f"{100 * noisy['accuracy_mean']:.2f} ± "
              f"{100 * noisy['accuracy_std']:.2f} %", flush=True)
    write_report(args, rows, seconds)


def write_report(args, rows, seconds):
    name = f"alora-{args.dataset}"
    phase = next(r["report"]["phase_parameters"] for r in rows if r["report"])
    md = [f"# ALoRA: low-rank adapters on a frozen photonic network "
          f"({args.dataset})", "",
          "Generated by `examples/alora/reproduce.py --dataset "
          f"{args.dataset}` (do not edit by hand). The 16-16-16-10 network "
          "of `examples/mnist-lth/model.mlir` is trained with "
          f"`photonic-train` ({args.epochs} epochs) and deployed under "
          "ALoRA's analog error: weight error σ_W = 1.2 % of each dense "
          "layer's full scale per matrix-vector product, 8-bit input DAC and "
          "8-bit output ADC (`" + NOISE + "`, [noise.md](../noise.md)). "
          "`alora-k`: `photonic-lowrank-adapt` with rank k: every mesh phase, "
          "attenuator and gain frozen, a digital rank-k branch y + B·A·x per "
          "dense layer trained for "
          f"{args.adapter_epochs} epochs (Adam, learning rate "
          f"{args.adapter_lr}, cosine decay) with the error sampled in every "
          "forward pass (NAT + QAT, straight-through backward). `lora-2`: "
          "the same rank-2 adapters trained without noise (`lora-2-strong` is "
          "the same program as `lora-2`: noise-free training is "
          "deterministic). The `-strong` rows repeat plain, alora-2 "
          "and lora-2 at σ_W = 4.8 % (`" + STRONG + "`, alora-2-strong "
          "trained there).", "",
          f"Test split, clean accuracy and mean ± std (worst) over "
          f"{args.trials} Monte Carlo chips (seed 1, the same chips for every "
          f"program). Trainable fraction: adapter real parameters over "
          f"adapter plus phase parameters ({phase} phase parameters: mesh "
          "shifters, attenuators, gains).", "",
          "| configuration | trained under | evaluated under | trainable | "
          "fraction | clean (%) | noisy (%) | worst (%) |",
          "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        rep = r["report"]
        params = rep["adapter_parameters"] if rep else 0
        frac = f"{100 * rep['trainable_fraction']:.2f} %" if rep else "0 %"
        n = r["noisy"]
        md.append(f"| {r['name']} | {r['train_noise'] if rep else '—'} | "
                  f"{r['eval_noise']} | {params} | {frac} | "
                  f"{100 * r['clean']:.2f} | {100 * n['accuracy_mean']:.2f} ± "
                  f"{100 * n['accuracy_std']:.2f} | "
                  f"{100 * n['accuracy_worst']:.2f} |")
    by = {r["name"]: r for r in rows}
    gain = lambda a, b: 100 * (by[a]["noisy"]["accuracy_mean"] -
                               by[b]["noisy"]["accuracy_mean"])
    ranks = [r for r in rows if r["name"].startswith("alora-") and
             not r["name"].endswith("strong")]
    md += ["", "Noisy accuracy gained over plain deployment: " + ", ".join(
        f"{r['name']} {gain(r['name'], 'plain'):+.2f} points" for r in ranks) +
        f"; lora-2 (no noise in training) {gain('lora-2', 'plain'):+.2f}; at "
        f"σ_W = 4.8 % alora-2 {gain('alora-2-strong', 'plain-strong'):+.2f}, "
        f"lora-2 {gain('lora-2-strong', 'plain-strong'):+.2f}.",
        "", "Reading: at σ_W = 1.2 % and 8-bit converters this small "
        "network loses only "
        f"{-gain('plain', 'plain') + 100 * (by['plain']['clean'] - by['plain']['noisy']['accuracy_mean']):.2f} "
        "points to the error (ALoRA, too, finds MLPs robust); the adapters "
        "recover part of it, more with a higher rank, but noise-free LoRA "
        "does about as well there, so at this level the gain comes from the "
        "noise-free digital branch and the extra fine-tuning rather than "
        "from NAT. At σ_W = 4.8 % only the noise-aware adapters help. All "
        "programs meet the same chips, so differences are paired; the "
        "chip-to-chip std is the spread of one program.",
        "", "Times (2-core machine, seconds): " + ", ".join(
            f"{k} {v:.1f}" for k, v in seconds.items()) + ".", ""]
    with open(os.path.join(args.out, name + ".md"), "w") as f:
        f.write("\n".join(md))
    print(f"wrote {os.path.join(args.out, name + '.md')}")


if __name__ == "__main__":
    main()
