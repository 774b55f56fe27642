"""Small ONNX models for the import tests, their math in double precision
(an independent reference, plain Python) and malformed files.

  onnx_models.py list
  onnx_models.py write NAME OUT.onnx [--inputs FILE --expected FILE]
  onnx_models.py bad KIND OUT
  onnx_models.py run --tmp DIR      (every model through the tools; needs
                                     photon-translate, photon-opt and
                                     photon-run on PATH)
"""
import math
import os
import random
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import onnx_writer as ow  # noqa: E402


class Model:
    """A chain of ONNX nodes on one input; weights drawn from a seed."""

    def __init__(self, name, input_dims, seed=1, opset=17):
        self.name, self.input_dims, self.opset = name, input_dims, opset
        self.rng = random.Random(seed)
        self.nodes, self.inits, self.steps = [], [], []
        self.value = "x"
        self.count = 0

    def const(self, dims, integer=None):
        self.count += 1
        name = "c%d" % self.count
        if integer is not None:
            self.inits.append(ow.tensor(name, dims, integer, ow.INT64))
            return name, integer
        n = 1
        for d in dims:
            n *= d
        values = [ow.f32(self.rng.uniform(-1.0, 1.0)) for _ in range(n)]
        self.inits.append(ow.tensor(name, dims, values, raw=self.count % 2 == 0))
        return name, values

    def op(self, op_type, extra_inputs=(), step=None, **attrs):
        self.count += 1
        out = "v%d" % self.count
        self.nodes.append(ow.node(op_type, [self.value] + list(extra_inputs),
                                  [out], name="%s_%d" % (op_type, self.count),
                                  **attrs))
        self.value = out
        self.steps.append(step)
        return self

    # Layers, each with its reference math on one sample (a flat list).
    def gemm(self, k, m, trans_b=1, alpha=1.0, beta=1.0, bias=True,
             bias_dims=None):
        w_name, w = self.const([m, k] if trans_b else [k, m])
        inputs = [w_name]
        c = None
        if bias:
            c_name, c = self.const(bias_dims or [m])
            inputs.append(c_name)
        attrs = {"transB": trans_b}
        if alpha != 1.0:
            attrs["alpha"] = alpha
        if beta != 1.0:
            attrs["beta"] = beta
        a, b = ow.f32(alpha), ow.f32(beta)

        def step(x):
            y = []
            for r in range(m):
                s = sum((w[r * k + j] if trans_b else w[j * m + r]) * x[j]
                        for j in range(k))
                y.append(a * s + (b * (c[r] if len(c) > 1 else c[0])
                                  if c else 0.0))
            return y
        return self.op("Gemm", inputs, step, **attrs)

    def matmul(self, k, m):
        w_name, w = self.const([k, m])
        return self.op("MatMul", [w_name],
                       lambda x: [sum(w[j * m + r] * x[j] for j in range(k))
                                  for r in range(m)])

    def add(self, m, dims=None):
        c_name, c = self.const(dims or [m])
        return self.op("Add", [c_name], lambda x: [v + c[i] for i, v in
                                                   enumerate(x)])

    def unary(self, op_type):
        f = {"Relu": lambda v: max(v, 0.0),
             "Sigmoid": lambda v: 1.0 / (1.0 + math.exp(-v)),
             "Tanh": math.tanh,
             "Softplus": lambda v: math.log1p(math.exp(v)),
             "Abs": abs,
             "Identity": lambda v: v}[op_type]
        return self.op(op_type, [], lambda x: [f(v) for v in x])

    def softmax(self, log=False, **attrs):
        def step(x):
            top = max(x)
            z = sum(math.exp(v - top) for v in x)
            return [(v - top - math.log(z)) if log else math.exp(v - top) / z
                    for v in x]
        return self.op("LogSoftmax" if log else "Softmax", [], step, **attrs)

    def flatten(self):
        return self.op("Flatten", [], lambda x: x, axis=1)

    def reshape(self, shape):
        self.count += 1
        name = "shape%d" % self.count
        self.nodes.append(ow.node("Constant", [], [name], name="Constant_%d"
                                  % self.count,
                                  value=ow.tensor("", [len(shape)], shape,
                                                  ow.INT64, raw=False)))
        return self.op("Reshape", [name], lambda x: x)

    def encode(self):
        return ow.model(self.nodes, self.inits,
                        [ow.value_info("x", self.input_dims)],
                        [ow.value_info(self.value, self.output_dims())],
                        opset=self.opset)

    def output_dims(self):
        return [self.input_dims[0], len(self.reference([0.0] * self.width()))]

    def width(self):
        n = 1
        for d in self.input_dims[1:]:
            n *= d
        return n

    def reference(self, x):
        for step in self.steps:
            x = step(x)
        return x


