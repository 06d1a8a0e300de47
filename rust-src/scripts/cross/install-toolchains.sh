#!/usr/bin/env bash
# Installs, from Debian's archive (bookworm + bookworm-security), everything the cross targets
# need: Debian's rustc-web/cargo-web with the arm64 std and the std sources (for build-std),
# the aarch64 cross gcc + libc and qemu-user, mingw-w64 + wine64, musl-tools and the arm64 musl.
# Idempotent: installs only what is missing. Root or sudo. Called by .ci/run.
set -euo pipefail

packages=(
    rustc-web cargo-web rust-web-src                                   # Debian's Rust 1.9x + std sources
    libstd-rust-web-dev:arm64 gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user-static # linux-aarch64
    gcc-mingw-w64-x86-64-posix wine64                                   # windows-x86-64
    musl-tools musl-dev:arm64                                           # linux-x86-64-musl, linux-aarch64-musl
    binutils file                                                       # readelf, objdump, strip
)

sudo=""
if [[ "$(id -u)" -ne 0 ]]; then sudo="sudo"; fi

if ! dpkg --print-foreign-architectures | grep -qx arm64; then
    ${sudo} dpkg --add-architecture arm64
fi
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
    echo "install-toolchains: all cross toolchains present"
    exit 0
fi
echo "install-toolchains: installing ${missing[*]}"
${sudo} apt-get update -q
DEBIAN_FRONTEND=noninteractive ${sudo} apt-get install -y -q --no-install-recommends "${missing[@]}"
