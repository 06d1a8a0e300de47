package dev.ffibridge.nativeimpl.abi;

import dev.ffibridge.api.FfiBridgeException;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

/**
 * Turns raw pointers returned by the library into segments of the right size. Every {@linkplain
 * MemorySegment#reinterpret(long) reinterpretation} goes through here but the two of {@link
 * PersonStruct#take}, which reads a returned {@code Person} in place to stay within the JIT's
 * inlining depth on that hot path.
 */
public final class Pointers {

    private Pointers() {}

    /** The {@code layout}-sized struct at {@code pointer}, which must not be NULL. */
    @SuppressWarnings("restricted")
    public static MemorySegment struct(MemorySegment pointer, MemoryLayout layout) {
        if (pointer.address() == 0) {
            // The name only on failure: this runs on every Person the library returns.
            throw nullPointer(layout.name().orElse("struct"));
        }
        return pointer.reinterpret(layout.byteSize());
    }

    /** The {@code byteSize} bytes at {@code pointer}, which may be NULL only when {@code byteSize} is 0. */
    @SuppressWarnings("restricted")
    static MemorySegment bytes(MemorySegment pointer, long byteSize, String what) {
        if (byteSize == 0) {
            return MemorySegment.NULL;
        }
        requireNonNull(pointer, what);
        return pointer.reinterpret(byteSize);
    }

    /** The NUL-terminated UTF-8 string at {@code pointer}. */
    @SuppressWarnings("restricted")
    public static String cString(MemorySegment pointer, String what) {
        requireNonNull(pointer, what);
        return pointer.reinterpret(Long.MAX_VALUE).getString(0, StandardCharsets.UTF_8);
    }

    private static void requireNonNull(MemorySegment pointer, String what) {
        if (pointer.address() == 0) {
            throw nullPointer(what);
        }
    }

    private static FfiBridgeException nullPointer(String what) {
        return new FfiBridgeException(0, "the native library returned a NULL " + what);
    }
}
