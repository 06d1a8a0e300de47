#!/usr/bin/env bash
# Runs the guide's Python ctypes client (tests/python/guide_client.py) against the given
# library and checks that it prints the guide's values.
#
# Usage: scripts/python-guide-test.sh <path-to-libffi_bridge.so>
# Without python3 or numpy: fails when CI=true, otherwise skips with a message.
# GUIDE_PYTHON: the command that runs Python (default python3), e.g. an arm64 python under qemu
# (scripts/cross/python-arm64.sh).
set -euo pipefail

crate_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=missing-tool.sh
source "$crate_dir/scripts/missing-tool.sh"
lib="${1:?usage: $0 <path-to-libffi_bridge.so>}"
[[ -f "$lib" ]] || { echo "python-guide-test: no library at $lib" >&2; exit 1; }
lib="$(cd "$(dirname "$lib")" && pwd)/$(basename "$lib")"

skip() {
    missing_tool python-guide-test "$1" "install python3 and numpy to run it"
}
read -r -a python <<<"${GUIDE_PYTHON:-python3}"
command -v "${python[0]}" >/dev/null 2>&1 || skip "${python[0]}"
"${python[@]}" -c 'import numpy' >/dev/null 2>&1 || skip "numpy (python3 -m pip install numpy)"

out="$("${python[@]}" "$crate_dir/tests/python/guide_client.py" "$lib")"
printf '%s\n' "$out"

fail=0
expect() {
    if ! grep -Eq -- "$1" <<<"$out"; then
        echo "python-guide-test: missing expected output: $2" >&2
        fail=1
    fi
}
expect '^Person - Age: 30, Height: 5\.8[0-9]*, Name: Alice$' 'Age: 30, Height: 5.8..., Name: Alice'
expect '^Data values: \[1\.1, 2\.2, 3\.3, 4\.4, 5\.5\]$' 'Data values: [1.1, 2.2, 3.3, 4.4, 5.5]'
expect '^Buffer: \[0\. 1\. 2\. 3\. 4\. 5\. 6\. 7\. 8\. 9\.\]$' 'Buffer: [0. 1. 2. 3. 4. 5. 6. 7. 8. 9.]'
[[ $fail == 0 ]] || exit 1
echo "python-guide-test: OK"
