/*
 * The native floor: libffi_bridge.so called from C with no JVM, to show how much of each Java
 * figure is Rust's own work. Same operations as the JMH benchmarks (a person round trip reads
 * every field, strlen included, and frees). Prints results in JMH's JSON format
 * (c.NativeFloor.<op>_c), so that Report and Chart read them with the JMH results.
 *
 * usage: native_floor LIBRARY [--quick] > native-floor.json
 */
#include <dlfcn.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct Person { uint32_t age; float height; char *name; } Person;
typedef struct Data { double values[5]; } Data;

static int32_t (*add_numbers)(int32_t, int32_t);
static Person *(*create_person)(void);
static void (*free_person)(Person *);
static int32_t (*person_new)(const char *, uint32_t, float, Person **);
static Data *(*get_data)(void);
static void (*free_data)(Data *);
static void (*fill_buffer)(double *, size_t);
static int32_t (*sum_buffer)(const double *, size_t, double *);

static volatile uint64_t sink;
static double *buffer;
static size_t n;

static double now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e9 + t.tv_nsec;
}

static void op_add(long reps) {
    uint64_t s = 0;
    for (long i = 0; i < reps; i++) s += (uint64_t) add_numbers((int32_t) i, 3);
    sink += s;
}

static void op_person(long reps) {
    for (long i = 0; i < reps; i++) {
        Person *p = create_person();
        sink += p->age + (uint64_t) p->height + strlen(p->name);
        free_person(p);
    }
}

static void op_person_named(long reps) {
    for (long i = 0; i < reps; i++) {
        Person *p = NULL;
        if (person_new("Carol", 42, 6.1f, &p) != 0) abort();
        sink += p->age + (uint64_t) p->height + strlen(p->name);
        free_person(p);
    }
}

static void op_data(long reps) {
    for (long i = 0; i < reps; i++) {
        Data *d = get_data();
        sink += (uint64_t) (d->values[0] + d->values[1] + d->values[2] + d->values[3] + d->values[4]);
        free_data(d);
    }
}

static void op_fill(long reps) {
    for (long i = 0; i < reps; i++) fill_buffer(buffer, n);
    sink += (uint64_t) buffer[n - 1];
}

static void op_sum(long reps) {
    double out = 0, total = 0;
    for (long i = 0; i < reps; i++) {
        if (sum_buffer(buffer, n, &out) != 0) abort();
        total += out;
    }
    sink += (uint64_t) total;
}

/*
 * The read ceiling: the fastest read of the buffer this core can do, with no order to keep (four
 * AVX-512 or AVX accumulators, unaligned loads). No summation order can beat it, so it bounds what
 * any sum, native or Java, can reach at each n. One kernel per vector width, written once with GCC's
 * vector types (64 bytes: zmm registers, 32 bytes: ymm; unaligned and may-alias like the
 * intrinsics' own __m512d_u and __m256d_u).
 */
typedef double v8d __attribute__((vector_size(64), may_alias, aligned(8)));
typedef double v4d __attribute__((vector_size(32), may_alias, aligned(8)));
#define READ_CEILING(name, isa, vec, lanes)                                                        \
    __attribute__((target(isa))) static double name(const double *p, size_t count) {               \
        vec a0 = {0}, a1 = a0, a2 = a0, a3 = a0;                                                   \
        size_t i = 0;                                                                              \
        for (; i + 4 * (lanes) <= count; i += 4 * (lanes)) {                                       \
            a0 += *(const vec *) (p + i);                                                          \
            a1 += *(const vec *) (p + i + (lanes));                                                \
            a2 += *(const vec *) (p + i + 2 * (lanes));                                            \
            a3 += *(const vec *) (p + i + 3 * (lanes));                                            \
        }                                                                                          \
        vec a = (a0 + a1) + (a2 + a3);                                                             \
        double s = 0;                                                                              \
        for (int l = 0; l < (lanes); l++) s += a[l];                                               \
        for (; i < count; i++) s += p[i];                                                          \
        return s;                                                                                  \
    }
READ_CEILING(read512, "avx512f", v8d, 8)
READ_CEILING(read256, "avx", v4d, 4)

static void op_read_ceiling(long reps) {
    int avx512 = __builtin_cpu_supports("avx512f");
    double total = 0;
    for (long i = 0; i < reps; i++) {
        __asm__ volatile("" ::: "memory"); /* the buffer may have changed: read it again */
        total += avx512 ? read512(buffer, n) : read256(buffer, n);
    }
    sink += (uint64_t) total;
}

static int first = 1;

