#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds from scratch if
# needed, then runs the lit tests and the GoogleTest unit tests via ctest.
# The data sets (scripts/setup-data.sh) are installed too; without them the
# tests on real data are skipped, not failed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="${PHOTON_BUILD_DIR:-$root/build}"
bash "$root/scripts/build.sh"
bash "$root/scripts/setup-data.sh" ||
  echo "photon test: data sets unavailable; tests on real data will be skipped" >&2
cd "$build"
ctest --output-on-failure -j2
