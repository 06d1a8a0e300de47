package dev.ffibridge.api.internal;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The memory of {@code filledBuffer(length, arena)}, taken from the caller's arena in the same way by
 * both providers: one allocation of {@code length * 8} bytes aligned to 8, whose exceptions pass unchanged.
 * From an arena of the caller's own class that is one call of {@link Arena#allocate(long, long)}
 * ({@link #allocateDoubles}); from the JDK's arenas and up to {@link #COPIED} doubles, the values are copied
 * into memory that the JDK does not zero first ({@link #filledByCopy}).
 */
public final class ArenaMemory {

    /** Up to this many doubles, {@link #filledByCopy} serves the JDK's arenas: the length of {@link Fill}'s ramp. */
    public static final int COPIED = PhasedRamps.LENGTH;

    /**
     * The class of the JDK's arenas: {@code Arena.global()}, {@code ofAuto()}, {@code ofConfined()} and {@code
     * ofShared()} are one class, {@code jdk.internal.foreign.ArenaImpl}, in JDK 22 to 25 ({@code ArenaMemoryTest}
     * checks it). Were that to change, the other arenas take {@link #allocateDoubles}: slower, the same values.
     */
    private static final Class<? extends Arena> JDK_ARENA = Arena.global().getClass();

    private ArenaMemory() {}

    /** Whether {@link #filledByCopy} serves this call: {@code arena} is one of the JDK's, {@code length <= COPIED}. */
    public static boolean fillsByCopy(Arena arena, long length) {
        return length <= COPIED && arena.getClass() == JDK_ARENA;
    }

    /**
     * {@return {@code (double) i} for {@code 0 <= i < length} in memory of the JDK's {@code arena}, {@code length *
     * 8} bytes aligned to 8}: {@link Arena#allocateFrom(java.lang.foreign.ValueLayout, MemorySegment,
     * java.lang.foreign.ValueLayout, long, long) allocateFrom} with {@link Fill}'s ramp as the source, which takes
     * the memory without zeroing it and copies the values in. A closed arena or one confined to another thread fails
     * before anything is allocated. The arena's {@code allocate} would first zero the memory in a loop that C2
     * compiles into the caller: about 2.5 KB of machine code, which makes every method that inlines it too large to
     * be inlined in turn once compiled on its own ({@code InlineSmallCode}), so that the arena escapes.
     *
     * @param arena one of the JDK's arenas ({@link #fillsByCopy})
     * @param length in {@code 0 .. COPIED}
     */
    public static MemorySegment filledByCopy(Arena arena, long length) {
        return arena.allocateFrom(JAVA_DOUBLE, Fill.RAMP_SEGMENT, JAVA_DOUBLE, 0, length);
    }

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
