#!/usr/bin/env bash
# Regenerates include/ffi_bridge.h with cbindgen into a temporary file and fails if the
# committed header differs (header drift). `--update` rewrites the committed header instead.
#
# Without cbindgen: fails when CI=true, otherwise prints a note and exits 0.
set -euo pipefail

crate_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=missing-tool.sh
source "$crate_dir/scripts/missing-tool.sh"
header="$crate_dir/include/ffi_bridge.h"

command -v cbindgen >/dev/null 2>&1 || missing_tool check-header cbindgen "apt-get install cbindgen"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# cbindgen only parses the sources (parse_deps = false); --quiet hides its notes about
# private items it skips.
(cd "$crate_dir" && cbindgen --quiet --config cbindgen.toml --crate ffi_bridge \
    --output "$tmp/ffi_bridge.h")

if [[ "${1:-}" == "--update" ]]; then
    cp "$tmp/ffi_bridge.h" "$header"
    echo "check-header: wrote $header"
    exit 0
fi

if ! diff -u "$header" "$tmp/ffi_bridge.h"; then
    echo "check-header: include/ffi_bridge.h is out of date with src/ (header drift);" >&2
    echo "check-header: run scripts/check-header.sh --update and commit the result" >&2
    exit 1
fi
echo "check-header: include/ffi_bridge.h matches the sources"
