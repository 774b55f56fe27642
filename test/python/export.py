# photon.translate / photon.export against photon-translate: the same bytes
# (runtime program, phase table with and without options, ONNX import) and
# the same JSON as dicts; photon.Error for a network that is not lowered.
# RUN: rm -rf %t && mkdir -p %t && %python %s %t
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "Inputs"))
from api_test import BLOBS_NET, MLP, TESTS, raises, tool  # noqa: E402
import photon  # noqa: E402

tmp = sys.argv[1]


def lowered(source, pipeline="photonic-lower-to-mesh"):
    path = os.path.join(tmp, os.path.basename(source) + ".lowered.mlir")
    photon.compile(source, pipeline, output=path)
    return path


mlp, blobs = lowered(MLP), lowered(BLOBS_NET, "photonic-lower-to-mesh{topology=reck}")
cases = [
    ("photonic-to-runtime", [], {}),
    ("photonic-to-phase-table", [], {}),
    ("photonic-to-phase-table", ["--p-pi-mw=30", "--dac-bits=8"],
     {"p_pi_mw": 30, "dac_bits": 8}),
    ("photonic-to-phase-table", ["--adc-mw=5", "--reencode-mw=0.5"],
     {"adc_mw": 5, "reencode_mw": 0.5}),
]
for path in (mlp, blobs):
    text = open(path).read()
    for name, flags, options in cases:
        want = tool("photon-translate", f"--{name}", *flags, path)
        assert photon.translate(text, name, **options) == want, (path, name)
        assert photon.translate(path, "--" + name, **options) == want
        out = os.path.join(tmp, "out.json")
        form = "runtime" if name.endswith("runtime") else "phase-table"
        assert photon.export(text, form, output=out, **options) == \
            json.loads(want)
        assert open(out).read() == want
    # Program.from_mlir and Program.to_json give the tool's program.
    want = tool("photon-translate", "--photonic-to-runtime", path)
    assert photon.Program.from_mlir(path).to_json() == want
    assert photon.Program(json.loads(want)).to_json() == want

# An imported ONNX model (with O-E-O boundaries): import, lower, export.
onnx = os.path.join(tmp, "mlp.onnx")
subprocess.run([sys.executable,
                os.path.join(TESTS, "import", "Inputs", "onnx_models.py"),
                "write", "mlp-4layer", onnx], check=True)
want = tool("photon-translate", "--import-onnx", onnx)
assert photon.import_onnx(onnx) == want
assert photon.import_onnx(open(onnx, "rb").read()) == want
with open(onnx + ".mlir", "w") as f:
    f.write(want)
imported = lowered(onnx + ".mlir")
table = tool("photon-translate", "--photonic-to-phase-table", "--adc-mw=7",
             imported)
assert photon.translate(imported, "photonic-to-phase-table", adc_mw=7) == table
assert "boundaries" in photon.export(imported, "phase-table")

# The registry lists every translation; unknown names and options fail.
names = photon.translations()
for name in ("photonic-to-runtime", "photonic-to-phase-table", "import-onnx"):
    assert name in names, names
raises(ValueError, "unknown translation 'photonic-to-gds'", photon.translate,
       mlp, "photonic-to-gds")
raises(TypeError, "unknown phase table option", photon.export, mlp,
       "phase-table", p_pi=3)
raises(TypeError, "unknown translation option 'nope'", photon.translate,
       mlp, "photonic-to-runtime", nope=1)
# Other translations take their llvm::cl options by name, for one call.
assert photon.translate(mlp, "photonic-to-runtime", p_pi_mw=30) == \
    tool("photon-translate", "--photonic-to-runtime", mlp)
raises(ValueError, "invalid value 'x' for option 'dac_bits'",
       photon.translate, mlp, "photonic-to-runtime", p_pi_mw=3, dac_bits="x")
assert photon.translate(mlp, "photonic-to-runtime", p_pi_mw=4, dac_bits=2)
raises(ValueError, "format must be one of", photon.export, mlp, "svg")
# Invalid option values: photon-translate's own messages.
raises(photon.Error, "--p-pi-mw must be a power in (0, 1e+06] mW, got 0",
       photon.export, mlp, "phase-table", p_pi_mw=0)
raises(photon.Error, "--dac-bits must be in 1..32 (0: off), got 33",
       photon.export, mlp, "phase-table", dac_bits=33)
raises(photon.Error, "--adc-mw must be a power in [0, 1e+06] mW",
       photon.export, mlp, "phase-table", adc_mw=-1)
# A network that was not lowered: the bridge's diagnostic.
message = raises(photon.Error, "error:", photon.export, MLP, "runtime")
assert "photonic.dense" in message, message
raises(photon.Error, "error:", photon.import_onnx, b"not a model")
raises(FileNotFoundError, "no ONNX model", photon.import_onnx, "nope.onnx")
# A failed translation leaves no option behind: defaults again.
assert photon.export(mlp, "phase-table")["power_model"]["p_pi_mw"] == 25.0
print("export: ok")
