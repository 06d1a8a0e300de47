package dev.ffibridge.javaimpl;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Adds doubles in the documented order (docs/abi.md, "Sum order"), bit for bit as the Rust library
 * does: sixteen accumulators start at {@code +0.0}; element {@code i} is added to accumulator
 * {@code i % 16} in increasing {@code i}; then {@code s8[k] = acc[k] + acc[k+8]}, {@code s4[k] =
 * s8[k] + s8[k+4]}, {@code s2[k] = s4[k] + s4[k+2]}, and the sum is {@code s2[0] + s2[1]}.
 *
 * <p>The accumulators are sixteen locals, each an independent dependency chain, so the order of the
 * additions within a chain, the only order that matters, is exactly the documented one.
 */
final class Sum {

    /** The number of accumulators. */
    static final int LANES = 16;

    /**
     * Segments are summed through a heap chunk of this many doubles, a multiple of {@link #LANES}
     * small enough for the L1 cache: a bulk copy per chunk stays fast whatever mix of heap and native
     * segments a program uses, where per-element segment access slows down several times once it
     * has seen more than one kind of segment.
     */
    static final int CHUNK = 1024;

    private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED;

    private Sum() {}

    /** The sum of {@code array[offset .. offset + length)}; the range is in bounds. */
    static double sum(double[] array, int offset, int length) {
        double a0 = 0.0, a1 = 0.0, a2 = 0.0, a3 = 0.0, a4 = 0.0, a5 = 0.0, a6 = 0.0, a7 = 0.0;
        double a8 = 0.0, a9 = 0.0, a10 = 0.0, a11 = 0.0, a12 = 0.0, a13 = 0.0, a14 = 0.0, a15 = 0.0;
        int blocksEnd = offset + (length & -LANES);
        int i = offset;
        for (; i < blocksEnd; i += LANES) {
            a0 += array[i];
            a1 += array[i + 1];
            a2 += array[i + 2];
            a3 += array[i + 3];
            a4 += array[i + 4];
            a5 += array[i + 5];
            a6 += array[i + 6];
            a7 += array[i + 7];
            a8 += array[i + 8];
            a9 += array[i + 9];
            a10 += array[i + 10];
            a11 += array[i + 11];
            a12 += array[i + 12];
            a13 += array[i + 13];
            a14 += array[i + 14];
            a15 += array[i + 15];
        }
        // The tail of r < 16 elements is the start of one more block: element i + j goes to acc[j].
        int r = offset + length - i;
        if (r > 0) a0 += array[i];
        if (r > 1) a1 += array[i + 1];
        if (r > 2) a2 += array[i + 2];
        if (r > 3) a3 += array[i + 3];
        if (r > 4) a4 += array[i + 4];
        if (r > 5) a5 += array[i + 5];
        if (r > 6) a6 += array[i + 6];
        if (r > 7) a7 += array[i + 7];
        if (r > 8) a8 += array[i + 8];
        if (r > 9) a9 += array[i + 9];
        if (r > 10) a10 += array[i + 10];
        if (r > 11) a11 += array[i + 11];
        if (r > 12) a12 += array[i + 12];
        if (r > 13) a13 += array[i + 13];
        if (r > 14) a14 += array[i + 14];
        return combine(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15);
    }

    /**
     * The sum of the segment's doubles. The segment is alive, accessible by this thread and a whole
     * number of doubles; it may be on the heap or off it, unaligned, read-only, and longer than
     * {@code 2^31} elements.
     */
    static double sum(MemorySegment segment) {
        long count = segment.byteSize() / Double.BYTES;
        if (segment.heapBase().orElse(null) instanceof double[] array && segment.address() % Double.BYTES == 0) {
            // A writable heap segment over a double[], at a whole element: sum the array in place.
            return sum(array, (int) (segment.address() / Double.BYTES), (int) count);
        }
        double[] acc = new double[LANES]; // +0.0 each
        double[] chunk = new double[(int) Math.min(count, CHUNK)];
        for (long done = 0; done < count; done += CHUNK) {
            int length = (int) Math.min(CHUNK, count - done);
            MemorySegment.copy(segment, DOUBLE, done * Double.BYTES, chunk, 0, length);
            // Every chunk but the last is whole blocks of 16, so chunk element j is element done + j
            // of the segment and belongs to accumulator j % 16, as accumulate assumes.
            accumulate(acc, chunk, length);
        }
        return combine(
                acc[0], acc[1], acc[2], acc[3], acc[4], acc[5], acc[6], acc[7], acc[8], acc[9], acc[10], acc[11],
                acc[12], acc[13], acc[14], acc[15]);
    }

