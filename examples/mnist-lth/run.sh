#!/usr/bin/env bash
# The LTH paper's experiment, end to end through Photon's passes:
#   model -> lower -> train -> LTH pruning (layer-wise) -> dead-shifter
#   elimination -> phase table + runtime program -> photon-run accuracy.
#
#   run.sh OUTPUT_DIR   (photon-opt, photon-translate, photon-run on PATH;
#                        MNIST installed by scripts/setup-data.sh)
# Environment: DATASET (mnist | fashion-mnist), EPOCHS (per training, 160),
# ROUNDS (LTH rounds, 16).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="${1:?usage: run.sh OUTPUT_DIR}"
dataset="${DATASET:-mnist}"
epochs="${EPOCHS:-160}"
rounds="${ROUNDS:-16}"
mkdir -p "$out"
# Learning rate 0.05: chosen on the validation split by
# examples/lth-reproduction/tune.py (docs/results/lth-tuning-mnist.md).
train="dataset=$dataset epochs=$epochs learning-rate=0.05 batch-size=64 seed=0"

echo "== 1. lower to Clements meshes and train the phases on $dataset ($epochs epochs)"
photon-opt "$here/model.mlir" \
  --pass-pipeline="builtin.module(photonic-lower-to-mesh,photonic-train{$train report=$out/train.json})" \
  -o "$out/trained.mlir"

echo "== 2. lottery-ticket pruning, the paper's layer-wise method (up to $rounds rounds, ticket chosen on validation), then dead-shifter elimination"
photon-opt "$out/trained.mlir" \
  --pass-pipeline="builtin.module(photonic-prune-lth{$train max-rounds=$rounds report=$out/lth.json},photonic-dead-shifter-elim{report=$out/dead-shifters.json})" \
  -o "$out/pruned.mlir"

echo "== 3. export the phase table and the runtime program"
photon-translate --photonic-to-phase-table "$out/pruned.mlir" -o "$out/phase-table.json"
photon-translate --photonic-to-runtime "$out/pruned.mlir" -o "$out/program.json"
python3 - "$out/phase-table.json" <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))
mesh = [s for s in t["shifters"] if s["arm"] in ("theta", "phi")]
live = sum(s["live"] for s in mesh)
crossings = sum(c.get("fixed_crossings", 0) for c in t["components"])
print(f'   mesh shifters fabricated: {live} of {len(mesh)} ({100 * (1 - live / len(mesh)):.1f} % pruned); '
      f'{crossings} MZIs are fixed crossings')
print(f'   all shifters: {t["totals"]["shifters"]}, static power {t["totals"]["power_mw"] / 1000:.2f} W '
      f'at P_pi = {t["power_model"]["p_pi_mw"]} mW')
PY

echo "== 4. run the exported program on the $dataset test split (photon-run)"
photon-run "$out/program.json" --dataset "$dataset"
echo "== done: IR, reports, phase table and program in $out"
