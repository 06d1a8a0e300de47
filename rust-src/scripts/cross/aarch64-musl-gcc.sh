#!/bin/sh
# musl-gcc for aarch64: the aarch64 cross gcc with the specs file of musl-dev:arm64 (Debian's musl-tools
# ships this wrapper for the host architecture only). The linker of linux-aarch64-musl and its C clients.
exec aarch64-linux-gnu-gcc "$@" -specs /usr/lib/aarch64-linux-musl/musl-gcc.specs
