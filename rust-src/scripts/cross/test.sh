#!/usr/bin/env bash
# Tests one cross platform on this machine, against the stripped library build.sh staged:
#   1. the crate's Rust tests, run there (qemu-user, wine, the musl loader) by cargo's runner;
#   2. compatibility floors (check-floors.sh);
#   3. the C client with all its checks (scripts/c-client-test.sh with the platform's compiler);
#   4. the ABI probe (abi-probe.sh);
#   5. for linux-aarch64: the guide's Python ctypes client with an arm64 python3 + numpy.
# Ends with one summary line: "cross-test: <platform>: OK: ...".
#
# Usage: scripts/cross/test.sh <platform> <work-dir> <stage-dir>   (the folders build.sh used)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

platform="${1:?usage: $0 <platform> <work-dir> <stage-dir>}"
work_root="$(cd "${2:?work-dir}" && pwd)"
stage="$(cd "${3:?stage-dir}" && pwd)"
lib="$stage/$platform/$(cross_file "$platform")"
[[ -f "$lib" ]] || { echo "cross-test: no staged library at $lib (run build.sh first)" >&2; exit 1; }

# CI semantics inside: a missing tool fails instead of skipping.
export CI=true
cross_env "$platform" "$work_root/$platform"

echo "==> $platform: Rust tests (runner: $(cross_runner "$platform"))"
# build-std platforms test with the release profile, whose std build.sh already compiled.
profile=test-release
cross_build_std "$platform" && profile=release
log="$work_root/$platform/cargo-test.log"
if ! "$DEB_CARGO" test --profile "$profile" "${CROSS_CARGO_FLAGS[@]}" \
    --manifest-path "$CRATE_DIR/Cargo.toml" --target-dir "$work_root/cargo" >"$log.raw" 2>&1; then
    tr -d '\r' <"$log.raw" | tail -n 60
    echo "cross-test: $platform: cargo test FAILED (log: $log.raw)" >&2
    exit 1
fi
tr -d '\r' <"$log.raw" >"$log"
grep -E '^(test result|     Running)' "$log"
rust_tests="$(awk '/^test result: ok\./ { n += $4 } END { print n + 0 }' "$log")"
[[ $rust_tests -gt 0 ]] || { echo "cross-test: $platform: no Rust test ran" >&2; exit 1; }

echo "==> $platform: floors"
floors="$("$CROSS_DIR/check-floors.sh" "$platform" "$lib")"
echo "$floors"

echo "==> $platform: C client"
CLIENT_CC="$(cross_cc "$platform")" CLIENT_RUNNER="$(cross_runner "$platform")" \
    "$CRATE_DIR/scripts/c-client-test.sh" "$lib" | tee "$work_root/$platform/c-client.log" | tail -n 3
c_checks="$(tail -n 1 "$work_root/$platform/c-client.log" | grep -o '[0-9]* passed, 0 failed' | cut -d' ' -f1)"

echo "==> $platform: ABI probe"
"$CROSS_DIR/abi-probe.sh" "$platform" "$lib" | tail -n 1 | tee "$work_root/$platform/abi-probe.log"
abi_values="$(grep -o '[0-9]* values compared' "$work_root/$platform/abi-probe.log" | cut -d' ' -f1)"

python=""
if [[ "$platform" == linux-aarch64 ]]; then
    echo "==> $platform: guide's Python client (arm64 python3 + numpy under qemu)"
    GUIDE_PYTHON="$("$CROSS_DIR/python-arm64.sh" "$work_root")" "$CRATE_DIR/scripts/python-guide-test.sh" "$lib"
    python=", Python guide client ok"
fi

echo "cross-test: $platform: OK: $rust_tests Rust tests, $c_checks C client checks (x2), $abi_values ABI values$python;" \
    "${floors#check-floors: "$platform": }"
