#!/usr/bin/env bash
# Data-set loading with and without the binary feature cache
# (runtime/DatasetCache.h), side by side in one run: wall time of
# `photon-run --dataset D` on a 16-mode program (the load and FFT features
# dominate; evaluating the test split on 16 modes takes about a millisecond).
# Median of REPEATS runs; the cache is warmed first.
#   bench/data-load.sh [PHOTON_RUN] [REPEATS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
run="${1:-$root/build/bin/photon-run}"
repeats="${2:-5}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A 16-mode program: one Clements mesh with all phases 0.
/usr/bin/python3 - "$work/program.json" <<'PY'
import json, sys
n = 16
mzis = n * (n - 1) // 2
json.dump({"format": "photon-program", "version": 1, "inputs": n, "outputs": n,
           "layers": [{"op": "mesh", "inputs": n, "outputs": n,
                       "topology": "clements", "theta": [0.0] * mzis,
                       "phi": [0.0] * mzis, "output_phases": [0.0] * n}]},
          open(sys.argv[1], "w"))
PY
median() { # dataset cache -> median wall seconds
  local times=() start end
  for _ in $(seq "$repeats"); do
    start=$(date +%s.%N)
    PHOTON_DATA_CACHE="$2" "$run" "$work/program.json" --dataset "$1" >/dev/null
    end=$(date +%s.%N)
    times+=("$(awk -v a="$start" -v b="$end" 'BEGIN{printf "%.3f", b - a}')")
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (repeats + 1) / 2 ))p"
}
printf '%-15s %14s %14s %8s\n' "data set" "parse (s)" "cached (s)" "ratio"
for dataset in mnist fashion-mnist; do
  "$run" "$work/program.json" --dataset "$dataset" >/dev/null 2>&1 || {
    printf '%-15s %s\n' "$dataset" "not installed"; continue; }
  parse=$(median "$dataset" 0)
  cached=$(median "$dataset" 1)
  printf '%-15s %14s %14s %7.1fx\n' "$dataset" "$parse" "$cached" \
    "$(awk -v a="$parse" -v b="$cached" 'BEGIN{print a / b}')"
done
