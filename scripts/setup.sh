#!/usr/bin/env bash
# Installs the build and test dependencies of Photon from Debian's archive.
# Idempotent: does nothing when everything is already installed.
# librsvg2-bin (rsvg-convert) renders the chip pictures in the tests;
# python3-matplotlib and python3-numpy draw the result plots
# (examples/plotting.py, scripts/update-docs.sh).
# The Python module (python/) needs pybind11-dev and python3-dev to build and
# python3-numpy to run. PHOTON_WITH_TORCH=1 also installs Debian's
# python3-torch (only examples/pytorch-import needs it; the test suite does
# not).
# PHOTON_WITH_SANITIZERS=1 also installs clang-19 and its sanitizer and
# libFuzzer runtimes (scripts/sanitize.sh and scripts/fuzz.sh set it).
set -euo pipefail

PACKAGES=(
  cmake ninja-build g++ python3
  llvm-19-dev llvm-19-tools libmlir-19-dev mlir-19-tools
  libeigen3-dev libgtest-dev libbenchmark-dev
  libzstd-dev zlib1g-dev
  libonnx-dev libprotobuf-dev
  dpkg-dev file
  librsvg2-bin python3-matplotlib python3-numpy
  pybind11-dev python3-dev
)
if [ "${PHOTON_WITH_TORCH:-0}" = 1 ]; then
  PACKAGES+=(python3-torch)
fi
if [ "${PHOTON_WITH_SANITIZERS:-0}" = 1 ]; then
  PACKAGES+=(clang-19 libclang-rt-19-dev)
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
