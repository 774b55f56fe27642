#!/usr/bin/env bash
# Builds the Debian package with CPack and checks its control fields and
# that it holds the four tools and the CMake package.
#   debian-package.sh BUILD_DIR WORK_DIR
set -euo pipefail
build=$1
work=$2
rm -rf "$work"
mkdir -p "$work"
(cd "$build" && cpack -G DEB -B "$work" >"$work/cpack.log")
deb=$(ls "$work"/photon_*.deb)
dpkg-deb -f "$deb" Package Version Depends > "$work/control"
dpkg-deb -c "$deb" | awk '{print $6}' > "$work/contents"
grep -qx "Package: photon" "$work/control"
grep -q "^Depends: .*libmlir-19-dev" "$work/control"
for f in bin/photon-opt bin/photon-translate bin/photon-run \
         bin/photon-lsp-server lib/cmake/photon/PhotonConfig.cmake \
         lib/libPhotonMesh.a lib/libPhotonCore.a include/photon/Dialect/PhotonicOps.h.inc; do
  grep -qx "./usr/$f" "$work/contents" || { echo "missing /usr/$f in $deb"; exit 1; }
done
echo "debian package ok: $(basename "$deb")"
