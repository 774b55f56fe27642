"""check_phase_init.py FILE [--initial-from LOWERED]: one line per
photonic.mesh of FILE (printed IR) saying whether its phases look uniform on
[0, 2π) (some θ above π) or decomposed (every θ in [0, π]); phases outside
[0, 2π) are an error. With --initial-from, also checks that every mesh's
initial(...) values equal, exactly, the phases of the same mesh in LOWERED
(the IR before training)."""
import math
import re
import sys


def lists(text, key):
    m = re.search(r"(?<![a-z_])" + key + r" = \[([^\]]*)\]", text)
    return [float(v) for v in m.group(1).split(",")] if m else None


def meshes(path):
    out = []
    for line in open(path):
        if "photonic.mesh" not in line:
            continue
        body, _, initial = line.partition("initial(")
        layer = re.search(r"layer = (\d+)", line).group(1)
        factor = re.search(r'factor = "(\w)"', line).group(1)
        current = [lists(body, k) for k in ("theta", "phi", "outputs")]
        start = [lists(initial, k) for k in ("theta", "phi", "outputs")] if initial else None
        out.append((layer, factor, current, start))
    return out


def main():
    lowered = None
    if "--initial-from" in sys.argv:
        lowered = meshes(sys.argv[sys.argv.index("--initial-from") + 1])
    for i, (layer, factor, (theta, phi, outputs), start) in enumerate(meshes(sys.argv[1])):
        for v in theta + phi + outputs:
            if not 0.0 <= v < 2 * math.pi:
                sys.exit(f"mesh {i}: phase {v} outside [0, 2pi)")
        kind = "uniform" if max(theta) > math.pi else "decomposed"
        line = f"layer {layer} {factor}: {kind}"
        if lowered is not None:
            if start is None:
                sys.exit(f"mesh {i}: no initial values")
            line += ", initial = lowered" if start == list(lowered[i][2]) else ", initial differs"
        print(line)


main()