def catalog():
    m = {}

    def add(model):
        m[model.name] = model
    add(Model("gemm-transb1-bias", ["batch", 5]).gemm(5, 3))
    add(Model("gemm-transb0-nobias", [1, 4], seed=2).gemm(4, 3, trans_b=0,
                                                          bias=False))
    add(Model("gemm-alpha-beta", ["N", 4], seed=3).gemm(4, 3, alpha=0.5,
                                                        beta=-2.0))
    add(Model("gemm-alpha-beta-transb0", ["N", 3], seed=4).gemm(
        3, 4, trans_b=0, alpha=1.5, beta=0.25, bias_dims=[1, 4]))
    add(Model("gemm-scalar-bias", ["N", 3], seed=5).gemm(3, 2, bias_dims=[1]))
    add(Model("matmul-add", ["N", 4], seed=6).matmul(4, 4).add(4))
    add(Model("matmul-nobias", [1, 3], seed=7).matmul(3, 5))
    for i, act in enumerate(["Relu", "Sigmoid", "Tanh", "Softplus", "Abs",
                             "Identity"]):
        add(Model(act.lower(), ["N", 4], seed=10 + i)
            .gemm(4, 5).unary(act).gemm(5, 3))
    add(Model("abs-nobias", ["N", 4], seed=20).gemm(4, 4, bias=False)
        .unary("Abs").gemm(4, 2))
    add(Model("sigmoid-at-end", ["N", 3], seed=21).gemm(3, 2).unary("Sigmoid"))
    add(Model("relu-first", ["N", 3], seed=22).unary("Relu").gemm(3, 2))
    add(Model("linear-linear-bias", ["N", 4], seed=23).gemm(4, 3).gemm(3, 2))
    add(Model("flatten", ["N", 1, 2, 3], seed=24).flatten().gemm(6, 4))
    add(Model("reshape", [1, 2, 4], seed=25).reshape([0, -1]).gemm(8, 3))
    add(Model("softmax", ["N", 4], seed=26).gemm(4, 5).softmax())
    add(Model("logsoftmax", ["N", 4], seed=27).gemm(4, 5).softmax(log=True))
    add(Model("opset11-softmax", ["N", 4], seed=28, opset=11).gemm(4, 3)
        .unary("Relu").gemm(3, 3).softmax())
    add(Model("mlp-1layer", ["batch", 16], seed=29).gemm(16, 10))
    add(Model("mlp-4layer", ["batch", 1, 4, 4], seed=30).flatten()
        .gemm(16, 12).unary("Relu").gemm(12, 10).unary("Tanh")
        .gemm(10, 8).unary("Sigmoid").gemm(8, 6).softmax(log=True))
    return m


