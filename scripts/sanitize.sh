#!/usr/bin/env bash
# The unit and lit tests under AddressSanitizer and UndefinedBehaviorSanitizer
# (docs/reliability.md, "Sanitizers"): clang-19 at -O1, everything the tests
# need built into build-sanitize/ (PHOTON_SANITIZE_BUILD_DIR overrides), the
# folder scripts/fuzz.sh uses too (scripts/configure-sanitize.sh).
#   scripts/sanitize.sh [ctest arguments...]
# Tests too slow under the sanitizers are skipped by name (lit: the feature
# `sanitizer`, see "UNSUPPORTED: sanitizer"); ctest reports them as skipped.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="${PHOTON_SANITIZE_BUILD_DIR:-$root/build-sanitize}"
PHOTON_WITH_SANITIZERS=1 bash "$root/scripts/setup.sh"
bash "$root/scripts/setup-data.sh" ||
  echo "photon sanitize: data sets unavailable; tests on real data will be skipped" >&2

bash "$root/scripts/configure-sanitize.sh" "$build"
# What ctest runs (no benchmarks): the tools, the unit tests, the docs.
ninja -C "$build" photon-opt photon-translate photon-run photon-lsp-server \
  photon-runtime-tests photon-doc

# The lit test gets these from ctest (test/CMakeLists.txt); the unit tests
# from here. See docs/reliability.md for each option.
export ASAN_OPTIONS="${ASAN_OPTIONS:-allow_user_poisoning=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export ASAN_SYMBOLIZER_PATH="${ASAN_SYMBOLIZER_PATH:-/usr/lib/llvm-19/bin/llvm-symbolizer}"
cd "$build"
# The install and package tests build and pack the normal configuration;
# scripts/test.sh runs them. Under the sanitizers they would only test that
# an ASan-linked prefix links, which a consumer never sees.
ctest --output-on-failure -j2 -E '^(install-consumer|debian-package)$' "$@"
