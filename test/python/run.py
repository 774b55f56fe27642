# photon.Program against photon-run on the same programs and inputs:
# identical outputs (double, float, one noisy chip; electrical and optical
# outputs), the same accuracy and the same Monte Carlo report.
# RUN: rm -rf %t && mkdir -p %t && %python %s %t
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "Inputs"))
from api_test import (BLOBS_TEST, BLOBS_TRAIN, MLP, MLP_INPUTS,  # noqa: E402
                      TESTS, tool)
import photon  # noqa: E402

tmp = sys.argv[1]


def program_file(source, name, pipeline="photonic-lower-to-mesh"):
    path = os.path.join(tmp, name + ".json")
    photon.export(photon.compile(source, pipeline), "runtime", output=path)
    return path


def tool_outputs(path, *flags, stdin):
    report = json.loads(tool("photon-run", path, "--format", "json", *flags,
                             stdin=stdin))
    values = np.array(report["outputs"], dtype=float)
    if report["domain"] == "optical":
        values = values[..., 0] + 1j * values[..., 1]
    return values


def as_text(X):
    return "\n".join(" ".join(f"{complex(v)!r}".strip("()") for v in row)
                     for row in X) + "\n"


# The MNIST MLP: complex inputs, detected (real) outputs.
mlp = program_file(MLP, "mlp")
program = photon.Program(mlp)
assert (program.inputs, program.outputs) == (16, 10)
assert program.electrical_inputs and program.electrical_outputs
text = open(MLP_INPUTS).read()
X = np.array([[complex(v) for v in line.split()] for line in text.splitlines()
              if line and not line.startswith("#")])
Y = program.run(X)
assert Y.dtype == np.float64 and Y.shape == (len(X), 10)
assert np.array_equal(Y, tool_outputs(mlp, stdin=text))
assert np.array_equal(program.run(X[1]), Y[1])  # one 1-D sample
Yf = program.run(X.astype(np.complex64), precision="float")
assert Yf.dtype == np.float32
assert np.array_equal(Yf.astype(float),
                      tool_outputs(mlp, "--precision", "float", stdin=text))
spec = "phase_sigma=0.05,phase_bits=6,detector_sigma=0.01"
noisy = program.run(X, noise=spec, seed=3)
assert np.array_equal(noisy, tool_outputs(mlp, "--noise", spec, "--seed", "3",
                                          stdin=text))
assert not np.array_equal(noisy, Y)
assert np.array_equal(program.run(X, noise={"phase_sigma": 0.05,
                                            "phase_bits": 6,
                                            "detector_sigma": 0.01}, seed=3),
                      noisy)
# Outputs own their buffer through NumPy's base: no copy on the way out.
assert Y.base is not None and not Y.flags.owndata and Y.flags.c_contiguous

# Optical outputs (no detect): complex fields, real inputs accepted.
identity = os.path.join(TESTS, "run", "Inputs", "identity2.json")
optical = photon.Program(identity)
R = np.array([[1.0, 2.0], [0.5, -3.0]])
F = optical.run(R)
assert F.dtype == np.complex128 and not optical.electrical_outputs
assert np.array_equal(F, tool_outputs(identity, stdin=as_text(R)))
assert np.array_equal(F, optical.run(R.astype(complex)))

# Classification of a CSV data set, ideal and under noise.
centres = program_file(os.path.join(TESTS, "run", "Inputs",
                                    "blobs-centres.mlir"), "centres")
blobs = photon.Program(centres)
data = ["--dataset", "csv", "--train-file", BLOBS_TRAIN, "--test-file",
        BLOBS_TEST]
for split in ("test", "train", "validation"):
    X, labels = photon.load_dataset("csv", split, train_file=BLOBS_TRAIN,
                                    test_file=BLOBS_TEST)
    report = json.loads(tool("photon-run", centres, *data, "--split", split,
                             "--format", "json"))
    assert len(X) == len(labels) == report["samples"]
    assert blobs.accuracy(X, labels) == report["accuracy"], split
    assert int(np.sum(blobs.classify(X) == labels)) == report["correct"]
X, labels = photon.load_dataset("csv", train_file=BLOBS_TRAIN,
                                test_file=BLOBS_TEST)
report = json.loads(tool("photon-run", centres, *data, "--noise",
                         "phase_sigma=0.2,crosstalk=0.01", "--trials", "6",
                         "--seed", "5", "--mc-threads", "1", "--p-pi-mw",
                         "30", "--format", "json"))
got = blobs.monte_carlo(X, labels, "phase_sigma=0.2,crosstalk=0.01",
                        trials=6, seed=5, threads=2, p_pi_mw=30)
for key in ("dataset", "split"):
    del report[key]
assert got == report, (got, report)

# Metrics: the runtime's definitions (Metrics.h) as a dict.
metrics = program.metrics()
assert metrics["meshes"] and metrics["totals"]["live_shifters"] > 0
assert program.compare_metrics(program)["total_power_reduction"] == 0
print("run: ok")
