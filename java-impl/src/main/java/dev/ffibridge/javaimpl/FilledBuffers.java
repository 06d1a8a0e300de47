package dev.ffibridge.javaimpl;

import dev.ffibridge.api.internal.ArenaMemory;
import dev.ffibridge.api.internal.Fill;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/** Provider-owned buffers of fill values, in off-heap memory of the caller's arena. */
final class FilledBuffers {

    private FilledBuffers() {}

    /**
     * A read-only segment of {@code arena} holding {@code (double) i} for {@code 0 <= i < length};
     * {@code length} is in {@code 0 .. FfiBridge.MAX_BUFFER_LENGTH}, so its byte size fits a {@code
     * long}. Up to {@link ArenaMemory#COPIED} doubles of a JDK arena, a copy of the values ({@link
     * ArenaMemory#filledByCopy}). The arena's allocation comes first, so a closed arena or one confined
     * to another thread fails before anything is allocated.
     *
     * @throws OutOfMemoryError if the memory cannot be allocated
     * @throws IllegalStateException if the arena returned too few bytes or read-only memory
     */
    static MemorySegment allocate(long length, Arena arena) {
        if (ArenaMemory.fillsByCopy(arena, length)) {
            return ArenaMemory.filledByCopy(arena, length).asReadOnly();
        }
        MemorySegment segment = ArenaMemory.allocateDoubles(arena, length);
        Fill.fill(segment);
        return segment.asReadOnly();
    }
}
