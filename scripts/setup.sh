#!/usr/bin/env bash
# Installs the build and test dependencies of Photon from Debian's archive.
# Idempotent: does nothing when everything is already installed.
# PHOTON_WITH_TORCH=1 also installs Debian's python3-torch and python3-numpy
# (only examples/pytorch-import needs them; the test suite does not).
# PHOTON_WITH_SANITIZERS=1 also installs clang-19 and its sanitizer and
# libFuzzer runtimes (scripts/sanitize.sh and scripts/fuzz.sh set it).
set -euo pipefail

PACKAGES=(
  cmake ninja-build g++ python3
  llvm-19-dev llvm-19-tools libmlir-19-dev mlir-19-tools
  libeigen3-dev libgtest-dev libbenchmark-dev
  libzstd-dev zlib1g-dev
  libonnx-dev libprotobuf-dev
)
if [ "${PHOTON_WITH_TORCH:-0}" = 1 ]; then
  PACKAGES+=(python3-torch python3-numpy)
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
