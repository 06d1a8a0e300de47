package dev.ffibridge.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The JNI peer: {@code src/main/c/jni_shim.c}, built into the jar by the module's build, bound to
 * the same {@link NativeLib#path()} as the FFM floor. Arrays go through {@code
 * GetPrimitiveArrayCritical}; native memory by address.
 */
final class JniShim {

    static {
        Path file;
        try (InputStream in = JniShim.class.getResourceAsStream("/jni/libffibench_jni.so")) {
            if (in == null) {
                throw new IllegalStateException(
                        "jni/libffibench_jni.so is not in the jar: was gcc missing at build time?"
                                + " (see benchmarks/src/main/c/build-c.sh)");
            }
            file = Files.createTempFile("ffibench-jni", ".so");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            file.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.load(file.toString());
        String error = bind(NativeLib.path().toString());
        if (error != null) {
            throw new IllegalStateException("JNI shim cannot bind " + NativeLib.path() + ": " + error);
        }
    }

    private JniShim() {}

    /** Loads the shim and resolves the symbols; returns null or the error. */
    private static native String bind(String libraryPath);

    /** {@code add_numbers(a, b)}. */
    static native int addNumbers(int a, int b);

    /** {@code fill_buffer} on the whole array, through {@code GetPrimitiveArrayCritical}. */
    static native void fillBuffer(double[] array);

    /** {@code ffi_bridge_sum_buffer} on the whole array, through {@code GetPrimitiveArrayCritical}. */
    static native double sumBuffer(double[] array);

    /** {@code fill_buffer(address, length)}. */
    static native void fillAddress(long address, long length);

    /** {@code ffi_bridge_sum_buffer(address, length)}. */
    static native double sumAddress(long address, long length);
}
