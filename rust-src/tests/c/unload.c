/*
 * Unloading the library after a large sum must not unmap the code its sum helper thread runs in:
 * loads the library at run time, sums enough values to start the helper (FFI_BRIDGE_THREADS=2),
 * unloads it, then checks that it is still loaded and still answers through the old pointer.
 * ELF libraries stay through -z nodelete (build.rs), a DLL pins itself when it starts the helper.
 *
 * Usage: unload LIBRARY   (a path; on Windows the DLL's name, found on the DLL search path)
 * Prints "unload: ok" and exits 0, or says what failed and exits 1.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#ifdef _WIN32
#include <windows.h>
#else
#include <dlfcn.h>
#include <time.h>
#endif

typedef double (*sum_fn)(const double *, size_t);

static void *open_library(const char *name) {
#ifdef _WIN32
    return (void *)LoadLibraryA(name);
#else
    return dlopen(name, RTLD_NOW | RTLD_LOCAL);
#endif
}

static sum_fn find_sum(void *library) {
#ifdef _WIN32
    return (sum_fn)(void (*)(void))GetProcAddress((HMODULE)library, "ffi_bridge_sum");
#else
    sum_fn sum;
    *(void **)&sum = dlsym(library, "ffi_bridge_sum");
    return sum;
#endif
}

static void close_library(void *library) {
#ifdef _WIN32
    FreeLibrary((HMODULE)library);
#else
    dlclose(library);
#endif
}

/* Whether the library is still loaded, without loading it again. */
static int still_loaded(const char *name) {
#ifdef _WIN32
    return GetModuleHandleA(name) != NULL;
#else
    void *again = dlopen(name, RTLD_NOW | RTLD_NOLOAD);
    if (again != NULL) {
        dlclose(again);
    }
    return again != NULL;
#endif
}

static void pause_100_ms(void) {
#ifdef _WIN32
    Sleep(100);
#else
    struct timespec pause = {0, 100000000L};
    nanosleep(&pause, NULL);
#endif
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s LIBRARY\n", argv[0]);
        return 2;
    }
    size_t n = (size_t)1 << 21; /* four times the helper's threshold (2^19 values) */
    double *values = malloc(n * sizeof(double));
    if (values == NULL) {
        return 2;
    }
    for (size_t i = 0; i < n; i++) {
        values[i] = 1.0;
    }
    void *library = open_library(argv[1]);
    sum_fn sum = library != NULL ? find_sum(library) : NULL;
    if (sum == NULL) {
        fprintf(stderr, "unload: cannot load %s or find ffi_bridge_sum\n", argv[1]);
        return 1;
    }
    int failures = 0;
    for (int round = 0; round < 4; round++) {
        failures += sum(values, n) != (double)n;
    }
    close_library(library); /* the helper may still be polling in the library's code */
    pause_100_ms();
    if (!still_loaded(argv[1])) {
        fprintf(stderr, "unload: the library was unmapped while its sum helper thread lives\n");
        failures++;
    } else {
        failures += sum(values, n) != (double)n;
    }
    free(values);
    if (failures != 0) {
        fprintf(stderr, "unload: %d failure(s)\n", failures);
        return 1;
    }
    printf("unload: ok\n");
    return 0;
}
