#!/usr/bin/env bash
# The verification driver (called by the Maven build in its verify phase). Runs, in order and
# stopping at the first failure:
#   1. cargo fmt --check                 (+ every `unsafe {` has a `// SAFETY:` comment)
#   2. cargo clippy --release --all-targets -- -D warnings
#   3. cargo test --profile test-release (release optimisations, no LTO: see Cargo.toml)
#   4. scripts/check-header.sh           (cbindgen header drift)
#   5. scripts/c-client-test.sh          (C client under valgrind)
#   6. scripts/python-guide-test.sh      (the guide's Python client)
#   7. scripts/valgrind-tests.sh         (Rust test binaries under valgrind)
#   8. scripts/sanitizers.sh             (nightly ASan: Rust tests, C client; TSan: two-thread sum)
# All cargo steps use the given target dir, so the release build that Maven already made with
# `cargo build --release --offline --locked --target-dir <dir>` is reused.
#
# Usage: scripts/verify.sh [target-dir]   (default: $CARGO_TARGET_DIR, else rust-src/target)
# CI=true turns every "tool missing, skipped" into a failure.
set -euo pipefail

crate_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target_arg="${1:-${CARGO_TARGET_DIR:-$crate_dir/target}}"
mkdir -p "$target_arg"
CARGO_TARGET_DIR="$(cd "$target_arg" && pwd)"
export CARGO_TARGET_DIR
lib="$CARGO_TARGET_DIR/release/libffi_bridge.so"
cargo_flags=(--release --offline --locked)

cd "$crate_dir"
start_all=$(date +%s.%N)
step_no=0
elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
step() {
    local name="$1"
    shift
    step_no=$((step_no + 1))
    echo "==> [$step_no] $name"
    local t0
    t0=$(date +%s.%N)
    if ! "$@"; then
        echo "verify: FAILED at step $step_no ($name)" >&2
        exit 1
    fi
    echo "==> [$step_no] $name: ok ($(elapsed "$t0") s)"
}

safety_comments() {
    local blocks comments
    blocks=$(grep -o 'unsafe {' -r src | wc -l)
    comments=$(grep -o '// SAFETY:' -r src | wc -l)
    echo "unsafe blocks: $blocks, SAFETY comments: $comments"
    [[ $blocks -le $comments ]]
}

fmt_and_safety() { cargo fmt --check && safety_comments; }

step "cargo fmt --check" fmt_and_safety
step "cargo clippy" cargo clippy "${cargo_flags[@]}" --all-targets -- -D warnings
step "cargo test" cargo test --profile test-release --offline --locked
# No-op when Maven (or the test step) already built the release library.
step "cargo build (release library)" cargo build "${cargo_flags[@]}"
step "header drift check" scripts/check-header.sh
step "C client (valgrind)" scripts/c-client-test.sh "$lib"
step "guide Python client" scripts/python-guide-test.sh "$lib"
step "Rust tests under valgrind" scripts/valgrind-tests.sh "$CARGO_TARGET_DIR"
step "sanitizers (ASan, TSan)" scripts/sanitizers.sh "$CARGO_TARGET_DIR"

echo "verify: all steps passed in $(elapsed "$start_all") s (target dir $CARGO_TARGET_DIR)"