/* Calibrates, then times `repeats` samples of about `budget` seconds each. */
static void measure(const char *op, void (*fn)(long), long param, double budget, int repeats) {
    long reps = 1;
    for (;;) {
        double t0 = now_ns();
        fn(reps);
        double t = now_ns() - t0;
        if (t > budget * 1e9 / 4) break;
        reps *= t < budget * 1e9 / 400 ? 10 : 2;
    }
    fn(reps); /* warm-up sample */
    double samples[16], sum = 0, lo = 1e300, hi = 0;
    for (int r = 0; r < repeats; r++) {
        double t0 = now_ns();
        fn(reps);
        samples[r] = (now_ns() - t0) / reps;
        sum += samples[r];
        if (samples[r] < lo) lo = samples[r];
        if (samples[r] > hi) hi = samples[r];
    }
    double mean = sum / repeats, var = 0;
    for (int r = 0; r < repeats; r++) var += (samples[r] - mean) * (samples[r] - mean);
    double sd = sqrt(var / (repeats - 1));
    /* two-sided 99.9% Student t for repeats - 1 degrees of freedom (3 or 5 repeats) */
    double t999 = repeats == 3 ? 31.60 : repeats == 5 ? 8.610 : 5.959;
    double err = t999 * sd / sqrt(repeats);
    /* median */
    for (int i = 0; i < repeats; i++)
        for (int j = i + 1; j < repeats; j++)
            if (samples[j] < samples[i]) { double x = samples[i]; samples[i] = samples[j]; samples[j] = x; }
    printf("%s  {\"benchmark\": \"c.NativeFloor.%s_c\", \"mode\": \"avgt\", \"forks\": 1, \"jdkVersion\": \"C (gcc), no JVM\",\n",
           first ? "" : ",", op);
    first = 0;
    if (param >= 0) printf("   \"params\": {\"n\": \"%ld\"},\n", param);
    else printf("   \"params\": {},\n");
    printf("   \"primaryMetric\": {\"score\": %.6g, \"scoreError\": %.6g, \"scoreUnit\": \"ns/op\",\n", mean, err);
    printf("    \"scorePercentiles\": {\"0.0\": %.6g, \"50.0\": %.6g, \"100.0\": %.6g},\n", lo, samples[repeats / 2], hi);
    printf("    \"rawData\": [[");
    for (int r = 0; r < repeats; r++) printf("%s%.6g", r ? ", " : "", samples[r]);
    printf("]]},\n   \"secondaryMetrics\": {}}\n");
    fprintf(stderr, "  %-14s %10ld  %12.2f ns ± %.2f\n", op, param, mean, err);
    fflush(stdout);
}

#define BIND(var, name)                                                                         \
    do {                                                                                        \
        *(void **) (&var) = dlsym(lib, name);                                                   \
        if (var == NULL) { fprintf(stderr, "missing symbol %s\n", name); return 1; }           \
    } while (0)

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: native_floor LIBRARY [--quick]\n");
        return 2;
    }
    int quick = argc > 2 && strcmp(argv[2], "--quick") == 0;
    void *lib = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    if (lib == NULL) {
        fprintf(stderr, "%s\n", dlerror());
        return 1;
    }
    BIND(add_numbers, "add_numbers");
    BIND(create_person, "create_person");
    BIND(free_person, "free_person");
    BIND(person_new, "ffi_bridge_person_new");
    BIND(get_data, "get_data");
    BIND(free_data, "free_data");
    BIND(fill_buffer, "fill_buffer");
    BIND(sum_buffer, "ffi_bridge_sum_buffer");
    double budget = quick ? 0.1 : 0.5;
    int repeats = quick ? 3 : 5;
    printf("[\n");
    measure("addNumbers", op_add, -1, budget, repeats);
    measure("createPerson", op_person, -1, budget, repeats);
    measure("createPersonNamed", op_person_named, -1, budget, repeats);
    measure("getData", op_data, -1, budget, repeats);
    size_t sizes[] = {16, 1024, 1048576, 16777216};
    for (int i = 0; i < (quick ? 3 : 4); i++) {
        n = sizes[i];
        /* 8-byte aligned, like a Java double[] (16-byte header) or a malloc'ed segment */
        buffer = malloc(n * sizeof(double));
        fill_buffer(buffer, n);
        measure("fill", op_fill, (long) n, budget, repeats);
        measure("sum", op_sum, (long) n, budget, repeats);
        measure("readCeiling", op_read_ceiling, (long) n, budget, repeats);
        free(buffer);
    }
    printf("]\n");
    return 0;
}
