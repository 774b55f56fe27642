"""What the reproduction scripts in examples/ share: finding Photon's tools
and its Python package, running them, failing loudly with the tool's own
message."""
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODEL = os.path.join(REPO, "examples", "mnist-lth", "model.mlir")


def tool(name):
    """A Photon tool from PATH, else from build/bin."""
    local = os.path.join(REPO, "build", "bin", name)
    found = shutil.which(name) or (local if os.path.exists(local) else None)
    if not found:
        sys.exit(f"{os.path.basename(sys.argv[0])}: {name} not found on PATH "
                 "or in build/bin")
    return found


def photon_api():
    """The photon Python package (docs/python.md): from PYTHONPATH, else
    from build/python."""
    try:
        import photon
    except ImportError:
        sys.path.insert(0, os.path.join(REPO, "build", "python"))
        try:
            import photon
        except ImportError as error:
            sys.exit(f"{os.path.basename(sys.argv[0])}: the photon Python "
                     f"package is not built ({error}); build Photon with "
                     "scripts/build.sh")
    return photon


def export_program(src, dst):
    """photon-translate --photonic-to-runtime src -o dst, in-process."""
    photon = photon_api()
    try:
        photon.export(src, "runtime", output=dst)
    except photon.Error as error:
        sys.exit(f"{os.path.basename(sys.argv[0])}: exporting {src} "
                 f"failed:\n{error}")


def run(cmd):
    """Runs cmd; exits with its stderr when it fails."""
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{os.path.basename(sys.argv[0])}: {' '.join(cmd)} failed:\n"
                 f"{done.stderr}")
    return done


def opt(src, dst, pipeline, quiet=False):
    """photon-opt src --pass-pipeline=builtin.module(pipeline) -o dst;
    echoes the passes' summary (stderr) and returns the wall time in s."""
    start = time.monotonic()
    done = run([tool("photon-opt"), src,
                f"--pass-pipeline=builtin.module({pipeline})", "-o", dst])
    if not quiet:
        print(done.stderr.rstrip(), flush=True)
    return time.monotonic() - start


def write_markdown(path, lines):
    """Writes the report's lines to path and says so."""
    with open(path, "w") as f:
        f.write("\n".join(lines))
    print(f"wrote {path}")


def add_work_arguments(parser):
    """--out FILE, --work DIR and --resume, as the long studies take them."""
    parser.add_argument("--out", help="the report (default: in docs/results)")
    parser.add_argument("--work", help="keep the intermediate files in DIR")
    parser.add_argument("--resume", action="store_true",
                        help="reuse the files already in --work")


def parse_work_arguments(parser):
    args = parser.parse_args()
    if args.resume and not args.work:
        parser.error("--resume needs --work")
    return args


def resumable_opt(args):
    """opt(src, dst, pipeline), quiet, skipped with --resume when dst
    exists (photon-opt writes its output only on success)."""
    def run_pass(src, dst, pipeline):
        if not (args.resume and os.path.exists(dst)):
            opt(src, dst, pipeline, quiet=True)
    return run_pass


def mean_sd(xs, scale=100, digits=1):
    """'mean ± sd' of xs times scale (sample sd; ± 0 for one value), None
    entries left out; "n/a" when none is left."""
    xs = [x for x in xs if x is not None]
    if not xs:
        return "n/a"
    sd = statistics.stdev(xs) if len(xs) > 1 else 0.0
    return f"{scale * statistics.mean(xs):.{digits}f} ± {scale * sd:.{digits}f}"


def validation_ticket(rounds, key="accuracy", max_loss=0.05):
    """The LTH pass's rule on validation: the last round before the first
    one that loses more than max_loss (a fraction) of round 0's `key`."""
    best = rounds[0]
    for r in rounds[1:]:
        if rounds[0][key] - r[key] > max_loss:
            break
        best = r
    return best


def train_and_prune(opt, files, seed, knobs, lth_options):
    """Lowers the LTH model with phase-seed=seed and trains it (knobs) into
    files["trained"], then runs photonic-prune-lth{knobs lth_options} on it
    into files["pruned"] with its report in files["report"]; returns the
    report's rounds. `opt` is opt or resumable_opt(args)."""
    opt(MODEL, files["trained"],
        f"photonic-lower-to-mesh{{phase-seed={seed}}},"
        f"photonic-train{{{knobs}}}")
    opt(files["trained"], files["pruned"],
        f"photonic-prune-lth{{{knobs} {lth_options} "
        f"report={files['report']}}}")
    with open(files["report"]) as f:
        return json.load(f)["lth"]["rounds"]


def pct(x):
    """A fraction as a percentage with two decimals: 0.8915 -> "89.15"."""
    return f"{100 * x:.2f}"
