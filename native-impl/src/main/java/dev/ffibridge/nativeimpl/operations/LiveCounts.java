package dev.ffibridge.nativeimpl.operations;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.ffibridge.nativeimpl.abi.StructOffsets;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;

/**
 * How many objects the native library has handed out and not yet had back, by kind: the C struct
 * {@code FfiBridgeLiveCounts}. After every owned buffer is closed and every call returned, all four
 * are zero; anything else is a leak.
 *
 * @param persons {@code Person} structs not yet freed
 * @param data {@code Data} structs not yet freed
 * @param buffers {@code FfiBridgeBuffer}s not yet freed
 * @param byteArrays {@code FfiBridgeBytes} not yet freed
 */
public record LiveCounts(long persons, long data, long buffers, long byteArrays) {

    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
                    JAVA_LONG.withName("persons"),
                    JAVA_LONG.withName("data"),
                    JAVA_LONG.withName("buffers"),
                    JAVA_LONG.withName("byte_arrays"))
            .withName("FfiBridgeLiveCounts");

    private static final long PERSONS_OFFSET = StructOffsets.of(LAYOUT, "persons");
    private static final long DATA_OFFSET = StructOffsets.of(LAYOUT, "data");
    private static final long BUFFERS_OFFSET = StructOffsets.of(LAYOUT, "buffers");
    private static final long BYTE_ARRAYS_OFFSET = StructOffsets.of(LAYOUT, "byte_arrays");

    /** No counts at all. */
    public static final LiveCounts NONE = new LiveCounts(0, 0, 0, 0);

    /** Reads the struct at {@code struct}, a segment of at least {@link #LAYOUT}'s size. */
    static LiveCounts from(MemorySegment struct) {
        return new LiveCounts(
                struct.get(JAVA_LONG, PERSONS_OFFSET),
                struct.get(JAVA_LONG, DATA_OFFSET),
                struct.get(JAVA_LONG, BUFFERS_OFFSET),
                struct.get(JAVA_LONG, BYTE_ARRAYS_OFFSET));
    }

    /** {@return whether every count is zero: nothing the library handed out is still alive} */
    public boolean isZero() {
        return equals(NONE);
    }

    /** {@return the total of the four counts} */
    public long total() {
        return persons + data + buffers + byteArrays;
    }
}
