"""Run by install.test with PYTHONPATH set to an install prefix only."""
import os
import sys

import numpy as np

import photon

prefix = os.path.realpath(sys.argv[1])
assert os.path.realpath(photon.__file__).startswith(prefix), photon.__file__
ir = photon.compile(
    "func.func @f(%x: !photonic.field<3>) -> !photonic.field<2> {\n"
    "  %y = photonic.dense %x weights(dense<[[1.0, 0.5, 0.0], [0.0, -1.0, 2.0]]>"
    " : tensor<2x3xf64>) : !photonic.field<3> -> !photonic.field<2>\n"
    "  return %y : !photonic.field<2>\n}\n", "photonic-lower-to-mesh")
y = photon.Program(photon.export(ir, "runtime")).run([1.0, 2.0, 3.0])
assert np.abs(y - [2, 4]).max() < 1e-12, y
print("installed photon: W x = [%g, %g]" % tuple(y.real))
