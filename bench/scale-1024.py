#!/usr/bin/env python3
"""Times lowering and exporting one large dense layer and prints a table.

  bench/scale-1024.py BIN_DIR [BIN_DIR ...] [--n 1024] [--repeat 1] [--seed 1]
                      [--hex-weights]

Generates a seeded N x N real dense layer (Gaussian weights, written with
17 significant digits, or with --hex-weights as MLIR's dense<"0x..."> hex
form, the same values, as photon-opt and the ONNX importer print tensors of
more than 100 elements) and, for every BIN_DIR (a build's bin/ folder; give
an old and a new one to compare them side by side), times whole processes:

  lower   photon-opt --pass-pipeline='builtin.module(photonic-lower-to-mesh)'
  json    photon-translate --photonic-to-phase-table (the default JSON)
  csv     photon-translate --photonic-to-phase-table --phase-table-format=csv
          (skipped for a build without the option)

and prints the median wall time (and CPU time: on a busy machine the wall
time is not a speed) of --repeat runs of each, with the output sizes. The
lowered IR of each build is exported by that same build.
"""
import argparse
import os
import random
import resource
import statistics
import struct
import subprocess
import sys
import tempfile
import time


def dense_model(n, seed, hex_weights=False):
    r = random.Random(seed)
    values = [[r.gauss(0.0, 1.0) for _ in range(n)] for _ in range(n)]
    if hex_weights:
        # Row-major little-endian IEEE doubles, as MLIR prints large tensors.
        data = b"".join(struct.pack(f"<{n}d", *row) for row in values)
        weights = f'dense<"0x{data.hex().upper()}"> : tensor<{n}x{n}xf64>'
    else:
        rows = ("[" + ", ".join(repr(v) for v in row) + "]" for row in values)
        weights = f"dense<[{', '.join(rows)}]> : tensor<{n}x{n}xf64>"
    return (f"func.func @layer(%x: !photonic.field<{n}>) -> !photonic.field<{n}> {{\n"
            f"  %y = photonic.dense %x weights({weights}) : !photonic.field<{n}> -> !photonic.field<{n}>\n"
            f"  return %y : !photonic.field<{n}>\n}}\n")


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(cmd, repeat):
    """Median wall time and median CPU time (user + system) of the runs."""
    walls, cpus = [], []
    for _ in range(repeat):
        start, cpu = time.perf_counter(), cpu_seconds()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        walls.append(time.perf_counter() - start)
        cpus.append(cpu_seconds() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def has_csv(translate):
    help_text = subprocess.run([translate, "--help"], capture_output=True,
                               text=True).stdout
    return "phase-table-format" in help_text


def mb(path):
    return f"{os.path.getsize(path) / 1e6:.1f} MB"


def measure(bin_dir, dense, tmp, tag, repeat):
    opt = os.path.join(bin_dir, "photon-opt")
    translate = os.path.join(bin_dir, "photon-translate")
    mesh = os.path.join(tmp, f"mesh-{tag}.mlir")
    json_out = os.path.join(tmp, f"table-{tag}.json")
    csv_out = os.path.join(tmp, f"table-{tag}.csv")
    lower = [opt, dense, "--pass-pipeline=builtin.module(photonic-lower-to-mesh)",
             "-o", mesh]
    row = {"lower": timed(lower, repeat), "mesh size": mb(mesh)}
    row["json"] = timed([translate, mesh, "--photonic-to-phase-table", "-o",
                         json_out], repeat)
    row["json size"] = mb(json_out)
    if has_csv(translate):
        row["csv"] = timed([translate, mesh, "--photonic-to-phase-table",
                            "--phase-table-format=csv", "-o", csv_out], repeat)
        row["csv size"] = mb(csv_out)
    for path in (mesh, json_out, csv_out):
        if os.path.exists(path):
            os.remove(path)
    return row


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bin_dirs", nargs="+")
    parser.add_argument("--n", type=int, default=1024)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--hex-weights", action="store_true",
                        help="write the weights in MLIR's hex form")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        dense = os.path.join(tmp, f"dense{args.n}.mlir")
        with open(dense, "w") as f:
            f.write(dense_model(args.n, args.seed, args.hex_weights))
        rows = [measure(d, dense, tmp, str(i), args.repeat)
                for i, d in enumerate(args.bin_dirs)]
        form = "hex" if args.hex_weights else "decimal"
        print(f"N = {args.n}, dense input {mb(dense)} ({form} weights), median of "
              f"{args.repeat} run(s)\n")
        print("| stage | " + " | ".join(args.bin_dirs) + " |")
        print("| --- |" + " ---: |" * len(args.bin_dirs))
        for key in ("lower", "mesh size", "json", "json size", "csv",
                    "csv size"):
            cells = []
            for row in rows:
                value = row.get(key)
                if value is None:
                    cells.append("n/a")
                elif isinstance(value, tuple):
                    cells.append(f"{value[0]:.2f} s ({value[1]:.2f} s CPU)")
                else:
                    cells.append(value)
            print(f"| {key} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
