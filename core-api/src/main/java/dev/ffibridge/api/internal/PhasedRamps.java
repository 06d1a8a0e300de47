package dev.ffibridge.api.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * {@link Fill}'s first elements of a native segment of 256 doubles or more, copied from one of four off-heap copies
 * of {@code (double) i} for {@code 0 <= i < 1024}, one in each eight-byte phase of a 32-byte line: the one in the
 * destination's phase.
 *
 * <p>The JVM's copy of a few KiB moves 32 bytes at a time without aligning either side, so its time depends on where
 * source and destination fall in their lines. 256 doubles from the heap ramp took 19.2 to 23.9 ns by the two
 * addresses, 1 000 doubles 70 to 83 ns (JDK 25, AMD EPYC; {@code Unsafe.copyMemory}'s stub): up to 20 % between one
 * JVM and the next, where the garbage collector puts the heap ramp elsewhere and {@code malloc} the segment. From the
 * copy in the destination's phase: 18.9 to 21 ns and 69 to 71 ns. Below 256 doubles the heap ramp was as fast or
 * faster (0.5 to 3 ns at 16 to 96). The copies take 32 KiB of native memory for the life of the JVM, allocated on the
 * first fill they serve.
 */
final class PhasedRamps {

    /** The elements of a copy, and of {@link Fill}'s heap ramp. */
    static final int LENGTH = 1024;

    /** The fewest elements copied from here. */
    static final int FROM = 256;

    private static final int PHASES = 4;

    /** From one copy to the next: 8 bytes more than a copy, so copy {@code p} starts at {@code 8p} mod 32. */
    private static final long STRIDE = (long) LENGTH * Double.BYTES + Double.BYTES;

    private PhasedRamps() {}

    /**
     * Writes {@code (double) i} into the first {@code head <= LENGTH} doubles of {@code segment} in one copy from the
     * copy in its phase, if it is native, at a multiple of 8, and {@code head >= FROM}.
     *
     * @return whether it did
     */
    static boolean copy(MemorySegment segment, int head) {
        if (head < FROM || !segment.isNative() || segment.address() % Double.BYTES != 0) {
            return false;
        }
        long phase = (segment.address() / Double.BYTES) % PHASES;
        MemorySegment.copy(Copies.RAMPS, phase * STRIDE, segment, 0, (long) head * Double.BYTES);
        return true;
    }

    /** The copies, allocated when first used. */
    private static final class Copies {

        static final MemorySegment RAMPS = allocate();

        private static MemorySegment allocate() {
            MemorySegment ramps = Arena.global().allocate(PHASES * STRIDE, PHASES * Double.BYTES);
            for (int phase = 0; phase < PHASES; phase++) {
                for (int i = 0; i < LENGTH; i++) {
                    ramps.setAtIndex(ValueLayout.JAVA_DOUBLE, phase * (STRIDE / Double.BYTES) + i, i);
                }
            }
            return ramps.asReadOnly();
        }
    }
}
