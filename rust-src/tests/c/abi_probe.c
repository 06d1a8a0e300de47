/*
 * ABI probe: what this platform's C compiler makes of every struct in ffi_bridge.h, against what the
 * library reports about itself (FFI_BRIDGE_ABI_INFO, read as data, and ffi_bridge_layout). The two
 * structs the library does not describe (FfiBridgeLiveCounts, FfiBridgeLayout itself) are compared
 * with their fixed layouts in docs/abi.md, which the Rust side asserts at compile time.
 *
 * Prints "struct <Name>" once per struct, one "<what> c=<n> lib=<n> ok|MISMATCH" line per value, and
 * ends with "abi-probe: N values compared, M mismatches"; exits 1 on a mismatch.
 * Built and run per platform by scripts/cross/abi-probe.sh.
 */
#include "ffi_bridge.h"

#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int compared = 0;
static int mismatches = 0;

static void value(const char *what, size_t c, size_t lib) {
    compared++;
    if (c != lib) mismatches++;
    printf("  %-34s c=%-3zu lib=%-3zu %s\n", what, c, lib, c == lib ? "ok" : "MISMATCH");
}

#define SHAPE(T, size, align)                                                                      \
    do {                                                                                           \
        printf("struct %s\n", #T);                                                                 \
        value("sizeof(" #T ")", sizeof(T), (size));                                                \
        value("alignof(" #T ")", alignof(T), (align));                                             \
    } while (0)
#define FIELD(T, f, offset) value("offsetof(" #T ", " #f ")", offsetof(T, f), (offset))

int main(void) {
    FfiBridgeLayout data; /* FFI_BRIDGE_ABI_INFO, read as bytes: what the library exports as data */
    memcpy(&data, &FFI_BRIDGE_ABI_INFO, sizeof data);
    FfiBridgeLayout called;
    memset(&called, 0xFF, sizeof called);
    int32_t status = ffi_bridge_layout(&called);
    printf("library: ABI version %u (header %d), ffi_bridge_layout status %d\n", (unsigned)data.abi_version,
           FFI_BRIDGE_ABI_VERSION, (int)status);
    value("FFI_BRIDGE_ABI_INFO == ffi_bridge_layout", 0, (size_t)memcmp(&data, &called, sizeof data) != 0);
    value("abi_version", FFI_BRIDGE_ABI_VERSION, data.abi_version);

    SHAPE(Person, data.person_size, data.person_align);
    FIELD(Person, age, data.person_age_offset);
    FIELD(Person, height, data.person_height_offset);
    FIELD(Person, name, data.person_name_offset);
    SHAPE(Data, data.data_size, data.data_align);
    FIELD(Data, values, data.data_values_offset);
    SHAPE(FfiBridgeBuffer, data.buffer_size, data.buffer_align);
    FIELD(FfiBridgeBuffer, data, data.buffer_data_offset);
    FIELD(FfiBridgeBuffer, length, data.buffer_length_offset);
    SHAPE(FfiBridgeBytes, data.bytes_size, data.bytes_align);
    FIELD(FfiBridgeBytes, data, data.bytes_data_offset);
    FIELD(FfiBridgeBytes, length, data.bytes_length_offset);

    /* docs/abi.md: four uint64_t counters; 17 uint32_t fields. */
    SHAPE(FfiBridgeLiveCounts, 32, 8);
    FIELD(FfiBridgeLiveCounts, persons, 0);
    FIELD(FfiBridgeLiveCounts, data, 8);
    FIELD(FfiBridgeLiveCounts, buffers, 16);
    FIELD(FfiBridgeLiveCounts, byte_arrays, 24);
    SHAPE(FfiBridgeLayout, 17 * 4, 4);
    FIELD(FfiBridgeLayout, abi_version, 0);
    FIELD(FfiBridgeLayout, person_size, 4);
    FIELD(FfiBridgeLayout, data_size, 24);
    FIELD(FfiBridgeLayout, buffer_size, 36);
    FIELD(FfiBridgeLayout, bytes_size, 52);
    FIELD(FfiBridgeLayout, bytes_length_offset, 64);

    /* The scalars the structs and signatures are made of (docs/abi.md: LP64, little-endian). */
    printf("scalars\n");
    value("sizeof(FfiBridgeStatus)", sizeof(FfiBridgeStatus), 4);
    value("sizeof(size_t)", sizeof(size_t), 8);
    value("sizeof(void *)", sizeof(void *), 8);
    value("sizeof(float)", sizeof(float), 4);
    value("sizeof(double)", sizeof(double), 8);
    unsigned char first;
    memcpy(&first, &FFI_BRIDGE_ABI_INFO, 1);
    value("little-endian (first byte of version)", first, FFI_BRIDGE_ABI_VERSION);

    printf("abi-probe: %d values compared, %d mismatches\n", compared, mismatches);
    return mismatches == 0 && status == FFI_BRIDGE_OK ? 0 : 1;
}
