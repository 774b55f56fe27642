#!/usr/bin/env bash
# Regenerates what docs/ shows from committed sources, without training:
#  - the dialect and pass references from ODS into docs/reference/ (a test
#    fails while the committed copies are stale);
#  - the README's chip picture docs/images/mnist-ticket.svg from the
#    committed ticket (scripts/draw-ticket.sh; a test checks it too);
#  - the result plots docs/results/*.svg from their CSV files
#    (examples/plotting.py, matplotlib).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="${PHOTON_BUILD_DIR:-$root/build}"
bash "$root/scripts/build.sh" photon-doc photon-translate
cp "$build/docs/Dialects/PhotonicDialect.md" "$root/docs/reference/PhotonicDialect.md"
cp "$build/docs/Passes/PhotonPasses.md" "$root/docs/reference/PhotonPasses.md"
cp "$build/docs/Passes/PhotonConversionPasses.md" "$root/docs/reference/PhotonConversionPasses.md"
echo "docs/reference/ updated"
PATH="$build/bin:$PATH" bash "$root/scripts/draw-ticket.sh" "$root/docs/images/mnist-ticket.svg"
echo "docs/images/mnist-ticket.svg updated"
# Debian's interpreter has python3-matplotlib (scripts/setup.sh).
python=$([ -x /usr/bin/python3 ] && echo /usr/bin/python3 || echo python3)
"$python" "$root/examples/plotting.py" "$root/docs/results"
