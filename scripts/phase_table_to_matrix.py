#!/usr/bin/env python3
"""Rebuild the linear transfer matrix of a Photon phase table.

Reads a phase table written by `photon-translate --photonic-to-phase-table`
(see docs/formats.md) and rebuilds, from the `shifters` list alone, the
transfer matrix of every component with the conventions of
docs/conventions.md:

  mesh      U = D . T_K ... T_1, the MZIs taken in the order their `theta`
            shifters are listed (layout order), T_k = M(theta_k, phi_k) on
            modes (m, m+1), D = diag(exp(i*output_j)), with the phase-first MZI
            M(t, p) = i e^{it/2} [[e^{ip} sin(t/2),  cos(t/2)],
                                  [e^{ip} cos(t/2), -sin(t/2)]]
  diagonal  Sigma[i][i] = gain * cos(theta_i / 2)  (outputs x inputs)

It then multiplies the components in the order light meets them (input to
output) and prints the whole network matrix (outputs x inputs) as JSON:

  {"rows": M, "cols": N, "matrix": [[[re, im], ...], ...]}

The phase table does not record activations: the result is the network's
matrix only if it has no activation between its components.

Usage: phase_table_to_matrix.py [--component K] [TABLE.json | -]

Standard library only; importable (load_table, component_matrices,
network_matrix).
"""

import argparse
import cmath
import json
import math
import sys

FORMAT = "photon-phase-table"
VERSION = 1


class PhaseTableError(Exception):
    """A phase table that does not follow docs/formats.md."""


# ---------------------------------------------------------------------------
# Small complex matrix helpers (lists of rows of Python complex numbers).
# ---------------------------------------------------------------------------

def identity(n):
    return [[1.0 + 0j if i == j else 0j for j in range(n)] for i in range(n)]


def matmul(a, b):
    """a (p x q) times b (q x r)."""
    if not a:
        return []
    q = len(b)
    if len(a[0]) != q:
        raise ValueError("matmul: shapes %dx%d and %dx%d do not match"
                         % (len(a), len(a[0]), q, len(b[0]) if b else 0))
    r = len(b[0]) if b else 0
    out = []
    for row in a:
        acc = [0j] * r
        for k, aik in enumerate(row):
            if aik == 0:
                continue
            bk = b[k]
            for j in range(r):
                acc[j] += aik * bk[j]
        out.append(acc)
    return out


def mzi(theta, phi):
    """The phase-first MZI M(theta, phi) (row = output, column = input)."""
    pre = 1j * cmath.exp(0.5j * theta)
    s = math.sin(theta / 2.0)
    c = math.cos(theta / 2.0)
    e = cmath.exp(1j * phi)
    return [[pre * e * s, pre * c],
            [pre * e * c, -pre * s]]


def mesh_layout(topology, n):
    """The MZI positions (column, top mode) of an n-mode mesh, layout order."""
    out = []
    if topology == "clements":
        for c in range(n):
            for m in range(c % 2, n - 1, 2):
                out.append((c, m))
    elif topology == "reck":
        cols = 0 if n < 2 else 2 * n - 3
        for c in range(cols):
            for m in range(c % 2, n - 1, 2):
                if m <= c and m <= 2 * n - 4 - c:
                    out.append((c, m))
    else:
        raise ValueError("unknown topology %r" % (topology,))
    return out


# ---------------------------------------------------------------------------
# Loading and validation.
# ---------------------------------------------------------------------------

def _fail(where, msg):
    raise PhaseTableError("%s: %s" % (where, msg))


def _int(obj, key, where, minimum=0):
    v = obj.get(key) if isinstance(obj, dict) else None
    if isinstance(v, bool) or not isinstance(v, int) or v < minimum:
        _fail(where, "'%s' must be an integer >= %d (got %r)"
              % (key, minimum, v))
    return v


def _num(obj, key, where):
    v = obj.get(key) if isinstance(obj, dict) else None
    if isinstance(v, bool) or not isinstance(v, (int, float)) \
            or not math.isfinite(v):
        _fail(where, "'%s' must be a finite number (got %r)" % (key, v))
    return float(v)


