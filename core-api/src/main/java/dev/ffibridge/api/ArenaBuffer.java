package dev.ffibridge.api;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.ref.Cleaner;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;

/**
 * The {@link OwnedBuffer} of {@link FfiBridge#filledBuffer(long)}: a provider's segment tied to a
 * shared {@link Arena} the buffer owns. Closing the buffer closes the arena, which frees the memory
 * (for native memory, through the cleanup action the provider attached). A {@link Cleaner} closes
 * the arena of a buffer that became unreachable, as a safety net only.
 */
final class ArenaBuffer implements OwnedBuffer {

    private static final Cleaner CLEANER = Cleaner.create();

    /** The longest pause between two attempts to close: 100 µs. */
    private static final long MAX_PAUSE_NANOS = 100_000;

    private final MemorySegment segment;
    private final long length;
    private final Arena arena;
    private final Cleaner.Cleanable cleanable;

    private ArenaBuffer(Arena arena, MemorySegment segment) {
        this.arena = arena;
        this.segment = segment.asReadOnly();
        this.length = segment.byteSize() / Double.BYTES;
        this.cleanable = CLEANER.register(this, new Closer(arena));
    }

    /**
     * Wraps {@code segment}, which must be tied to {@code arena}, a shared arena the buffer now owns.
     *
     * @throws IllegalArgumentException if the segment is not a whole number of doubles or not tied
     *     to {@code arena} (a provider bug)
     */
    static OwnedBuffer of(Arena arena, MemorySegment segment) {
        Objects.requireNonNull(arena, "arena");
        Objects.requireNonNull(segment, "segment");
        if (segment.byteSize() % Double.BYTES != 0) {
            throw new IllegalArgumentException(
                    "segment size " + segment.byteSize() + " is not a whole number of doubles");
        }
        if (!segment.scope().equals(arena.scope())) {
            throw new IllegalArgumentException("segment is not tied to the given arena");
        }
        return new ArenaBuffer(arena, segment);
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public MemorySegment segment() {
        return segment;
    }

    @Override
    public double get(long index) {
        Objects.checkIndex(index, length);
        return segment.getAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, index);
    }

    @Override
    public double[] toArray() {
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(length + " doubles do not fit in a Java array");
        }
        return segment.toArray(ValueLayout.JAVA_DOUBLE_UNALIGNED);
    }

    @Override
    public boolean isOpen() {
        return arena.scope().isAlive();
    }

    /**
     * Frees the memory, waiting for native calls that use it: a shared arena refuses to close while a
     * downcall holds its memory ({@link IllegalStateException}, "Session is acquired"), so the close is
     * retried until it finds no call in flight: at once a few times, then after pauses growing to
     * {@value #MAX_PAUSE_NANOS} ns. Another thread that keeps calling without a pause can delay it.
     * Reads in Java code are not waited for: the close makes them throw {@link
     * IllegalStateException}. The thread's interrupt flag is left as it is.
     */
    @Override
    public void close() {
        for (int attempt = 0; arena.scope().isAlive(); attempt++) {
            try {
                arena.close();
            } catch (IllegalStateException heldByANativeCall) {
                // closed by another thread meanwhile, or held by a downcall that will return: look again
                pause(attempt);
            }
        }
        cleanable.clean();
    }

    /** The pause after failed attempt {@code attempt}: none for the first 64, then from about 1 µs, doubling, to the maximum. */
    private static void pause(int attempt) {
        if (attempt < 64) {
            Thread.onSpinWait();
        } else {
            LockSupport.parkNanos(MAX_PAUSE_NANOS >> Math.max(0, 7 - (attempt - 64)));
        }
    }

    /** The safety net: closes the arena of a buffer that became unreachable, if still open. */
    private record Closer(Arena arena) implements Runnable {
        @Override
        public void run() {
            try {
                arena.close();
            } catch (IllegalStateException alreadyClosedOrInUse) {
                // closed by close(), or held by a call still running: nothing more a cleaner can do
            }
        }
    }

    @Override
    public String toString() {
        return "OwnedBuffer[length=" + length + (isOpen() ? "" : ", closed") + "]";
    }
}
