#!/usr/bin/env python3
"""Photon's result plots, drawn with matplotlib from the CSV and JSON files
the tools and studies write (docs/pictures.md).

    plotting.py [DIR]                 every plot of DIR (default docs/results)
                                      from its CSV: lth-*-accuracy.csv,
                                      noise-*.csv, szo-scd-*.csv -> .svg
    plotting.py lth REPORT.json OUT   the rounds of a photonic-prune-lth
                                      report (accuracy vs sparsity)
    plotting.py sweep SWEEP.csv OUT   a photon-run --sweep --csv file (or
                                      one with a train_seed column)

Needs Debian's python3-matplotlib (the Agg back end, no display). The SVG
files are deterministic: fixed hash salt, no date, text kept as text.
"""
import csv
import glob
import json
import os
import re
import statistics
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

matplotlib.rcParams.update({
    "svg.hashsalt": "photon",   # stable ids in the SVG
    "svg.fonttype": "none",     # text stays text (smaller, searchable)
    "font.size": 10,
    "axes.grid": True,
    "grid.color": "#dddddd",
})

# Axis names of photon-run sweep keys (docs/noise.md).
SWEEP_KEYS = {"phase_sigma": "σ_PS (rad)", "gamma_sigma": "σ_γ",
              "crosstalk": "crosstalk ω", "phase_bits": "phase DAC bits"}


def line_plot(path, title, xlabel, ylabel, series, xlim=None, ylim=None):
    """series: dicts with label, x, y and optionally yerr (error bars), band
    (a shaded band y ± band instead of error bars), line (False: markers
    only) and dashed. Writes an SVG (or PNG, by extension)."""
    fig, ax = plt.subplots(figsize=(7.5, 4.4))
    for s in series:
        style = ("--o" if s.get("dashed") else "-o") if s.get("line", True) \
            else "o"
        size = 4 if len(s["x"]) <= 40 else 0  # long curves: no markers
        if s.get("band") is not None:
            line, = ax.plot(s["x"], s["y"], style, markersize=size,
                            linewidth=1.4, label=s["label"])
            ax.fill_between(s["x"], [y - b for y, b in zip(s["y"], s["band"])],
                            [y + b for y, b in zip(s["y"], s["band"])],
                            color=line.get_color(), alpha=0.15, linewidth=0)
        elif s.get("yerr") is not None:
            ax.errorbar(s["x"], s["y"], yerr=s["yerr"], fmt=style,
                        markersize=size, capsize=2, linewidth=1.4,
                        label=s["label"])
        else:
            ax.plot(s["x"], s["y"], style, markersize=size, linewidth=1.4,
                    label=s["label"])
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if xlim:
        ax.set_xlim(*xlim)
    if ylim:
        ax.set_ylim(*ylim)
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), frameon=False)
    fig.tight_layout()
    fig.savefig(path, metadata={"Date": None} if path.endswith(".svg")
                else None)
    plt.close(fig)


