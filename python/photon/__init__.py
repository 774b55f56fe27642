"""Photon from Python: compile photonic MLIR with Photon's passes, export
phase tables and runtime programs, decompose unitaries into MZI meshes and
run programs on NumPy arrays, in-process (no subprocess). See docs/python.md.

    >>> import photon, numpy as np
    >>> ir = photon.compile(open("layer.mlir").read(),
    ...                     "photonic-lower-to-mesh{topology=clements}")
    >>> program = photon.Program(photon.export(ir, "runtime"))
    >>> program.run(np.array([[1.0, 2.0, 3.0]]))
"""
import json
import os
import warnings

from . import _photon
from ._photon import Error, Mesh, mzi, noise_keys, unitarity_error

__all__ = [
    "Error", "Mesh", "Program", "compile", "decompose", "export",
    "format_noise", "import_onnx", "load_dataset", "mzi", "noise_keys",
    "parse_noise", "reconstruct", "translate", "translations",
    "unitarity_error",
]

# Shown as photon.Error etc. rather than photon._photon.Error.
Error.__module__ = Mesh.__module__ = __name__

_FORMATS = {"runtime": "photonic-to-runtime",
            "phase-table": "photonic-to-phase-table"}
_PHASE_TABLE_OPTIONS = {"p_pi_mw": 25.0, "adc_mw": 20.0,
                        "reencode_mw": 25.0, "dac_bits": 0}


def _is_path(source):
    """A str names a file when it is one line without '{' naming a file."""
    if isinstance(source, os.PathLike):
        return True
    return (isinstance(source, str) and "\n" not in source
            and "{" not in source and os.path.isfile(source))


def _read(source, binary=False):
    """(contents, name for diagnostics) of MLIR text, bytes or a file."""
    if _is_path(source):
        path = os.fspath(source)
        with open(path, "rb" if binary else "r") as f:
            return f.read(), path
    if isinstance(source, (str, bytes)):
        return source, "<string>"
    raise TypeError("expected MLIR text (str), bytes or a path, got "
                    f"{type(source).__name__}")


def _write(output, text):
    if output is not None:
        with open(output, "w") as f:
            f.write(text)


def compile(source, pipeline="", *, output=None):
    """Runs a pass pipeline on MLIR text (or a file) and returns the IR as
    text, exactly as `photon-opt --pass-pipeline=builtin.module(P)` prints
    it. `pipeline` is anchored ("builtin.module(...)") or a bare pass list
    ("photonic-lower-dense,canonicalize"); "" only parses and verifies.
    Warnings become Python warnings; errors raise photon.Error."""
    text, name = _read(source)
    ir, diagnostics = _photon.compile(text, pipeline or "", name)
    if diagnostics:
        warnings.warn(diagnostics.rstrip(), stacklevel=2)
    _write(output, ir)
    return ir


