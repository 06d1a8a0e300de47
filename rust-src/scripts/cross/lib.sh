# Sourced by the scripts in this folder: the cross targets, their Rust triples, library files,
# toolchains (all from Debian's archive, see install-toolchains.sh) and how to run their binaries.
#
# Cross targets are built with Debian's rustc-web/cargo-web (/usr/bin), not rustup's toolchain: Debian
# ships the aarch64 std and the std sources (with a vendor folder) that build-std needs offline.

# Every cross target, in build order (the host, linux-x86-64, is built by the Maven build's own cargo step).
CROSS_PLATFORMS=(linux-aarch64 linux-x86-64-musl windows-x86-64 linux-aarch64-musl)

DEB_RUSTC="${DEB_RUSTC:-/usr/bin/rustc}" # overridable, e.g. to see what a machine without it gets
DEB_CARGO="${DEB_CARGO:-/usr/bin/cargo}"
WINE=/usr/lib/wine/wine64

cross_triple() {
    case "$1" in
        linux-x86-64) echo x86_64-unknown-linux-gnu ;;
        linux-aarch64) echo aarch64-unknown-linux-gnu ;;
        linux-x86-64-musl) echo x86_64-unknown-linux-musl ;;
        linux-aarch64-musl) echo aarch64-unknown-linux-musl ;;
        windows-x86-64) echo x86_64-pc-windows-gnu ;;
        *) echo "cross: unknown platform $1" >&2; return 1 ;;
    esac
}

# The library's file name inside native/<platform>/.
cross_file() {
    case "$1" in
        windows-*) echo ffi_bridge.dll ;;
        macos-*) echo libffi_bridge.dylib ;;
        *) echo libffi_bridge.so ;;
    esac
}

# The C library of a Linux platform: glibc or musl (none for Windows).
cross_libc() {
    case "$1" in
        linux-*-musl) echo musl ;;
        linux-*) echo glibc ;;
        *) echo none ;;
    esac
}

# The C compiler (and its flags) that builds C clients for the platform.
cross_cc() {
    case "$1" in
        linux-x86-64) echo gcc ;;
        linux-aarch64) echo aarch64-linux-gnu-gcc ;;
        linux-x86-64-musl) echo musl-gcc ;;
        linux-aarch64-musl) echo "$CROSS_DIR/aarch64-musl-gcc.sh" ;;
        windows-x86-64) echo x86_64-w64-mingw32-gcc-posix ;;
    esac
}

# Files the platform's build and tests need; prints the missing ones (nothing: ready).
cross_missing() {
    local need=("$DEB_RUSTC" "$DEB_CARGO" /usr/bin/readelf /usr/bin/objdump)
    case "$1" in
        linux-aarch64) need+=(/usr/lib/rustlib/aarch64-unknown-linux-gnu/lib /usr/bin/aarch64-linux-gnu-gcc
            /usr/bin/qemu-aarch64-static /lib/ld-linux-aarch64.so.1) ;;
        linux-x86-64-musl) need+=("$(cross_std_src)/vendor" /usr/bin/musl-gcc /lib/ld-musl-x86_64.so.1) ;;
        linux-aarch64-musl) need+=("$(cross_std_src)/vendor" /usr/bin/aarch64-linux-gnu-gcc
            /usr/bin/qemu-aarch64-static /usr/lib/aarch64-linux-musl/libc.so /lib/ld-musl-aarch64.so.1) ;;
        windows-x86-64) need+=("$(cross_std_src)/vendor" /usr/bin/x86_64-w64-mingw32-gcc-posix "$WINE") ;;
    esac
    local f
    for f in "${need[@]}"; do [[ -e "$f" ]] || echo "$f"; done
}

# The Debian packages that provide a platform's toolchain (what install-toolchains.sh installs for it).
cross_packages() {
    case "$1" in
        linux-aarch64) echo "rustc-web cargo-web libstd-rust-web-dev:arm64 gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user-static" ;;
        linux-x86-64-musl) echo "rustc-web cargo-web rust-web-src musl-tools" ;;
        linux-aarch64-musl) echo "rustc-web cargo-web rust-web-src gcc-aarch64-linux-gnu musl-dev:arm64 qemu-user-static" ;;
        windows-x86-64) echo "rustc-web cargo-web rust-web-src gcc-mingw-w64-x86-64-posix wine64" ;;
    esac
}

# The std sources of Debian's rustc (rust-web-src), found from its sysroot so that 1.97 works too.
cross_std_src() { echo "$("$DEB_RUSTC" --print sysroot 2>/dev/null || echo /usr)/lib/rustlib/src/rust/library"; }

# Whether the platform builds std from source (Debian ships no std for it).
cross_build_std() { [[ "$1" != linux-aarch64 ]]; }

# Exports what building std from source needs, offline: RUSTC_BOOTSTRAP and a private CARGO_HOME under
# $1 whose crates-io is the std sources' vendor folder.
cross_build_std_env() {
    export RUSTC_BOOTSTRAP=1 CARGO_HOME="$1/cargo-home"
    mkdir -p "$CARGO_HOME"
    cat >"$CARGO_HOME/config.toml" <<EOF
[source.crates-io]
replace-with = "debian-rust-std-vendor"
[source.debian-rust-std-vendor]
directory = "$(cross_std_src)/vendor"
EOF
}

