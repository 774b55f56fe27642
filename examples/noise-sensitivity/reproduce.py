#!/usr/bin/env python3
"""Phase-noise sensitivity of unpruned and pruned networks, and how much
noise-aware training recovers ([LTH] Sec. 4.2, Fig. 7), over several seeds.

    reproduce.py [--dataset mnist] [--epochs 160] [--trials 20]
                 [--seeds 0,1,2] [--out DIR]

For each seed S (photonic-lower-to-mesh's phase-seed=S: the initial
phases; the training passes' seed=S: shuffling and noise draws), builds, through Photon's passes, the 16-16-16-10 network of
examples/mnist-lth/model.mlir (uniform initial phases): unpruned; one-shot
magnitude-pruned (alpha chosen on validation among 1, 1.5, 2, per seed: the
sparsest within 5 validation points); LTH-pruned (the paper's layer-wise
method with its defaults, ticket chosen on validation). Each is also
retrained with photonic-noise-aware-train. The programs are swept with
`photon-run --sweep` (TRIALS chips per point, chip seed 1: the same chips
for every program and every seed) in three settings:
  1. additive phase error sigma_PS = 0 .. 0.1 rad on the remaining
     (fabricated) shifters, pruned shifters removed: the paper's setting;
  2. phase-dependent error: gamma drift sigma_gamma = 0 .. 0.1, the realised
     phase gamma * phi with gamma ~ 1 + N(0, sigma_gamma^2), so the error of
     a shifter grows in proportion to its programmed phase (thermo-optic
     phase is proportional to heater power; SZO-SCD's model), pruned
     shifters removed;
  3. setting 1 with the pruned shifters kept on the chip at phase 0 and
     taking the same error (keep_pruned=1), for comparison.
Writes DIR/noise-<dataset>.md (per setting: mean ± sample std over seeds of
each seed's chip-mean accuracy, and the gap unpruned - ticket) and one .csv
(photon-run's columns with train_seed in front) and .svg per setting, the
plot drawn from the CSV by examples/plotting.py (default DIR: docs/results).
"""
import argparse
import csv
import json
import os
import shutil
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from photon_tools import (MODEL, REPO, export_program, opt, run,  # noqa: E402
                          tool)
import plotting  # noqa: E402

NAMES = ["unpruned", "magnitude", "lth"]
NAT = "-nat"
SETTINGS = [
    ("", "none", "phase_sigma=0:0.1:11",
     "additive phase error, pruned shifters removed (the paper's setting)"),
    ("-gamma", "none", "gamma_sigma=0:0.1:11",
     "phase-dependent error (γ drift, σ ∝ programmed phase), pruned "
     "shifters removed"),
    ("-kept", "keep_pruned=1", "phase_sigma=0:0.1:11",
     "additive phase error, pruned shifters kept on the chip")]


