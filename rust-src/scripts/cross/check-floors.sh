#!/usr/bin/env bash
# Compatibility floors of a shipped (staged) library:
#   glibc: the highest GLIBC_x.y symbol version it needs must not exceed the README's floor;
#   ELF:   DT_NEEDED only from the platform's allow-list (glibc: libc, libm, libdl, libpthread,
#          libgcc_s, ld-linux; musl: libc only) and no GLIBC_ version at all on musl;
#   PE:    imports system DLLs only (no libgcc_s_seh, libwinpthread or any other MinGW runtime);
#   all:   stripped (no .symtab, no debug sections).
# Prints the facts it checked (floor, DT_NEEDED or DLL imports, size).
#
# Usage: scripts/cross/check-floors.sh <platform> <library>
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# The README's floor ("glibc 2.34 or newer"): Rust's std links pthread_*, dlsym and friends at the
# versions of the glibc it is linked against, and glibc 2.34 merged libpthread into libc.
GLIBC_FLOOR=2.34

platform="${1:?usage: $0 <platform> <library>}"
lib="${2:?library}"
[[ -f "$lib" ]] || { echo "check-floors: no library at $lib" >&2; exit 1; }
fail=0
bad() { echo "check-floors: $platform: $*" >&2; fail=1; }
stripped="stripped"
not_stripped() { bad "not stripped ($1)"; stripped="NOT stripped"; }
size="$(wc -c <"$lib")"

case "$(cross_libc "$platform")" in
    glibc | musl)
        mapfile -t needed < <(readelf -d -W "$lib" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
        for n in "${needed[@]}"; do
            case "$(cross_libc "$platform"):$n" in
                glibc:libc.so.6 | glibc:libm.so.6 | glibc:libdl.so.2 | glibc:libpthread.so.0 | glibc:libgcc_s.so.1 | \
                    glibc:ld-linux-x86-64.so.2 | glibc:ld-linux-aarch64.so.1 | musl:libc.so) ;;
                *) bad "DT_NEEDED $n is not on the allow-list" ;;
            esac
        done
        floor="$(readelf -V -W "$lib" | grep -o 'Name: GLIBC_[0-9.]*' | sed 's/Name: GLIBC_//' | sort -V | tail -n 1 || true)"
        if [[ "$(cross_libc "$platform")" == musl ]]; then
            [[ -z "$floor" ]] || bad "needs GLIBC_$floor: a musl library must not use glibc symbol versions"
            floor_text="musl"
        else
            [[ -n "$floor" ]] || bad "no GLIBC_ symbol version found"
            if [[ "$(printf '%s\n%s\n' "$floor" "$GLIBC_FLOOR" | sort -V | tail -n 1)" != "$GLIBC_FLOOR" ]]; then
                bad "needs GLIBC_$floor, above the README's floor $GLIBC_FLOOR: $(readelf --dyn-syms -W "$lib" |
                    grep -o "[a-z_0-9]*@GLIBC_$floor" | sort -u | tr '\n' ' ')"
            fi
            floor_text="glibc >= $floor"
        fi
        readelf -S -W "$lib" | grep -Eq ' \.symtab | \.debug_' && not_stripped ".symtab or .debug_* present"
        echo "check-floors: $platform: $floor_text; DT_NEEDED ${needed[*]}; $size bytes, $stripped"
        ;;
    none)
        mapfile -t imports < <(x86_64-w64-mingw32-objdump -p "$lib" | sed -n 's/^\s*DLL Name: //p')
        for dll in "${imports[@]}"; do
            case "${dll,,}" in
                kernel32.dll | ntdll.dll | msvcrt.dll | ucrtbase.dll | userenv.dll | ws2_32.dll | advapi32.dll | \
                    bcrypt.dll | bcryptprimitives.dll | api-ms-win-*.dll) ;;
                *) bad "imports $dll, not a system DLL" ;;
            esac
        done
        x86_64-w64-mingw32-objdump -h "$lib" | grep -q ' \.debug_' && not_stripped ".debug_* sections"
        [[ -z "$(x86_64-w64-mingw32-objdump -t "$lib" | sed -n '/^\[/p')" ]] || not_stripped "COFF symbols"
        echo "check-floors: $platform: imports ${imports[*]}; $size bytes, $stripped"
        ;;
esac
exit "$fail"
