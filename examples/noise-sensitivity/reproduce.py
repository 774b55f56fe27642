#!/usr/bin/env python3
"""Phase-noise sensitivity of unpruned and pruned networks, and how much
noise-aware training recovers ([LTH] Sec. 4.2, Fig. 7).

    reproduce.py [--dataset mnist] [--epochs 160] [--trials 20] [--out DIR]

Builds, through Photon's passes, the 16-16-16-10 network of
examples/mnist-lth/model.mlir (uniform initial phases): unpruned; one-shot
magnitude-pruned (alpha chosen on validation among 1, 1.5, 2: the sparsest
within 5 validation points); LTH-pruned (the paper's layer-wise method with
its defaults, ticket chosen on validation). Each is also retrained with
photonic-noise-aware-train. The programs are swept with `photon-run --sweep`
(TRIALS chips per point, the same chips for every program) in three
settings:
  1. additive phase error sigma_PS = 0 .. 0.1 rad on the remaining
     (fabricated) shifters, pruned shifters removed: the paper's setting;
  2. phase-dependent error: gamma drift sigma_gamma = 0 .. 0.1, the realised
     phase gamma * phi with gamma ~ 1 + N(0, sigma_gamma^2), so the error of
     a shifter grows in proportion to its programmed phase (thermo-optic
     phase is proportional to heater power; SZO-SCD's model), pruned
     shifters removed;
  3. setting 1 with the pruned shifters kept on the chip at phase 0 and
     taking the same error (keep_pruned=1), for comparison.
Writes DIR/noise-<dataset>.md and one .csv and .svg per setting, the plot
drawn from the CSV by examples/plotting.py (default DIR: docs/results).
"""
import argparse
import csv
import json
import os
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from photon_tools import (MODEL, REPO, export_program, opt, run,  # noqa: E402
                          tool)
