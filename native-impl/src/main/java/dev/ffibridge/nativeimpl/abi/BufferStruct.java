package dev.ffibridge.nativeimpl.abi;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;

/**
 * The C struct {@code FfiBridgeBuffer { double *data; size_t length; }}: doubles owned by the
 * library, freed with {@code ffi_bridge_buffer_free}.
 *
 * @param data the address of the doubles (NULL when {@code length} is 0)
 * @param length the number of doubles, as an unsigned {@code size_t}
 */
public record BufferStruct(MemorySegment data, long length) {

    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
                    ADDRESS.withName("data"), JAVA_LONG.withName("length"))
            .withName("FfiBridgeBuffer");

    static final long DATA_OFFSET = StructOffsets.of(LAYOUT, "data");
    static final long LENGTH_OFFSET = StructOffsets.of(LAYOUT, "length");

    /** Reads the struct at {@code struct}, a segment of at least {@link #LAYOUT}'s size. */
    public static BufferStruct from(MemorySegment struct) {
        return new BufferStruct(struct.get(ADDRESS, DATA_OFFSET), struct.get(JAVA_LONG, LENGTH_OFFSET));
    }
}
