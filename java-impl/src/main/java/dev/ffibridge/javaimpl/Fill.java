package dev.ffibridge.javaimpl;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** Writes the fill values: element {@code i} becomes {@code (double) i}. */
final class Fill {

    /** Native byte order, any alignment: a segment may be a slice of a {@code byte[]}. */
    private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED;

    /**
     * Segments are filled through a heap chunk of this many doubles, small enough for the L1 cache: a
     * bulk copy per chunk stays fast whatever mix of heap and native segments a program uses, where
     * per-element segment access slows down several times once it has seen more than one kind.
     */
    static final int CHUNK = 1024;

    /** Up to this many elements, every {@code (double) i} is exact: {@code 2^53}. */
    private static final long EXACT_LIMIT = 1L << 53;

    private Fill() {}

    /** {@code array[offset + i] = (double) i} for {@code 0 <= i < length}; the range is in bounds. */
    static void fill(double[] array, int offset, int length) {
        // An int-indexed loop with an int -> double conversion: C2 vectorizes it; every value is exact.
        for (int i = 0; i < length; i++) {
            array[offset + i] = i;
        }
    }

    /**
     * Element {@code i} of the segment becomes {@code (double) i}. The segment is alive, writable,
     * accessible by this thread and a whole number of doubles; it may be on the heap or off it,
     * unaligned, and longer than {@code 2^31} elements.
     */
    static void fill(MemorySegment segment) {
        long count = segment.byteSize() / Double.BYTES;
        if (segment.heapBase().orElse(null) instanceof double[] array && segment.address() % Double.BYTES == 0) {
            // A heap segment over a double[] (at a whole element): the array loop is the fastest.
            fill(array, (int) (segment.address() / Double.BYTES), (int) count);
            return;
        }
        if (count > EXACT_LIMIT) {
            // Beyond 2^53 elements (2^56 bytes, never seen in practice) base + j would round twice.
            for (long i = 0; i < count; i++) {
                // long -> double rounds to nearest, ties to even: exactly Rust's `i as f64`.
                segment.setAtIndex(DOUBLE, i, (double) i);
            }
            return;
        }
        double[] chunk = new double[(int) Math.min(count, CHUNK)];
        for (long done = 0; done < count; done += CHUNK) {
            int length = (int) Math.min(CHUNK, count - done);
            double base = done; // exact: done < 2^53
            for (int j = 0; j < length; j++) {
                chunk[j] = base + j; // exact: both are integers and the sum is below 2^53
            }
            MemorySegment.copy(chunk, 0, segment, DOUBLE, done * Double.BYTES, length);
        }
    }
}
