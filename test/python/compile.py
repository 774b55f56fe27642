# photon.compile against photon-opt: the same IR text for the same input and
# pipeline (anchored or a bare pass list, file or text), and photon.Error
# with the tool's diagnostics for bad IR and bad pipelines.
# RUN: %python %s %t
import os
import pathlib
import sys
import warnings

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "Inputs"))
from api_test import (BLOBS_NET, BLOBS_TEST, BLOBS_TRAIN, MLP, raises,  # noqa
                      tool)
import photon  # noqa: E402

tmp = sys.argv[1]
os.makedirs(tmp, exist_ok=True)

pipelines = [
    "",
    "photonic-lower-dense",
    "photonic-lower-dense,photonic-decompose-unitary{topology=reck}",
    "photonic-lower-to-mesh{topology=clements phase-init=uniform}",
    "photonic-lower-to-mesh,photonic-dead-shifter-elim,canonicalize,cse",
]
for source in (MLP, BLOBS_NET):
    text = open(source).read()
    for pipeline in pipelines:
        args = [source] + ([f"--pass-pipeline=builtin.module({pipeline})"]
                           if pipeline else [])
        want = tool("photon-opt", *args)
        assert photon.compile(text, pipeline) == want, (source, pipeline)
        assert photon.compile(pathlib.Path(source), pipeline) == want
        if pipeline:
            anchored = f"builtin.module({pipeline})"
            assert photon.compile(source, anchored) == want

# Training and pruning on a CSV data set: the same phases and masks.
data = f"dataset=csv train-file={BLOBS_TRAIN} test-file={BLOBS_TEST}"
train = (f"photonic-lower-to-mesh,photonic-train{{{data} epochs=3 "
         f"batch-size=16}},photonic-prune-magnitude{{{data} epochs=2 "
         "alpha=1.0},photonic-dead-shifter-elim)")
want = tool("photon-opt", BLOBS_NET, f"--pass-pipeline=builtin.module({train}")
out = os.path.join(tmp, "trained.mlir")
assert photon.compile(BLOBS_NET, train[:-1], output=out) == want
assert open(out).read() == want

# Bad IR: the parser's diagnostic, located in the source.
message = raises(photon.Error, "custom op 'photonic.nonsense' is unknown",
                 photon.compile, "func.func @f() {\n  photonic.nonsense\n}\n")
assert message.startswith("<string>:2:3: error:"), message
raises(photon.Error, "expected", photon.compile, "func.func @f(")
# A verifier error.
raises(photon.Error, "error:", photon.compile,
       "func.func @f(%x: !photonic.field<3>) -> !photonic.field<2> {\n"
       "  %y = photonic.dense %x weights(dense<[[1.0, 2.0]]> : tensor<1x2xf64>)"
       " : !photonic.field<3> -> !photonic.field<2>\n"
       "  return %y : !photonic.field<2>\n}\n")
# Bad pipelines: unknown pass, bad option, bad syntax.
raises(photon.Error, "'photonic-no-such-pass' does not refer to a registered",
       photon.compile, MLP, "photonic-no-such-pass")
raises(photon.Error, "invalid pass pipeline", photon.compile, MLP,
       "photonic-lower-dense{no-such-option=1}")
raises(photon.Error, "unknown topology 'hexagonal'", photon.compile, MLP,
       "photonic-lower-to-mesh{topology=hexagonal}")
raises(photon.Error, "invalid pass pipeline", photon.compile, MLP,
       "builtin.module(photonic-lower-dense")
# A pass that fails: its diagnostic, not a crash.
raises(photon.Error, "imagenet", photon.compile, BLOBS_NET,
       "photonic-lower-to-mesh,photonic-train{dataset=imagenet}")
raises(TypeError, "expected MLIR text", photon.compile, 42)
raises(FileNotFoundError, "", photon.compile, pathlib.Path(tmp, "nope.mlir"))

# No warnings for good input; the interpreter is still alive.
with warnings.catch_warnings():
    warnings.simplefilter("error")
    photon.compile(MLP, "photonic-lower-to-mesh")
print("compile: ok")
