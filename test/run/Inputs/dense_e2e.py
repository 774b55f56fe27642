#!/usr/bin/env python3
"""End-to-end check of photonic.dense lowering, the runtime and phase tables.

For every shape, weight kind (real, complex) and mesh topology (clements,
reck): draw a seeded Gaussian W and a few inputs x, lower a one-layer model
with photon-opt, translate it to a runtime program and a phase table, run the
program with photon-run and compare with W x computed here; then rebuild W
from the phase table alone (scripts/phase_table_to_matrix.py) and compare,
and check the phase table's counts against docs/conventions.md and
docs/formats.md. Standard library only.

Prints `ok MxN KIND TOPO: run E1, table E2` (or `FAIL ...: reasons`) per case
and `P passed, F failed`; exits 1 if any case fails.
"""

import argparse
import math
import os
import random
import re
import struct
import shutil
import subprocess
import sys
import zlib

SHAPES = [(1, 1), (3, 5), (5, 3), (10, 16), (16, 10), (16, 16), (64, 64)]
# "-f32": weights stored as f32 / complex<f32> (rounded here first, so W is
# exactly what the attribute holds); "real-splat": every entry the same
# value, written as a splat attribute.
KINDS = ["real", "complex", "real-f32", "complex-f32", "real-splat"]
TOPOLOGIES = ["clements", "reck"]
SAMPLES = 3
TOL = 1e-10


def resolve(tool):
    if os.sep in tool or (os.altsep and os.altsep in tool):
        return tool
    found = shutil.which(tool)
    if found is None:
        sys.exit("dense_e2e.py: error: cannot find %r on PATH" % tool)
    return found


def fmt_real(v):
    # Always has a '.', as MLIR float literals need; 17 digits round-trip.
    return "%.17e" % v


def to_f32(v):
    return struct.unpack("<f", struct.pack("<f", v))[0]


def gen_weights(rng, m, n, kind):
    if kind.startswith("real"):
        w = [[complex(rng.gauss(0.0, 1.0)) for _ in range(n)]
             for _ in range(m)]
    else:
        s = 1.0 / math.sqrt(2.0)
        w = [[complex(rng.gauss(0.0, s), rng.gauss(0.0, s)) for _ in range(n)]
             for _ in range(m)]
    if kind.endswith("-f32"):
        w = [[complex(to_f32(z.real), to_f32(z.imag)) for z in row]
             for row in w]
    if kind.endswith("-splat"):
        w = [[w[0][0] for _ in range(n)] for _ in range(m)]
    return w


def gen_input(rng, n, kind):
    if kind.startswith("real"):
        return [complex(rng.gauss(0.0, 1.0)) for _ in range(n)]
    return [complex(rng.gauss(0.0, 1.0), rng.gauss(0.0, 1.0))
            for _ in range(n)]


def write_mlir(path, w, m, n, kind):
    width = "f32" if kind.endswith("-f32") else "f64"
    if kind.startswith("real"):
        rows = ["[" + ", ".join(fmt_real(z.real) for z in row) + "]"
                for row in w]
        ety = width
    else:
        rows = ["[" + ", ".join("(%s, %s)" % (fmt_real(z.real),
                                              fmt_real(z.imag))
                                for z in row) + "]" for row in w]
        ety = "complex<%s>" % width
    attr = "dense<[%s]> : tensor<%dx%dx%s>" % (", ".join(rows), m, n, ety)
    if kind.endswith("-splat"):
        attr = "dense<%s> : tensor<%dx%dx%s>" % (fmt_real(w[0][0].real), m, n,
                                                 ety)
    text = (
        "func.func @layer(%%x: !photonic.field<%d>) -> !photonic.field<%d> {\n"
        "  %%y = photonic.dense %%x weights(%s) : !photonic.field<%d> -> "
        "!photonic.field<%d>\n"
        "  return %%y : !photonic.field<%d>\n"
        "}\n" % (n, m, attr, n, m, m))
    with open(path, "w") as f:
        f.write(text)


def write_inputs(path, xs, kind):
    with open(path, "w") as f:
        f.write("# %d samples\n" % len(xs))
        for x in xs:
            if kind.startswith("real"):
                f.write(" ".join("%.17g" % z.real for z in x) + "\n")
            else:
                f.write(" ".join("%.17g%+.17gj" % (z.real, z.imag)
                                 for z in x) + "\n")


def run(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       universal_newlines=True)
    if p.returncode != 0:
        raise CaseError("%s exited with %d: %s" % (
            os.path.basename(cmd[0]), p.returncode,
            p.stderr.strip().replace("\n", " | ")[:800]))
    return p.stdout


class CaseError(Exception):
    pass


def matvec(w, x):
    return [sum(a * b for a, b in zip(row, x)) for row in w]


