#!/usr/bin/env bash
# Optional: shows that the fill and sum hot loops of a release libffi_bridge.so use packed
# double instructions (SSE2 addpd/movupd in the portable kernels, AVX vaddpd/vmovupd and
# AVX-512F zmm vmovapd/vmovntpd in the runtime-selected ones). Not part of verify.sh: symbol names depend on inlining decisions.
#
# Usage: scripts/asm-check.sh <path-to-libffi_bridge.so>
set -euo pipefail
lib="${1:?usage: $0 <path-to-libffi_bridge.so>}"
command -v objdump >/dev/null || { echo "asm-check: objdump not found (binutils)" >&2; exit 1; }

dis="$(objdump -d --no-show-raw-insn -M intel "$lib")"
fail=0
check() { # <symbol regex> <instruction regex> <description>
    local body count
    body="$(awk -v re="^[0-9a-f]+ <$1" '$0 ~ re {on=1; next} on && /^$/ {on=0} on' <<<"$dis")"
    count="$(grep -Ec "$2" <<<"$body" || true)"
    printf 'asm-check: %-44s %3d x %s\n' "$3" "$count" "$2"
    [[ $count -gt 0 ]] || fail=1
}
check '_ZN10ffi_bridge7kernels8portable21fill_counted_portable' '\b(addpd|movupd)\b' 'portable fill (SSE2)'
# kernels::sum has two callers (ffi_bridge_sum_buffer, ffi_bridge_sum): LLVM may inline it or not.
check '(_ZN10ffi_bridge7kernels3sum|_ZN10ffi_bridge7kernels8portable20block_lanes_portable|ffi_bridge_sum_buffer>|ffi_bridge_sum>)' \
    '\b(addpd|movupd)\b' 'portable sum (kernels::sum or inlined in the exports)'
check '_ZN10ffi_bridge7kernels3avx12fill_counted' '\bv(addpd|movupd)\b.*ymm' 'AVX fill'
check '_ZN10ffi_bridge7kernels6avx51212fill_counted' '\bvmov(apd|ntpd)\b.*zmm' 'AVX-512F fill (aligned / streaming zmm stores)'
check '_ZN10ffi_bridge7kernels3avx11block_lanes' '\bvaddpd\b.*ymm' 'AVX sum'
check '_ZN10ffi_bridge7kernels3avx9sum_block' '\bvmaskmovpd\b.*ymm' 'AVX one-block sum (masked tail loads)'
[[ $fail == 0 ]] || { echo "asm-check: packed instructions missing" >&2; exit 1; }
echo "asm-check: OK"
