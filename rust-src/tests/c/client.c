/*
 * C client of libffi_bridge.so: exercises every exported function through the generated
 * header, including NULLs, invalid UTF-8, overflowing lengths, unaligned buffers, malformed
 * bytes and allocation failures, and checks that the live counts return to zero.
 *
 * Build: gcc -std=c11 -Wall -Wextra -Werror -I include tests/c/client.c -L <dir> -lffi_bridge
 * Prints one line per failed check and ends with "N passed, M failed"; exits 1 on failure.
 */
#include "ffi_bridge.h"

#include <math.h>
#include <stdalign.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int passed = 0;
static int failed = 0;

#define CHECK(cond)                                                                        \
    do {                                                                                   \
        if (cond) {                                                                        \
            passed++;                                                                      \
        } else {                                                                           \
            failed++;                                                                      \
            fprintf(stderr, "FAILED %s:%d: %s\n", __FILE__, __LINE__, #cond);              \
        }                                                                                  \
    } while (0)

#define CHECK_STATUS(call, expected) CHECK((call) == (expected))

/* Lengths whose byte size overflows, or exceeds PTRDIFF_MAX. */
static const size_t OVERFLOWING[] = {SIZE_MAX, SIZE_MAX / 8 + 1, (size_t)PTRDIFF_MAX / 8 + 1};
#define N_OVERFLOWING (sizeof OVERFLOWING / sizeof OVERFLOWING[0])

/* A length whose byte size is representable but far beyond any address space. */
#define UNALLOCATABLE ((size_t)1 << 58)

static bool same_bits(double a, double b) { return memcmp(&a, &b, sizeof a) == 0; }

static double read_double(const unsigned char *p) {
    double d;
    memcpy(&d, p, sizeof d);
    return d;
}

static void write_double(unsigned char *p, double d) { memcpy(p, &d, sizeof d); }

static void put_u64(unsigned char *p, uint64_t v) {
    for (int i = 0; i < 8; i++) p[i] = (unsigned char)(v >> (8 * i));
}

static uint64_t get_u64(const unsigned char *p) {
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--) v = (v << 8) | p[i];
    return v;
}

static FfiBridgeLiveCounts live(void) {
    FfiBridgeLiveCounts c;
    memset(&c, 0xFF, sizeof c);
    CHECK_STATUS(ffi_bridge_live_counts(&c), FFI_BRIDGE_OK);
    return c;
}

/* docs/abi.md's sum order, literally: blocks of 8192, sixteen lanes per block. */
static double reference_sum(const double *x, size_t n) {
    double acc[16] = {0};
    for (size_t start = 0; start < n; start += 8192) {
        double lane[16] = {0};
        for (size_t j = 0; start + j < n && j < 8192; j++) lane[j % 16] += x[start + j];
        for (int k = 0; k < 16; k++) acc[k] += lane[k];
    }
    double s8[8], s4[4], s2[2];
    for (int k = 0; k < 8; k++) s8[k] = acc[k] + acc[k + 8];
    for (int k = 0; k < 4; k++) s4[k] = s8[k] + s8[k + 4];
    for (int k = 0; k < 2; k++) s2[k] = s4[k] + s4[k + 2];
    return s2[0] + s2[1];
}

static uint64_t rng_state = 0x9E3779B97F4A7C15u;
static double next_value(void) {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    double mantissa = (double)(rng_state >> 11) / 9007199254740992.0;
    int exponent = (int)(rng_state % 61) - 30;
    return ((rng_state & 1) ? -1.0 : 1.0) * ldexp(mantissa, exponent);
}

static void test_guide_functions(void) {
    CHECK(add_numbers(2, 3) == 5);
    CHECK(add_numbers(-7, 3) == -4);
    CHECK(add_numbers(INT32_MAX, 1) == INT32_MIN);
    CHECK(add_numbers(INT32_MIN, -1) == INT32_MAX);

    Person *p = create_person();
    CHECK(p != NULL);
    if (p) {
        CHECK(p->age == 30);
        CHECK(p->height == 5.8f);
        CHECK(p->name != NULL && strcmp(p->name, "Alice") == 0);
        CHECK(live().persons == 1);
        free_person(p);
    }
    free_person(NULL);
    CHECK(live().persons == 0);

    Data *d = get_data();
    CHECK(d != NULL);
    if (d) {
        const double expected[5] = {1.1, 2.2, 3.3, 4.4, 5.5};
        CHECK(memcmp(d->values, expected, sizeof expected) == 0);
        CHECK(live().data == 1);
        free_data(d);
    }
    free_data(NULL);
    CHECK(live().data == 0);

    /* fill_buffer: aligned and unaligned, NULL and overflowing lengths are no-ops. */
    double buffer[10];
    fill_buffer(buffer, 10);
    bool ok = true;
    for (int i = 0; i < 10; i++) ok = ok && buffer[i] == (double)i;
    CHECK(ok);
    unsigned char raw[8 * 1025 + 8];
    for (size_t offset = 0; offset < 8; offset += 3) {
        memset(raw, 0xAB, sizeof raw);
        fill_buffer((double *)(void *)(raw + offset), 1025);
        ok = true;
        for (size_t i = 0; i < 1025; i++) ok = ok && same_bits(read_double(raw + offset + 8 * i), (double)i);
        CHECK(ok);
        CHECK(offset == 0 || raw[offset - 1] == 0xAB);
        CHECK(raw[offset + 8 * 1025] == 0xAB);
    }
    fill_buffer(NULL, 10);
    memset(raw, 0xAB, sizeof raw);
    for (size_t k = 0; k < N_OVERFLOWING; k++) fill_buffer((double *)(void *)raw, OVERFLOWING[k]);
    CHECK(raw[0] == 0xAB && raw[7] == 0xAB);
    fill_buffer(buffer, 0);
}