def check_table(table, m, n, topo, ptm):
    """Counts and layout of the phase table; returns a list of problems."""
    bad = []
    comps = table["components"]
    if table.get("inputs") != n or table.get("outputs") != m:
        bad.append("table inputs/outputs %r/%r, expected %d/%d"
                   % (table.get("inputs"), table.get("outputs"), n, m))
    # V mesh, Sigma, U mesh; a mesh may be missing where canonicalization
    # folded an identity unitary away (e.g. the 1-mode V of a 1x1 layer):
    # the rebuilt-matrix check covers that.
    full = [("mesh", "V", n), ("diagonal", "Sigma", None), ("mesh", "U", m)]
    got = [(c.get("kind"), c.get("factor")) for c in comps]
    want = [w for w in full if (w[0], w[1]) in got]
    if got != [(k, f) for k, f, _ in want] or ("diagonal", "Sigma") not in got:
        bad.append("components %r, expected V mesh, Sigma, U mesh" % got)
        return bad
    per = [[] for _ in comps]
    for s in table["shifters"]:
        per[s["component"]].append(s)
    total_live = 0
    for i, c in enumerate(comps):
        sh = per[i]
        live = sum(1 for s in sh if s.get("live") is True)
        total_live += live
        if c.get("shifters") != live:
            bad.append("component %d: shifters %r != %d live"
                       % (i, c.get("shifters"), live))
        for s in sh:
            if s.get("live") is False and s["phase_rad"] != 0.0:
                bad.append("component %d: pruned shifter with phase %r"
                           % (i, s["phase_rad"]))
        if c["kind"] == "mesh":
            k = want[i][2]
            if c.get("modes") != k or c.get("topology") != topo:
                bad.append("component %d: modes/topology %r/%r, expected "
                           "%d/%s" % (i, c.get("modes"), c.get("topology"),
                                      k, topo))
                continue
            nm = k * (k - 1) // 2
            depth = k if topo == "clements" else (0 if k < 2 else 2 * k - 3)
            if c.get("mzis") != nm or c.get("columns") != depth:
                bad.append("component %d: mzis/columns %r/%r, expected %d/%d"
                           % (i, c.get("mzis"), c.get("columns"), nm, depth))
            arms = [s["arm"] for s in sh]
            if arms != ["theta"] * nm + ["phi"] * nm + ["output"] * k:
                bad.append("component %d: arms not %d theta, %d phi, %d "
                           "output in order" % (i, nm, nm, k))
                continue
            layout = ptm.mesh_layout(topo, k)
            for arm, part in (("theta", sh[:nm]), ("phi", sh[nm:2 * nm])):
                got = [(s["column"], s["modes"][0]) for s in part]
                if got != layout:
                    bad.append("component %d: %s shifters not in %s layout "
                               "order" % (i, arm, topo))
            outs = sh[2 * nm:]
            if [s["modes"] for s in outs] != [[j] for j in range(k)] or \
                    any(s["column"] != depth for s in outs):
                bad.append("component %d: output screen not modes 0..%d at "
                           "column %d" % (i, k - 1, depth))
            for s in sh:
                if not 0.0 <= s["phase_rad"] < 2 * math.pi:
                    bad.append("component %d: mesh phase %r outside [0, 2pi)"
                               % (i, s["phase_rad"]))
                    break
        else:
            r = min(m, n)
            if c.get("inputs") != n or c.get("outputs") != m:
                bad.append("diagonal inputs/outputs %r/%r, expected %d/%d"
                           % (c.get("inputs"), c.get("outputs"), n, m))
            if len(sh) != r or any(s["arm"] != "attenuator" for s in sh) or \
                    [s["modes"] for s in sh] != [[j] for j in range(r)]:
                bad.append("diagonal: expected %d attenuators on modes "
                           "0..%d" % (r, r - 1))
            for s in sh:
                if not 0.0 <= s["phase_rad"] <= math.pi:
                    bad.append("attenuator phase %r outside [0, pi]"
                               % s["phase_rad"])
                    break
    totals = table.get("totals", {})
    if totals.get("shifters") != total_live:
        bad.append("totals.shifters %r != %d live shifters"
                   % (totals.get("shifters"), total_live))
    # Power model: P = p_pi * phase / pi for live shifters, 0 when pruned.
    p_pi = table.get("power_model", {}).get("p_pi_mw")
    if isinstance(p_pi, (int, float)):
        tot = 0.0
        for s in table["shifters"]:
            exp = p_pi * s["phase_rad"] / math.pi if s.get("live") else 0.0
            tot += exp
            if abs(s.get("power_mw", float("nan")) - exp) > \
                    1e-9 * max(1.0, abs(exp)):
                bad.append("shifter power_mw %r, expected %r"
                           % (s.get("power_mw"), exp))
                break
        tp = totals.get("power_mw")
        if not isinstance(tp, (int, float)) or \
                abs(tp - tot) > 1e-9 * max(1.0, tot):
            bad.append("totals.power_mw %r, expected %r" % (tp, tot))
    return bad


