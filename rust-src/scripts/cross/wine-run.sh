#!/usr/bin/env bash
# Runs a Windows executable under wine64 (cargo's runner for x86_64-pc-windows-gnu, and the C client's),
# in a private wine prefix under $CROSS_WORK (created on first use), with the TEST-ONLY ProcessPrng shim
# (wine/bcryptprimitives.c) and $WINE_DLL_DIRS (';'-separated, e.g. the folder of ffi_bridge.dll) on
# the DLL search path. Exits with the program's exit code.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
work="${CROSS_WORK:?CROSS_WORK is not set}"
export WINEPREFIX="$work/wine-prefix" WINEDEBUG=-all WINEARCH=win64
shim="$work/wine-shim"
if [[ ! -f "$shim/bcryptprimitives.dll" ]]; then
    mkdir -p "$shim"
    x86_64-w64-mingw32-gcc-posix -O2 -shared -o "$shim/bcryptprimitives.dll" \
        "$CROSS_DIR/wine/bcryptprimitives.c" -lbcrypt
fi
if [[ ! -d "$WINEPREFIX/drive_c" ]]; then
    mkdir -p "$WINEPREFIX"
    "$WINE" wineboot --init >/dev/null 2>&1 || true
    /usr/lib/wine/wineserver -w || true
fi
# Wine sees / as drive Z:.
to_windows() { local p="Z:$1"; echo "${p//\//\\}"; }
path="$(to_windows "$shim")"
IFS=';' read -r -a dirs <<<"${WINE_DLL_DIRS:-}"
for d in "${dirs[@]}"; do [[ -n "$d" ]] && path="$path;$(to_windows "$d")"; done
export WINEPATH="$path"
export WINEDLLOVERRIDES="bcryptprimitives=n"
exec "$WINE" "$@"