/* Sums of several blocks, and (from 524288 values on) on two threads: the same bits. */
static void test_large_sums(void) {
    static const size_t lengths[] = {3 * 8192 + 1, 524288 + 3 * 8192 + 5};
    for (size_t li = 0; li < sizeof lengths / sizeof lengths[0]; li++) {
        size_t n = lengths[li];
        unsigned char *raw = malloc(8 * n + 8);
        double *values = malloc(8 * n);
        CHECK(raw != NULL && values != NULL);
        for (size_t i = 0; i < n; i++) {
            values[i] = next_value();
            write_double(raw + 3 + 8 * i, values[i]);
        }
        double expected = reference_sum(values, n);
        for (int repeat = 0; repeat < 3; repeat++) {
            CHECK(same_bits(ffi_bridge_sum((const double *)(void *)(raw + 3), n), expected));
        }
        free(values);
        free(raw);
    }
}

/* The fixed tree of docs/abi.md over sixteen totals. */
static double combine_totals(const double *acc) {
    double s8[8], s4[4], s2[2];
    for (int k = 0; k < 8; k++) s8[k] = acc[k] + acc[k + 8];
    for (int k = 0; k < 4; k++) s4[k] = s8[k] + s8[k + 4];
    for (int k = 0; k < 2; k++) s2[k] = s4[k] + s4[k + 2];
    return s2[0] + s2[1];
}

/* Fill and sum in pieces: the same values and the same bits as one call on the whole. */
static void test_pieces(void) {
    static const size_t pieces[] = {8192, 3 * 8192, 524288};
    size_t n = 2 * 524288 + 3 * 8192 + 7;
    double *whole = malloc(8 * n);
    unsigned char *raw = malloc(8 * n + 8);
    CHECK(whole != NULL && raw != NULL);
    if (whole == NULL || raw == NULL) {
        free(whole);
        free(raw);
        return;
    }
    CHECK_STATUS(ffi_bridge_fill_buffer(whole, n), FFI_BRIDGE_OK);
    /* Unaligned through fill_range; aligned through fill_piece as pieces of a streamed fill. */
    for (size_t pi = 0; pi < 2 * (sizeof pieces / sizeof pieces[0]); pi++) {
        size_t piece = pieces[pi / 2] + 1; /* fills need no block boundaries */
        size_t offset = pi % 2 == 0 ? 1 : 8;
        memset(raw, 0xCD, 8 * n + 8);
        for (size_t start = 0; start < n; start += piece) {
            size_t len = n - start < piece ? n - start : piece;
            double *p = (double *)(void *)(raw + offset + 8 * start);
            int32_t status = offset == 1 ? ffi_bridge_fill_range(p, len, start)
                                         : ffi_bridge_fill_piece(p, len, start, (size_t)8 << 20);
            CHECK_STATUS(status, FFI_BRIDGE_OK);
        }
        CHECK(memcmp(raw + offset, whole, 8 * n) == 0 && (offset == 8 || raw[8 * n + 1] == 0xCD));
    }
    for (size_t i = 0; i < n; i++) whole[i] = next_value();
    double expected = reference_sum(whole, n);
    for (size_t pi = 0; pi < sizeof pieces / sizeof pieces[0]; pi++) {
        unsigned char totals_raw[8 * 16 + 8];
        double *totals = (double *)(void *)(totals_raw + 3);
        for (int k = 0; k < 16; k++) write_double(totals_raw + 3 + 8 * k, 0.0);
        for (size_t start = 0; start < n; start += pieces[pi]) {
            size_t len = n - start < pieces[pi] ? n - start : pieces[pi];
            CHECK_STATUS(ffi_bridge_sum_blocks(whole + start, len, totals), FFI_BRIDGE_OK);
        }
        double acc[16];
        memcpy(acc, totals_raw + 3, sizeof acc);
        CHECK(same_bits(combine_totals(acc), expected));
    }

    /* Errors: NULL (whatever the length), overflowing lengths and ranges; nothing written. */
    double totals[16];
    for (int k = 0; k < 16; k++) totals[k] = 42.0;
    CHECK_STATUS(ffi_bridge_sum_blocks(NULL, 0, totals), FFI_BRIDGE_NULL_POINTER);
    CHECK_STATUS(ffi_bridge_sum_blocks(whole, 3, NULL), FFI_BRIDGE_NULL_POINTER);
    CHECK_STATUS(ffi_bridge_fill_range(NULL, 0, 0), FFI_BRIDGE_NULL_POINTER);
    CHECK_STATUS(ffi_bridge_fill_piece(NULL, 0, 0, 0), FFI_BRIDGE_NULL_POINTER);
    for (size_t k = 0; k < N_OVERFLOWING; k++) {
        CHECK_STATUS(ffi_bridge_sum_blocks(whole, OVERFLOWING[k], totals), FFI_BRIDGE_LENGTH_OVERFLOW);
        CHECK_STATUS(ffi_bridge_fill_range(whole, OVERFLOWING[k], 0), FFI_BRIDGE_LENGTH_OVERFLOW);
        CHECK_STATUS(ffi_bridge_fill_piece(whole, OVERFLOWING[k], 0, 0), FFI_BRIDGE_LENGTH_OVERFLOW);
    }
    double first = whole[0];
    CHECK_STATUS(ffi_bridge_fill_range(whole, 2, UINT64_MAX), FFI_BRIDGE_LENGTH_OVERFLOW);
    CHECK_STATUS(ffi_bridge_fill_piece(whole, 2, UINT64_MAX, 2), FFI_BRIDGE_LENGTH_OVERFLOW);
    CHECK(same_bits(whole[0], first) && totals[0] == 42.0 && totals[15] == 42.0);
    CHECK_STATUS(ffi_bridge_fill_range(whole, 1, UINT64_MAX), FFI_BRIDGE_OK);
    CHECK(whole[0] == (double)UINT64_MAX);
    free(whole);
    free(raw);
}

