#!/usr/bin/env bash
# Two or more photon-bench builds side by side: each benchmark matching
# FILTER runs on every build in turn, ROUNDS times (Google Benchmark median
# of 3 repetitions each time), and the table gives per build the fastest
# and the mean of the rounds, in the benchmark's time unit. Alternating the
# builds spreads the shared machine's noise over all of them; the minimum
# is the least disturbed figure.
#   bench/compare.sh FILTER ROUNDS PHOTON_BENCH...
# e.g. (an older build in a second worktree):
#   bench/compare.sh 'Clements/256$' 5 ../old/build/bin/photon-bench \
#     build/bin/photon-bench
set -euo pipefail
if [ $# -lt 3 ]; then
  echo "usage: $0 FILTER ROUNDS PHOTON_BENCH..." >&2
  exit 2
fi
filter=$1 rounds=$2
shift 2
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for _ in $(seq "$rounds"); do
  for bench in "$@"; do
    "$bench" --benchmark_filter="$filter" --benchmark_repetitions=3 \
      --benchmark_report_aggregates_only=true --benchmark_format=csv \
      2>/dev/null |
      awk -F, -v b="$bench" '$1 ~ /_median"$/ {
        gsub(/"/, "", $1); sub(/_median$/, "", $1); print b, $1, $4, $5 }'
  done
done >"$out"
printf '%-40s %-28s %10s %10s %s\n' build benchmark min mean unit
awk '{ k = $1 " " $2; if (!(k in m) || $3 < m[k]) m[k] = $3; s[k] += $3;
       c[k]++; u[k] = $4; if (!(k in seen)) { seen[k] = 1; order[++n] = k } }
     END { for (i = 1; i <= n; ++i) { k = order[i]; split(k, p, " ");
       printf "%-40s %-28s %10.3f %10.3f %s\n", p[1], p[2], m[k], s[k] / c[k], u[k] } }' "$out"
