#!/usr/bin/env bash
# The sanitizers, on the nightly toolchain (called by verify.sh):
#   1. AddressSanitizer (-Zsanitizer=address): the Rust unit and integration tests, then the C
#      client (scripts/c-client-test.sh, gcc -fsanitize=address) against the ASan-built
#      libffi_bridge.so, with FFI_BRIDGE_THREADS=2 and 1. Leaks are reported too (LeakSanitizer).
#   2. ThreadSanitizer (-Zsanitizer=thread): the two-thread sum, tests/two_thread_sum.rs.
# Any sanitizer report fails the step.
#
# std is not rebuilt with the sanitizer: -Zbuild-std needs nightly's rust-src component, which
# an offline build cannot fetch. ASan needs no instrumented std (the library's own loads and
# stores are checked, and every allocation goes through the intercepted malloc). TSan does: an
# uninstrumented std's own synchronization (the test harness's channels, scoped threads) is
# invisible to it and would be reported as races, so it runs a driver without the harness
# (`-Cunsafe-allow-abi-mismatch=sanitizer` allows the uninstrumented std).
#
# ASAN_OPTIONS=allocator_may_return_null=1: tests ask for impossible sizes on purpose and expect
# FFI_BRIDGE_ALLOCATION_FAILED, where ASan would abort by default.
#
# Usage: scripts/sanitizers.sh [target-dir]   (default: $CARGO_TARGET_DIR, else rust-src/target;
#        the sanitized builds go to <target-dir>/sanitizers/{address,thread})
# Without a nightly toolchain with the sanitizer runtimes: fails when CI=true, otherwise skips.
set -euo pipefail

crate_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=missing-tool.sh
source "$crate_dir/scripts/missing-tool.sh"
target_root="${1:-${CARGO_TARGET_DIR:-$crate_dir/target}}/sanitizers"
target="x86_64-unknown-linux-gnu"

missing() {
    missing_tool sanitizers "$1" "rustup toolchain install nightly"
}

if [[ "$(uname -sm)" != "Linux x86_64" ]]; then
    missing "Linux x86-64 (the sanitizer runtimes of $target)"
fi
if ! sysroot="$(rustc +nightly --print sysroot 2>/dev/null)"; then
    missing "a nightly Rust toolchain"
fi
for runtime in asan tsan; do
    if ! compgen -G "$sysroot/lib/rustlib/$target/lib/librustc-nightly_rt.$runtime.a" >/dev/null; then
        missing "nightly's $runtime runtime"
    fi
done

cd "$crate_dir"
# The nightly cargo, with an explicit --target so that build.rs is not instrumented.
nightly() { # <sanitizer> <extra rustflags> <cargo subcommand and arguments...>
    local sanitizer="$1" extra="$2"
    shift 2
    RUSTFLAGS="-Zsanitizer=$sanitizer $extra" CARGO_TARGET_DIR="$target_root/$sanitizer" \
        cargo +nightly "$@" --profile test-release --offline --locked --target "$target"
}

export ASAN_OPTIONS="allocator_may_return_null=1:detect_leaks=1:abort_on_error=0"
echo "sanitizers: AddressSanitizer: Rust tests"
nightly address "" test --quiet
echo "sanitizers: AddressSanitizer: C client"
nightly address "" build --lib --quiet
C_CLIENT_SANITIZER=address scripts/c-client-test.sh \
    "$target_root/address/$target/test-release/libffi_bridge.so" | tail -n 1

echo "sanitizers: ThreadSanitizer: two-thread sum"
export TSAN_OPTIONS="halt_on_error=1:exitcode=66"
nightly thread "-Cunsafe-allow-abi-mismatch=sanitizer" test --test two_thread_sum

echo "sanitizers: OK (ASan: Rust tests and C client; TSan: two-thread sum; no reports)"