static void test_fill_and_sum(void) {
    static const size_t lengths[] = {0, 1, 7, 15, 16, 17, 1023, 1025};
    static unsigned char raw[8 * 1025 + 16];

    for (size_t li = 0; li < sizeof lengths / sizeof lengths[0]; li++) {
        size_t n = lengths[li];
        for (size_t offset = 0; offset < 8; offset++) {
            unsigned char *p = raw + offset;
            memset(raw, 0xCD, sizeof raw);
            CHECK_STATUS(ffi_bridge_fill_buffer((double *)(void *)p, n), FFI_BRIDGE_OK);
            bool ok = true;
            for (size_t i = 0; i < n; i++) ok = ok && same_bits(read_double(p + 8 * i), (double)i);
            CHECK(ok && p[8 * n] == 0xCD);

            /* Sum of random values at the same (unaligned) address, bit-exact. */
            double values[1025];
            for (size_t i = 0; i < n; i++) {
                values[i] = next_value();
                write_double(p + 8 * i, values[i]);
            }
            unsigned char out_raw[16];
            double *out = (double *)(void *)(out_raw + offset);
            CHECK_STATUS(ffi_bridge_sum_buffer((const double *)(void *)p, n, out), FFI_BRIDGE_OK);
            CHECK(same_bits(read_double(out_raw + offset), reference_sum(values, n)));
            /* ffi_bridge_sum: the same bits, returned directly. */
            CHECK(same_bits(ffi_bridge_sum((const double *)(void *)p, n), reference_sum(values, n)));
        }
    }

    double sum = 42.0;
    double values[3] = {1.0, 2.0, 3.5};
    CHECK_STATUS(ffi_bridge_sum_buffer(values, 3, &sum), FFI_BRIDGE_OK);
    CHECK(sum == 6.5);
    CHECK_STATUS(ffi_bridge_sum_buffer(values, 0, &sum), FFI_BRIDGE_OK);
    CHECK(same_bits(sum, 0.0));
    CHECK(ffi_bridge_sum(values, 3) == 6.5);
    CHECK(same_bits(ffi_bridge_sum(values, 0), 0.0));
    double with_nan[3] = {1.0, NAN, 2.0};
    CHECK(isnan(ffi_bridge_sum(with_nan, 3)));
    CHECK_STATUS(ffi_bridge_sum_buffer(with_nan, 3, &sum), FFI_BRIDGE_OK);
    CHECK(isnan(sum));

    /* Errors: NULL (whatever the length), overflowing lengths; nothing written. */
    sum = 42.0;
    CHECK_STATUS(ffi_bridge_fill_buffer(NULL, 10), FFI_BRIDGE_NULL_POINTER);
    CHECK_STATUS(ffi_bridge_fill_buffer(NULL, 0), FFI_BRIDGE_NULL_POINTER);
    CHECK_STATUS(ffi_bridge_sum_buffer(NULL, 3, &sum), FFI_BRIDGE_NULL_POINTER);
    CHECK_STATUS(ffi_bridge_sum_buffer(values, 3, NULL), FFI_BRIDGE_NULL_POINTER);
    for (size_t k = 0; k < N_OVERFLOWING; k++) {
        CHECK_STATUS(ffi_bridge_fill_buffer(values, OVERFLOWING[k]), FFI_BRIDGE_LENGTH_OVERFLOW);
        CHECK_STATUS(ffi_bridge_sum_buffer(values, OVERFLOWING[k], &sum), FFI_BRIDGE_LENGTH_OVERFLOW);
        CHECK(isnan(ffi_bridge_sum(values, OVERFLOWING[k])));
    }
    /* ffi_bridge_sum: NULL (whatever the length) is NaN. */
    CHECK(isnan(ffi_bridge_sum(NULL, 3)));
    CHECK(isnan(ffi_bridge_sum(NULL, 0)));
    CHECK(sum == 42.0 && values[0] == 1.0 && values[2] == 3.5);
}