def bad(kind, path):
    good = Model("bad", ["N", 4], seed=40).gemm(4, 3)
    if kind == "truncated":
        data = good.encode()
        data = data[:len(data) * 2 // 3]
    elif kind == "not-onnx":
        data = b"this is a text file, not an ONNX model\n"
    elif kind == "unsupported-op":
        m = Model("conv", ["N", 4], seed=41).gemm(4, 3)
        m.op("Conv", ["c1"], lambda x: x)
        data = m.encode()
    elif kind == "two-inputs":
        data = ow.model(good.nodes, good.inits,
                        [ow.value_info("x", ["N", 4]),
                         ow.value_info("y", ["N", 4])],
                        [ow.value_info(good.value, good.output_dims())])
    elif kind == "dynamic-dim":
        data = ow.model(good.nodes, good.inits,
                        [ow.value_info("x", ["N", "features"])],
                        [ow.value_info(good.value, good.output_dims())])
    elif kind == "wrong-initializer":
        init = ow.tensor("w", [3, 4], [0.5] * 11)
        data = ow.model([ow.node("Gemm", ["x", "w"], ["y"], name="fc1",
                                 transB=1)], [init],
                        [ow.value_info("x", ["N", 4])],
                        [ow.value_info("y", ["N", 3])])
    elif kind == "old-opset":
        data = ow.model(good.nodes, good.inits, [ow.value_info("x", ["N", 4])],
                        [ow.value_info(good.value, good.output_dims())], opset=9)
    elif kind == "trans-a":
        init = ow.tensor("w", [3, 4], [0.5] * 12)
        data = ow.model([ow.node("Gemm", ["x", "w"], ["y"], name="fc1",
                                 transA=1, transB=1)], [init],
                        [ow.value_info("x", ["N", 4])],
                        [ow.value_info("y", ["N", 3])])
    elif kind == "softmax-not-last":
        m = Model("sm", ["N", 4], seed=42).gemm(4, 3).softmax().gemm(3, 2)
        data = m.encode()
    elif kind == "skip-connection":
        m = Model("skip", ["N", 4], seed=43).gemm(4, 4)
        m.nodes.append(ow.node("Add", [m.value, "x"], ["y"], name="residual"))
        m.value = "y"
        data = m.encode()
    else:
        raise SystemExit("unknown kind " + kind)
    with open(path, "wb") as f:
        f.write(data)


def samples(model, count=3):
    rng = random.Random(1000 + len(model.name))
    return [[rng.uniform(-2.0, 2.0) for _ in range(model.width())]
            for _ in range(count)]


def write(name, path, inputs=None, expected=None):
    model = catalog()[name]
    with open(path, "wb") as f:
        f.write(model.encode())
    xs = samples(model)
    if inputs:
        with open(inputs, "w") as f:
            for x in xs:
                f.write(" ".join(repr(v) for v in x) + "\n")
    if expected:
        with open(expected, "w") as f:
            for x in xs:
                f.write(" ".join(repr(v) for v in model.reference(x)) + "\n")


def relative_error(got, want):
    """max |got - want| over a sample, relative to max |want|."""
    scale = max(max(abs(v) for v in want), 1e-300)
    return max(abs(g - w) for g, w in zip(got, want)) / scale


def run(tmp):
    os.makedirs(tmp, exist_ok=True)
    failed = 0
    for name, model in catalog().items():
        base = os.path.join(tmp, name)
        write(name, base + ".onnx", base + ".in", base + ".ref")
        steps = [
            ["photon-translate", "--import-onnx", base + ".onnx", "-o",
             base + ".tosa.mlir"],
            ["photon-opt", base + ".tosa.mlir", "--pass-pipeline="
             "builtin.module(photonic-lower-to-mesh)", "-o", base + ".mlir"],
            ["photon-translate", "--photonic-to-runtime", base + ".mlir",
             "-o", base + ".json"],
            ["photon-run", base + ".json", "--input", base + ".in"]]
        out = None
        for cmd in steps:
            proc = subprocess.run(cmd, capture_output=True, text=True)
            if proc.returncode != 0:
                print("FAIL %s: %s: %s" % (name, cmd[0], proc.stderr.strip()))
                break
            out = proc.stdout
        else:
            got = [[float(v) for v in line.split()] for line in
                   out.strip().splitlines()]
            want = [model.reference(x) for x in samples(model)]
            err = max(relative_error(g, w) for g, w in zip(got, want))
            shapes = all(len(g) == len(w) for g, w in zip(got, want))
            if shapes and len(got) == len(want) and err <= 1e-6:
                print("ok %s: max relative error %.1e" % (name, err))
                continue
            print("FAIL %s: max relative error %.3e" % (name, err))
        failed += 1
    print("%d models, %d failed" % (len(catalog()), failed))
    return 1 if failed else 0


def main(argv):
    if argv[:1] == ["list"]:
        print("\n".join(catalog()))
    elif argv[:1] == ["write"]:
        opts = dict(zip(argv[3::2], argv[4::2]))
        write(argv[1], argv[2], opts.get("--inputs"), opts.get("--expected"))
    elif argv[:1] == ["bad"]:
        bad(argv[1], argv[2])
    elif argv[:1] == ["run"]:
        return run(argv[argv.index("--tmp") + 1])
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
