#!/usr/bin/env bash
# Installs the build and test dependencies of Photon from Debian's archive.
# Idempotent: does nothing when everything is already installed.
# The Python module (python/) needs pybind11-dev and python3-dev to build and
# python3-numpy to run. PHOTON_WITH_TORCH=1 also installs Debian's
# python3-torch (only examples/pytorch-import needs it; the test suite does
# not).
set -euo pipefail

PACKAGES=(
  cmake ninja-build g++ python3
  llvm-19-dev llvm-19-tools libmlir-19-dev mlir-19-tools
  libeigen3-dev libgtest-dev libbenchmark-dev
  libzstd-dev zlib1g-dev
  libonnx-dev libprotobuf-dev
  pybind11-dev python3-dev python3-numpy
)
if [ "${PHOTON_WITH_TORCH:-0}" = 1 ]; then
  PACKAGES+=(python3-torch)
fi

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "photon setup: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
