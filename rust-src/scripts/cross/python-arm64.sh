#!/usr/bin/env bash
# Prepares an arm64 python3 + numpy in a private root (apt-get download + dpkg -x, never
# `apt-get install python3:arm64`, which would remove the amd64 python3) and prints the command that
# runs it under qemu-user, for scripts/python-guide-test.sh's GUIDE_PYTHON.
#
# Usage: scripts/cross/python-arm64.sh <work-dir>    (the root goes to <work-dir>/python-arm64)
set -euo pipefail
work="${1:?usage: $0 <work-dir>}"
mkdir -p "$work"
root="$(cd "$work" && pwd)/python-arm64"
packages=(python3.11-minimal libpython3.11-minimal libpython3.11-stdlib python3-numpy
    libblas3 liblapack3 libgfortran5 libexpat1)
if [[ ! -f "$root/.complete" ]]; then
    rm -rf "$root"
    mkdir -p "$root/debs"
    (cd "$root/debs" && apt-get download -q "${packages[@]/%/:arm64}" >&2)
    for deb in "$root"/debs/*.deb; do dpkg -x "$deb" "$root"; done
    rm -rf "$root/debs"
    touch "$root/.complete"
fi
lib="$root/usr/lib/aarch64-linux-gnu"
echo "qemu-aarch64-static -L / -E LD_LIBRARY_PATH=$root/lib/aarch64-linux-gnu:$lib:$lib/blas:$lib/lapack -E PYTHONHOME=$root/usr" \
    "-E PYTHONPATH=$root/usr/lib/python3/dist-packages $root/usr/bin/python3.11"
