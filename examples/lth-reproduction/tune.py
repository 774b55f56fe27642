#!/usr/bin/env python3
"""Chooses the LTH training hyper-parameters on the validation split.

    tune.py [--dataset mnist|fashion-mnist] [--configs A,B,...]
            [--seeds 0,1,...] [--out FILE] [--work DIR [--resume]]

For each candidate (epochs per round, learning rate, batch size) and seed
(initial phases and shuffling, as reproduce.py and retrain.py seed them) it
trains the 16-16-16-10 network of examples/mnist-lth/model.mlir from its
uniform initial phases and runs the paper's plain layer-wise LTH
(wrapped-phase criterion, 10 % x 10 then 25 %, scope=tier: the default) for
15 rounds without
stopping, recording validation and test accuracy per round. The pass's own
rule is then applied on validation: the ticket is the last round before the
first one that loses more than 5 points of validation accuracy against
round 0. The candidate with the sparsest such ticket, on average over the
seeds, wins (ties: higher mean validation accuracy of the tickets). Test
accuracy is printed for the record and never used to choose. Writes a
Markdown table to FILE (default docs/results/lth-tuning-<dataset>.md with
one seed, lth-tuning-seeds-<dataset>.md with more).
"""
import argparse
import os
import statistics
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from photon_tools import (REPO, add_work_arguments,  # noqa: E402
                          parse_work_arguments, pct, resumable_opt,
                          train_and_prune, validation_ticket, write_markdown)

# name: (epochs, learning rate, batch size), per data set. Fashion-MNIST's
# training split is 7.5x MNIST's, so its epochs are scaled down to about the
# same number of samples per training (20 x 54,000 ~ 160 x 7,200).
CANDIDATES = {
    "mnist": {
        "e160-lr0.02-b64": (160, 0.02, 64),
        "e80-lr0.02-b64": (80, 0.02, 64),
        "e300-lr0.02-b64": (300, 0.02, 64),
        "e160-lr0.05-b64": (160, 0.05, 64),
        "e160-lr0.01-b64": (160, 0.01, 64),
        "e160-lr0.02-b32": (160, 0.02, 32),
        "e300-lr0.05-b64": (300, 0.05, 64),
        "e160-lr0.1-b64": (160, 0.1, 64),
        "e160-lr0.05-b32": (160, 0.05, 32),
    },
    "fashion-mnist": {
        "e20-lr0.02-b64": (20, 0.02, 64),
        "e40-lr0.02-b64": (40, 0.02, 64),
        "e20-lr0.05-b64": (20, 0.05, 64),
        "e20-lr0.01-b64": (20, 0.01, 64),
    },
}
MAX_LOSS = 0.05
TICKET_ROUND = 14  # 10 % x 10 then 25 % x 4: 89.15 % of the 1290 shifters


def run_candidate(args, name, config, seed, work):
    epochs, lr, batch = config
    knobs = (f"dataset={args.dataset} epochs={epochs} learning-rate={lr} "
             f"batch-size={batch} seed={seed}")
    prefix = os.path.join(work, f"{name}-s{seed}-")
    return train_and_prune(
        resumable_opt(args),
        {"trained": prefix + "trained.mlir", "pruned": prefix + "pruned.mlir",
         "report": prefix + "lth.json"},
        seed, knobs, "max-rounds=15 max-accuracy-loss=1.0")