# Exports what Debian's cargo needs for the platform: rustc, linker, runner, flags, and for build-std a
# private CARGO_HOME whose crates-io is the std sources' vendor folder (offline).
#   $1 platform, $2 a work folder for generated files
cross_env() {
    local platform="$1" work="$2" triple upper
    triple="$(cross_triple "$platform")"
    upper="$(tr 'a-z-' 'A-Z_' <<<"$triple")"
    export RUSTC="$DEB_RUSTC" RUSTDOC=/usr/bin/rustdoc
    unset RUSTUP_TOOLCHAIN RUSTFLAGS CARGO_BUILD_TARGET
    export CROSS_WORK="$work"
    CROSS_CARGO_FLAGS=(--offline --target "$triple")
    local rustflags=()
    case "$platform" in
        linux-aarch64)
            export "CARGO_TARGET_${upper}_LINKER=aarch64-linux-gnu-gcc"
            CROSS_CARGO_FLAGS+=(--locked)
            ;;
        linux-x86-64-musl)
            export "CARGO_TARGET_${upper}_LINKER=musl-gcc"
            rustflags+=(-C target-feature=-crt-static -L "native=$(cross_gcc_s_dir "$work" gcc)")
            ;;
        linux-aarch64-musl)
            export "CARGO_TARGET_${upper}_LINKER=$CROSS_DIR/aarch64-musl-gcc.sh"
            rustflags+=(-C target-feature=-crt-static -L "native=$(cross_gcc_s_dir "$work" aarch64-linux-gnu-gcc)")
            ;;
        windows-x86-64)
            export "CARGO_TARGET_${upper}_LINKER=x86_64-w64-mingw32-gcc-posix"
            # Static libgcc and winpthread: the DLL imports system DLLs only.
            rustflags+=(-C target-feature=+crt-static)
            ;;
    esac
    if cross_build_std "$platform"; then
        CROSS_CARGO_FLAGS+=(-Zbuild-std=std,panic_unwind)
        cross_build_std_env "$work"
    fi
    export "CARGO_TARGET_${upper}_RUSTFLAGS=${rustflags[*]}" "CARGO_TARGET_${upper}_RUNNER=$(cross_runner "$platform")"
}

# A folder holding libgcc_s.a = the compiler's static unwinder (libgcc_eh.a): std's unwind crate links
# -lgcc_s for musl without crt-static, and Debian has no musl libgcc_s. Prints the folder.
cross_gcc_s_dir() {
    local dir="$1/gcc_s"
    mkdir -p "$dir"
    ln -sf "$("$2" -print-file-name=libgcc_eh.a)" "$dir/libgcc_s.a"
    echo "$dir"
}

# The command prefix that runs the platform's programs here: qemu-user for aarch64 (-L /: the
# multiarch libc; with -L /usr/aarch64-linux-gnu every thread spawn hangs), wine for Windows, the musl
# loader for musl; nothing for the host.
cross_runner() {
    case "$1" in
        linux-aarch64 | linux-aarch64-musl) echo "qemu-aarch64-static -L /" ;;
        linux-x86-64-musl) echo /lib/ld-musl-x86_64.so.1 ;;
        windows-x86-64) echo "$CROSS_DIR/wine-run.sh" ;;
    esac
}

# Runs a program of the platform: cross_run <platform> <program> [args...]
cross_run() {
    local runner
    read -r -a runner <<<"$(cross_runner "$1")"
    shift
    "${runner[@]}" "$@"
}

# The SHA-256 of a file in lower-case hex.
cross_sha256() {
    if command -v sha256sum >/dev/null 2>&1; then
        sha256sum "$1" | cut -d' ' -f1
    else
        shasum -a 256 "$1" | cut -d' ' -f1
    fi
}

CROSS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CRATE_DIR="$(cd "$CROSS_DIR/../.." && pwd)"

# The strip tool for the platform's object files.
cross_strip() {
    case "$1" in
        linux-aarch64 | linux-aarch64-musl) echo aarch64-linux-gnu-strip ;;
        windows-x86-64) echo x86_64-w64-mingw32-strip ;;
        macos-*) echo "strip -x" ;;
        *) echo strip ;;
    esac
}

# Copies a built library to <stage>/<platform>/<file>, stripped, with <file>.sha256 (hex + newline).
#   $1 platform, $2 the built library, $3 the stage folder (native/ inside the jar's classes)
cross_stage() {
    local platform="$1" built="$2" dir="$3/$1" file
    file="$(cross_file "$platform")"
    [[ -f "$built" ]] || { echo "cross: no library at $built" >&2; return 1; }
    mkdir -p "$dir"
    cp "$built" "$dir/$file.tmp"
    # shellcheck disable=SC2046
    $(cross_strip "$platform") $([[ $platform == macos-* ]] || echo --strip-all) "$dir/$file.tmp"
    mv -f "$dir/$file.tmp" "$dir/$file"
    cross_sha256 "$dir/$file" >"$dir/$file.sha256"
    echo "cross: staged $dir/$file ($(wc -c <"$dir/$file") bytes, stripped)"
}
