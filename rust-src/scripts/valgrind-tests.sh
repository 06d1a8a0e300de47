#!/usr/bin/env bash
# Builds the Rust test binaries (release, like verify.sh's `cargo test --release`, so the
# artifacts are reused) and runs each of them under valgrind; any valgrind error or
# definite/indirect leak fails.
#
# Usage: scripts/valgrind-tests.sh [target-dir]   (default: $CARGO_TARGET_DIR, else rust-src/target)
# Without valgrind: fails when CI=true, otherwise skips with a message.
set -euo pipefail

crate_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CARGO_TARGET_DIR="${1:-${CARGO_TARGET_DIR:-$crate_dir/target}}"

if ! command -v valgrind >/dev/null 2>&1; then
    if [[ "${CI:-}" == "true" ]]; then
        echo "valgrind-tests: valgrind is required when CI=true (apt-get install valgrind)" >&2
        exit 1
    fi
    echo "valgrind-tests: skipped: valgrind not found (apt-get install valgrind)"
    exit 0
fi

cd "$crate_dir"
mapfile -t binaries < <(
    cargo test --profile test-release --offline --locked --no-run --message-format=json 2>/dev/null \
        | grep -o '"executable":"[^"]*"' | sed 's/^"executable":"//; s/"$//'
)
if [[ ${#binaries[@]} -eq 0 ]]; then
    echo "valgrind-tests: no test binaries found" >&2
    exit 1
fi

for bin in "${binaries[@]}"; do
    echo "valgrind-tests: $bin"
    # One test thread keeps valgrind's serialized scheduler simple and the output ordered.
    valgrind --quiet --error-exitcode=99 --leak-check=full \
        --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect \
        "$bin" --test-threads=1 --quiet
done
echo "valgrind-tests: OK (${#binaries[@]} test binaries, 0 valgrind errors)"
