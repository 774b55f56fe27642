"""compare_outputs.py A B TOL: photon-run text outputs A and B agree to TOL
(max absolute difference over all values, real or complex)."""
import sys


def values(path):
    with open(path) as f:
        return [complex(token) for line in f for token in line.split()]


a, b, tol = values(sys.argv[1]), values(sys.argv[2]), float(sys.argv[3])
if len(a) != len(b) or not a:
    sys.exit(f"compare_outputs: {len(a)} values vs {len(b)}")
worst = max(abs(x - y) for x, y in zip(a, b))
print(f"max |difference| = {worst:.3g}")
sys.exit(0 if worst <= tol else f"compare_outputs: {worst:.3g} > {tol}")