def _option_text(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def translate(source, name, *, output=None, **options):
    """Runs translation `name` (a photon-translate flag, with or without
    '--'; see translations()) on MLIR text, bytes or a file and returns its
    output as text. Keyword arguments are the translation's options
    (photonic-to-phase-table: p_pi_mw, adc_mw, reencode_mw, dac_bits; other
    translations: their command-line options, '-' spelled '_')."""
    name = name[2:] if name.startswith("--") else name
    binary = name == "import-onnx"
    text, source_name = _read(source, binary=binary)
    if name == _FORMATS["phase-table"]:
        unknown = set(options) - set(_PHASE_TABLE_OPTIONS)
        if unknown:
            raise TypeError(f"unknown phase table option(s) {sorted(unknown)}"
                            f"; expected {sorted(_PHASE_TABLE_OPTIONS)}")
        values = dict(_PHASE_TABLE_OPTIONS, **options)
        result = _photon.phase_table(text, source_name, float(values["p_pi_mw"]),
                                     float(values["adc_mw"]),
                                     float(values["reencode_mw"]),
                                     _integer(values["dac_bits"], "dac_bits"))
    else:
        result = _photon.translate(
            text, name, source_name,
            {key: _option_text(value) for key, value in options.items()})
    _write(output, result)
    return result


def _integer(value, what):
    if isinstance(value, bool) or int(value) != value:
        raise TypeError(f"{what} must be an integer, got {value!r}")
    return int(value)


def export(source, format="runtime", *, output=None, **options):
    """The runtime program (format="runtime") or device phase table
    (format="phase-table") of a lowered network as a dict, equal to the
    JSON photon-translate writes; `output` also writes that JSON text.
    Options as for translate()."""
    if format not in _FORMATS:
        raise ValueError(f"format must be one of {sorted(_FORMATS)}, "
                         f"got {format!r}")
    return json.loads(translate(source, _FORMATS[format], output=output,
                                **options))


def import_onnx(model, *, output=None):
    """An ONNX model (a path or the serialized bytes) as TOSA MLIR text,
    as `photon-translate --import-onnx` writes it."""
    if isinstance(model, str) and not os.path.isfile(model):
        raise FileNotFoundError(f"no ONNX model at '{model}'")
    return translate(model, "import-onnx", output=output)


def translations():
    """{name: description} of every registered translation."""
    return dict(_photon.translations())


def decompose(U, topology="clements"):
    """Decomposes a unitary (N x N array-like, unitary to 1e-8) into a
    Clements or Reck mesh of MZIs: a photon.Mesh whose matrix() is U."""
    return _photon.decompose(U, topology)


def _mesh(mesh):
    if isinstance(mesh, Mesh):
        return mesh
    if isinstance(mesh, dict):
        return Mesh(mesh["topology"], mesh["theta"], mesh["phi"],
                    mesh["output_phases"], mesh.get("mask"))
    raise TypeError("expected a photon.Mesh or a mesh dict (topology, theta,"
                    f" phi, output_phases), got {type(mesh).__name__}")


def reconstruct(mesh):
    """The N x N unitary (complex128 array) a mesh realises; `mesh` is a
    photon.Mesh, Mesh.to_dict() or a program's mesh layer dict."""
    return _photon.reconstruct(_mesh(mesh))


def _noise_spec(noise):
    if noise is None or isinstance(noise, str):
        return noise
    if isinstance(noise, dict):
        return ",".join(f"{key}={value}" for key, value in noise.items())
    raise TypeError("noise must be a spec string such as "
                    "'phase_sigma=0.02,phase_bits=8' or a dict, got "
                    f"{type(noise).__name__}")


def parse_noise(noise):
    """Every noise parameter (docs/noise.md) of a spec string or dict."""
    return _photon.parse_noise(_noise_spec(noise))[1]


def format_noise(noise):
    """The canonical spec of a spec string or dict ("none" if ideal)."""
    return _photon.parse_noise(_noise_spec(noise))[0]


def load_dataset(name="mnist", split="test", *, data_dir=None, fft_radius=2,
                 validation=0.1, train_file=None, test_file=None):
    """(X, labels) of a data split as photon-run --dataset loads it: X is
    complex128 of shape (samples, features), labels int64."""
    X, labels, _ = _photon.load_dataset(name, split, data_dir or "",
                                        train_file or "", test_file or "",
                                        fft_radius, validation)
    return X, labels


class Program(_photon.Program):
    """A runtime program (docs/formats.md). `source` is a dict (as
    export(..., "runtime") returns), JSON text, a path, or a Program."""

    def __init__(self, source):
        if isinstance(source, _photon.Program):
            text, name = source.to_json(), "<program>"
        elif isinstance(source, dict):
            text, name = json.dumps(source), "<dict>"
        elif isinstance(source, str) and source.lstrip().startswith("{"):
            text, name = source, "<string>"
        elif isinstance(source, (str, os.PathLike)):
            name = os.fspath(source)
            with open(name) as f:
                text = f.read()
        else:
            raise TypeError("expected a program dict, JSON text or a path, "
                            f"got {type(source).__name__}")
        super().__init__(text, name)

    @classmethod
    def from_mlir(cls, source):
        """The program of a lowered network (MLIR text or file)."""
        return cls(translate(source, _FORMATS["runtime"]))

    def to_dict(self):
        return json.loads(self.to_json())

    @property
    def layers(self):
        """The layers as dicts (docs/formats.md)."""
        return self.to_dict()["layers"]

    def save(self, path):
        _write(path, self.to_json())

    def run(self, X, *, precision="double", noise=None, seed=0):
        """Outputs for inputs X: one sample per row (batch, inputs), or one
        1-D sample. Electrical outputs are real (float64), optical ones
        complex128 (complex64/float32 with precision="float"). With
        `noise`, one noisy chip (trial 0 of `seed`, as photon-run)."""
        return super().run(X, precision, _noise_spec(noise), seed)

    def monte_carlo(self, X, labels, noise, *, trials=20, seed=0, threads=2,
                    p_pi_mw=25.0):
        """Accuracy over `trials` noisy chips (photon-run --noise --trials):
        the keys of photon-run's JSON report."""
        return super().monte_carlo(X, labels, _noise_spec(noise), trials,
                                   seed, threads, p_pi_mw)

    def __repr__(self):
        return (f"<photon.Program {self.inputs} -> {self.outputs}, "
                f"{len(self.layers)} layers>")
