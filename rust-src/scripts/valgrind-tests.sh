#!/usr/bin/env bash
# Builds the Rust test binaries (release, like verify.sh's `cargo test --release`, so the
# artifacts are reused) and runs each of them under valgrind; any valgrind error or
# definite/indirect leak fails.
#
# Usage: scripts/valgrind-tests.sh [target-dir]   (default: $CARGO_TARGET_DIR, else rust-src/target)
# Without valgrind: fails when CI=true, otherwise skips with a message.
set -euo pipefail

crate_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=missing-tool.sh
source "$crate_dir/scripts/missing-tool.sh"
export CARGO_TARGET_DIR="${1:-${CARGO_TARGET_DIR:-$crate_dir/target}}"

command -v valgrind >/dev/null 2>&1 || missing_tool valgrind-tests valgrind "apt-get install valgrind"

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
