package dev.ffibridge.benchmarks;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * The JNA peer, in JNA's fastest mode, direct mapping ({@link Native#register}), bound to the same
 * {@link NativeLib#path()}. {@code size_t} is a Java {@code long} (LP64). A {@code double[]} argument
 * is copied in and out by JNA (it uses {@code Get/ReleaseDoubleArrayElements}); a {@link Pointer}
 * is passed as is.
 */
public final class JnaDirect {

    static {
        Native.register(
                JnaDirect.class, NativeLibrary.getInstance(NativeLib.path().toString()));
    }

    private JnaDirect() {}

    /** {@code int32_t add_numbers(int32_t, int32_t)}. */
    public static native int add_numbers(int a, int b);

    /** {@code void fill_buffer(double *, size_t)} on a Java array. */
    public static native void fill_buffer(double[] buffer, long length);

    /** The same function on native memory. */
    public static final class OnPointer {

        static {
            Native.register(
                    OnPointer.class, NativeLibrary.getInstance(NativeLib.path().toString()));
        }

        private OnPointer() {}

        /** {@code void fill_buffer(double *, size_t)} on native memory. */
        public static native void fill_buffer(Pointer buffer, long length);
    }
}
