#!/usr/bin/env bash
# Regenerates the dialect and pass references from ODS and copies them into
# docs/reference/ (a test fails while the committed copies are stale).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="${PHOTON_BUILD_DIR:-$root/build}"
bash "$root/scripts/build.sh" photon-doc
cp "$build/docs/Dialects/PhotonicDialect.md" "$root/docs/reference/PhotonicDialect.md"
cp "$build/docs/Passes/PhotonPasses.md" "$root/docs/reference/PhotonPasses.md"
cp "$build/docs/Passes/PhotonConversionPasses.md" "$root/docs/reference/PhotonConversionPasses.md"
echo "docs/reference/ updated"