def _rows(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def _groups(rows, key):
    """Rows grouped by `key`, groups in order of first appearance."""
    out = {}
    for r in rows:
        out.setdefault(r[key], []).append(r)
    return out


def _floor10(values):
    return max(0, 10 * int(min(values) / 10))


def lth_accuracy(csv_path, out):
    """lth-<dataset>-accuracy.csv (series, seed, sparsity_pct,
    test_accuracy_pct, line), written by lth-reproduction/reproduce.py."""
    rows = _rows(csv_path)
    dataset = os.path.basename(csv_path)[len("lth-"):-len("-accuracy.csv")]
    series = [{"label": label,
               "x": [float(r["sparsity_pct"]) for r in rs],
               "y": [float(r["test_accuracy_pct"]) for r in rs],
               "line": rs[0]["line"] == "1"}
              for label, rs in _groups(rows, "series").items()]
    low = _floor10(y for s in series for y in s["y"])
    line_plot(out, f"Test accuracy vs shifter sparsity ({dataset}, seed "
              f"{rows[0]['seed']})", "shifter sparsity (%)",
              "test accuracy (%)", series, (0, 100), (low, 100))


def noise_sweep(csv_path, out):
    """A photon-run --sweep --csv file: accuracy mean ± std per program
    (programs named *-nat, noise-aware trained, dashed). With a train_seed
    column (noise-sensitivity/reproduce.py, one row per seed): the mean over
    seeds of each seed's chip-mean accuracy, a band of ± the sample std
    over seeds."""
    rows = _rows(csv_path)
    key = rows[0]["key"]
    label = lambda program: os.path.basename(program).removesuffix(".json")
    if "train_seed" in rows[0]:
        seeds = sorted({r["train_seed"] for r in rows})
        series = []
        for program, rs in _groups(rows, "program").items():
            points = _groups(rs, "value")
            xs = [float(v) for v in points]
            ys = [[100 * float(r["accuracy_mean"]) for r in points[v]]
                  for v in points]
            series.append({
                "label": label(program), "x": xs,
                "y": [statistics.fmean(y) for y in ys],
                "band": [statistics.stdev(y) if len(y) > 1 else 0.0
                         for y in ys],
                "dashed": label(program).endswith("-nat")})
        line_plot(out, f"Test accuracy vs {SWEEP_KEYS.get(key, key)}\n"
                  f"{len(seeds)} seeds × {rows[0]['trials']} chips, base "
                  f"noise: {rows[0]['noise']}", SWEEP_KEYS.get(key, key),
                  "test accuracy (%), mean ± std over seeds", series,
                  ylim=(0, 100))
        return
    series = [{"label": label(program),
               "x": [float(r["value"]) for r in rs],
               "y": [100 * float(r["accuracy_mean"]) for r in rs],
               "yerr": [100 * float(r["accuracy_std"]) for r in rs],
               "dashed": program.removesuffix(".json").endswith("-nat")}
              for program, rs in _groups(rows, "program").items()]
    line_plot(out, f"Test accuracy vs {SWEEP_KEYS.get(key, key)} "
              f"({rows[0]['trials']} chips per point, base noise: "
              f"{rows[0]['noise']})", SWEEP_KEYS.get(key, key),
              "test accuracy (%), mean ± std", series, ylim=(0, 100))


def szo_queries(csv_path, out):
    """szo-scd-<dataset>-<chip>.csv (run, queries, validation_accuracy, ...),
    written by szo-scd/reproduce.py: validation accuracy vs queries of the
    p = 0 runs and the full zeroth-order run (not p = 1, not the
    learning-rate trials, whose labels have a comma)."""
    rows = _rows(csv_path)
    # szo-scd-<dataset>-<chip>.csv; data sets and chips may contain '-'.
    stem = os.path.basename(csv_path)[:-len(".csv")]
    chip = re.sub(r"^szo-scd-(fashion-mnist|mnist)-", "", stem)
    runs = {label: rs for label, rs in _groups(rows, "run").items()
            if "," not in label and not label.endswith("p=1")}
    series = [{"label": label,
               "x": [int(r["queries"]) / 1000 for r in rs],
               "y": [100 * float(r["validation_accuracy"]) for r in rs],
               "line": True} for label, rs in runs.items()]
    ys = [y for s in series for y in s["y"]]
    budget = max(x for s in series for x in s["x"])
    line_plot(out, f"Validation accuracy on the chip ({chip})",
              "queries (thousands)", "validation accuracy (%)", series,
              (0, budget), (max(0, int(min(ys)) - 1), min(100, int(max(ys)) + 2)))


def lth_report(report_path, out):
    """The rounds of a photonic-prune-lth report (report=PATH)."""
    report = json.load(open(report_path))
    rounds = report["lth"]["rounds"]
    x = [100 * r["sparsity"] for r in rounds]
    series = [{"label": "validation", "x": x,
               "y": [100 * r["accuracy"] for r in rounds]}]
    if all(r.get("test_accuracy") is not None for r in rounds):
        series.append({"label": "test", "x": x,
                       "y": [100 * r["test_accuracy"] for r in rounds]})
    low = _floor10(y for s in series for y in s["y"])
    line_plot(out, f"LTH rounds ({report['dataset']}, {report['scope']}; "
              f"ticket: round {report['lth']['best_round']})",
              "shifter sparsity (%)", "accuracy (%)", series, (0, 100),
              (low, 100))


def results(folder):
    """Redraws every plot of a results folder from its CSV files."""
    done = []
    for pattern, draw in [("lth-*-accuracy.csv", lth_accuracy),
                          ("noise-*.csv", noise_sweep),
                          ("szo-scd-*.csv", szo_queries)]:
        for path in sorted(glob.glob(os.path.join(folder, pattern))):
            draw(path, path[:-len(".csv")] + ".svg")
            done.append(path[:-len(".csv")] + ".svg")
    return done


def main(argv):
    if len(argv) == 3 and argv[0] in ("lth", "sweep"):
        (lth_report if argv[0] == "lth" else noise_sweep)(argv[1], argv[2])
        print(f"wrote {argv[2]}")
    elif len(argv) <= 1 and not (argv and argv[0].startswith("-")):
        folder = argv[0] if argv else os.path.join(
            os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
            "docs", "results")
        for path in results(folder):
            print(f"wrote {path}")
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
