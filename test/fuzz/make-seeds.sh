#!/usr/bin/env bash
# Regenerates the seed corpora test/fuzz/<target>/ from the repository's
# tests and examples (small valid inputs, plus a few invalid ones that reach
# the readers' error paths). Needs a normal build (build/bin/photon-opt,
# photon-translate): bash scripts/build.sh && bash test/fuzz/make-seeds.sh
# The seeds are committed; rerun this only to refresh them.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin="${PHOTON_BUILD_DIR:-$root/build}/bin"
fuzz="$root/test/fuzz"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Replaces a corpus's seeds; its crashes-fixed/ reproducers stay.
reset() {
  mkdir -p "$fuzz/$1"
  find "$fuzz/$1" -maxdepth 1 -type f -delete
}

# program: every runtime program the translate tests and pass inputs produce
# (after photonic-lower-to-mesh where needed), and test/run's JSON inputs.
reset program
n=0
for f in "$root"/test/translate/*.mlir "$root"/test/passes/Inputs/*.mlir \
    "$root"/test/run/Inputs/*.mlir; do
  if "$bin/photon-opt" "$f" \
      --pass-pipeline='builtin.module(photonic-lower-to-mesh)' \
      -o "$tmp/lowered.mlir" 2>/dev/null &&
    "$bin/photon-translate" --photonic-to-runtime "$tmp/lowered.mlir" \
      -o "$tmp/p.json" 2>/dev/null; then
    n=$((n + 1)); cp "$tmp/p.json" "$fuzz/program/translated-$n.json"
  fi
done
cp "$root"/test/run/Inputs/*.json "$fuzz/program/"

# mlir: every split of the dialect and pass tests under 4 KiB.
reset mlir
/usr/bin/env python3 - "$root" "$fuzz/mlir" <<'PY'
import glob, os, sys
root, out = sys.argv[1], sys.argv[2]
n = 0
for path in sorted(glob.glob(root + "/test/dialect/*.mlir") +
                   glob.glob(root + "/test/passes/*.mlir") +
                   glob.glob(root + "/test/translate/*.mlir") +
                   glob.glob(root + "/test/passes/Inputs/*.mlir")):
    for part in open(path).read().split("// -----"):
        lines = [l for l in part.splitlines()
                 if not l.lstrip().startswith("//")]
        text = "\n".join(lines).strip() + "\n"
        if len(text) < 8 or len(text) > 4096:
            continue
        n += 1
        name = os.path.basename(path).replace(".mlir", "")
        open(f"{out}/{name}-{n}.mlir", "w").write(text)
PY

# mnist-json: one and two samples, and a few broken files.
reset mnist-json
/usr/bin/env python3 - "$fuzz/mnist-json" <<'PY'
import sys
out = sys.argv[1]
pix = [round(i / 783, 3) for i in range(784)]
open(out + "/one.json", "w").write('{"data":[%s]}' % ",".join(map(str, pix)))
open(out + "/two.json", "w").write(
    '{"data":[%s]}' % ",".join(map(str, pix + [0] * 784)))
open(out + "/empty.json", "w").write('{"data":[]}')
open(out + "/short.json", "w").write('{"data":[0,1,0.5]}')
open(out + "/not-object.json", "w").write('[1,2,3]')
PY

# idx: byte 0 = classes - 1, bytes 1-2 = image file length (little-endian),
# then the image file and the label file (IdxFuzzer.cpp).
reset idx
/usr/bin/env python3 - "$fuzz/idx" <<'PY'
import struct, sys
out = sys.argv[1]
def seed(name, classes, count, rows, cols, labels, magic=(0x803, 0x801)):
    images = struct.pack(">IIII", magic[0], count, rows, cols)
    images += bytes((i * 37) % 256 for i in range(count * rows * cols))
    lab = struct.pack(">II", magic[1], len(labels)) + bytes(labels)
    open(f"{out}/{name}", "wb").write(
        bytes([classes - 1]) + struct.pack("<H", len(images)) + images + lab)
seed("two-2x2", 10, 2, 2, 2, [3, 7])
seed("three-1x3", 3, 3, 1, 3, [0, 1, 2])
seed("label-too-big", 2, 1, 2, 2, [5])
seed("count-mismatch", 10, 2, 2, 2, [1])
seed("bad-magic", 10, 1, 1, 1, [0], magic=(0x801, 0x803))
PY

# csv: byte 0 = options (CsvFuzzer.cpp), then the file; the pass tests' CSVs.
reset csv
for f in "$root"/test/passes/Inputs/*.csv; do
  { printf '\x00'; head -c 2048 "$f"; } >"$fuzz/csv/$(basename "$f")"
done
printf '\x01x,y,label\n1,2,0\n3,4,1\n' >"$fuzz/csv/header"
printf '\x05\n0.5;1e-3;1\n-2;inf;0\n' >"$fuzz/csv/semicolon-inf"
printf '\x18label,a,b\n2,1,1\n0,0.25,-1\n' >"$fuzz/csv/label-first"

# noise-spec and sweep: the specs photon-run's tests use.
reset noise-spec
i=0
for s in none "weight_sigma=0.2,input_bits=4,output_bits=3" \
    "phase_sigma=0.3,gamma_sigma=2e-3,crosstalk=2e-3,input_bits=8,output_bits=8,weight_sigma=0.012,coupler_sigma=0.01,loss_db=0.1,detector_sigma=0.01" \
    "phase_sigma=0.4,weight_sigma=0.05" "phase_bits=0" "output_bits=33" \
    "sigma=0.1" "phase_sigma=0.1x" "phase_sigma=-0.1"; do
  i=$((i + 1)); printf '%s' "$s" >"$fuzz/noise-spec/spec-$i"
done
reset sweep
i=0
for s in "phase_sigma=0:0.3:4" "phase_bits=2:8:4" "phase_bits=1:4:3" \
    "phase_sigma=0:0.2:0" "phase_sigma=-0.1:0.2:3" "sigma=0:1:3" \
    "weight_sigma=0.01:0.05:5" "loss_db=0:1:1"; do
  i=$((i + 1)); printf '%s' "$s" >"$fuzz/sweep/sweep-$i"
done

# input-vectors: byte 0 = width - 1, then photon-run's input files.
reset input-vectors
for f in "$root"/test/run/Inputs/*.txt "$root"/test/translate/Inputs/*.txt \
    "$root"/test/passes/Inputs/*.txt; do
  [ -s "$f" ] || continue
  width=$({ grep -v '^#' "$f" | grep -v '^ *$' || true; } | head -1 | tr ',\t' '  ' | wc -w)
  [ "$width" -ge 1 ] || width=1
  { printf "\\x$(printf %02x $((width - 1)))"; cat "$f"; } \
    >"$fuzz/input-vectors/$(basename "$f")"
done
printf '\x011+2j, -0.5j\n# comment\n3 4e-3-1j\n' >"$fuzz/input-vectors/complex"

for d in program mlir mnist-json idx csv noise-spec sweep input-vectors; do
  echo "$d: $(ls "$fuzz/$d" | wc -l) seeds"
done
