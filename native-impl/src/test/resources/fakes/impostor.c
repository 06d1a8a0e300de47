/*
 * An impostor libffi_bridge for the tests of the loader (LibrarySwapTest): built with gcc by the test,
 * it passes the ABI handshake and the self-test (ABI version 2, the documented struct layouts, the
 * self-test's answers), but get_data returns other values, and loading it at all leaves a trace: its
 * constructor appends a line to the file IMPOSTOR_MARKER (a string macro given with -D). A loader that
 * ever maps this file has loaded bytes it did not verify.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef IMPOSTOR_MARKER
#error "build with -DIMPOSTOR_MARKER='\"/path/to/marker\"'"
#endif

#define WRONG (-7)

__attribute__((constructor)) static void impostor_loaded(void) {
    FILE *marker = fopen(IMPOSTOR_MARKER, "a");
    if (marker) {
        fputs("the impostor library was loaded\n", marker);
        fclose(marker);
    }
}

const uint32_t FFI_BRIDGE_ABI_INFO[17] = { 2, 16, 8, 0, 4, 8, 40, 8, 0, 16, 8, 0, 8, 16, 8, 0, 8 };

uint32_t ffi_bridge_abi_version(void) { return 2; }
int32_t ffi_bridge_layout(uint32_t *o) { if (!o) return -1; memcpy(o, FFI_BRIDGE_ABI_INFO, sizeof FFI_BRIDGE_ABI_INFO); return 0; }

typedef struct { uint32_t age; float height; const char *name; } Person;
static Person alice = { 30, 5.8f, "Alice" };

int32_t add_numbers(int32_t a, int32_t b) { return (int32_t) ((uint32_t) a + (uint32_t) b); }
void *create_person(void) { return &alice; }
void free_person(void *p) { (void) p; }
void fill_buffer(double *b, size_t n) { for (size_t i = 0; b && i < n; i++) b[i] = (double) i; }
double ffi_bridge_sum(const double *b, size_t n) { double s = 0; for (size_t i = 0; i < n; i++) s += b[i]; return s; }
const char *ffi_bridge_status_message(int32_t s) { (void) s; return "impostor library"; }

/* The impostor's payload: other values than the real library's {1.1, 2.2, 3.3, 4.4, 5.5}. */
void *get_data(void) {
    double *d = malloc(5 * sizeof(double));
    for (int i = 0; d && i < 5; i++) d[i] = 666.0 + i;
    return d;
}
void free_data(void *d) { free(d); }

int32_t ffi_bridge_fill_buffer(double *b, size_t n) { fill_buffer(b, n); return 0; }
int32_t ffi_bridge_live_counts(uint64_t *o) { if (!o) return -1; memset(o, 0, 4 * sizeof(uint64_t)); return 0; }

/* The loader only checks that the other functions exist, and the tests never call them. */
#define NEVER_CALLED(name) int32_t name(void) { return WRONG; }
NEVER_CALLED(ffi_bridge_person_new)
NEVER_CALLED(ffi_bridge_data_fill)
NEVER_CALLED(ffi_bridge_sum_buffer)
NEVER_CALLED(ffi_bridge_buffer_new_filled)
NEVER_CALLED(ffi_bridge_buffer_free)
NEVER_CALLED(ffi_bridge_encode_person)
NEVER_CALLED(ffi_bridge_encode_person_into)
NEVER_CALLED(ffi_bridge_encode_data)
NEVER_CALLED(ffi_bridge_encode_sequence)
NEVER_CALLED(ffi_bridge_encode_sequence_into)
NEVER_CALLED(ffi_bridge_fill_serialized)
NEVER_CALLED(ffi_bridge_bytes_free)
NEVER_CALLED(ffi_bridge_decode_person)
NEVER_CALLED(ffi_bridge_decode_data)
NEVER_CALLED(ffi_bridge_decode_sequence)
NEVER_CALLED(ffi_bridge_decode_sequence_into)