static void test_person_new_and_data_fill(void) {
    Person *sentinel = (Person *)(uintptr_t)0x1234;
    Person *p = sentinel;
    CHECK_STATUS(ffi_bridge_person_new("Zo\xc3\xab", 41, 1.75f, &p), FFI_BRIDGE_OK);
    CHECK(p != sentinel && p != NULL);
    if (p && p != sentinel) {
        CHECK(p->age == 41 && p->height == 1.75f && strcmp(p->name, "Zo\xc3\xab") == 0);
        CHECK(live().persons == 1);
        free_person(p);
    }
    p = sentinel;
    CHECK_STATUS(ffi_bridge_person_new(NULL, 1, 1.0f, &p), FFI_BRIDGE_NULL_POINTER);
    CHECK_STATUS(ffi_bridge_person_new("Bob", 1, 1.0f, NULL), FFI_BRIDGE_NULL_POINTER);
    CHECK_STATUS(ffi_bridge_person_new("B\xff\xfe", 1, 1.0f, &p), FFI_BRIDGE_INVALID_UTF8);
    CHECK_STATUS(ffi_bridge_person_new("\xc3", 1, 1.0f, &p), FFI_BRIDGE_INVALID_UTF8);
    CHECK_STATUS(ffi_bridge_person_new("\xed\xa0\x80", 1, 1.0f, &p), FFI_BRIDGE_INVALID_UTF8);
    CHECK(p == sentinel);
    CHECK(live().persons == 0);

    /* An unaligned out pointer is fine. */
    unsigned char slot[16];
    CHECK_STATUS(ffi_bridge_person_new("", 0, 0.0f, (Person **)(void *)(slot + 1)), FFI_BRIDGE_OK);
    Person *empty_name;
    memcpy(&empty_name, slot + 1, sizeof empty_name);
    CHECK(empty_name != NULL && strcmp(empty_name->name, "") == 0);
    free_person(empty_name);

    Data d;
    memset(&d, 0, sizeof d);
    CHECK_STATUS(ffi_bridge_data_fill(&d), FFI_BRIDGE_OK);
    CHECK(d.values[0] == 1.1 && d.values[4] == 5.5);
    CHECK_STATUS(ffi_bridge_data_fill(NULL), FFI_BRIDGE_NULL_POINTER);
    unsigned char raw[48];
    CHECK_STATUS(ffi_bridge_data_fill((Data *)(void *)(raw + 3)), FFI_BRIDGE_OK);
    CHECK(read_double(raw + 3 + 32) == 5.5);
}

static void test_owned_buffers(void) {
    FfiBridgeBuffer *sentinel = (FfiBridgeBuffer *)(uintptr_t)0x1234;
    FfiBridgeBuffer *b = sentinel;
    CHECK_STATUS(ffi_bridge_buffer_new_filled(1025, &b), FFI_BRIDGE_OK);
    CHECK(b != sentinel && b != NULL && b->length == 1025 && b->data != NULL);
    if (b && b != sentinel) {
        bool ok = true;
        for (size_t i = 0; i < b->length; i++) ok = ok && b->data[i] == (double)i;
        CHECK(ok);
        CHECK(live().buffers == 1);
        ffi_bridge_buffer_free(b);
    }
    b = sentinel;
    CHECK_STATUS(ffi_bridge_buffer_new_filled(0, &b), FFI_BRIDGE_OK);
    CHECK(b != sentinel && b->data == NULL && b->length == 0);
    ffi_bridge_buffer_free(b);
    ffi_bridge_buffer_free(NULL);

    b = sentinel;
    CHECK_STATUS(ffi_bridge_buffer_new_filled(3, NULL), FFI_BRIDGE_NULL_POINTER);
    for (size_t k = 0; k < N_OVERFLOWING; k++)
        CHECK_STATUS(ffi_bridge_buffer_new_filled(OVERFLOWING[k], &b), FFI_BRIDGE_LENGTH_OVERFLOW);
    CHECK_STATUS(ffi_bridge_buffer_new_filled(UNALLOCATABLE, &b), FFI_BRIDGE_ALLOCATION_FAILED);
    CHECK(b == sentinel);
    CHECK(live().buffers == 0);
}

static const unsigned char ALICE_BYTES[21] = {30,   0,    0,    0,    0x9A, 0x99, 0xB9,
                                              0x40, 5,    0,    0,    0,    0,    0,
                                              0,    0,    'A',  'l',  'i',  'c',  'e'};

