package dev.ffibridge.api.internal;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Adds doubles in the documented order (docs/abi.md, "Sum order"), bit for bit as the Rust library
 * does: the values are cut into blocks of {@link #BLOCK}; in each block sixteen lanes start at
 * {@code +0.0} and element {@code j} of the block is added to lane {@code j % 16} in increasing
 * {@code j}; each block's lanes are added to sixteen totals (from {@code +0.0}) in block order; then
 * {@code s8[k] = t[k] + t[k+8]}, {@code s4[k] = s8[k] + s8[k+4]}, {@code s2[k] = s4[k] + s4[k+2]},
 * and the sum is {@code s2[0] + s2[1]}.
 *
 * <p>The lanes are sixteen locals, each an independent dependency chain, so the order of the
 * additions within a chain, the only order that matters, is exactly the documented one. The block
 * loops are int-indexed (C2 optimizes int counted loops and long ones poorly). The Rust library may
 * sum large buffers' blocks on two threads; this class sums them on the calling thread.
 */
public final class Sum {

    /** The number of lanes. */
    public static final int LANES = 16;

    /** Values per block of the order (a multiple of {@link #LANES}). */
    public static final int BLOCK = 1 << 13;

    /** Native byte order, any alignment: a segment may be a slice of a {@code byte[]}. */
    private static final ValueLayout.OfDouble UNALIGNED = ValueLayout.JAVA_DOUBLE_UNALIGNED;

    private Sum() {}

    /** The sum of {@code array[offset .. offset + length)}; the range is in bounds. */
    public static double sum(double[] array, int offset, int length) {
        double t0 = 0.0, t1 = 0.0, t2 = 0.0, t3 = 0.0, t4 = 0.0, t5 = 0.0, t6 = 0.0, t7 = 0.0;
        double t8 = 0.0, t9 = 0.0, t10 = 0.0, t11 = 0.0, t12 = 0.0, t13 = 0.0, t14 = 0.0, t15 = 0.0;
        for (int done = 0; done < length; ) {
            double a0 = 0.0, a1 = 0.0, a2 = 0.0, a3 = 0.0, a4 = 0.0, a5 = 0.0, a6 = 0.0, a7 = 0.0;
            double a8 = 0.0, a9 = 0.0, a10 = 0.0, a11 = 0.0, a12 = 0.0, a13 = 0.0, a14 = 0.0, a15 = 0.0;
            int blockLength = Math.min(BLOCK, length - done);
            int i = offset + done;
            int blockEnd = i + (blockLength & -LANES);
            for (; i < blockEnd; i += LANES) {
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
            // The last block's tail of r < 16 elements: element i + j goes to lane j.
            int r = offset + done + blockLength - i;
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
            t0 += a0;
            t1 += a1;
            t2 += a2;
            t3 += a3;
            t4 += a4;
            t5 += a5;
            t6 += a6;
            t7 += a7;
            t8 += a8;
            t9 += a9;
            t10 += a10;
            t11 += a11;
            t12 += a12;
            t13 += a13;
            t14 += a14;
            t15 += a15;
            done += blockLength;
        }
        return combine(t0, t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, t12, t13, t14, t15);
    }

    /**
     * The sum of the segment's doubles. The segment is alive, accessible by this thread and a whole
     * number of doubles; it may be on the heap or off it, unaligned, read-only, and longer than
     * {@code 2^31} elements.
     *
     * <p>Segments are read in place, without a copy or any allocation. Native and heap segments have
     * a kernel each, and so call sites of their own for the segment accesses: a call site that sees
     * one kind of segment stays monomorphic and C2 compiles it to plain loads, where one shared by
     * heap and native segments makes every native sum some 40 times slower once a heap segment of
     * another kind has been summed (1024 doubles: 7.8 µs instead of 0.18 µs, measured on JDK 25).
     * Both read with the unaligned layout, which on a native segment at an aligned address is as fast
     * as the aligned one.
     */
    public static double sum(MemorySegment segment) {
        long count = segment.byteSize() / Double.BYTES;
        if (segment.isNative()) {
            return count <= LANES ? ShortSums.sumNative(segment, (int) count) : sumNative(segment, count);
        }
        if (segment.heapBase().orElse(null) instanceof double[] array && segment.address() % Double.BYTES == 0) {
            // A writable heap segment over a double[], at a whole element: sum the array in place.
            return sum(array, (int) (segment.address() / Double.BYTES), (int) count);
        }
        return sumHeap(segment, count);
    }

    // The two kernels below are the same but for the name; they must stay separate methods, each with
    // its own call sites, so that each one's profile sees a single kind of segment (see sum above).
    // A single kernel for arrays and both kinds of segment, which tests the kind at each access, was
    // measured 3 to 25 times slower: C2 does not hoist the test out of the loop.

    /** The kernel of {@link #sum(double[], int, int)} for native segments, at any address. */
    private static double sumNative(MemorySegment segment, long count) {
        double t0 = 0.0, t1 = 0.0, t2 = 0.0, t3 = 0.0, t4 = 0.0, t5 = 0.0, t6 = 0.0, t7 = 0.0;
        double t8 = 0.0, t9 = 0.0, t10 = 0.0, t11 = 0.0, t12 = 0.0, t13 = 0.0, t14 = 0.0, t15 = 0.0;
        for (long done = 0; done < count; ) {
            double a0 = 0.0, a1 = 0.0, a2 = 0.0, a3 = 0.0, a4 = 0.0, a5 = 0.0, a6 = 0.0, a7 = 0.0;
            double a8 = 0.0, a9 = 0.0, a10 = 0.0, a11 = 0.0, a12 = 0.0, a13 = 0.0, a14 = 0.0, a15 = 0.0;
            int length = (int) Math.min(BLOCK, count - done);
            int blockEnd = length & -LANES;
            for (int j = 0; j < blockEnd; j += LANES) {
                long i = done + j;
                a0 += segment.getAtIndex(UNALIGNED, i);
                a1 += segment.getAtIndex(UNALIGNED, i + 1);
                a2 += segment.getAtIndex(UNALIGNED, i + 2);
                a3 += segment.getAtIndex(UNALIGNED, i + 3);
                a4 += segment.getAtIndex(UNALIGNED, i + 4);
                a5 += segment.getAtIndex(UNALIGNED, i + 5);
                a6 += segment.getAtIndex(UNALIGNED, i + 6);
                a7 += segment.getAtIndex(UNALIGNED, i + 7);
                a8 += segment.getAtIndex(UNALIGNED, i + 8);
                a9 += segment.getAtIndex(UNALIGNED, i + 9);
                a10 += segment.getAtIndex(UNALIGNED, i + 10);
                a11 += segment.getAtIndex(UNALIGNED, i + 11);
                a12 += segment.getAtIndex(UNALIGNED, i + 12);
                a13 += segment.getAtIndex(UNALIGNED, i + 13);
                a14 += segment.getAtIndex(UNALIGNED, i + 14);
                a15 += segment.getAtIndex(UNALIGNED, i + 15);
            }
            // The last block's tail of r < 16 elements: element blockEnd + j goes to lane j. One
            // access in a loop rather than fifteen keeps the method small enough for C1, whose
            // failure to compile it can leave it stuck in C1 code.
            for (int j = blockEnd; j < length; j++) {
                double x = segment.getAtIndex(UNALIGNED, done + j);
                switch (j - blockEnd) {
                    case 0 -> a0 += x;
                    case 1 -> a1 += x;
                    case 2 -> a2 += x;
                    case 3 -> a3 += x;
                    case 4 -> a4 += x;
                    case 5 -> a5 += x;
                    case 6 -> a6 += x;
                    case 7 -> a7 += x;
                    case 8 -> a8 += x;
                    case 9 -> a9 += x;
                    case 10 -> a10 += x;
                    case 11 -> a11 += x;
                    case 12 -> a12 += x;
                    case 13 -> a13 += x;
                    default -> a14 += x;
                }
            }
            t0 += a0;
            t1 += a1;
            t2 += a2;
            t3 += a3;
            t4 += a4;
            t5 += a5;
            t6 += a6;
            t7 += a7;
            t8 += a8;
            t9 += a9;
            t10 += a10;
            t11 += a11;
            t12 += a12;
            t13 += a13;
            t14 += a14;
            t15 += a15;
            done += length;
        }
        return combine(t0, t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, t12, t13, t14, t15);
    }

    /**
     * The kernel of {@link #sum(double[], int, int)} for the heap segments the array loop cannot take:
     * read-only, over a byte[], a long[] …, or inside an element.
     */
    private static double sumHeap(MemorySegment segment, long count) {
        double t0 = 0.0, t1 = 0.0, t2 = 0.0, t3 = 0.0, t4 = 0.0, t5 = 0.0, t6 = 0.0, t7 = 0.0;
        double t8 = 0.0, t9 = 0.0, t10 = 0.0, t11 = 0.0, t12 = 0.0, t13 = 0.0, t14 = 0.0, t15 = 0.0;
        for (long done = 0; done < count; ) {
            double a0 = 0.0, a1 = 0.0, a2 = 0.0, a3 = 0.0, a4 = 0.0, a5 = 0.0, a6 = 0.0, a7 = 0.0;
            double a8 = 0.0, a9 = 0.0, a10 = 0.0, a11 = 0.0, a12 = 0.0, a13 = 0.0, a14 = 0.0, a15 = 0.0;
            int length = (int) Math.min(BLOCK, count - done);
            int blockEnd = length & -LANES;
            for (int j = 0; j < blockEnd; j += LANES) {
                long i = done + j;
                a0 += segment.getAtIndex(UNALIGNED, i);
                a1 += segment.getAtIndex(UNALIGNED, i + 1);
                a2 += segment.getAtIndex(UNALIGNED, i + 2);
                a3 += segment.getAtIndex(UNALIGNED, i + 3);
                a4 += segment.getAtIndex(UNALIGNED, i + 4);
                a5 += segment.getAtIndex(UNALIGNED, i + 5);
                a6 += segment.getAtIndex(UNALIGNED, i + 6);
                a7 += segment.getAtIndex(UNALIGNED, i + 7);
                a8 += segment.getAtIndex(UNALIGNED, i + 8);
                a9 += segment.getAtIndex(UNALIGNED, i + 9);
                a10 += segment.getAtIndex(UNALIGNED, i + 10);
                a11 += segment.getAtIndex(UNALIGNED, i + 11);
                a12 += segment.getAtIndex(UNALIGNED, i + 12);
                a13 += segment.getAtIndex(UNALIGNED, i + 13);
                a14 += segment.getAtIndex(UNALIGNED, i + 14);
                a15 += segment.getAtIndex(UNALIGNED, i + 15);
            }
            // The last block's tail of r < 16 elements: element blockEnd + j goes to lane j. One
            // access in a loop rather than fifteen keeps the method small enough for C1, whose
            // failure to compile it can leave it stuck in C1 code.
            for (int j = blockEnd; j < length; j++) {
                double x = segment.getAtIndex(UNALIGNED, done + j);
                switch (j - blockEnd) {
                    case 0 -> a0 += x;
                    case 1 -> a1 += x;
                    case 2 -> a2 += x;
                    case 3 -> a3 += x;
                    case 4 -> a4 += x;
                    case 5 -> a5 += x;
                    case 6 -> a6 += x;
                    case 7 -> a7 += x;
                    case 8 -> a8 += x;
                    case 9 -> a9 += x;
                    case 10 -> a10 += x;
                    case 11 -> a11 += x;
                    case 12 -> a12 += x;
                    case 13 -> a13 += x;
                    default -> a14 += x;
                }
            }
            t0 += a0;
            t1 += a1;
            t2 += a2;
            t3 += a3;
            t4 += a4;
            t5 += a5;
            t6 += a6;
            t7 += a7;
            t8 += a8;
            t9 += a9;
            t10 += a10;
            t11 += a11;
            t12 += a12;
            t13 += a13;
            t14 += a14;
            t15 += a15;
            done += length;
        }
        return combine(t0, t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, t12, t13, t14, t15);
    }

    /** The fixed combination tree: halves of 8, then 4, then 2, then 1. */
    static double combine(
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
