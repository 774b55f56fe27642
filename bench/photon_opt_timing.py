#!/usr/bin/env python3
"""Times photon-opt end to end on an N x N dense layer and prints a table.

  bench/photon_opt_timing.py BUILD_BIN_DIR [--sizes 64,128,256] [--repeat 5]

For each N: generates a seeded N x N real dense layer, then times (median of
--repeat runs) (a) photon-opt parsing, verifying and printing the dense model
unchanged, (b) photon-opt --pass-pipeline=photonic-lower-to-mesh on it, and
(c) photon-opt parsing, verifying and printing the lowered mesh IR. All three
run in the same process sequence, so their ratios are comparable.
"""
import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time


def dense_model(n, seed=1):
    r = random.Random(seed)
    rows = ("[" + ", ".join(f"{r.gauss(0, 1):.6f}" for _ in range(n)) + "]"
            for _ in range(n))
    weights = f"dense<[{', '.join(rows)}]> : tensor<{n}x{n}xf64>"
    return (f"func.func @layer(%x: !photonic.field<{n}>) -> !photonic.field<{n}> {{\n"
            f"  %y = photonic.dense %x weights({weights}) : !photonic.field<{n}> -> !photonic.field<{n}>\n"
            f"  return %y : !photonic.field<{n}>\n}}\n")


def timed(cmd, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bin_dir")
    parser.add_argument("--sizes", default="64,128,256")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    opt = os.path.join(args.bin_dir, "photon-opt")
    print("| N | parse+print dense model | lower to mesh (photonic-lower-to-mesh) | parse+print mesh IR | lowering / dense parse+print |")
    print("|--:|--:|--:|--:|--:|")
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(s) for s in args.sizes.split(",")):
            dense = os.path.join(tmp, f"dense{n}.mlir")
            mesh = os.path.join(tmp, f"mesh{n}.mlir")
            with open(dense, "w") as f:
                f.write(dense_model(n))
            subprocess.run([opt, dense, "--pass-pipeline=builtin.module(photonic-lower-to-mesh)",
                            "-o", mesh], check=True)
            t_parse = timed([opt, dense], args.repeat)
            t_lower = timed([opt, dense, "--pass-pipeline=builtin.module(photonic-lower-to-mesh)"],
                            args.repeat)
            t_mesh = timed([opt, mesh], args.repeat)
            print(f"| {n} | {t_parse * 1e3:.0f} ms | {t_lower * 1e3:.0f} ms | {t_mesh * 1e3:.0f} ms | {t_lower / t_parse:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
