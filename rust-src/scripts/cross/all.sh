#!/usr/bin/env bash
# Every platform of the native-impl jar, called by the Maven build (native-impl/pom.xml):
#   build: stages the host library (stripped, with its .sha256) and builds + stages every cross
#          platform whose toolchain is installed (generate-resources, before the jar is made);
#   test:  floors and ABI probe of the host library (its other tests are scripts/verify.sh's), then
#          scripts/cross/test.sh for every cross platform built (verify phase), and when the Windows
#          toolchain (Debian's rustc and std sources) is there, the macOS type-check (check-apple.sh).
# A platform whose toolchain is missing is skipped with ONE notice naming it and the install script;
# with mode "all" or CI=true it fails the build instead. Mode "none" builds the host only.
# NATIVE_PREBUILT_DIR (Maven: -Dnative.prebuilt.dir): <platform>/<file> libraries built and tested on
# another machine (macOS: scripts/cross/build-macos.sh), staged as they are, with their .sha256.
#
# Usage: scripts/cross/all.sh build|test <work-dir> <stage-dir> <host-platform> <host-library> [auto|all|none]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

action="${1:?usage: $0 build|test <work-dir> <stage-dir> <host-platform> <host-library> [auto|all|none]}"
work="${2:?work-dir}"
stage="${3:?stage-dir}"
host="${4:?host-platform}"
host_lib="${5:?host-library}"
mode="${6:-auto}"
mkdir -p "$work" "$stage"
built_list="$work/built-platforms"

build() {
    cross_stage "$host" "$host_lib" "$stage"
    : >"$built_list"
    [[ "$mode" == none ]] && { echo "cross: native.cross=none: built the host platform ($host) only"; return; }
    local skipped=() why=() platform missing
    for platform in "${CROSS_PLATFORMS[@]}"; do
        [[ "$platform" == "$host" ]] && continue
        missing="$(cross_missing "$platform" | tr '\n' ' ')"
        if [[ -n "$missing" ]]; then
            skipped+=("$platform")
            why+=("$platform: $(cross_packages "$platform")")
            rm -rf "${stage:?}/$platform" # never ship a library this build did not make and test
            continue
        fi
        echo "==> cross: building $platform ($(cross_triple "$platform"))"
        local t0=$SECONDS
        "$CROSS_DIR/build.sh" "$platform" "$work" "$stage"
        echo "==> cross: $platform built in $((SECONDS - t0)) s"
        echo "$platform" >>"$built_list"
    done
    stage_prebuilt
    if ((${#skipped[@]} > 0)); then
        local notice="native platforms skipped (toolchain missing): ${skipped[*]}. Install their toolchains (Debian/Ubuntu, as root):"
        notice+=" rust-src/scripts/cross/install-toolchains.sh   [packages: ${why[*]}]"
        if [[ "$mode" == all || "${CI:-}" == true ]]; then
            echo "cross: FAILED: $notice (native.cross=$mode, CI=${CI:-})" >&2
            exit 1
        fi
        echo "[WARNING] $notice" >&2
    fi
}

stage_prebuilt() {
    [[ -n "${NATIVE_PREBUILT_DIR:-}" ]] || return 0
    local dir platform file
    for dir in "$NATIVE_PREBUILT_DIR"/*/; do
        platform="$(basename "$dir")"
        file="$(cross_file "$platform")"
        [[ -f "$dir/$file" ]] || { echo "cross: $dir holds no $file" >&2; exit 1; }
        mkdir -p "$stage/$platform"
        cp "$dir/$file" "$stage/$platform/$file"
        cross_sha256 "$stage/$platform/$file" >"$stage/$platform/$file.sha256"
        echo "cross: staged prebuilt $stage/$platform/$file ($(wc -c <"$dir/$file") bytes)"
    done
}

test_all() {
    local summary=() t0
    if [[ "$host" == linux-* ]]; then
        echo "==> cross: $host (host): floors and ABI probe"
        summary+=("$("$CROSS_DIR/check-floors.sh" "$host" "$stage/$host/$(cross_file "$host")")")
        "$CROSS_DIR/abi-probe.sh" "$host" "$stage/$host/$(cross_file "$host")" | tail -n 1
    fi
    [[ -f "$built_list" ]] || { echo "cross: no $built_list: run the build action first" >&2; exit 1; }
    local platform
    while read -r platform; do
        [[ -n "$platform" ]] || continue
        t0=$SECONDS
        "$CROSS_DIR/test.sh" "$platform" "$work" "$stage" | tee "$work/$platform.test.log"
        summary+=("$(tail -n 1 "$work/$platform.test.log") [$((SECONDS - t0)) s]")
    done <"$built_list"
    if grep -qx windows-x86-64 "$built_list"; then
        t0=$SECONDS
        "$CROSS_DIR/check-apple.sh" "$work" | tee "$work/apple.check.log"
        summary+=("$(tail -n 1 "$work/apple.check.log") [$((SECONDS - t0)) s]")
    fi
    echo "==> cross: summary"
    printf '  %s\n' "${summary[@]}"
}

case "$action" in
    build) build ;;
    test) test_all ;;
    *) echo "usage: $0 build|test ..." >&2; exit 2 ;;
esac
