# Decompositions on NumPy arrays: Haar-random unitaries (QR of a complex
# Gaussian matrix, phases fixed) decompose into Clements and Reck meshes
# that reconstruct them to 1e-12; meshes round-trip through dicts and
# programs; Mesh.apply and photon.mzi follow docs/conventions.md.
# RUN: %python %s
import json

import numpy as np

import photon

rng = np.random.default_rng(20240610)


def haar(n):
    z = (rng.standard_normal((n, n)) + 1j * rng.standard_normal((n, n))) \
        / np.sqrt(2)
    q, r = np.linalg.qr(z)
    return q * (np.diag(r) / np.abs(np.diag(r)))


worst = {}
for topology in ("clements", "reck"):
    for n in (1, 2, 3, 4, 5, 8, 13, 16, 32):
        for _ in range(3):
            U = haar(n)
            mesh = photon.decompose(U, topology)
            assert (mesh.topology, mesh.modes) == (topology, n)
            assert mesh.mzis == n * (n - 1) // 2 == len(mesh.theta)
            assert mesh.shifters == 2 * mesh.mzis + n
            error = np.abs(photon.reconstruct(mesh) - U).max()
            assert error < 1e-12, (topology, n, error)
            worst[topology] = max(worst.get(topology, 0.0), error)
            assert np.all((mesh.theta >= 0) & (mesh.theta <= np.pi))
            assert np.all((mesh.phi >= 0) & (mesh.phi < 2 * np.pi))
            # Round trip through a dict (a program's mesh layer format).
            again = photon.reconstruct(json.loads(json.dumps(mesh.to_dict())))
            assert np.array_equal(again, mesh.matrix())
            # Fields through the mesh: U x, row by row or one 1-D field.
            X = rng.standard_normal((4, n)) + 1j * rng.standard_normal((4, n))
            assert np.abs(mesh.apply(X) - X @ U.T).max() < 1e-12
            assert np.abs(mesh.apply(X[0]) - U @ X[0]).max() < 1e-12
print("worst reconstruction error:", worst)

# Real orthogonal and permutation matrices, and a list of lists.
O = np.linalg.qr(rng.standard_normal((6, 6)))[0]
assert np.abs(photon.reconstruct(photon.decompose(O)) - O).max() < 1e-12
P = np.eye(5)[[2, 0, 4, 1, 3]]
assert np.abs(photon.reconstruct(photon.decompose(P.tolist(), "reck")) - P) \
    .max() < 1e-12
assert photon.unitarity_error(haar(7)) < 1e-13

# The views are writable: a changed phase changes the matrix.
mesh = photon.decompose(haar(4))
before = mesh.matrix()
mesh.theta[0] += 0.1
assert not np.allclose(mesh.matrix(), before)
built = photon.Mesh("clements", mesh.theta, mesh.phi, mesh.output_phases)
assert np.array_equal(built.matrix(), mesh.matrix())

# M(theta, phi) = i e^{i theta/2} [[e^{i phi} sin, cos], [e^{i phi} cos, -sin]]
theta, phi = 0.7, 1.9
s, c = np.sin(theta / 2), np.cos(theta / 2)
want = 1j * np.exp(1j * theta / 2) * np.array(
    [[np.exp(1j * phi) * s, c], [np.exp(1j * phi) * c, -s]])
assert np.abs(photon.mzi(theta, phi) - want).max() < 1e-15

# A lowered program's meshes are unitary and equal their layer dicts.
ir = photon.compile(
    "func.func @f(%x: !photonic.field<3>) -> !photonic.field<2> {\n"
    "  %y = photonic.dense %x weights(dense<[[1.0, 0.5, 0.0], [0.0, -1.0, 2.0]]>"
    " : tensor<2x3xf64>) : !photonic.field<3> -> !photonic.field<2>\n"
    "  return %y : !photonic.field<2>\n}\n", "photonic-lower-to-mesh")
program = photon.Program.from_mlir(ir)
layers = [layer for layer in program.layers if layer["op"] == "mesh"]
assert len(program.meshes) == len(layers) == 2
for mesh, layer in zip(program.meshes, layers):
    assert photon.unitarity_error(mesh.matrix()) < 1e-12
    assert np.array_equal(photon.reconstruct(layer), mesh.matrix())
# W x for the dense layer: U Sigma V^H realised by the program.
W = np.array([[1.0, 0.5, 0.0], [0.0, -1.0, 2.0]])
x = np.array([1.0, 2.0, 3.0])
assert np.abs(program.run(x) - W @ x).max() < 1e-12
print("numerics: ok")