def run_case(tools, ptm, tmp, m, n, kind, topo):
    tag = "%dx%d-%s-%s" % (m, n, kind, topo)
    seed = zlib.crc32(("%dx%d %s" % (m, n, kind)).encode())
    rng = random.Random(seed)
    w = gen_weights(rng, m, n, kind)
    xs = [gen_input(rng, n, kind) for _ in range(SAMPLES)]

    src = os.path.join(tmp, tag + ".mlir")
    low = os.path.join(tmp, tag + ".mesh.mlir")
    prog = os.path.join(tmp, tag + ".program.json")
    tab = os.path.join(tmp, tag + ".table.json")
    inp = os.path.join(tmp, tag + ".inputs.txt")
    write_mlir(src, w, m, n, kind)
    write_inputs(inp, xs, kind)

    run([tools["opt"], src, "-o", low,
         "--pass-pipeline=builtin.module(photonic-lower-to-mesh{topology=%s})"
         % topo])
    run([tools["translate"], low, "--photonic-to-runtime", "-o", prog])
    run([tools["translate"], low, "--photonic-to-phase-table", "-o", tab])
    out = run([tools["run"], prog, "--input", inp])

    problems = []
    lines = [l for l in out.splitlines()
             if l.strip() and not l.lstrip().startswith("#")]
    if len(lines) != len(xs):
        raise CaseError("photon-run printed %d lines for %d samples"
                        % (len(lines), len(xs)))
    run_err = 0.0
    for x, line in zip(xs, lines):
        try:
            y = [complex(t) for t in re.split(r"[\s,]+", line.strip()) if t]
        except ValueError as e:
            raise CaseError("cannot parse photon-run output %r: %s"
                            % (line[:80], e))
        if len(y) != m:
            raise CaseError("photon-run printed %d values, expected %d"
                            % (len(y), m))
        ref = matvec(w, x)
        scale = max(1.0, max(abs(v) for v in ref))
        run_err = max(run_err,
                      max(abs(a - b) for a, b in zip(y, ref)) / scale)
    if not run_err <= TOL:
        problems.append("run error %.1e > %.0e" % (run_err, TOL))

    try:
        table = ptm.load_table(tab)
        wrec = ptm.network_matrix(table)
    except ptm.PhaseTableError as e:
        raise CaseError("phase table: %s" % e)
    if len(wrec) != m or any(len(r) != n for r in wrec):
        raise CaseError("rebuilt matrix is %dx%d, expected %dx%d"
                        % (len(wrec), len(wrec[0]) if wrec else 0, m, n))
    wmax = max(1.0, max(abs(v) for row in w for v in row))
    tab_err = max(abs(a - b) for ra, rb in zip(wrec, w)
                  for a, b in zip(ra, rb)) / wmax
    if not tab_err <= TOL:
        problems.append("table error %.1e > %.0e" % (tab_err, TOL))
    problems += check_table(table, m, n, topo, ptm)
    return run_err, tab_err, problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--photon-opt", default="photon-opt")
    ap.add_argument("--photon-translate", default="photon-translate")
    ap.add_argument("--photon-run", default="photon-run")
    ap.add_argument("--scripts", required=True,
                    help="directory holding phase_table_to_matrix.py")
    ap.add_argument("--tmp", required=True, help="scratch directory")
    ap.add_argument("--shapes", default=None,
                    help="comma-separated MxN subset, e.g. 3x5,16x10")
    args = ap.parse_args()

    tools = {"opt": resolve(args.photon_opt),
             "translate": resolve(args.photon_translate),
             "run": resolve(args.photon_run)}
    sys.path.insert(0, os.path.abspath(args.scripts))
    import phase_table_to_matrix as ptm

    if os.path.isfile(args.tmp):
        os.remove(args.tmp)
    os.makedirs(args.tmp, exist_ok=True)

    shapes = SHAPES
    if args.shapes:
        shapes = [tuple(int(v) for v in s.split("x"))
                  for s in args.shapes.split(",")]
    passed = failed = 0
    for m, n in shapes:
        for kind in KINDS:
            for topo in TOPOLOGIES:
                name = "%dx%d %s %s" % (m, n, kind, topo)
                try:
                    run_err, tab_err, problems = run_case(
                        tools, ptm, args.tmp, m, n, kind, topo)
                except CaseError as e:
                    print("FAIL %s: %s" % (name, e))
                    failed += 1
                    continue
                errs = "run %.1e, table %.1e" % (run_err, tab_err)
                if problems:
                    print("FAIL %s: %s; %s" % (name, errs,
                                               "; ".join(problems[:5])))
                    failed += 1
                else:
                    print("ok %s: %s" % (name, errs))
                    passed += 1
                sys.stdout.flush()
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
