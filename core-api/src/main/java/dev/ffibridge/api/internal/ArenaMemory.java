package dev.ffibridge.api.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The memory of {@code filledBuffer(length, arena)}, taken from the caller's arena in the same way by
 * both providers: one call of {@link Arena#allocate(long, long)}, whose exceptions pass unchanged.
 */
public final class ArenaMemory {

    private ArenaMemory() {}

    /**
     * {@return {@code length * 8} bytes, 8-byte aligned, from {@code arena}}
     *
     * @param arena the caller's arena, asked once
     * @param length the number of doubles, in {@code 0 .. FfiBridge.MAX_BUFFER_LENGTH}, so the byte size
     *     fits a {@code long}
     * @throws IllegalStateException if the arena returned a read-only segment or fewer bytes than asked
     *     for (an arena that breaks {@code Arena}'s contract); more bytes are cut to the size asked for
     */
    public static MemorySegment allocateDoubles(Arena arena, long length) {
        long bytes = length * Double.BYTES;
        MemorySegment segment = arena.allocate(bytes, Double.BYTES);
        if (segment.byteSize() < bytes) {
            throw new IllegalStateException("the arena's allocate(" + bytes + ", 8) returned a segment of "
                    + segment.byteSize() + " bytes: " + arena.getClass().getName());
        }
        if (segment.isReadOnly()) {
            throw new IllegalStateException("the arena's allocate(" + bytes + ", 8) returned a read-only segment: "
                    + arena.getClass().getName());
        }
        return segment.byteSize() == bytes ? segment : segment.asSlice(0, bytes);
    }
}
