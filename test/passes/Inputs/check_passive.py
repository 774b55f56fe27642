"""check_passive.py BEFORE AFTER: every photonic.mesh of AFTER (printed IR)
has an `active` list, and every shifter it marks passive has exactly the
phase it had in BEFORE; counts the active shifters that moved."""
import re
import sys


def lists(line, key):
    m = re.search(r"(?<![a-z_])" + key + r" = \[([^\]]*)\]", line)
    if not m:
        return None
    return [v.strip() for v in m.group(1).split(",") if v.strip()]


def meshes(path):
    out = []
    for line in open(path):
        if "photonic.mesh" in line:
            body = line.partition("initial(")[0]
            phases = lists(body, "theta") + lists(body, "phi") + lists(body, "outputs")
            out.append((phases, lists(body, "active")))
    return out


def main():
    before, after = meshes(sys.argv[1]), meshes(sys.argv[2])
    if len(before) != len(after):
        sys.exit("different numbers of meshes")
    active = moved = passive = 0
    for (old, _), (new, flags) in zip(before, after):
        if flags is None or len(flags) != len(new):
            sys.exit("a mesh has no active list of the right size")
        for i, flag in enumerate(flags):
            if flag == "true":
                active += 1
                moved += float(old[i]) != float(new[i])
            else:
                passive += 1
                if float(old[i]) != float(new[i]):
                    sys.exit(f"passive shifter {i} changed: {old[i]} -> {new[i]}")
    print(f"passive ok: {passive} passive unchanged, {moved} of {active} active moved")


main()