static void test_person_codec(void) {
    FfiBridgeBytes *sentinel = (FfiBridgeBytes *)(uintptr_t)0x1234;
    Person *alice = create_person();
    FfiBridgeBytes *bytes = sentinel;
    CHECK_STATUS(ffi_bridge_encode_person(alice, &bytes), FFI_BRIDGE_OK);
    CHECK(bytes != sentinel && bytes->length == sizeof ALICE_BYTES);
    CHECK(memcmp(bytes->data, ALICE_BYTES, sizeof ALICE_BYTES) == 0);
    CHECK(live().byte_arrays == 1);
    ffi_bridge_bytes_free(bytes);
    ffi_bridge_bytes_free(NULL);
    free_person(alice);

    /* Encoding errors. */
    bytes = sentinel;
    char bad_name[] = "B\xff";
    char good_name[] = "Bob";
    Person local = {7, 1.5f, good_name};
    CHECK_STATUS(ffi_bridge_encode_person(NULL, &bytes), FFI_BRIDGE_NULL_POINTER);
    CHECK_STATUS(ffi_bridge_encode_person(&local, NULL), FFI_BRIDGE_NULL_POINTER);
    local.name = NULL;
    CHECK_STATUS(ffi_bridge_encode_person(&local, &bytes), FFI_BRIDGE_NULL_POINTER);
    local.name = bad_name;
    CHECK_STATUS(ffi_bridge_encode_person(&local, &bytes), FFI_BRIDGE_INVALID_UTF8);
    CHECK(bytes == sentinel);

    /* Decoding: round trip from an unaligned copy. */
    unsigned char raw[64];
    memcpy(raw + 1, ALICE_BYTES, sizeof ALICE_BYTES);
    Person *psentinel = (Person *)(uintptr_t)0x1234;
    Person *p = psentinel;
    CHECK_STATUS(ffi_bridge_decode_person(raw + 1, sizeof ALICE_BYTES, &p), FFI_BRIDGE_OK);
    CHECK(p != psentinel && p->age == 30 && p->height == 5.8f && strcmp(p->name, "Alice") == 0);
    CHECK(live().persons == 1);
    free_person(p);

    /* Decoding errors: nothing allocated, *out untouched. */
    p = psentinel;
    unsigned char m[32];
    CHECK_STATUS(ffi_bridge_decode_person(NULL, 21, &p), FFI_BRIDGE_NULL_POINTER);
    CHECK_STATUS(ffi_bridge_decode_person(ALICE_BYTES, 21, NULL), FFI_BRIDGE_NULL_POINTER);
    CHECK_STATUS(ffi_bridge_decode_person(ALICE_BYTES, SIZE_MAX, &p), FFI_BRIDGE_LENGTH_OVERFLOW);
    CHECK_STATUS(ffi_bridge_decode_person(ALICE_BYTES, (size_t)PTRDIFF_MAX + 1, &p),
                 FFI_BRIDGE_LENGTH_OVERFLOW);
    for (size_t cut = 0; cut < sizeof ALICE_BYTES; cut++)
        CHECK_STATUS(ffi_bridge_decode_person(ALICE_BYTES, cut, &p), FFI_BRIDGE_MALFORMED_BYTES);
    memcpy(m, ALICE_BYTES, 21);
    m[21] = 0;
    CHECK_STATUS(ffi_bridge_decode_person(m, 22, &p), FFI_BRIDGE_MALFORMED_BYTES); /* trailing */
    put_u64(m + 8, UINT64_MAX);
    CHECK_STATUS(ffi_bridge_decode_person(m, 21, &p), FFI_BRIDGE_MALFORMED_BYTES); /* huge name */
    put_u64(m + 8, 4);
    CHECK_STATUS(ffi_bridge_decode_person(m, 21, &p), FFI_BRIDGE_MALFORMED_BYTES);
    memcpy(m, ALICE_BYTES, 21);
    m[17] = 0xFF;
    CHECK_STATUS(ffi_bridge_decode_person(m, 21, &p), FFI_BRIDGE_INVALID_UTF8);
    m[17] = 0;
    CHECK_STATUS(ffi_bridge_decode_person(m, 21, &p), FFI_BRIDGE_INTERIOR_NUL);
    CHECK(p == psentinel);
    CHECK(live().persons == 0);
}

