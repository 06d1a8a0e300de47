package dev.ffibridge.api.internal;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Writes the fill values: element {@code i} becomes {@code (double) i}.
 *
 * <p>Segments are written in place, without a copy or any allocation. Native and heap segments have a
 * loop each, and so call sites of their own for the segment accesses: a call site that sees one kind of
 * segment stays monomorphic and C2 compiles it to plain (vectorized) stores, where one shared by heap
 * and native segments slows down several times. The inner loops are int-indexed over chunks of at
 * most {@link #CHUNK} elements, since C2 vectorizes int counted loops and long ones poorly.
 */
public final class Fill {

    /** Native byte order, any alignment: a segment may be a slice of a {@code byte[]}. */
    private static final ValueLayout.OfDouble UNALIGNED = ValueLayout.JAVA_DOUBLE_UNALIGNED;

    /** The most elements an int-indexed inner loop handles: {@code 2^30}. */
    public static final int CHUNK = 1 << 30;

    /**
     * {@code (double) i} for {@code 0 <= i < 1024}, a constant: the first elements of any segment are
     * one bulk copy from it (from {@link PhasedRamps} for a native segment of 256 or more). C2 does not
     * vectorize a segment loop that stores its converted index, so the copy is several times faster than
     * the loops below, and as fast as the array loop.
     */
    private static final double[] RAMP = new double[PhasedRamps.LENGTH];

    static {
        fill(RAMP, 0, RAMP.length);
    }

    /** {@link #RAMP}, read-only: the source of {@link ArenaMemory#filledByCopy}. */
    static final MemorySegment RAMP_SEGMENT = MemorySegment.ofArray(RAMP).asReadOnly();

    /** Up to this many elements, every {@code (double) i} is exact: {@code 2^53}. */
    private static final long EXACT_LIMIT = 1L << 53;

    private Fill() {}

    /**
     * Up to this many doubles an array is filled in straight-line code ({@link #fillShort}), above it in a loop
     * ({@link #fillLoop}). The native provider makes the same test first, so that C2 compiles the same instructions
     * for both providers up to here (the sums' {@link Sum#LANES} works the same way).
     */
    public static final int SHORT = 16;

    /** {@code array[offset + i] = (double) i} for {@code 0 <= i < length}; the range is in bounds. */
    public static void fill(double[] array, int offset, int length) {
        if (length <= SHORT) {
            fillShort(array, offset, length);
        } else {
            fillLoop(array, offset, length);
        }
    }

    /**
     * {@link #fill(double[], int, int)} for {@code length <= SHORT}: a switch into a run of stores, no loop. A loop
     * costs its pre-, main and post-loop even for 1 double (and C2 does not vectorize one whose profile says one
     * trip). FillBench, 3 forks each, 5 December 2026, java provider, the loop against this: a {@code double[]} of 1
     * 1.56 -> 0.96 ns, of 16 5.57 -> 4.11 ns; a heap {@code DoubleBuffer} of 1 2.47 -> 1.58 ns, of 16 7.96 -> 4.11 ns.
     */
    @SuppressWarnings("fallthrough") // on purpose: case n stores element n - 1, then every element below it
    public static void fillShort(double[] array, int offset, int length) {
        switch (length) {
            case 16:
                array[offset + 15] = 15;
            case 15:
                array[offset + 14] = 14;
            case 14:
                array[offset + 13] = 13;
            case 13:
                array[offset + 12] = 12;
            case 12:
                array[offset + 11] = 11;
            case 11:
                array[offset + 10] = 10;
            case 10:
                array[offset + 9] = 9;
            case 9:
                array[offset + 8] = 8;
            case 8:
                array[offset + 7] = 7;
            case 7:
                array[offset + 6] = 6;
            case 6:
                array[offset + 5] = 5;
            case 5:
                array[offset + 4] = 4;
            case 4:
                array[offset + 3] = 3;
            case 3:
                array[offset + 2] = 2;
            case 2:
                array[offset + 1] = 1;
            case 1:
                array[offset] = 0;
            default: // 0: nothing to fill
        }
    }

    /** {@link #fill(double[], int, int)} in a loop, for any length. */
    public static void fillLoop(double[] array, int offset, int length) {
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
    public static void fill(MemorySegment segment) {
        fill(segment, CHUNK);
    }

    /**
     * {@link #fill(MemorySegment)} with the loops after the first 1024 elements in int-indexed chunks of
     * at most {@code chunk > 0} elements: for tests.
     */
    public static void fill(MemorySegment segment, int chunk) {
        long count = segment.byteSize() / Double.BYTES;
        if (count > EXACT_LIMIT) {
            // Beyond 2^53 elements (2^56 bytes, never seen in practice) base + j would round twice.
            fillBeyondExact(segment, count);
            return;
        }
        if (!segment.isNative()
                && segment.heapBase().orElse(null) instanceof double[] array
                && segment.address() % Double.BYTES == 0) {
            // A heap segment over a double[] (at a whole element): the array loop is the fastest.
            fill(array, (int) (segment.address() / Double.BYTES), (int) count);
            return;
        }
        int head = (int) Math.min(count, RAMP.length);
        if (!PhasedRamps.copy(segment, head)) {
            MemorySegment.copy(RAMP, 0, segment, UNALIGNED, 0, head);
        }
        if (head == count) {
            return;
        }
        if (segment.isNative()) {
            fillNative(segment, head, count, chunk);
        } else {
            fillHeap(segment, head, count, chunk);
        }
    }

    // The two loops below are the same but for the name; they must stay separate methods, each with its
    // own call sites, so that each one's profile sees a single kind of segment (see Sum.sum(MemorySegment)).

    /** Native segments, at any address. */
    private static void fillNative(MemorySegment segment, long from, long count, int chunk) {
        for (long done = from; done < count; ) {
            int length = (int) Math.min(chunk, count - done);
            double base = done; // exact: done < 2^53
            for (int j = 0; j < length; j++) {
                segment.setAtIndex(UNALIGNED, done + j, base + j); // exact: an integer below 2^53
            }
            done += length;
        }
    }

    /** Heap segments the array loop cannot take: over a byte[], a long[] …, or inside an element. */
    private static void fillHeap(MemorySegment segment, long from, long count, int chunk) {
        for (long done = from; done < count; ) {
            int length = (int) Math.min(chunk, count - done);
            double base = done; // exact: done < 2^53
            for (int j = 0; j < length; j++) {
                segment.setAtIndex(UNALIGNED, done + j, base + j); // exact: an integer below 2^53
            }
            done += length;
        }
    }

    private static void fillBeyondExact(MemorySegment segment, long count) {
        for (long i = 0; i < count; i++) {
            // long -> double rounds to nearest, ties to even: exactly Rust's `i as f64`.
            segment.setAtIndex(UNALIGNED, i, (double) i);
        }
    }
}
