#!/usr/bin/env python3
"""Phase-noise sensitivity of unpruned and pruned networks, and how much
noise-aware training recovers ([LTH] Fig. 7; issue 4).

    reproduce.py [--dataset mnist] [--epochs 160] [--trials 20] [--out DIR]

Builds, through Photon's passes, the 16-16-16-10 network of
examples/mnist-lth/model.mlir: unpruned; one-shot magnitude-pruned
(alpha = 2); LTH-pruned (layer-arm, best ticket under 5 points of loss).
Each is then retrained with photonic-noise-aware-train. All six programs are
swept over the additive phase error sigma_PS = 0 .. 0.1 rad with
`photon-run --sweep` (TRIALS chips per point). Writes
DIR/noise-<dataset>.md, .csv and .svg (default DIR: docs/results).
"""
import argparse
import csv
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
MODEL = os.path.join(REPO, "examples", "mnist-lth", "model.mlir")


def tool(name):
    local = os.path.join(REPO, "build", "bin", name)
    found = shutil.which(name) or (local if os.path.exists(local) else None)
    if not found:
        sys.exit(f"reproduce.py: {name} not found on PATH or in build/bin")
    return found


def run(cmd):
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"reproduce.py: {' '.join(cmd)} failed:\n{done.stderr}")
    return done


def opt(src, dst, pipeline):
    start = time.monotonic()
    done = run([tool("photon-opt"), src,
                f"--pass-pipeline=builtin.module({pipeline})", "-o", dst])
    print(done.stderr.rstrip(), flush=True)
    return time.monotonic() - start


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
    knobs = (f"dataset={args.dataset} epochs={args.epochs} learning-rate=0.02 "
             f"batch-size=64 seed=0")
    nat_epochs = max(args.epochs // 4, 1)
    nat = (f"dataset={args.dataset} epochs={nat_epochs} learning-rate=0.005 "
           f"batch-size=64 seed=0 noise=phase_sigma={args.nat_sigma} "
           f"eval-trials={args.trials}")

    print("== train, prune (magnitude one-shot alpha=2, LTH layer-arm)",
          flush=True)
    opt(MODEL, w("unpruned.mlir"),
        f"photonic-lower-to-mesh,photonic-train{{{knobs}}}")
    opt(w("unpruned.mlir"), w("magnitude.mlir"),
        f"photonic-prune-magnitude{{{knobs} epochs={args.epochs // 2} "
        f"alpha=2.0}}")
    opt(w("unpruned.mlir"), w("lth.mlir"),
        f"photonic-prune-lth{{{knobs} scope=layer-arm}}")
    names = ["unpruned", "magnitude", "lth"]
    print(f"== noise-aware training (phase_sigma={args.nat_sigma}, "
          f"{nat_epochs} epochs at lr 0.005)", flush=True)
    for n in names:
        opt(w(f"{n}.mlir"), w(f"{n}-nat.mlir"),
            f"photonic-noise-aware-train{{{nat}}}")
    programs = []
    for n in names + [f"{n}-nat" for n in names]:
        run([tool("photon-translate"), "--photonic-to-runtime",
             w(f"{n}.mlir"), "-o", w(f"{n}.json")])
        programs.append(w(f"{n}.json"))

    print(f"== sweep phase_sigma 0..0.1, {args.trials} chips per point",
          flush=True)
    name = f"noise-{args.dataset}"
    csv_path = os.path.join(args.out, name + ".csv")
    svg_path = os.path.join(args.out, name + ".svg")
    start = time.monotonic()
    run([tool("photon-run"), *programs, "--dataset", args.dataset,
         "--sweep", "phase_sigma=0:0.1:11", "--trials", str(args.trials),
         "--seed", "1", "--csv", csv_path, "--svg", svg_path])
    sweep_seconds = time.monotonic() - start
    write_report(args, name, csv_path, names, nat_epochs, sweep_seconds)


def write_report(args, name, csv_path, names, nat_epochs, sweep_seconds):
    rows = list(csv.DictReader(open(csv_path)))
    label = lambda path: os.path.basename(path)[:-len(".json")]
    # Paths in the CSV point into the temporary work folder: keep names.
    for r in rows:
        r["program"] = label(r["program"])
    with open(csv_path, "w", newline="") as f:
        out = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        out.writeheader()
        out.writerows(rows)
    sigmas = sorted({float(r["value"]) for r in rows})
    by = {(r["program"], float(r["value"])): r for r in rows}
    order = names + [f"{n}-nat" for n in names]
    head = "| σ_PS (rad) | " + " | ".join(order) + " |"
    md = [f"# Phase-noise sensitivity ({args.dataset})", "",
          "Generated by `examples/noise-sensitivity/reproduce.py "
          f"--dataset {args.dataset}` (do not edit by hand). Test accuracy "
          f"(mean ± std over {args.trials} chips, seed 1) under additive "
          "Gaussian phase error σ_PS on every live shifter ([noise.md]"
          "(../noise.md)), for the 16-16-16-10 network: `unpruned`; "
          "`magnitude` (one-shot, α = 2); `lth` (layer-arm LTH, best "
          "ticket); `-nat`: the same after `photonic-noise-aware-train` "
          f"(σ_PS = {args.nat_sigma} rad in training, {nat_epochs} epochs "
          "at learning rate 0.005, masks kept).", "",
          head, "|" + " ---: |" * (len(order) + 1)]
    for s in sigmas:
        cells = []
        for p in order:
            r = by[(p, s)]
            cells.append(f"{100 * float(r['accuracy_mean']):.2f} ± "
                         f"{100 * float(r['accuracy_std']):.2f}")
        md.append(f"| {s:g} | " + " | ".join(cells) + " |")
    md += ["", "Static power (mW, programmed phases): " + ", ".join(
        f"{p} {float(by[(p, 0.0)]['static_power_mw']):.0f}" for p in order),
        "", f"![accuracy vs phase error]({name}.svg)", "",
        f"Raw numbers: [{name}.csv]({name}.csv). The sweep "
        f"({len(order)} programs × {len(sigmas)} points × {args.trials} "
        f"chips × the test split) took {sweep_seconds:.1f} s.", ""]
    worst = max(sigmas)
    gap = lambda a, b: 100 * (float(by[(a, worst)]["accuracy_mean"]) -
                              float(by[(b, worst)]["accuracy_mean"]))
    md += [f"At σ_PS = {worst:g} rad: unpruned − LTH = {gap('unpruned', 'lth'):.2f} "
           f"points before noise-aware training, "
           f"{gap('unpruned-nat', 'lth-nat'):.2f} after; noise-aware training "
           f"changes the LTH network by {gap('lth-nat', 'lth'):+.2f} points "
           f"and the unpruned one by {gap('unpruned-nat', 'unpruned'):+.2f}.", ""]
    with open(os.path.join(args.out, name + ".md"), "w") as f:
        f.write("\n".join(md))
    print(f"wrote {os.path.join(args.out, name + '.md')}")


if __name__ == "__main__":
    main()