static void test_data_and_sequence_codec(void) {
    FfiBridgeBytes *sentinel = (FfiBridgeBytes *)(uintptr_t)0x1234;
    Data d = {{1.1, 2.2, 3.3, 4.4, 5.5}};
    FfiBridgeBytes *bytes = sentinel;
    CHECK_STATUS(ffi_bridge_encode_data(&d, &bytes), FFI_BRIDGE_OK);
    CHECK(bytes != sentinel && bytes->length == 40);
    Data back;
    memset(&back, 0, sizeof back);
    if (bytes != sentinel) {
        CHECK(same_bits(read_double(bytes->data + 8), 2.2));
        CHECK_STATUS(ffi_bridge_decode_data(bytes->data, bytes->length, &back), FFI_BRIDGE_OK);
        CHECK(memcmp(&back, &d, sizeof d) == 0);
        CHECK_STATUS(ffi_bridge_decode_data(bytes->data, 39, &back), FFI_BRIDGE_MALFORMED_BYTES);
        ffi_bridge_bytes_free(bytes);
    }
    unsigned char long_input[41] = {0};
    Data untouched = {{9, 9, 9, 9, 9}};
    CHECK_STATUS(ffi_bridge_decode_data(long_input, 41, &untouched), FFI_BRIDGE_MALFORMED_BYTES);
    CHECK_STATUS(ffi_bridge_decode_data(long_input, 0, &untouched), FFI_BRIDGE_MALFORMED_BYTES);
    CHECK_STATUS(ffi_bridge_decode_data(NULL, 40, &untouched), FFI_BRIDGE_NULL_POINTER);
    CHECK_STATUS(ffi_bridge_decode_data(long_input, 40, NULL), FFI_BRIDGE_NULL_POINTER);
    CHECK_STATUS(ffi_bridge_decode_data(long_input, SIZE_MAX, &untouched), FFI_BRIDGE_LENGTH_OVERFLOW);
    CHECK(untouched.values[0] == 9 && untouched.values[4] == 9);
    bytes = sentinel;
    CHECK_STATUS(ffi_bridge_encode_data(NULL, &bytes), FFI_BRIDGE_NULL_POINTER);
    CHECK_STATUS(ffi_bridge_encode_data(&d, NULL), FFI_BRIDGE_NULL_POINTER);
    CHECK(bytes == sentinel);

    /* Sequences: encode from an unaligned buffer, decode, compare. */
    unsigned char raw[8 * 17 + 8];
    for (size_t i = 0; i < 17; i++) write_double(raw + 5 + 8 * i, next_value());
    CHECK_STATUS(ffi_bridge_encode_sequence((const double *)(void *)(raw + 5), 17, &bytes), FFI_BRIDGE_OK);
    CHECK(bytes != sentinel && bytes->length == 8 + 17 * 8 && get_u64(bytes->data) == 17);
    FfiBridgeBuffer *bsentinel = (FfiBridgeBuffer *)(uintptr_t)0x1234;
    FfiBridgeBuffer *buf = bsentinel;
    if (bytes != sentinel) {
        CHECK(memcmp(bytes->data + 8, raw + 5, 17 * 8) == 0);
        CHECK_STATUS(ffi_bridge_decode_sequence(bytes->data, bytes->length, &buf), FFI_BRIDGE_OK);
        CHECK(buf != bsentinel && buf->length == 17 && memcmp(buf->data, raw + 5, 17 * 8) == 0);
        CHECK(live().buffers == 1 && live().byte_arrays == 1);
        if (buf != bsentinel) ffi_bridge_buffer_free(buf);
        buf = bsentinel;
        CHECK_STATUS(ffi_bridge_decode_sequence(bytes->data, bytes->length - 1, &buf),
                     FFI_BRIDGE_MALFORMED_BYTES);
        CHECK_STATUS(ffi_bridge_decode_sequence(bytes->data, 7, &buf), FFI_BRIDGE_MALFORMED_BYTES);
        ffi_bridge_bytes_free(bytes);
    }

    /* fill_serialized: the encoded fill values. */
    bytes = sentinel;
    CHECK_STATUS(ffi_bridge_fill_serialized(1025, &bytes), FFI_BRIDGE_OK);
    CHECK(bytes != sentinel && bytes->length == 8 + 1025 * 8 && get_u64(bytes->data) == 1025);
    if (bytes != sentinel) {
        bool ok = true;
        for (size_t i = 0; i < 1025; i++) ok = ok && same_bits(read_double(bytes->data + 8 + 8 * i), (double)i);
        CHECK(ok);
        ffi_bridge_bytes_free(bytes);
    }
    bytes = sentinel;
    CHECK_STATUS(ffi_bridge_fill_serialized(0, &bytes), FFI_BRIDGE_OK);
    CHECK(bytes != sentinel && bytes->length == 8 && get_u64(bytes->data) == 0);
    buf = bsentinel;
    if (bytes != sentinel) {
        CHECK_STATUS(ffi_bridge_decode_sequence(bytes->data, bytes->length, &buf), FFI_BRIDGE_OK);
        CHECK(buf != bsentinel && buf->data == NULL && buf->length == 0);
        if (buf != bsentinel) ffi_bridge_buffer_free(buf);
        ffi_bridge_bytes_free(bytes);
    }

    /* Sequence errors: nothing allocated, *out untouched. */
    bytes = sentinel;
    buf = bsentinel;
    double values[2] = {1, 2};
    CHECK_STATUS(ffi_bridge_encode_sequence(NULL, 2, &bytes), FFI_BRIDGE_NULL_POINTER);
    CHECK_STATUS(ffi_bridge_encode_sequence(values, 2, NULL), FFI_BRIDGE_NULL_POINTER);
    for (size_t k = 0; k < N_OVERFLOWING; k++) {
        CHECK_STATUS(ffi_bridge_encode_sequence(values, OVERFLOWING[k], &bytes), FFI_BRIDGE_LENGTH_OVERFLOW);
        CHECK_STATUS(ffi_bridge_fill_serialized(OVERFLOWING[k], &bytes), FFI_BRIDGE_LENGTH_OVERFLOW);
    }
    /* length * 8 fits in PTRDIFF_MAX, 8 + length * 8 does not. */
    CHECK_STATUS(ffi_bridge_encode_sequence(values, (size_t)PTRDIFF_MAX / 8, &bytes),
                 FFI_BRIDGE_LENGTH_OVERFLOW);
    CHECK_STATUS(ffi_bridge_fill_serialized((size_t)PTRDIFF_MAX / 8, &bytes), FFI_BRIDGE_LENGTH_OVERFLOW);
    CHECK_STATUS(ffi_bridge_fill_serialized(UNALLOCATABLE, &bytes), FFI_BRIDGE_ALLOCATION_FAILED);
    CHECK_STATUS(ffi_bridge_fill_serialized(3, NULL), FFI_BRIDGE_NULL_POINTER);
    unsigned char seq[8 + 16];
    memset(seq, 0, sizeof seq);
    put_u64(seq, 2);
    CHECK_STATUS(ffi_bridge_decode_sequence(NULL, 24, &buf), FFI_BRIDGE_NULL_POINTER);
    CHECK_STATUS(ffi_bridge_decode_sequence(seq, 24, NULL), FFI_BRIDGE_NULL_POINTER);
    CHECK_STATUS(ffi_bridge_decode_sequence(seq, SIZE_MAX, &buf), FFI_BRIDGE_LENGTH_OVERFLOW);
    put_u64(seq, 3);
    CHECK_STATUS(ffi_bridge_decode_sequence(seq, 24, &buf), FFI_BRIDGE_MALFORMED_BYTES);
    put_u64(seq, UINT64_MAX / 8 + 3); /* count * 8 wraps around to 16 in 64 bits */
    CHECK_STATUS(ffi_bridge_decode_sequence(seq, 24, &buf), FFI_BRIDGE_MALFORMED_BYTES);
    put_u64(seq, 1);
    CHECK_STATUS(ffi_bridge_decode_sequence(seq, 24, &buf), FFI_BRIDGE_MALFORMED_BYTES);
    CHECK(bytes == sentinel && buf == bsentinel);
}

