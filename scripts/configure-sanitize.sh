#!/usr/bin/env bash
# Configures the one reliability build that scripts/sanitize.sh and
# scripts/fuzz.sh share (docs/reliability.md): clang-19 at -O1 with
# AddressSanitizer + UBSan on everything and libFuzzer coverage
# (PHOTON_FUZZ=ON), without the Python module (an ASan-instrumented
# extension cannot be loaded by Debian's uninstrumented interpreter).
#   scripts/configure-sanitize.sh BUILD_DIR
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="$1"
# An existing build is reused only if it is this configuration.
if [ -f "$build/build.ninja" ]; then
  cache="$build/CMakeCache.txt"
  for want in PHOTON_SANITIZE:BOOL=ON PHOTON_FUZZ:BOOL=ON \
    PHOTON_ENABLE_PYTHON:BOOL=OFF; do
    if ! grep -qx "$want" "$cache" 2>/dev/null; then
      echo "configure-sanitize.sh: $build is configured without $want;" \
        "remove it or give another directory" >&2
      exit 1
    fi
  done
  if ! grep -q '^CMAKE_CXX_COMPILER:[A-Z]*=.*clang++-19$' "$cache"; then
    echo "configure-sanitize.sh: $build is not configured with clang++-19;" \
      "remove it or give another directory" >&2
    exit 1
  fi
  exit 0
fi
flags="-O1 -gline-tables-only -DNDEBUG"
cmake -G Ninja -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 \
  "-DCMAKE_C_FLAGS_RELEASE=$flags" "-DCMAKE_CXX_FLAGS_RELEASE=$flags" \
  -DPHOTON_SANITIZE=ON -DPHOTON_FUZZ=ON -DPHOTON_ENABLE_PYTHON=OFF >/dev/null
