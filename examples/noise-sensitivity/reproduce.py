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

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from photon_tools import MODEL, REPO, opt, run, tool  # noqa: E402

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
    nat_kept = nat.replace(f"noise=phase_sigma={args.nat_sigma}",
                           f"noise=phase_sigma={args.nat_sigma},keep_pruned=1")

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
        # The same with the pruned shifters' error in training (keep_pruned).
        opt(w(f"{n}.mlir"), w(f"{n}-natk.mlir"),
            f"photonic-noise-aware-train{{{nat_kept}}}")
    programs = []
    for n in names + [f"{n}-nat" for n in names] + [f"{n}-natk" for n in names]:
        run([tool("photon-translate"), "--photonic-to-runtime",
             w(f"{n}.mlir"), "-o", w(f"{n}.json")])
        programs.append(w(f"{n}.json"))

    name = f"noise-{args.dataset}"
    sections = []
    # Pruned shifters removed from the chip (Photon's default), then kept on
    # it at phase 0 with their phase error (the LTH paper's setting).
    for suffix, base, title in [("", "none", "pruned shifters removed"),
                                ("-kept", "keep_pruned=1",
                                 "pruned shifters kept on the chip")]:
        # Each setting evaluates the plain programs and the networks
        # noise-aware trained under that setting.
        nat_tag = "-nat" if not suffix else "-natk"
        chosen = [p for p in programs if p.endswith(
            tuple(f"{n}.json" for n in names)) or p.endswith(f"{nat_tag}.json")]
        print(f"== sweep phase_sigma 0..0.1, {title}, {args.trials} chips "
              "per point", flush=True)
        csv_path = os.path.join(args.out, name + suffix + ".csv")
        svg_path = os.path.join(args.out, name + suffix + ".svg")
        start = time.monotonic()
        run([tool("photon-run"), *chosen, "--dataset", args.dataset,
             "--noise", base, "--sweep", "phase_sigma=0:0.1:11",
             "--trials", str(args.trials), "--seed", "1", "--csv", csv_path,
             "--svg", svg_path])
        sections.append((title, name + suffix, csv_path,
                         time.monotonic() - start, nat_tag))
    write_report(args, name, sections, names, nat_epochs)

def section(args, title, stem, csv_path, seconds, names, nat_tag):
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
    order = names + [f"{n}{nat_tag}" for n in names]
    md = [f"## {title[0].upper() + title[1:]}", "",
          "| σ_PS (rad) | " + " | ".join(order) + " |",
          "|" + " ---: |" * (len(order) + 1)]
    for s in sigmas:
        cells = [f"{100 * float(by[(p, s)]['accuracy_mean']):.2f} ± "
                 f"{100 * float(by[(p, s)]['accuracy_std']):.2f}" for p in order]
        md.append(f"| {s:g} | " + " | ".join(cells) + " |")
    worst = max(sigmas)
    gap = lambda a, b: 100 * (float(by[(a, worst)]["accuracy_mean"]) -
                              float(by[(b, worst)]["accuracy_mean"]))
    md += ["", f"![accuracy vs phase error, {title}]({stem}.svg)", "",
           f"Raw numbers: [{stem}.csv]({stem}.csv); the sweep took "
           f"{seconds:.1f} s. At σ_PS = {worst:g} rad: unpruned − LTH = "
           f"{gap('unpruned', 'lth'):.2f} points before noise-aware "
           f"training, {gap('unpruned' + nat_tag, 'lth' + nat_tag):.2f} "
           f"after; unpruned − magnitude = {gap('unpruned', 'magnitude'):.2f}; "
           f"noise-aware training changes the LTH network by "
           f"{gap('lth' + nat_tag, 'lth'):+.2f} points and the unpruned one "
           f"by {gap('unpruned' + nat_tag, 'unpruned'):+.2f}.", ""]
    power = ", ".join(f"{p} {float(by[(p, 0.0)]['static_power_mw']):.0f}"
                      for p in order)
    return md, power


def write_report(args, name, sections, names, nat_epochs):
    md = [f"# Phase-noise sensitivity ({args.dataset})", "",
          "Generated by `examples/noise-sensitivity/reproduce.py "
          f"--dataset {args.dataset}` (do not edit by hand). Test accuracy "
          f"(mean ± std over {args.trials} chips, seed 1, the same chips for "
          "every program) under additive Gaussian phase error σ_PS "
          "([noise.md](../noise.md)), for the 16-16-16-10 network: "
          "`unpruned`; `magnitude` (one-shot, α = 2); `lth` (layer-arm LTH, "
          "best ticket); `-nat`: the same after `photonic-noise-aware-train` "
          f"(σ_PS = {args.nat_sigma} rad in training, {nat_epochs} epochs at "
          "learning rate 0.005, masks kept; `-natk`: trained with the pruned "
          "shifters' error too). First with pruned shifters "
          "removed from the chip (Photon's default: no error on them), then "
          "with pruned shifters kept on the chip at phase 0, taking the same "
          "phase error and crosstalk (`keep_pruned=1`, the LTH paper's "
          "setting).", ""]
    power = ""
    for title, stem, csv_path, seconds, nat_tag in sections:
        part, power = section(args, title, stem, csv_path, seconds, names,
                              nat_tag)
        md += part
    md += [f"Static power (mW, programmed phases): {power}.", ""]
    with open(os.path.join(args.out, name + ".md"), "w") as f:
        f.write("\n".join(md))
    print(f"wrote {os.path.join(args.out, name + '.md')}")

if __name__ == "__main__":
    main()