def validate(doc, name="<table>"):
    """Check the structure a matrix rebuild needs; raise PhaseTableError."""
    if not isinstance(doc, dict):
        _fail(name, "not a phase table (top level is not a JSON object)")
    if doc.get("format") != FORMAT:
        _fail(name, "not a phase table: 'format' is %r, expected %r"
              % (doc.get("format"), FORMAT))
    if doc.get("version") != VERSION or isinstance(doc.get("version"), bool):
        _fail(name, "unsupported phase table version %r (expected %d)"
              % (doc.get("version"), VERSION))
    _int(doc, "inputs", name, 1)
    _int(doc, "outputs", name, 1)
    comps = doc.get("components")
    if not isinstance(comps, list):
        _fail(name, "'components' must be a list")
    shifters = doc.get("shifters")
    if not isinstance(shifters, list):
        _fail(name, "'shifters' must be a list")
    for i, c in enumerate(comps):
        where = "%s: components[%d]" % (name, i)
        if not isinstance(c, dict):
            _fail(where, "not an object")
        kind = c.get("kind")
        if kind == "mesh":
            n = _int(c, "modes", where, 1)
            if "mzis" in c and _int(c, "mzis", where) != n * (n - 1) // 2:
                _fail(where, "'mzis' is %r, expected N(N-1)/2 = %d"
                      % (c["mzis"], n * (n - 1) // 2))
        elif kind == "diagonal":
            _int(c, "inputs", where, 1)
            _int(c, "outputs", where, 1)
            g = _num(c, "gain", where)
            if g < 0:
                _fail(where, "'gain' must be >= 0 (got %r)" % g)
        else:
            _fail(where, "'kind' must be 'mesh' or 'diagonal' (got %r)"
                  % (kind,))
    for j, s in enumerate(shifters):
        where = "%s: shifters[%d]" % (name, j)
        if not isinstance(s, dict):
            _fail(where, "not an object")
        k = s.get("component")
        if isinstance(k, bool) or not isinstance(k, int) \
                or not 0 <= k < len(comps):
            _fail(where, "'component' %r is not an index into components"
                  % (k,))
        arm = s.get("arm")
        if arm not in ("theta", "phi", "output", "attenuator"):
            _fail(where, "unknown 'arm' %r" % (arm,))
        if (arm == "attenuator") != (comps[k]["kind"] == "diagonal"):
            _fail(where, "arm %r does not belong to a %s component"
                  % (arm, comps[k]["kind"]))
        _num(s, "phase_rad", where)
        modes = s.get("modes")
        want = 2 if arm in ("theta", "phi") else 1
        if not isinstance(modes, list) or len(modes) != want or not all(
                isinstance(m, int) and not isinstance(m, bool)
                for m in modes):
            _fail(where, "'modes' must be a list of %d integer(s)" % want)
        if want == 2 and modes[1] != modes[0] + 1:
            _fail(where, "'modes' must be [m, m+1] (got %r)" % (modes,))
        if arm != "attenuator":
            _int(s, "column", where)


def load_table(source):
    """Load and validate a phase table.

    `source` is a path, "-" for stdin, or an open file object. Returns the
    parsed document. Raises PhaseTableError on a file that is not a valid
    phase table (with the file name in the message)."""
    if hasattr(source, "read"):
        name = getattr(source, "name", "<stream>")
        text = source.read()
    elif source == "-":
        name = "<stdin>"
        text = sys.stdin.read()
    else:
        name = str(source)
        try:
            with open(source, "r", encoding="utf-8") as f:
                text = f.read()
        except OSError as e:
            raise PhaseTableError("%s: cannot read: %s" % (name, e.strerror))
    try:
        doc = json.loads(text)
    except ValueError as e:
        raise PhaseTableError("%s: not a phase table (invalid JSON: %s)"
                              % (name, e))
    validate(doc, name)
    return doc


# ---------------------------------------------------------------------------
# Matrices.
# ---------------------------------------------------------------------------

def _mesh_matrix(comp, shifters, where):
    n = comp["modes"]
    thetas, phis, outs = [], {}, {}
    for s in shifters:
        arm = s["arm"]
        if arm == "theta":
            thetas.append(s)
        elif arm == "phi":
            key = (s["column"], s["modes"][0])
            if key in phis:
                _fail(where, "two 'phi' shifters at column %d modes %r"
                      % (key[0], s["modes"]))
            phis[key] = s["phase_rad"]
        else:
            i = s["modes"][0]
            if i in outs:
                _fail(where, "two 'output' shifters on mode %d" % i)
            outs[i] = s["phase_rad"]
    k = n * (n - 1) // 2
    if len(thetas) != k:
        _fail(where, "%d 'theta' shifters, expected N(N-1)/2 = %d"
              % (len(thetas), k))
    if len(phis) != k:
        _fail(where, "%d 'phi' shifters, expected N(N-1)/2 = %d"
              % (len(phis), k))
    if sorted(outs) != list(range(n)):
        _fail(where, "'output' shifters on modes %r, expected one on each "
              "of 0..%d" % (sorted(outs), n - 1))
    u = identity(n)
    seen = set()
    for s in thetas:
        col, m = s["column"], s["modes"][0]
        if not 0 <= m < n - 1:
            _fail(where, "MZI on modes %r outside a %d-mode mesh"
                  % (s["modes"], n))
        if (col, m) in seen:
            _fail(where, "two 'theta' shifters at column %d modes %r"
                  % (col, s["modes"]))
        seen.add((col, m))
        if (col, m) not in phis:
            _fail(where, "no 'phi' shifter for the MZI at column %d modes %r"
                  % (col, s["modes"]))
        t = mzi(s["phase_rad"], phis[(col, m)])
        # U <- T_k U: only rows m and m+1 change.
        r0, r1 = u[m], u[m + 1]
        a, b, c, d = t[0][0], t[0][1], t[1][0], t[1][1]
        u[m] = [a * x + b * y for x, y in zip(r0, r1)]
        u[m + 1] = [c * x + d * y for x, y in zip(r0, r1)]
    for i in range(n):
        e = cmath.exp(1j * outs[i])
        u[i] = [e * x for x in u[i]]
    return u


def _diagonal_matrix(comp, shifters, where):
    n_in, n_out = comp["inputs"], comp["outputs"]
    gain = float(comp["gain"])
    r = min(n_in, n_out)
    thetas = {}
    for s in shifters:
        i = s["modes"][0]
        if not 0 <= i < r:
            _fail(where, "attenuator on mode %d, expected 0..%d" % (i, r - 1))
        if i in thetas:
            _fail(where, "two attenuators on mode %d" % i)
        thetas[i] = s["phase_rad"]
    if len(thetas) != r:
        _fail(where, "%d attenuators, expected min(inputs, outputs) = %d"
              % (len(thetas), r))
    sig = [[0j] * n_in for _ in range(n_out)]
    for i in range(r):
        sig[i][i] = complex(gain * math.cos(thetas[i] / 2.0))
    return sig


def component_matrices(doc):
    """The transfer matrix of every component, in the order of `components`
    (outputs x inputs, lists of rows of complex)."""
    comps = doc["components"]
    per = [[] for _ in comps]
    for s in doc["shifters"]:
        per[s["component"]].append(s)
    mats = []
    for i, c in enumerate(comps):
        where = "components[%d]" % i
        if c["kind"] == "mesh":
            mats.append(_mesh_matrix(c, per[i], where))
        else:
            mats.append(_diagonal_matrix(c, per[i], where))
    return mats


def network_matrix(doc, mats=None):
    """The whole network's matrix C_last ... C_1 C_0 (outputs x inputs)."""
    if mats is None:
        mats = component_matrices(doc)
    n_in, n_out = doc["inputs"], doc["outputs"]
    if not mats:
        if n_in != n_out:
            _fail("components", "no components but inputs %d != outputs %d"
                  % (n_in, n_out))
        return identity(n_in)
    width = n_in
    for i, m in enumerate(mats):
        cols = len(m[0]) if m else 0
        if cols != width:
            _fail("components[%d]" % i, "takes %d modes but %d arrive"
                  % (cols, width))
        width = len(m)
    if width != n_out:
        _fail("components", "the last component gives %d modes, the table "
              "says outputs = %d" % (width, n_out))
    w = mats[0]
    for m in mats[1:]:
        w = matmul(m, w)
    return w


def to_json(mat):
    rows = len(mat)
    cols = len(mat[0]) if mat else 0
    return {"rows": rows, "cols": cols,
            "matrix": [[[z.real, z.imag] for z in row] for row in mat]}


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Rebuild the transfer matrix of a Photon phase table "
                    "(docs/formats.md) and print it as JSON "
                    '{"rows", "cols", "matrix": [[[re, im], ...], ...]}.')
    ap.add_argument("table", nargs="?", default="-",
                    help="phase table JSON file (default: stdin)")
    ap.add_argument("--component", type=int, default=None, metavar="K",
                    help="print the matrix of component K only")
    ap.add_argument("--indent", type=int, default=None,
                    help="indent the JSON output")
    args = ap.parse_args(argv)
    prog = "phase_table_to_matrix"
    try:
        doc = load_table(args.table)
        mats = component_matrices(doc)
        if args.component is not None:
            if not 0 <= args.component < len(mats):
                raise PhaseTableError("--component %d: the table has %d "
                                      "components" % (args.component,
                                                      len(mats)))
            mat = mats[args.component]
        else:
            mat = network_matrix(doc, mats)
    except PhaseTableError as e:
        name = args.table if args.table != "-" else "<stdin>"
        msg = str(e)
        if not msg.startswith(name):
            msg = "%s: %s" % (name, msg)
        print("%s: error: %s" % (prog, msg), file=sys.stderr)
        return 1
    json.dump(to_json(mat), sys.stdout, indent=args.indent)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