def mean(xs):
    return statistics.mean(xs)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", default="mnist", choices=list(CANDIDATES))
    parser.add_argument("--configs", help="comma-separated subset of names")
    parser.add_argument("--seeds", default="0")
    add_work_arguments(parser)
    args = parse_work_arguments(parser)
    candidates = CANDIDATES[args.dataset]
    names = args.configs.split(",") if args.configs else list(candidates)
    unknown = [n for n in names if n not in candidates]
    if unknown:
        parser.error(f"unknown candidate {unknown[0]} (choose from "
                     f"{', '.join(candidates)})")
    seeds = [int(s) for s in args.seeds.split(",")]
    many = len(seeds) > 1
    out = args.out or os.path.join(
        REPO, "docs", "results",
        f"lth-tuning-{'seeds-' if many else ''}{args.dataset}.md")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or tmp
        os.makedirs(work, exist_ok=True)
        for name in names:
            runs = []
            for seed in seeds:
                rounds = run_candidate(args, name, candidates[name], seed,
                                       work)
                best = validation_ticket(rounds, max_loss=MAX_LOSS)
                runs.append({"seed": seed, "rounds": rounds, "best": best})
                print(f"{name} seed {seed}: unpruned val "
                      f"{pct(rounds[0]['accuracy'])} % (test "
                      f"{pct(rounds[0]['test_accuracy'])} %); ticket round "
                      f"{best['round']}: sparsity {pct(best['sparsity'])} %, "
                      f"val {pct(best['accuracy'])} % (test "
                      f"{pct(best['test_accuracy'])} %)", flush=True)
            rows.append({"name": name, "runs": runs,
                         "score": (mean(r["best"]["sparsity"] for r in runs),
                                   mean(r["best"]["accuracy"] for r in runs))})
    winner = max(rows, key=lambda r: r["score"])

    md = [f"# LTH hyper-parameters chosen on validation ({args.dataset})", "",
          "Generated by `examples/lth-reproduction/tune.py"
          + (f" --configs {args.configs}" if args.configs else "")
          + (f" --seeds {args.seeds}" if many else "") + "`. Each "
          "candidate trains the 16-16-16-10 network from uniform phases "
          "and runs 15 rounds of plain layer-wise LTH (wrapped phase, "
          "10 % x 10 then 25 %, each dense layer's two meshes ranked "
          "together: `scope=tier`, the default); the ticket is chosen by "
          "the pass's rule on the validation split (last round before the first that "
          "loses more than 5 points)" +
          (", and the candidate by the mean sparsity of its tickets over "
           "the seeds" if many else "") +
          ". Test accuracy is shown, never used.", ""]
    if many:
        md += ["| candidate | seeds at 89.15 % | ticket sparsity (mean) | "
               "ticket val / test (mean) | unpruned val / test (mean) | "
               f"round {TICKET_ROUND} loss, val / test points (mean) |",
               "|---|---|---|---|---|---|"]
        for r in rows:
            runs = r["runs"]
            hit = sum(x["best"]["round"] >= TICKET_ROUND for x in runs)
            r14 = [x["rounds"][TICKET_ROUND] for x in runs]
            mark = " **(chosen)**" if r is winner else ""
            md.append(
                f"| {r['name']}{mark} | {hit} of {len(runs)} | "
                f"{pct(mean(x['best']['sparsity'] for x in runs))} | "
                f"{pct(mean(x['best']['accuracy'] for x in runs))} / "
                f"{pct(mean(x['best']['test_accuracy'] for x in runs))} | "
                f"{pct(mean(x['rounds'][0]['accuracy'] for x in runs))} / "
                f"{pct(mean(x['rounds'][0]['test_accuracy'] for x in runs))}"
                f" | {pct(mean(x['rounds'][0]['accuracy'] - y['accuracy'] for x, y in zip(runs, r14)))} / "
                f"{pct(mean(x['rounds'][0]['test_accuracy'] - y['test_accuracy'] for x, y in zip(runs, r14)))} |")
        md += ["", "Per seed:", ""]
    seed_col = "seed | " if many else ""
    md += [f"| candidate | {seed_col}unpruned val | unpruned test | "
           "ticket round | sparsity | val | test |",
           "|---|" + ("---|" if many else "") + "---|---|---|---|---|---|"]
    for r in rows:
        for x in r["runs"]:
            b = x["best"]
            r0 = x["rounds"][0]
            mark = " **(chosen)**" if r is winner and not many else ""
            seed_cell = f"{x['seed']} | " if many else ""
            md.append(f"| {r['name']}{mark} | {seed_cell}"
                      f"{pct(r0['accuracy'])} | {pct(r0['test_accuracy'])} | "
                      f"{b['round']} | {pct(b['sparsity'])} | "
                      f"{pct(b['accuracy'])} | {pct(b['test_accuracy'])} |")
    md += ["", "Validation accuracy per round (%):", "",
           f"| candidate | {seed_col}" +
           " | ".join(str(i) for i in range(16)) + " |",
           "|---|" + ("---|" if many else "") + "---|" * 16]
    for r in rows:
        for x in r["runs"]:
            seed_cell = f"{x['seed']} | " if many else ""
            md.append(f"| {r['name']} | {seed_cell}" + " | ".join(
                f"{100 * y['accuracy']:.1f}" for y in x["rounds"]) + " |")
    md.append("")
    write_markdown(out, md)
    print(f"chosen: {winner['name']}")


if __name__ == "__main__":
    main()
