#!/usr/bin/env bash
# Builds tests/c/client.c against include/ffi_bridge.h with gcc -Wall -Wextra -Werror and runs
# it against the given library under valgrind (errors and definite/indirect leaks fail).
# First checks that the library is linked with -z nodelete; last runs tests/c/unload.c, which
# unloads the library after a sum that started its helper thread and checks that it stayed mapped.
#
# Usage: scripts/c-client-test.sh <path-to-libffi_bridge.so>
# Without valgrind: fails when CI=true, otherwise runs the client directly with a note.
#
# Other platforms (scripts/cross/test.sh): CLIENT_CC names the cross C compiler and CLIENT_RUNNER the
# command that runs the client there (qemu, wine, the musl loader); the client then runs without
# valgrind. A .dll is linked directly and found through WINE_DLL_DIRS.
# C_CLIENT_SANITIZER=address builds the client with gcc's -fsanitize=address and runs it without
# valgrind, against a library built with -Zsanitizer=address (scripts/sanitizers.sh).
set -euo pipefail

crate_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lib="${1:?usage: $0 <path-to-libffi_bridge.so>}"
[[ -f "$lib" ]] || { echo "c-client-test: no library at $lib" >&2; exit 1; }
lib_dir="$(cd "$(dirname "$lib")" && pwd)"
lib_name="$(basename "$lib")"

cc="${CLIENT_CC:-gcc}"
read -r -a runner <<<"${CLIENT_RUNNER:-}"
windows=false
[[ "$lib_name" == *.dll ]] && windows=true

# The sum's helper thread stays parked in the library's code, so dlclose must never unmap it (ELF
# libraries, which build.rs links with -z nodelete).
if [[ "$lib_name" == *.so ]] && ! readelf -d "$lib" | grep -q 'NODELETE'; then
    echo "c-client-test: $lib is not linked with -z nodelete (see build.rs)" >&2
    exit 1
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# Link against exactly the given file: rustup's cdylib has no SONAME, so the client records this
# absolute path; Debian's rustc sets DT_SONAME, so the rpath makes the client load that very library.
link=("$lib_dir/$lib_name" -lm)
client="$tmp/client"
if $windows; then client="$tmp/client.exe"; else link+=("-Wl,-rpath,$lib_dir"); fi
sanitize=()
if [[ -n "${C_CLIENT_SANITIZER:-}" ]]; then
    sanitize=(-fsanitize="${C_CLIENT_SANITIZER}" -fno-omit-frame-pointer)
fi
# shellcheck disable=SC2086
$cc -std=c11 -O1 -g -Wall -Wextra -Werror -Wpedantic "${sanitize[@]}" \
    -I "$crate_dir/include" "$crate_dir/tests/c/client.c" \
    -o "$client" "${link[@]}"

run=("$client")
export WINE_DLL_DIRS="$lib_dir"
if ((${#runner[@]} > 0)); then
    run=("${runner[@]}" "$client")
elif [[ -n "${C_CLIENT_SANITIZER:-}" ]]; then
    : # the sanitizer checks the run; valgrind cannot run sanitized code
elif command -v valgrind >/dev/null 2>&1; then
    run=(valgrind --quiet --error-exitcode=99 --leak-check=full
        --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect "${run[@]}")
elif [[ "${CI:-}" == "true" ]]; then
    echo "c-client-test: valgrind is required when CI=true (apt-get install valgrind)" >&2
    exit 1
else
    echo "c-client-test: note: valgrind not found, running the C client without it"
fi

# Twice: as shipped (large sums share their blocks with a helper thread when two CPUs are
# available; forced on here), and with the helper turned off.
for threads in 2 1; do
    FFI_BRIDGE_THREADS="$threads" "${run[@]}" | tr -d '\r' | tee "$tmp/out"
    last="$(tail -n 1 "$tmp/out")"
    if [[ ! "$last" =~ ^[0-9]+\ passed,\ 0\ failed$ ]]; then
        echo "c-client-test: unexpected closing line (FFI_BRIDGE_THREADS=$threads): $last" >&2
        exit 1
    fi
done

# Unloading after a sum that started the helper thread (an instrumented library cannot be loaded by a
# plain program, so not in the sanitizer run).
unload_note=""
if [[ -z "${C_CLIENT_SANITIZER:-}" ]]; then
    unload="$tmp/unload"
    dl=(-ldl)
    if $windows; then unload="$tmp/unload.exe"; dl=(); fi
    $cc -std=c11 -O1 -g -Wall -Wextra -Werror -Wpedantic -D_POSIX_C_SOURCE=200809L \
        "$crate_dir/tests/c/unload.c" -o "$unload" "${dl[@]}"
    target="$lib_dir/$lib_name"
    $windows && target="$lib_name" # found on the DLL search path (WINE_DLL_DIRS)
    unload_run=("$unload")
    ((${#runner[@]} > 0)) && unload_run=("${runner[@]}" "$unload")
    FFI_BRIDGE_THREADS=2 "${unload_run[@]}" "$target" | tr -d '\r' | tee "$tmp/unload.out"
    grep -qx 'unload: ok' "$tmp/unload.out" || { echo "c-client-test: the unload check failed" >&2; exit 1; }
    unload_note=", unload after a helper-thread sum ok"
fi
echo "c-client-test: OK (${run[0]##*/}${C_CLIENT_SANITIZER:+ with -fsanitize=$C_CLIENT_SANITIZER}, FFI_BRIDGE_THREADS=2 and 1, $(tail -n 1 "$tmp/out")$unload_note)"
