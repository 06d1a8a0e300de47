package dev.ffibridge.javaimpl;

import dev.ffibridge.api.OwnedBuffer;
import dev.ffibridge.api.spi.ArenaBuffer;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/** Provider-owned buffers of fill values, in off-heap memory of a shared arena. */
final class FilledBuffers {

    private FilledBuffers() {}

    /**
     * A buffer holding {@code (double) i} for {@code 0 <= i < length}; {@code length} is in {@code 0
     * .. FfiBridge.MAX_BUFFER_LENGTH}, so its byte size fits a {@code long}.
     *
     * @throws OutOfMemoryError if the memory cannot be allocated; nothing is left allocated
     */
    static OwnedBuffer allocate(long length) {
        Arena arena = Arena.ofShared();
        try {
            MemorySegment segment = arena.allocate(length * Double.BYTES, Double.BYTES);
            Fill.fill(segment);
            return ArenaBuffer.of(arena, segment);
        } catch (Throwable t) {
            arena.close();
            throw t;
        }
    }
}
