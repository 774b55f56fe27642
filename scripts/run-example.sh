#!/usr/bin/env bash
# The main job: builds the tools and compiles the bundled default model
# (examples/mnist-mlp) end to end, then runs it on the simulator.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="${PHOTON_BUILD_DIR:-$root/build}"
bash "$root/scripts/build.sh" photon-opt photon-translate photon-run
PATH="$build/bin:$PATH" bash "$root/examples/mnist-mlp/run.sh" "${1:-$build/examples/mnist-mlp}"
