#!/usr/bin/env bash
# Installs the build tree into a fresh prefix, then configures, builds and
# runs test/install/consumer against it, as a project outside Photon would.
#   consumer.sh BUILD_DIR WORK_DIR
set -euo pipefail
build=$1
work=$2
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work"
cmake --install "$build" --prefix "$work/prefix" >/dev/null
cmake -G Ninja -S "$here/consumer" -B "$work/build" \
  -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
ninja -C "$work/build" >/dev/null
"$work/build/consumer"
