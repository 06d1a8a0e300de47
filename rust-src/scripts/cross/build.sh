#!/usr/bin/env bash
# Builds the release library for one cross platform with Debian's cargo, offline, and stages it
# stripped as <stage-dir>/<platform>/<file> with its SHA-256 next to it (<file>.sha256, as the loader
# reads it).
#
# Usage: scripts/cross/build.sh <platform> <work-dir> <stage-dir>
#   work-dir: cargo's target dir (<work-dir>/cargo) and generated files (<work-dir>/<platform>)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

platform="${1:?usage: $0 <platform> <work-dir> <stage-dir>}"
work_root="${2:?work-dir}"
stage="${3:?stage-dir}"
mkdir -p "$work_root/$platform" "$stage"
work_root="$(cd "$work_root" && pwd)"

cross_env "$platform" "$work_root/$platform"
triple="$(cross_triple "$platform")"
file="$(cross_file "$platform")"

"$DEB_CARGO" build --release "${CROSS_CARGO_FLAGS[@]}" \
    --manifest-path "$CRATE_DIR/Cargo.toml" --target-dir "$work_root/cargo"
built="$work_root/cargo/$triple/release/$file"
cross_stage "$platform" "$built" "$stage"