    /**
     * Adds {@code chunk[j]} to {@code acc[j % 16]} for {@code 0 <= j < length}, in increasing {@code
     * j}: the kernel of {@link #sum(double[], int, int)}, with the accumulators kept in {@code acc}
     * between chunks. A separate method, so that C2 compiles its loop on its own, as fast as the
     * array's.
     */
    private static void accumulate(double[] acc, double[] chunk, int length) {
        double a0 = acc[0], a1 = acc[1], a2 = acc[2], a3 = acc[3], a4 = acc[4], a5 = acc[5], a6 = acc[6];
        double a7 = acc[7], a8 = acc[8], a9 = acc[9], a10 = acc[10], a11 = acc[11], a12 = acc[12];
        double a13 = acc[13], a14 = acc[14], a15 = acc[15];
        int blocksEnd = length & -LANES;
        int i = 0;
        for (; i < blocksEnd; i += LANES) {
            a0 += chunk[i];
            a1 += chunk[i + 1];
            a2 += chunk[i + 2];
            a3 += chunk[i + 3];
            a4 += chunk[i + 4];
            a5 += chunk[i + 5];
            a6 += chunk[i + 6];
            a7 += chunk[i + 7];
            a8 += chunk[i + 8];
            a9 += chunk[i + 9];
            a10 += chunk[i + 10];
            a11 += chunk[i + 11];
            a12 += chunk[i + 12];
            a13 += chunk[i + 13];
            a14 += chunk[i + 14];
            a15 += chunk[i + 15];
        }
        // The tail of the last chunk, r < 16 elements, starts one more block: element i + j goes to acc[j].
        int r = length - i;
        if (r > 0) a0 += chunk[i];
        if (r > 1) a1 += chunk[i + 1];
        if (r > 2) a2 += chunk[i + 2];
        if (r > 3) a3 += chunk[i + 3];
        if (r > 4) a4 += chunk[i + 4];
        if (r > 5) a5 += chunk[i + 5];
        if (r > 6) a6 += chunk[i + 6];
        if (r > 7) a7 += chunk[i + 7];
        if (r > 8) a8 += chunk[i + 8];
        if (r > 9) a9 += chunk[i + 9];
        if (r > 10) a10 += chunk[i + 10];
        if (r > 11) a11 += chunk[i + 11];
        if (r > 12) a12 += chunk[i + 12];
        if (r > 13) a13 += chunk[i + 13];
        if (r > 14) a14 += chunk[i + 14];
        acc[0] = a0;
        acc[1] = a1;
        acc[2] = a2;
        acc[3] = a3;
        acc[4] = a4;
        acc[5] = a5;
        acc[6] = a6;
        acc[7] = a7;
        acc[8] = a8;
        acc[9] = a9;
        acc[10] = a10;
        acc[11] = a11;
        acc[12] = a12;
        acc[13] = a13;
        acc[14] = a14;
        acc[15] = a15;
    }

    /** The fixed combination tree: halves of 8, then 4, then 2, then 1. */
    private static double combine(
            double a0,
            double a1,
            double a2,
            double a3,
            double a4,
            double a5,
            double a6,
            double a7,
            double a8,
            double a9,
            double a10,
            double a11,
            double a12,
            double a13,
            double a14,
            double a15) {
        double s80 = a0 + a8, s81 = a1 + a9, s82 = a2 + a10, s83 = a3 + a11;
        double s84 = a4 + a12, s85 = a5 + a13, s86 = a6 + a14, s87 = a7 + a15;
        double s40 = s80 + s84, s41 = s81 + s85, s42 = s82 + s86, s43 = s83 + s87;
        double s20 = s40 + s42, s21 = s41 + s43;
        return s20 + s21;
    }
}
