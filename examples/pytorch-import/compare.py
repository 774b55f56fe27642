"""Compares photon-run's outputs of the imported model with PyTorch's.

  compare.py OUT_DIR

Per test sample, the relative error is max_i |photon_i - torch_i| /
max_i |torch_i|; the run passes when its maximum over the test split is at
most 1e-5 against PyTorch's float32 outputs and every predicted class is
the same. Prints both accuracies side by side. Plain Python.
"""
import os
import sys


def read(path, cast=float):
    with open(path) as f:
        return [[cast(v) for v in line.split()] for line in f if line.strip()]


def argmax(row):
    return max(range(len(row)), key=lambda i: row[i])


def relative_error(got, want):
    scale = max(max(abs(v) for v in want), 1e-300)
    return max(abs(g - w) for g, w in zip(got, want)) / scale


def main(out):
    photon = read(os.path.join(out, "photon-outputs.txt"))
    torch32 = read(os.path.join(out, "torch-outputs.txt"))
    torch64 = read(os.path.join(out, "torch-outputs-f64.txt"))
    labels = [row[0] for row in read(os.path.join(out, "test-labels.txt"),
                                     int)]
    if not (len(photon) == len(torch32) == len(torch64) == len(labels)):
        print("error: %d photon outputs, %d PyTorch outputs, %d labels"
              % (len(photon), len(torch32), len(labels)))
        return 1
    err32 = max(relative_error(p, t) for p, t in zip(photon, torch32))
    err64 = max(relative_error(p, t) for p, t in zip(photon, torch64))
    same = sum(argmax(p) == argmax(t) for p, t in zip(photon, torch32))
    acc_photon = sum(argmax(p) == y for p, y in zip(photon, labels))
    acc_torch = sum(argmax(t) == y for t, y in zip(torch32, labels))
    n = len(labels)
    print("test samples:            %d" % n)
    print("max relative error:      %.2e vs PyTorch float32, %.2e vs "
          "float64" % (err32, err64))
    print("same predicted class:    %d / %d" % (same, n))
    print("accuracy:                photon %.2f %%   pytorch %.2f %%"
          % (100.0 * acc_photon / n, 100.0 * acc_torch / n))
    ok = err32 <= 1e-5 and same == n
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