def seeds_arg(text):
    try:
        seeds = [int(s) for s in text.split(",") if s.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of integers: {text}")
    if not seeds or len(set(seeds)) != len(seeds) or min(seeds) < 0:
        raise argparse.ArgumentTypeError(
            f"need distinct non-negative seeds: {text}")
    return seeds


def prunable(metrics):
    return metrics["totals"]["prunable"]


def build(args, seed, work):
    """Trains, prunes and noise-aware trains the networks of one seed;
    returns the exported programs and what the report says of the seed."""
    os.makedirs(work, exist_ok=True)
    w = lambda name: os.path.join(work, name)
    knobs = (f"dataset={args.dataset} epochs={args.epochs} learning-rate=0.05 "
             f"batch-size=64 seed={seed}")
    nat = (f"dataset={args.dataset} epochs={args.nat_epochs} "
           f"learning-rate=0.005 batch-size=64 seed={seed} "
           f"noise=phase_sigma={args.nat_sigma} eval-trials={args.trials}")
    print(f"== seed {seed}: train, prune (magnitude one-shot, alpha on "
          "validation; LTH layer-wise defaults)", flush=True)
    opt(MODEL, w("unpruned.mlir"),
        f"photonic-lower-to-mesh{{phase-seed={seed}}},photonic-train{{{knobs} "
        f"report={w('train.json')}}}")
    train = json.load(open(w("train.json")))
    base_val = train["validation_accuracy"]
    info = {"seed": seed, "val": {"unpruned": base_val},
            "sparsity": {"unpruned": prunable(train["metrics"])["sparsity"]},
            "phase": {"unpruned": prunable(train["metrics"])["mean_phase_rad"]}}
    best = None
    for alpha in [1.0, 1.5, 2.0]:
        report = w(f"magnitude-{alpha}.json")
        opt(w("unpruned.mlir"), w(f"magnitude-{alpha}.mlir"),
            f"photonic-prune-magnitude{{{knobs} epochs={args.epochs // 2} "
            f"alpha={alpha} report={report}}}")
        r = json.load(open(report))
        sparsity = prunable(r["metrics_after"])["sparsity"]
        if base_val - r["validation_accuracy_after"] <= 0.05 and (
                best is None or sparsity > best[1]):
            best = (alpha, sparsity)
    alpha = best[0] if best else 1.0
    shutil.copy(w(f"magnitude-{alpha}.mlir"), w("magnitude.mlir"))
    r = json.load(open(w(f"magnitude-{alpha}.json")))
    info["alpha"] = alpha
    info["val"]["magnitude"] = r["validation_accuracy_after"]
    info["sparsity"]["magnitude"] = prunable(r["metrics_after"])["sparsity"]
    info["phase"]["magnitude"] = prunable(r["metrics_after"])["mean_phase_rad"]
    opt(w("unpruned.mlir"), w("lth.mlir"),
        f"photonic-prune-lth{{{knobs} report={w('lth.json')}}}")
    r = json.load(open(w("lth.json")))
    info["val"]["lth"] = r["lth"]["rounds"][r["lth"]["best_round"]]["accuracy"]
    info["best_round"] = r["lth"]["best_round"]
    info["sparsity"]["lth"] = prunable(r["metrics_after"])["sparsity"]
    info["phase"]["lth"] = prunable(r["metrics_after"])["mean_phase_rad"]
    print(f"== seed {seed}: noise-aware training (phase_sigma="
          f"{args.nat_sigma}, {args.nat_epochs} epochs at lr 0.005)",
          flush=True)
    for n in NAMES:
        opt(w(f"{n}.mlir"), w(f"{n}{NAT}.mlir"),
            f"photonic-noise-aware-train{{{nat}}}")
    programs = []
    for n in NAMES + [f"{n}{NAT}" for n in NAMES]:
        export_program(w(f"{n}.mlir"), w(f"{n}.json"))
        programs.append(w(f"{n}.json"))
    return programs, info


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dataset", default="mnist",
                    choices=["mnist", "fashion-mnist"])
    ap.add_argument("--epochs", type=int, default=160)
    ap.add_argument("--trials", type=int, default=20)
    ap.add_argument("--seeds", type=seeds_arg, default=[0, 1, 2],
                    help="training seeds, comma-separated (default 0,1,2)")
    ap.add_argument("--nat-sigma", type=float, default=0.05,
                    help="phase_sigma used by noise-aware training")
    ap.add_argument("--out", default=os.path.join(REPO, "docs", "results"))
    ap.add_argument("--work", default=None)
    args = ap.parse_args()
    args.nat_epochs = max(args.epochs // 4, 1)
    work = args.work or tempfile.mkdtemp(prefix="photon-noise-")
    os.makedirs(work, exist_ok=True)
    os.makedirs(args.out, exist_ok=True)
    name = f"noise-{args.dataset}"
    start = time.monotonic()
    infos = []
    sweep_rows = {suffix: [] for suffix, *_ in SETTINGS}
    sweep_seconds = {suffix: 0.0 for suffix, *_ in SETTINGS}
    for seed in args.seeds:
        seed_work = os.path.join(work, f"seed{seed}")
        programs, info = build(args, seed, seed_work)
        infos.append(info)
        with open(os.path.join(seed_work, "info.json"), "w") as f:
            json.dump(info, f)
        for suffix, base, sweep, title in SETTINGS:
            print(f"== seed {seed}: sweep {sweep}, {title}, {args.trials} "
                  "chips per point", flush=True)
            part = os.path.join(seed_work, f"sweep{suffix}.csv")
            t0 = time.monotonic()
            run([tool("photon-run"), *programs, "--dataset", args.dataset,
                 "--noise", base, "--sweep", sweep,
                 "--trials", str(args.trials), "--seed", "1", "--csv", part])
            sweep_seconds[suffix] += time.monotonic() - t0
            with open(part, newline="") as f:
                for r in csv.DictReader(f):
                    # Paths point into the temporary work folder: keep names.
                    r["program"] = os.path.basename(
                        r["program"]).removesuffix(".json")
                    sweep_rows[suffix].append({"train_seed": seed, **r})
    sections = []
    for suffix, base, sweep, title in SETTINGS:
        rows = sweep_rows[suffix]
        csv_path = os.path.join(args.out, name + suffix + ".csv")
        with open(csv_path, "w", newline="") as f:
            out = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
            out.writeheader()
            out.writerows(rows)
        plotting.noise_sweep(csv_path, csv_path[:-len(".csv")] + ".svg")
        sections.append((title, name + suffix, csv_path, sweep_seconds[suffix],
                         sweep.split("=")[0]))
    write_report(args, name, sections, infos, time.monotonic() - start)


def mean_std(values):
    """Mean and sample standard deviation (0 for a single value)."""
    values = list(values)
    return (statistics.fmean(values),
            statistics.stdev(values) if len(values) > 1 else 0.0)


def fmt(values, scale=100, digits=2, sign=False):
    m, s = mean_std(scale * v for v in values)
    return f"{m:+.{digits}f} ± {s:.{digits}f}" if sign else \
        f"{m:.{digits}f} ± {s:.{digits}f}"


def section(args, title, stem, csv_path, seconds, key):
    rows = list(csv.DictReader(open(csv_path)))
    seeds = sorted({int(r["train_seed"]) for r in rows})
    sigmas = sorted({float(r["value"]) for r in rows})
    acc = {(int(r["train_seed"]), r["program"], float(r["value"])):
           float(r["accuracy_mean"]) for r in rows}
    order = NAMES + [f"{n}{NAT}" for n in NAMES]
    per = lambda p, s: [acc[(seed, p, s)] for seed in seeds]
    gap = lambda a, b, s: [acc[(seed, a, s)] - acc[(seed, b, s)]
                           for seed in seeds]
    md = [f"## {title[0].upper() + title[1:]}", "",
          "Test accuracy (%), mean ± sample std over the seeds of each "
          f"seed's mean over {rows[0]['trials']} chips; gap: unpruned − "
          "lth (points, mean ± std over seeds of the per-seed gap; "
          "positive: the ticket is worse).", "",
          "| " + {"phase_sigma": "σ_PS (rad)", "gamma_sigma": "σ_γ"}[key] +
          " | " + " | ".join(order) + " | gap unpruned − lth |",
          "|" + " ---: |" * (len(order) + 2)]
    for s in sigmas:
        cells = [fmt(per(p, s)) for p in order]
        cells.append(fmt(gap("unpruned", "lth", s), sign=True))
        md.append(f"| {s:g} | " + " | ".join(cells) + " |")
    worst = max(sigmas)
    largest = max(sigmas, key=lambda s: abs(statistics.fmean(
        gap("unpruned", "lth", s))))
    md += ["", "Per-seed gap unpruned − lth (points) at each "
           f"{key}: " + "; ".join(
               f"seed {seed}: " + ", ".join(
                   f"{100 * (acc[(seed, 'unpruned', s)] - acc[(seed, 'lth', s)]):+.2f}"
                   for s in sigmas) for seed in seeds) + ".", "",
           f"Largest mean gap in magnitude: "
           f"{fmt(gap('unpruned', 'lth', largest), sign=True)} at {key} = "
           f"{largest:g}.", "",
           f"![accuracy vs noise, {title}]({stem}.svg)", "",
           f"Raw numbers (one row per seed, program and point): "
           f"[{stem}.csv]({stem}.csv); the sweeps took {seconds:.1f} s in "
           f"all. At {key} = {worst:g} (mean ± std over seeds, points): "
           f"unpruned − lth = {fmt(gap('unpruned', 'lth', worst), sign=True)} "
           f"before noise-aware training, "
           f"{fmt(gap('unpruned' + NAT, 'lth' + NAT, worst), sign=True)} "
           f"after; unpruned − magnitude = "
           f"{fmt(gap('unpruned', 'magnitude', worst), sign=True)}; "
           f"noise-aware training changes the LTH network by "
           f"{fmt(gap('lth' + NAT, 'lth', worst), sign=True)} points, the "
           f"magnitude-pruned one by "
           f"{fmt(gap('magnitude' + NAT, 'magnitude', worst), sign=True)} "
           f"and the unpruned one by "
           f"{fmt(gap('unpruned' + NAT, 'unpruned', worst), sign=True)}.",
           ""]
    power = ", ".join(
        p + " " + fmt([float(r["static_power_mw"]) for r in rows
                       if r["program"] == p and float(r["value"]) == 0.0],
                      scale=1, digits=0) for p in order)
    return md, power


def write_report(args, name, sections, infos, seconds):
    seeds = ", ".join(str(i["seed"]) for i in infos)
    md = [f"# Phase-noise sensitivity ({args.dataset})", "",
          "Generated by `examples/noise-sensitivity/reproduce.py "
          f"--dataset {args.dataset} --epochs {args.epochs} --trials "
          f"{args.trials} --seeds {','.join(str(i['seed']) for i in infos)}` "
          f"(do not edit by hand; {seconds / 60:.0f} min in all). Seeds "
          f"{seeds}: seed S is `photonic-lower-to-mesh{{phase-seed=S}}` (the "
          "initial phases) and the training passes' `seed=S` (shuffling, "
          "noise draws); one network of each kind per seed. Test accuracy over "
          f"{args.trials} chips (chip seed 1, the same chips for every "
          "program and every seed; [noise.md](../noise.md) defines each "
          "model) of the 16-16-16-10 network, uniform initial phases: "
          "`unpruned`; `magnitude` (one-shot, α chosen on validation per "
          "seed among 1, 1.5, 2: the sparsest within 5 points); `lth` (the "
          "paper's layer-wise LTH with its defaults, ticket chosen on "
          "validation); `-nat`: the same after "
          f"`photonic-noise-aware-train` (σ_PS = {args.nat_sigma} rad in "
          f"training, {args.nat_epochs} epochs at learning rate 0.005, masks "
          "kept). Tables: mean ± sample std over the seeds of each seed's "
          "chip-mean accuracy (the spread over chips of one seed is in the "
          "CSV, `accuracy_std`; there `train_seed` is the seed S, `seed` "
          "the chip seed). Three settings: additive phase error on "
          "the fabricated shifters only (pruned shifters removed: the "
          "paper's setting); a phase-dependent error, γ drift φ_v = γ·φ "
          "with γ = 1 + Δγ, Δγ ~ N(0, σ_γ²) truncated at 3σ_γ (SZO-SCD's "
          "model: a thermo-optic phase is proportional to heater power, so "
          "its error grows with the programmed phase, std σ_γ·φ); and "
          "additive error with the pruned shifters kept on the chip at "
          "phase 0 (`keep_pruned=1`).", "",
          "## The networks of each seed", "",
          "Validation accuracy (%), shifter sparsity (%) and mean phase of "
          "the mesh shifters (rad) before noise-aware training.", "",
          "| seed | α | LTH round | validation: unpruned / magnitude / lth "
          "| sparsity: magnitude / lth | mean phase: unpruned / magnitude / "
          "lth |",
          "| ---: | ---: | ---: | ---: | ---: | ---: |"]
    for i in infos:
        md.append(
            f"| {i['seed']} | {i['alpha']:g} | {i['best_round']} | "
            + " / ".join(f"{100 * i['val'][n]:.2f}" for n in NAMES) + " | "
            + " / ".join(f"{100 * i['sparsity'][n]:.1f}"
                         for n in NAMES[1:]) + " | "
            + " / ".join(f"{i['phase'][n]:.2f}" for n in NAMES) + " |")
    md.append(
        "| mean ± std | | | "
        + " / ".join(fmt([i["val"][n] for i in infos]) for n in NAMES) + " | "
        + " / ".join(fmt([i["sparsity"][n] for i in infos], digits=1)
                     for n in NAMES[1:]) + " | "
        + " / ".join(fmt([i["phase"][n] for i in infos], scale=1)
                     for n in NAMES) + " |")
    md.append("")
    power = ""
    for title, stem, csv_path, sweep_seconds, key in sections:
        part, power = section(args, title, stem, csv_path, sweep_seconds, key)
        md += part
    md += [f"Static power (mW, programmed phases, mean ± std over seeds): "
           f"{power}.", ""]
    with open(os.path.join(args.out, name + ".md"), "w") as f:
        f.write("\n".join(md))
    print(f"wrote {os.path.join(args.out, name + '.md')}")


if __name__ == "__main__":
    main()
