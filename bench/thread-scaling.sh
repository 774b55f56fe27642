#!/usr/bin/env bash
# Training with 1 and 2 worker threads, with the second core idle and with
# it busy (a `yes` loop), side by side in one run. Prints a table of wall
# times (median of REPEATS runs) of photonic-train on MNIST.
#   bench/thread-scaling.sh [PHOTON_OPT] [EPOCHS] [REPEATS]
# The data load (a few seconds of JSON parsing) is included in every run;
# train-limit keeps the run short.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
opt="${1:-$root/build/bin/photon-opt}"
epochs="${2:-60}"
repeats="${3:-3}"
work=$(mktemp -d)
trap 'rm -rf "$work"; [ -n "${busy:-}" ] && kill "$busy" 2>/dev/null || true' EXIT
"$opt" "$root/examples/mnist-lth/model.mlir" \
  --pass-pipeline='builtin.module(photonic-lower-to-mesh)' -o "$work/lowered.mlir"
run() { # threads -> median seconds
  local times=()
  for _ in $(seq "$repeats"); do
    local start end
    start=$(date +%s.%N)
    "$opt" "$work/lowered.mlir" -o /dev/null 2>/dev/null \
      --pass-pipeline="builtin.module(photonic-train{dataset=mnist epochs=$epochs threads=$1})"
    end=$(date +%s.%N)
    times+=("$(awk -v a="$start" -v b="$end" 'BEGIN{printf "%.3f", b - a}')")
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (repeats + 1) / 2 ))p"
}
printf '%-22s %10s %10s %8s\n' "second core" "1 thread" "2 threads" "2 vs 1"
for mode in idle busy; do
  busy=""
  if [ "$mode" = busy ]; then
    yes > /dev/null &
    busy=$!
  fi
  t1=$(run 1)
  t2=$(run 2)
  [ -n "$busy" ] && kill "$busy" && wait "$busy" 2>/dev/null || true
  busy=""
  printf '%-22s %9.2fs %9.2fs %7.2fx\n' "$mode" "$t1" "$t2" "$(awk -v a="$t1" -v b="$t2" 'BEGIN{print a / b}')"
done
