package dev.ffibridge.nativeimpl.abi;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.ffibridge.api.FfiBridgeException;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;

/**
 * The C struct {@code FfiBridgeBytes { uint8_t *data; size_t length; }}: bytes owned by the library,
 * freed with {@code ffi_bridge_bytes_free}.
 *
 * @param data the address of the bytes (may be NULL or dangling when {@code length} is 0)
 * @param length the number of bytes, as an unsigned {@code size_t}
 */
public record BytesStruct(MemorySegment data, long length) {

    static final StructLayout LAYOUT = MemoryLayout.structLayout(ADDRESS.withName("data"), JAVA_LONG.withName("length"))
            .withName("FfiBridgeBytes");

    static final long DATA_OFFSET = StructOffsets.of(LAYOUT, "data");
    static final long LENGTH_OFFSET = StructOffsets.of(LAYOUT, "length");

    /** The most bytes a Java array holds on every common JVM. */
    static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    /** Reads the struct at {@code struct}, a segment of at least {@link #LAYOUT}'s size. */
    static BytesStruct from(MemorySegment struct) {
        return new BytesStruct(struct.get(ADDRESS, DATA_OFFSET), struct.get(JAVA_LONG, LENGTH_OFFSET));
    }

    /** Reads the struct at a raw {@code FfiBridgeBytes *} returned by the library. */
    public static BytesStruct at(MemorySegment pointer) {
        return from(Pointers.struct(pointer, LAYOUT));
    }

    /**
     * A copy of the bytes on the Java heap.
     *
     * @throws FfiBridgeException if the library reported a length no Java array can hold
     */
    public byte[] toArray() {
        if (length < 0 || length > MAX_ARRAY_LENGTH) {
            throw new FfiBridgeException(
                    0,
                    "the native library returned " + Long.toUnsignedString(length)
                            + " bytes, more than a Java array holds");
        }
        return Pointers.bytes(data, length, "FfiBridgeBytes.data").toArray(JAVA_BYTE);
    }
}
