# Bad input raises a Python exception with the diagnostic, never a crash:
# bad programs (photon.Error naming the file and field, as photon-run),
# wrong array shapes and dtypes (ValueError, TypeError), non-unitary
# matrices, bad noise specs, labels and data sets.
# RUN: %python %s
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "Inputs"))
from api_test import BLOBS_TRAIN, TESTS, raises  # noqa: E402
import photon  # noqa: E402

inputs = os.path.join(TESTS, "run", "Inputs")
identity = os.path.join(inputs, "identity2.json")

# Programs: photon-run's messages, naming the source.
for name, message in [("bad-chain.json", "layer"),
                      ("bad-topology.json", "topology"),
                      ("short-theta.json", "theta"),
                      ("truncated.json", ""),
                      ("wrong-format.json", "format"),
                      ("wrong-version.json", "version")]:
    path = os.path.join(inputs, name)
    got = raises(photon.Error, message, photon.Program, path)
    assert path in got, got
program = json.load(open(identity))
program["layers"][0]["theta"] = [1.0, 2.0]
raises(photon.Error, "<dict>", photon.Program, program)
raises(photon.Error, "theta", photon.Program, program)
raises(photon.Error, "", photon.Program, "{not json")
raises(FileNotFoundError, "", photon.Program, os.path.join(inputs, "no.json"))
raises(TypeError, "expected a program dict", photon.Program, 3.5)
assert issubclass(photon.Error, RuntimeError)

# Arrays of the wrong shape or type.
p = photon.Program(identity)
raises(ValueError, "shape (batch, 2) or (2,)", p.run, np.zeros((3, 3)))
raises(ValueError, "got (3,)", p.run, np.zeros(3))
raises(ValueError, "got (1, 2, 2)", p.run, np.zeros((1, 2, 2)))
raises(TypeError, "dtype <U1", p.run, np.array([["a", "b"]]))
raises(TypeError, "array of numbers", p.run, [[1.0], [2.0, 3.0]])
raises(TypeError, "dtype object", p.run, np.array([[None, 1]], dtype=object))
raises(ValueError, "precision must be", p.run, np.zeros((1, 2)),
       precision="half")
raises(ValueError, "noise runs in double precision", p.run, np.zeros((1, 2)),
       precision="float", noise="phase_sigma=0.1")
assert p.run(np.zeros((0, 2))).shape == (0, 2)
assert p.run([[1, 0]]).shape == (1, 2)  # integers and lists convert

# Labels and data.
X = np.eye(2)
raises(TypeError, "labels must be an array of integers", p.accuracy, X,
       np.array([0.0, 1.0]))
raises(ValueError, "one label per sample (2)", p.accuracy, X, [0])
raises(ValueError, "label 2 of sample 1 is outside [0, 2)", p.accuracy, X,
       [0, 2])
raises(ValueError, "2-D batch", p.accuracy, X[0], [0])
raises(ValueError, "trials and threads", p.monte_carlo, X, [0, 1],
       "phase_sigma=0.1", trials=0)
raises(photon.Error, "unknown data set 'imagenet'", photon.load_dataset,
       "imagenet")
raises(photon.Error, "missing.csv", photon.load_dataset, "csv",
       train_file=BLOBS_TRAIN, test_file="missing.csv")
raises(ValueError, "split must be", photon.load_dataset, "csv", "dev",
       train_file=BLOBS_TRAIN, test_file=BLOBS_TRAIN)

# Noise specs: the parser's messages.
raises(photon.Error, "phase_sigm", p.run, X, noise="phase_sigm=0.1")
raises(photon.Error, "phase_bits", photon.parse_noise, "phase_bits=1.5")
raises(TypeError, "noise must be", p.run, X, noise=0.1)
assert photon.format_noise({"phase_bits": 8, "phase_sigma": 0.02}) == \
    "phase_sigma=0.02,phase_bits=8"
assert photon.parse_noise("none")["phase_sigma"] == 0.0
assert photon.noise_keys()[0] == "phase_sigma"

# Decompositions.
raises(ValueError, "not unitary", photon.decompose, np.ones((3, 3)))
raises(ValueError, "not unitary", photon.decompose, np.full((2, 2), np.nan))
raises(ValueError, "square 2-D array", photon.decompose, np.eye(3)[:2])
raises(ValueError, "square 2-D array", photon.decompose, np.zeros((0, 0)))
raises(ValueError, "topology must be 'clements' or 'reck'", photon.decompose,
       np.eye(2), "triangle")
raises(TypeError, "dtype <U", photon.decompose, np.array([["1", "0"],
                                                         ["0", "1"]]))
raises(ValueError, "theta must be a 1-D array of 3 phases", photon.Mesh,
       "clements", [0.0], [0.0] * 3, [0.0] * 3)
raises(ValueError, "must be finite", photon.Mesh, "reck", [np.inf],
       [0.0], [0.0, 0.0])
raises(ValueError, "mask must be a 1-D array of 4 flags", photon.Mesh,
       "reck", [0.0], [0.0], [0.0, 0.0], mask=[1, 1])
raises(TypeError, "expected a photon.Mesh", photon.reconstruct, np.eye(2))
raises(KeyError, "", photon.reconstruct, {"topology": "reck"})
raises(TypeError, "real numbers, got dtype complex", photon.Mesh, "reck",
       [1j], [0.0], [0.0, 0.0])
raises(ValueError, "shape (batch, 2)", photon.decompose(np.eye(2)).apply,
       np.zeros(3))
print("errors: ok")