/* The sequence codec into the caller's buffers: exact lengths only, nothing allocated, and
 * (under valgrind) no write outside the given range. */
static void test_sequence_into(void) {
    double values[17];
    for (size_t i = 0; i < 17; i++) values[i] = next_value();
    size_t total = 8 + 17 * 8;
    unsigned char *out = malloc(total + 1);
    CHECK(out != NULL);
    if (out == NULL) return;
    out[total] = 0xAA;
    CHECK_STATUS(ffi_bridge_encode_sequence_into(values, 17, out, total - 1), FFI_BRIDGE_OUTPUT_LENGTH);
    CHECK_STATUS(ffi_bridge_encode_sequence_into(values, 17, out, total), FFI_BRIDGE_OK);
    CHECK(get_u64(out) == 17 && memcmp(out + 8, values, 17 * 8) == 0 && out[total] == 0xAA);
    CHECK_STATUS(ffi_bridge_encode_sequence_into(NULL, 17, out, total), FFI_BRIDGE_NULL_POINTER);

    double *back = malloc(17 * sizeof(double));
    CHECK(back != NULL);
    if (back != NULL) {
        CHECK_STATUS(ffi_bridge_decode_sequence_into(out, total, back, 16), FFI_BRIDGE_OUTPUT_LENGTH);
        CHECK_STATUS(ffi_bridge_decode_sequence_into(out, total - 1, back, 17), FFI_BRIDGE_MALFORMED_BYTES);
        CHECK_STATUS(ffi_bridge_decode_sequence_into(out, total, back, 17), FFI_BRIDGE_OK);
        CHECK(memcmp(back, values, 17 * 8) == 0);
        free(back);
    }
    free(out);
    CHECK(live().buffers == 0 && live().byte_arrays == 0);
}

/* A person by its fields into the caller's buffer: the bytes of ffi_bridge_encode_person, the exact
 * length only, nothing allocated, and (under valgrind) no write outside the given range. */
static void test_person_into(void) {
    const uint8_t *alice_name = (const uint8_t *) "Alice";
    unsigned char out[16 + 5 + 1];
    out[21] = 0xAA;
    CHECK_STATUS(ffi_bridge_encode_person_into(alice_name, 5, 30, 5.8f, out, 22), FFI_BRIDGE_OUTPUT_LENGTH);
    CHECK_STATUS(ffi_bridge_encode_person_into((const uint8_t *) "Al\xff" "ce", 5, 30, 5.8f, out, 21),
                 FFI_BRIDGE_INVALID_UTF8);
    CHECK_STATUS(ffi_bridge_encode_person_into((const uint8_t *) "Al\0ce", 5, 30, 5.8f, out, 21),
                 FFI_BRIDGE_INTERIOR_NUL);
    CHECK_STATUS(ffi_bridge_encode_person_into(NULL, 5, 30, 5.8f, out, 21), FFI_BRIDGE_NULL_POINTER);
    CHECK_STATUS(ffi_bridge_encode_person_into(alice_name, 5, 30, 5.8f, out, 21), FFI_BRIDGE_OK);
    CHECK(out[21] == 0xAA);

    struct Person alice = {30, 5.8f, "Alice"};
    struct FfiBridgeBytes *bytes = NULL;
    CHECK_STATUS(ffi_bridge_encode_person(&alice, &bytes), FFI_BRIDGE_OK);
    if (bytes != NULL) {
        CHECK(bytes->length == 21 && memcmp(bytes->data, out, 21) == 0);
        ffi_bridge_bytes_free(bytes);
    }
    CHECK(live().byte_arrays == 0);
}

