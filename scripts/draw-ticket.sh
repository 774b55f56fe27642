#!/usr/bin/env bash
# Draws the committed MNIST lottery ticket (examples/mnist-lth/ticket.mlir)
# as its chip: the README's picture docs/images/mnist-ticket.svg.
#   draw-ticket.sh OUT.svg   (photon-translate on PATH or in build/bin)
# scripts/update-docs.sh calls it; test/translate/svg-docs.test checks that
# the committed picture is what it draws.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="${1:?usage: draw-ticket.sh OUT.svg}"
translate=$(command -v photon-translate || echo "${PHOTON_BUILD_DIR:-$root/build}/bin/photon-translate")
"$translate" --photonic-to-svg "$root/examples/mnist-lth/ticket.mlir" \
  --svg-title="MNIST lottery ticket: 16-16-16-10, Clements, LTH round 14 (examples/mnist-lth)" \
  -o "$out"
