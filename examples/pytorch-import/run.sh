#!/usr/bin/env bash
# PyTorch -> ONNX -> photonic meshes -> photon-run, compared with PyTorch.
#
#   bash examples/pytorch-import/run.sh        (outputs in examples/pytorch-import/out)
#
# Installs Debian's python3-torch (PHOTON_WITH_TORCH=1 scripts/setup.sh, only
# for this example) and the MNIST digits, builds the tools, trains a small
# MLP in PyTorch and exports it as ONNX; then one pipeline imports it,
# lowers it to Clements meshes, exports the runtime program and the phase
# table and runs the program on the test split; compare.py checks the
# outputs against PyTorch's (max relative error <= 1e-5, same classes) and
# prints both accuracies. Finally the imported network is the starting point
# of hardware-aware phase training and lottery-ticket pruning on the same
# features (dataset=csv).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
PHOTON_WITH_TORCH=1 bash "$root/scripts/setup.sh"
bash "$root/scripts/setup-data.sh"
bash "$root/scripts/build.sh" photon-opt photon-translate photon-run
export PATH="${PHOTON_BUILD_DIR:-$root/build}/bin:$PATH"
out="${PHOTON_EXAMPLE_OUT:-$here/out}"
mkdir -p "$out"

/usr/bin/python3 "$here/train_export.py" --data "${PHOTON_DATA_DIR:-$root/data}" --out "$out"

photon-translate --import-onnx "$out/model.onnx" -o "$out/model.mlir"
photon-opt "$out/model.mlir" \
  --pass-pipeline='builtin.module(photonic-lower-to-mesh{topology=clements})' \
  -o "$out/lowered.mlir"
photon-translate --photonic-to-runtime "$out/lowered.mlir" -o "$out/program.json"
photon-translate --photonic-to-phase-table "$out/lowered.mlir" -o "$out/table.json"
photon-run "$out/program.json" --input "$out/test-inputs.txt" > "$out/photon-outputs.txt"
python3 "$here/compare.py" "$out"

# The imported network as a starting point: train its phases on the chip
# model, then prune them by the lottery-ticket method.
data="dataset=csv train-file=$out/train.csv test-file=$out/test.csv"
photon-opt "$out/lowered.mlir" --pass-pipeline="builtin.module(photonic-train{$data epochs=${PHOTON_EXAMPLE_EPOCHS:-5}},photonic-prune-lth{$data epochs=${PHOTON_EXAMPLE_EPOCHS:-5} max-rounds=${PHOTON_EXAMPLE_ROUNDS:-4}},photonic-dead-shifter-elim)" -o "$out/pruned.mlir"
photon-translate --photonic-to-runtime "$out/pruned.mlir" -o "$out/pruned.json"
photon-run "$out/pruned.json" --dataset csv --train-file "$out/train.csv" --test-file "$out/test.csv"
