#!/usr/bin/env bash
# Builds the libFuzzer targets of test/fuzz (clang-19, with ASan and UBSan,
# into build-sanitize/; PHOTON_FUZZ_BUILD_DIR overrides) and runs each for
# SECONDS (default 60) from its seed corpus test/fuzz/<target>/. Fails when
# any target finds a crash, a sanitizer report, a leak, a timeout or an
# out-of-memory; the input is then in build-sanitize/fuzz/artifacts/<target>/.
# See docs/reliability.md, "Fuzzing".
#   scripts/fuzz.sh [SECONDS] [TARGET...]    (targets: as in test/fuzz/)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="${PHOTON_FUZZ_BUILD_DIR:-${PHOTON_SANITIZE_BUILD_DIR:-$root/build-sanitize}}"
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(program mlir mnist-json idx csv
  noise-spec sweep input-vectors)

PHOTON_WITH_SANITIZERS=1 bash "$root/scripts/setup.sh"
bash "$root/scripts/configure-sanitize.sh" "$build"
ninja -C "$build" photon-fuzzers

# allow_user_poisoning=0: as in the sanitizer build (docs/reliability.md).
export ASAN_OPTIONS="${ASAN_OPTIONS:-allow_user_poisoning=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export ASAN_SYMBOLIZER_PATH="${ASAN_SYMBOLIZER_PATH:-/usr/lib/llvm-19/bin/llvm-symbolizer}"

failed=()
for t in "${targets[@]}"; do
  seeds="$root/test/fuzz/$t"
  [ -d "$seeds" ] || { echo "photon fuzz: no seed corpus $seeds" >&2; exit 2; }
  # New inputs go to build-sanitize/fuzz/corpus/<target>, which later runs reuse;
  # the committed seeds (and their crashes-fixed/ reproducers) are read only.
  corpus="$build/fuzz/corpus/$t"
  artifacts="$build/fuzz/artifacts/$t"
  log="$build/fuzz/$t.log"
  mkdir -p "$corpus" "$artifacts"
  echo "photon fuzz: $t for ${seconds}s (log: $log)"
  if "$build/bin/photon-fuzz-$t" -max_total_time="$seconds" -timeout=20 \
      -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$artifacts/" "$corpus" "$seeds" >"$log" 2>&1; then
    grep -E "^stat::number_of_executed_units|^stat::new_units_added" "$log" |
      tr '\n' ' ' | sed 's/^/  /; s/$/\n/'
  else
    echo "photon fuzz: $t FAILED; the last lines of $log:" >&2
    tail -n 40 "$log" >&2
    failed+=("$t")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "photon fuzz: findings in ${failed[*]} (inputs in $build/fuzz/artifacts/)" >&2
  exit 1
fi
echo "photon fuzz: ${#targets[@]} target(s), ${seconds}s each, no findings"