import plotting  # noqa: E402

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dataset", default="mnist",
                    choices=["mnist", "fashion-mnist"])
    ap.add_argument("--epochs", type=int, default=160)
    ap.add_argument("--trials", type=int, default=20)
    ap.add_argument("--nat-sigma", type=float, default=0.05,
                    help="phase_sigma used by noise-aware training")
    ap.add_argument("--out", default=os.path.join(REPO, "docs", "results"))
    ap.add_argument("--work", default=None)
    args = ap.parse_args()
    work = args.work or tempfile.mkdtemp(prefix="photon-noise-")
    os.makedirs(work, exist_ok=True)
    os.makedirs(args.out, exist_ok=True)
    w = lambda name: os.path.join(work, name)
    knobs = (f"dataset={args.dataset} epochs={args.epochs} learning-rate=0.05 "
             f"batch-size=64 seed=0")
    nat_epochs = max(args.epochs // 4, 1)
    nat = (f"dataset={args.dataset} epochs={nat_epochs} learning-rate=0.005 "
           f"batch-size=64 seed=0 noise=phase_sigma={args.nat_sigma} "
           f"eval-trials={args.trials}")
    print("== train, prune (magnitude one-shot, alpha on validation; LTH "
          "layer-wise defaults)", flush=True)
    opt(MODEL, w("unpruned.mlir"),
        f"photonic-lower-to-mesh,photonic-train{{{knobs} "
        f"report={w('train.json')}}}")
    base_val = json.load(open(w("train.json")))["validation_accuracy"]
    best = None
    for alpha in [1.0, 1.5, 2.0]:
        report = w(f"magnitude-{alpha}.json")
        opt(w("unpruned.mlir"), w(f"magnitude-{alpha}.mlir"),
            f"photonic-prune-magnitude{{{knobs} epochs={args.epochs // 2} "
            f"alpha={alpha} report={report}}}")
        r = json.load(open(report))
        sparsity = r["metrics_after"]["totals"]["prunable"]["sparsity"]
        if base_val - r["validation_accuracy_after"] <= 0.05 and (
                best is None or sparsity > best[1]):
            best = (alpha, sparsity)
    alpha = best[0] if best else 1.0
    shutil.copy(w(f"magnitude-{alpha}.mlir"), w("magnitude.mlir"))
    opt(w("unpruned.mlir"), w("lth.mlir"), f"photonic-prune-lth{{{knobs}}}")
    names = ["unpruned", "magnitude", "lth"]
    print(f"== noise-aware training (phase_sigma={args.nat_sigma}, "
          f"{nat_epochs} epochs at lr 0.005)", flush=True)
    for n in names:
        opt(w(f"{n}.mlir"), w(f"{n}-nat.mlir"),
            f"photonic-noise-aware-train{{{nat}}}")
    programs = []
    for n in names + [f"{n}-nat" for n in names]:
        export_program(w(f"{n}.mlir"), w(f"{n}.json"))
        programs.append(w(f"{n}.json"))

    name = f"noise-{args.dataset}"
    sections = []
    for suffix, base, sweep, title in [
            ("", "none", "phase_sigma=0:0.1:11",
             "additive phase error, pruned shifters removed (the paper's "
             "setting)"),
            ("-gamma", "none", "gamma_sigma=0:0.1:11",
             "phase-dependent error (γ drift, σ ∝ programmed phase), pruned "
             "shifters removed"),
            ("-kept", "keep_pruned=1", "phase_sigma=0:0.1:11",
             "additive phase error, pruned shifters kept on the chip")]:
        key = sweep.split("=")[0]
        print(f"== sweep {sweep}, {title}, {args.trials} chips per point",
              flush=True)
        csv_path = os.path.join(args.out, name + suffix + ".csv")
        start = time.monotonic()
        run([tool("photon-run"), *programs, "--dataset", args.dataset,
             "--noise", base, "--sweep", sweep,
             "--trials", str(args.trials), "--seed", "1", "--csv", csv_path])
        sections.append((title, name + suffix, csv_path,
                         time.monotonic() - start, key))
    write_report(args, name, sections, names, nat_epochs, alpha)

def section(args, title, stem, csv_path, seconds, names, key):
    nat_tag = "-nat"
    rows = list(csv.DictReader(open(csv_path)))
    label = lambda path: os.path.basename(path)[:-len(".json")]
    # Paths in the CSV point into the temporary work folder: keep names.
    for r in rows:
        r["program"] = label(r["program"])
    with open(csv_path, "w", newline="") as f:
        out = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        out.writeheader()
        out.writerows(rows)
    # The plot from the CSV (examples/plotting.py).
    plotting.noise_sweep(csv_path, csv_path[:-len(".csv")] + ".svg")
    sigmas = sorted({float(r["value"]) for r in rows})
    by = {(r["program"], float(r["value"])): r for r in rows}
    order = names + [f"{n}{nat_tag}" for n in names]
    md = [f"## {title[0].upper() + title[1:]}", "",
          "| " + {"phase_sigma": "σ_PS (rad)", "gamma_sigma": "σ_γ"}[key] +
          " | " + " | ".join(order) + " |",
          "|" + " ---: |" * (len(order) + 1)]
    for s in sigmas:
        cells = [f"{100 * float(by[(p, s)]['accuracy_mean']):.2f} ± "
                 f"{100 * float(by[(p, s)]['accuracy_std']):.2f}" for p in order]
        md.append(f"| {s:g} | " + " | ".join(cells) + " |")
    worst = max(sigmas)
    gap = lambda a, b, s: 100 * (float(by[(a, s)]["accuracy_mean"]) -
                                 float(by[(b, s)]["accuracy_mean"]))
    gaps = [(s, gap("unpruned", "lth", s)) for s in sigmas]
    largest = max(gaps, key=lambda g: abs(g[1]))
    md += ["", "Gap unpruned − LTH ticket (points; positive: the ticket is "
           "worse): " + ", ".join(f"{g:+.2f} at {s:g}" for s, g in gaps) +
           f". Largest in magnitude: {largest[1]:+.2f} at {largest[0]:g}.", "",
           f"![accuracy vs noise, {title}]({stem}.svg)", "",
           f"Raw numbers: [{stem}.csv]({stem}.csv); the sweep took "
           f"{seconds:.1f} s. At {key} = {worst:g}: unpruned − LTH = "
           f"{gap('unpruned', 'lth', worst):+.2f} points before noise-aware "
           f"training, {gap('unpruned' + nat_tag, 'lth' + nat_tag, worst):+.2f} "
           f"after; unpruned − magnitude = "
           f"{gap('unpruned', 'magnitude', worst):+.2f}; noise-aware "
           f"training changes the LTH network by "
           f"{gap('lth' + nat_tag, 'lth', worst):+.2f} points and the "
           f"unpruned one by {gap('unpruned' + nat_tag, 'unpruned', worst):+.2f}.",
           ""]
    power = ", ".join(f"{p} {float(by[(p, 0.0)]['static_power_mw']):.0f}"
                      for p in order)
    return md, power


def write_report(args, name, sections, names, nat_epochs, alpha):
    md = [f"# Phase-noise sensitivity ({args.dataset})", "",
          "Generated by `examples/noise-sensitivity/reproduce.py "
          f"--dataset {args.dataset}` (do not edit by hand). Test accuracy "
          f"(mean ± std over {args.trials} chips, seed 1, the same chips for "
          "every program; [noise.md](../noise.md) defines each model) of the "
          "16-16-16-10 network, uniform initial phases: `unpruned`; "
          f"`magnitude` (one-shot, α = {alpha:g}, chosen on validation); "
          "`lth` (the paper's layer-wise LTH with its defaults, ticket chosen "
          "on validation); `-nat`: the same after "
          f"`photonic-noise-aware-train` (σ_PS = {args.nat_sigma} rad in "
          f"training, {nat_epochs} epochs at learning rate 0.005, masks "
          "kept). Three settings: additive phase error on the fabricated "
          "shifters only (pruned shifters removed: the paper's setting); a "
          "phase-dependent error, γ drift φ_v = γ·φ with γ = 1 + Δγ, "
          "Δγ ~ N(0, σ_γ²) truncated at 3σ_γ (SZO-SCD's model: a "
          "thermo-optic phase is proportional to heater power, so its error "
          "grows with the programmed phase, std σ_γ·φ); and additive error "
          "with the pruned shifters kept on the chip at phase 0 "
          "(`keep_pruned=1`).", ""]
    power = ""
    for title, stem, csv_path, seconds, key in sections:
        part, power = section(args, title, stem, csv_path, seconds, names,
                              key)
        md += part
    md += [f"Static power (mW, programmed phases): {power}.", ""]
    with open(os.path.join(args.out, name + ".md"), "w") as f:
        f.write("\n".join(md))
    print(f"wrote {os.path.join(args.out, name + '.md')}")

if __name__ == "__main__":
    main()
