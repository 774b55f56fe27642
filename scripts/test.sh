#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds from scratch if
# needed, then runs the lit tests and the GoogleTest unit tests via ctest.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="${PHOTON_BUILD_DIR:-$root/build}"
bash "$root/scripts/build.sh"
cd "$build"
ctest --output-on-failure -j2
