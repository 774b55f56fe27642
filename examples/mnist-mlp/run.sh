#!/usr/bin/env bash
# Compiles examples/mnist-mlp/model.mlir end to end and runs it:
#   run.sh OUTPUT_DIR      (photon-opt, photon-translate, photon-run on PATH)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="${1:?usage: run.sh OUTPUT_DIR}"
mkdir -p "$out"

echo "== 1. lower dense layers to Clements meshes (photonic-lower-to-mesh)"
photon-opt "$here/model.mlir" \
  --pass-pipeline='builtin.module(photonic-lower-to-mesh{topology=clements})' \
  -o "$out/lowered.mlir"
echo "   ops after lowering:"
grep -oE 'photonic\.(encode|dense|unitary|mesh|diagonal|activation|detect)( clements| reck)?' "$out/lowered.mlir" | sort | uniq -c | sed 's/^ */     /'

echo "== 2. export the device phase table (photonic-to-phase-table)"
photon-translate --photonic-to-phase-table "$out/lowered.mlir" -o "$out/phase-table.json"
python3 - "$out/phase-table.json" <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))
for c in t["components"]:
    what = f'{c["kind"]} {c.get("topology", "")} {c.get("modes", str(c.get("inputs")) + "->" + str(c.get("outputs")))}'
    print(f'   layer {c["layer"]} {c["factor"]:5s} {what:22s} {c["shifters"]:4d} shifters {c["power_mw"]:9.1f} mW')
mesh = sum(1 for s in t["shifters"] if s["arm"] in ("theta", "phi"))
print(f'   mesh shifters (theta, phi): {mesh}; all shifters: {t["totals"]["shifters"]}; '
      f'static power {t["totals"]["power_mw"]/1000:.2f} W at P_pi = {t["power_model"]["p_pi_mw"]} mW')
PY

echo "== 3. export the runtime program (photonic-to-runtime)"
photon-translate --photonic-to-runtime "$out/lowered.mlir" -o "$out/program.json"
echo "   $(wc -c < "$out/program.json") bytes in $out/program.json"

echo "== 4. simulate on $(grep -vc '^#' "$here/inputs.txt") input samples (photon-run)"
photon-run "$out/program.json" --input "$here/inputs.txt" > "$out/outputs.txt"
python3 - "$out/outputs.txt" <<'PY'
import sys
for i, line in enumerate(open(sys.argv[1])):
    v = [float(x) for x in line.split()]
    best = max(range(len(v)), key=v.__getitem__)
    print(f'   sample {i}: class {best}  intensities ' + ' '.join(f'{x:.3g}' for x in v))
PY
echo "== done: outputs in $out"
