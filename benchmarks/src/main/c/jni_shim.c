/*
 * The JNI peer of the FFM benchmarks: the smallest JNI binding of libffi_bridge.so.
 *
 * bind() dlopens the very .so file the FFM benchmarks use (same path, so the same loaded copy)
 * and resolves the symbols once; each call then goes straight through a function pointer.
 * Arrays are passed with GetPrimitiveArrayCritical (no copy: the GC pins or waits), native
 * memory by address.
 */
#include <jni.h>
#include <dlfcn.h>
#include <stddef.h>
#include <stdint.h>

typedef int32_t (*add_numbers_fn)(int32_t, int32_t);
typedef void (*fill_buffer_fn)(double *, size_t);
typedef int32_t (*sum_buffer_fn)(const double *, size_t, double *);

static add_numbers_fn p_add_numbers;
static fill_buffer_fn p_fill_buffer;
static sum_buffer_fn p_sum_buffer;

/* Returns null on success, else the reason. */
JNIEXPORT jstring JNICALL Java_dev_ffibridge_benchmarks_JniShim_bind(JNIEnv *env, jclass cls, jstring path) {
    (void) cls;
    const char *cpath = (*env)->GetStringUTFChars(env, path, NULL);
    if (cpath == NULL) {
        return (*env)->NewStringUTF(env, "out of memory");
    }
    void *handle = dlopen(cpath, RTLD_NOW | RTLD_LOCAL);
    (*env)->ReleaseStringUTFChars(env, path, cpath);
    if (handle == NULL) {
        return (*env)->NewStringUTF(env, dlerror());
    }
    p_add_numbers = (add_numbers_fn) dlsym(handle, "add_numbers");
    p_fill_buffer = (fill_buffer_fn) dlsym(handle, "fill_buffer");
    p_sum_buffer = (sum_buffer_fn) dlsym(handle, "ffi_bridge_sum_buffer");
    if (p_add_numbers == NULL || p_fill_buffer == NULL || p_sum_buffer == NULL) {
        return (*env)->NewStringUTF(env, "a symbol is missing: add_numbers, fill_buffer, ffi_bridge_sum_buffer");
    }
    return NULL;
}

JNIEXPORT jint JNICALL Java_dev_ffibridge_benchmarks_JniShim_addNumbers(JNIEnv *env, jclass cls, jint a, jint b) {
    (void) env;
    (void) cls;
    return p_add_numbers(a, b);
}

JNIEXPORT void JNICALL Java_dev_ffibridge_benchmarks_JniShim_fillBuffer(JNIEnv *env, jclass cls, jdoubleArray array) {
    (void) cls;
    jsize length = (*env)->GetArrayLength(env, array);
    double *values = (*env)->GetPrimitiveArrayCritical(env, array, NULL);
    if (values == NULL) {
        return; /* OutOfMemoryError pending */
    }
    p_fill_buffer(values, (size_t) length);
    (*env)->ReleasePrimitiveArrayCritical(env, array, values, 0);
}

JNIEXPORT jdouble JNICALL Java_dev_ffibridge_benchmarks_JniShim_sumBuffer(JNIEnv *env, jclass cls, jdoubleArray array) {
    (void) cls;
    jsize length = (*env)->GetArrayLength(env, array);
    double *values = (*env)->GetPrimitiveArrayCritical(env, array, NULL);
    if (values == NULL) {
        return 0.0;
    }
    double sum = 0.0;
    int32_t status = p_sum_buffer(values, (size_t) length, &sum);
    (*env)->ReleasePrimitiveArrayCritical(env, array, values, JNI_ABORT);
    return status == 0 ? sum : -1.0;
}

JNIEXPORT void JNICALL Java_dev_ffibridge_benchmarks_JniShim_fillAddress(JNIEnv *env, jclass cls, jlong address, jlong length) {
    (void) env;
    (void) cls;
    p_fill_buffer((double *) (intptr_t) address, (size_t) length);
}

JNIEXPORT jdouble JNICALL Java_dev_ffibridge_benchmarks_JniShim_sumAddress(JNIEnv *env, jclass cls, jlong address, jlong length) {
    (void) env;
    (void) cls;
    double sum = 0.0;
    int32_t status = p_sum_buffer((const double *) (intptr_t) address, (size_t) length, &sum);
    return status == 0 ? sum : -1.0;
}
