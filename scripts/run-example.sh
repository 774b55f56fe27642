#!/usr/bin/env bash
# The main job: installs what is missing (packages, MNIST), builds the tools
# and runs the LTH paper's experiment end to end on the bundled model
# (examples/mnist-lth): lower, train, prune, eliminate dead shifters,
# export the phase table and the program, and run it on the test split.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="${PHOTON_BUILD_DIR:-$root/build}"
bash "$root/scripts/build.sh" photon-opt photon-translate photon-run
bash "$root/scripts/setup-data.sh"
PATH="$build/bin:$PATH" bash "$root/examples/mnist-lth/run.sh" "${1:-$build/examples/mnist-lth}"
