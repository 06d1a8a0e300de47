#!/usr/bin/env bash
# Type-checks the crate, tests included, for macOS (x86-64 and arm64) with warnings denied: this machine has
# no Apple SDK to link or run a dylib (scripts/cross/build-macos.sh does that on a Mac), but Debian's
# rustc and std sources (build-std, offline) check every Apple-only line, such as the library pin of
# src/kernels/parallel/pin.rs, and every cfg that differs on arm64.
# Ends with one summary line: "cross-check: apple: OK: ...".
#
# Usage: scripts/cross/check-apple.sh <work-dir>
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
work="$(mkdir -p "${1:?usage: $0 <work-dir>}" && cd "$1" && pwd)/apple"
mkdir -p "$work"

export RUSTC="$DEB_RUSTC" RUSTFLAGS="-D warnings"
unset RUSTUP_TOOLCHAIN CARGO_BUILD_TARGET
cross_build_std_env "$work"

checked=()
for triple in x86_64-apple-darwin aarch64-apple-darwin; do
    echo "==> cross-check: $triple (cargo check --all-targets, -D warnings)"
    log="$work/$triple.log"
    if ! "$DEB_CARGO" check --all-targets --offline --target "$triple" -Zbuild-std=std,panic_unwind,test \
        --manifest-path "$CRATE_DIR/Cargo.toml" --target-dir "$work/cargo" >"$log" 2>&1; then
        tail -n 40 "$log"
        echo "cross-check: $triple FAILED (log: $log)" >&2
        exit 1
    fi
    checked+=("$triple")
done
echo "cross-check: apple: OK: ${checked[*]} type-check with warnings denied (not linked: no SDK here)"