static void test_status_version_layout(void) {
    static const int32_t statuses[] = {FFI_BRIDGE_OK,
                                       FFI_BRIDGE_NULL_POINTER,
                                       FFI_BRIDGE_INVALID_UTF8,
                                       FFI_BRIDGE_INTERIOR_NUL,
                                       FFI_BRIDGE_LENGTH_OVERFLOW,
                                       FFI_BRIDGE_ALLOCATION_FAILED,
                                       FFI_BRIDGE_MALFORMED_BYTES,
                                       FFI_BRIDGE_PANIC,
                                       FFI_BRIDGE_OUTPUT_LENGTH};
    for (int32_t i = 0; i < 9; i++) {
        CHECK(statuses[i] == -i);
        const char *msg = ffi_bridge_status_message(statuses[i]);
        CHECK(msg != NULL && strlen(msg) > 0 && strcmp(msg, "unknown status") != 0);
    }
    CHECK(strcmp(ffi_bridge_status_message(FFI_BRIDGE_OK), "success") == 0);
    CHECK(strcmp(ffi_bridge_status_message(1), "unknown status") == 0);
    CHECK(strcmp(ffi_bridge_status_message(-9), "unknown status") == 0);
    CHECK(strcmp(ffi_bridge_status_message(INT32_MIN), "unknown status") == 0);
    CHECK(sizeof(FfiBridgeStatus) == 4);

    CHECK(ffi_bridge_abi_version() == FFI_BRIDGE_ABI_VERSION);
    CHECK(FFI_BRIDGE_ABI_VERSION == 2);

    FfiBridgeLayout l;
    memset(&l, 0, sizeof l);
    CHECK_STATUS(ffi_bridge_layout(&l), FFI_BRIDGE_OK);
    CHECK_STATUS(ffi_bridge_layout(NULL), FFI_BRIDGE_NULL_POINTER);
    CHECK(sizeof l == 17 * 4);
    CHECK(l.abi_version == FFI_BRIDGE_ABI_VERSION);
    CHECK(l.person_size == sizeof(Person) && l.person_size == 16);
    CHECK(l.person_align == alignof(Person) && l.person_align == 8);
    CHECK(l.person_age_offset == offsetof(Person, age) && l.person_age_offset == 0);
    CHECK(l.person_height_offset == offsetof(Person, height) && l.person_height_offset == 4);
    CHECK(l.person_name_offset == offsetof(Person, name) && l.person_name_offset == 8);
    CHECK(l.data_size == sizeof(Data) && l.data_size == 40);
    CHECK(l.data_align == alignof(Data) && l.data_align == 8);
    CHECK(l.data_values_offset == offsetof(Data, values) && l.data_values_offset == 0);
    CHECK(l.buffer_size == sizeof(FfiBridgeBuffer) && l.buffer_align == alignof(FfiBridgeBuffer));
    CHECK(l.buffer_data_offset == offsetof(FfiBridgeBuffer, data));
    CHECK(l.buffer_length_offset == offsetof(FfiBridgeBuffer, length));
    CHECK(l.bytes_size == sizeof(FfiBridgeBytes) && l.bytes_align == alignof(FfiBridgeBytes));
    CHECK(l.bytes_data_offset == offsetof(FfiBridgeBytes, data));
    CHECK(l.bytes_length_offset == offsetof(FfiBridgeBytes, length));
    unsigned char raw[80];
    CHECK_STATUS(ffi_bridge_layout((FfiBridgeLayout *)(void *)(raw + 1)), FFI_BRIDGE_OK);

    /* The same description as data: the version first, then exactly what ffi_bridge_layout wrote. */
    uint32_t first;
    memcpy(&first, &FFI_BRIDGE_ABI_INFO, sizeof first);
    CHECK(first == FFI_BRIDGE_ABI_VERSION && first == ffi_bridge_abi_version());
    CHECK(sizeof FFI_BRIDGE_ABI_INFO == sizeof l);
    CHECK(memcmp(&FFI_BRIDGE_ABI_INFO, &l, sizeof l) == 0);

    CHECK_STATUS(ffi_bridge_live_counts(NULL), FFI_BRIDGE_NULL_POINTER);
    CHECK_STATUS(ffi_bridge_live_counts((FfiBridgeLiveCounts *)(void *)(raw + 3)), FFI_BRIDGE_OK);

    /* The known-answer self-test: every answer right, and nothing left allocated (main checks). */
    CHECK(ffi_bridge_self_test() == 0);
}

int main(void) {
    FfiBridgeLiveCounts start = live();
    CHECK(start.persons == 0 && start.data == 0 && start.buffers == 0 && start.byte_arrays == 0);

    test_guide_functions();
    test_fill_and_sum();
    test_large_sums();
    test_pieces();
    test_person_new_and_data_fill();
    test_owned_buffers();
    test_person_codec();
    test_data_and_sequence_codec();
    test_sequence_into();
    test_person_into();
    test_status_version_layout();

    FfiBridgeLiveCounts end = live();
    CHECK(end.persons == 0);
    CHECK(end.data == 0);
    CHECK(end.buffers == 0);
    CHECK(end.byte_arrays == 0);

    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
