#!/usr/bin/env bash
# ABI probe for one platform: builds tests/c/abi_probe.c with the platform's C compiler, runs it
# there (qemu, wine, the musl loader) against the given library and fails on any difference between
# the compiler's sizeof/alignof/offsetof and what the library reports. Also fails when a struct of
# include/ffi_bridge.h is missing from the probe, and (ELF) when the size of the exported
# FFI_BRIDGE_ABI_INFO symbol is not the compiler's sizeof(FfiBridgeLayout).
#
# Usage: scripts/cross/abi-probe.sh <platform> <library>
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

platform="${1:?usage: $0 <platform> <library>}"
lib="${2:?library}"
[[ -f "$lib" ]] || { echo "abi-probe: no library at $lib" >&2; exit 1; }
lib_dir="$(cd "$(dirname "$lib")" && pwd)"
lib="$lib_dir/$(basename "$lib")"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
exe="$tmp/abi_probe"
link=("$lib")
if [[ "$platform" == windows-* ]]; then exe="$exe.exe"; else link+=("-Wl,-rpath,$lib_dir"); fi
# shellcheck disable=SC2046
$(cross_cc "$platform") -std=c11 -O1 -Wall -Wextra -Werror -Wpedantic -I "$CRATE_DIR/include" \
    "$CRATE_DIR/tests/c/abi_probe.c" -o "$exe" "${link[@]}"
out="$(WINE_DLL_DIRS="$lib_dir" cross_run "$platform" "$exe" | tr -d '\r')"
printf '%s\n' "$out"

fail=0
while read -r name; do
    grep -qx "struct $name" <<<"$out" || { echo "abi-probe: struct $name of the header is not probed" >&2; fail=1; }
done < <(sed -n 's/^typedef struct \([A-Za-z_0-9]*\) {$/\1/p' "$CRATE_DIR/include/ffi_bridge.h")
if [[ "$platform" != windows-* ]]; then
    symbol_size="$(readelf --dyn-syms -W "$lib" | awk '$8 == "FFI_BRIDGE_ABI_INFO" { print $3 }')"
    c_size="$(sed -n 's/^ *sizeof(FfiBridgeLayout) *c=\([0-9]*\).*/\1/p' <<<"$out")"
    if [[ "$symbol_size" != "$c_size" ]]; then
        echo "abi-probe: FFI_BRIDGE_ABI_INFO is $symbol_size bytes in the library, sizeof(FfiBridgeLayout) is $c_size" >&2
        fail=1
    fi
fi
grep -q '^abi-probe: [0-9]* values compared, 0 mismatches$' <<<"$out" || fail=1
[[ $fail == 0 ]] || { echo "abi-probe: $platform: FAILED" >&2; exit 1; }
echo "abi-probe: $platform: OK ($(tail -n 1 <<<"$out" | sed 's/^abi-probe: //'), every header struct probed)"
