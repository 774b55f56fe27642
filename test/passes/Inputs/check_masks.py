"""check_masks.py FILE [--reset]: every masked shifter of every photonic.mesh
and photonic.diagonal in FILE (printed IR) has phase exactly 0; with
--reset, every live mesh shifter also equals its stored initial value
exactly (a lottery-ticket reset with no retraining). Prints a summary."""
import re
import sys


def lists(line, key):
    m = re.search(r"(?<![a-z_])" + key + r" = \[([^\]]*)\]", line)
    if not m:
        return None
    return [v.strip() for v in m.group(1).split(",") if v.strip()]


def main():
    path, reset = sys.argv[1], "--reset" in sys.argv[2:]
    masked = live = 0
    for line in open(path):
        if "photonic.mesh" not in line and "photonic.diagonal" not in line:
            continue
        mask = lists(line, "mask")
        if mask is None:
            continue
        body, _, initial = line.partition("initial(")
        current = lists(body, "theta") + (lists(body, "phi") or []) + (lists(body, "outputs") or [])
        if len(current) != len(mask):
            sys.exit(f"mask of {len(mask)} for {len(current)} shifters: {line}")
        start = []
        if reset and "photonic.mesh" in line:
            start = lists(initial, "theta") + lists(initial, "phi") + lists(initial, "outputs")
        for i, (flag, value) in enumerate(zip(mask, current)):
            if flag == "false":
                masked += 1
                if float(value) != 0.0:
                    sys.exit(f"masked shifter {i} has phase {value}: {line}")
            else:
                live += 1
                if start and value != start[i]:
                    sys.exit(f"live shifter {i} is {value}, initial {start[i]}")
    if masked == 0:
        sys.exit("no masked shifter found")
    print(f"masks ok: {masked} masked, {live} live")


main()
