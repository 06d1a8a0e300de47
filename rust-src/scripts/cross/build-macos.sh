#!/usr/bin/env bash
# On a Mac with the macOS SDK (Xcode or its command line tools) and rustup: builds, strips and tests
# libffi_bridge.dylib for macos-aarch64 and macos-x86-64 into <out>/<platform>/libffi_bridge.dylib, for
# the Linux release build's -Dnative.prebuilt.dir=<out>. Not run on the project's Linux CI (no SDK there).
#
# Usage: rust-src/scripts/cross/build-macos.sh <out>
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
out="${1:?usage: $0 <out>}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
rustup target add aarch64-apple-darwin x86_64-apple-darwin
for platform in macos-aarch64 macos-x86-64; do
    triple="${platform#macos-}-apple-darwin"
    triple="${triple/x86-64/x86_64}"
    cargo build --release --offline --locked --manifest-path "$CRATE_DIR/Cargo.toml" --target "$triple" \
        --target-dir "$out/cargo"
    mkdir -p "$out/$platform"
    strip -x -o "$out/$platform/libffi_bridge.dylib" "$out/cargo/$triple/release/libffi_bridge.dylib"
    # Apple silicon runs both (x86-64 through Rosetta 2); an Intel Mac runs x86-64 only.
    arch="${triple%%-*}"
    arch="${arch/aarch64/arm64}" # Apple's name for it
    if arch "-$arch" true 2>/dev/null; then
        cargo test --release --offline --locked --manifest-path "$CRATE_DIR/Cargo.toml" --target "$triple" \
            --target-dir "$out/cargo"
        CLIENT_CC="cc -arch $arch" CLIENT_RUNNER="arch -$arch" \
            "$CRATE_DIR/scripts/c-client-test.sh" "$out/$platform/libffi_bridge.dylib"
    fi
done
rm -rf "$out/cargo"
echo "build-macos: $out/macos-aarch64 and $out/macos-x86-64 are ready for -Dnative.prebuilt.dir=$out"
