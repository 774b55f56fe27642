"""What the Python API tests share: the tools, and checks that fail with a
readable message."""
import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
TESTS = os.path.dirname(os.path.dirname(HERE))
SRC = os.path.dirname(TESTS)
BLOBS_NET = os.path.join(TESTS, "passes", "Inputs", "blobs-net.mlir")
BLOBS_TRAIN = os.path.join(TESTS, "passes", "Inputs", "blobs-train.csv")
BLOBS_TEST = os.path.join(TESTS, "passes", "Inputs", "blobs-test.csv")
MLP = os.path.join(SRC, "examples", "mnist-mlp", "model.mlir")
MLP_INPUTS = os.path.join(SRC, "examples", "mnist-mlp", "inputs.txt")


def tool(*args, stdin=None):
    """stdout of a Photon tool (from PATH, as lit sets it); raises on
    failure with the tool's stderr."""
    done = subprocess.run(list(args), capture_output=True, text=True,
                          input=stdin)
    if done.returncode != 0:
        raise AssertionError(f"{' '.join(args)} failed:\n{done.stderr}")
    return done.stdout


def raises(kind, contains, function, *args, **kwargs):
    """Checks that function(*args, **kwargs) raises `kind` whose message
    contains `contains`."""
    try:
        function(*args, **kwargs)
    except kind as error:
        assert contains in str(error), \
            f"{kind.__name__} without {contains!r}: {error}"
        return str(error)
    raise AssertionError(f"no {kind.__name__} ({contains!r})")
