package dev.ffibridge.api.internal;

import java.nio.DoubleBuffer;

/**
 * {@link Sum}'s order over a {@link DoubleBuffer} read through its own absolute {@code get(int)}, for direct
 * buffers: no {@code MemorySegment.ofBuffer} segment, whose allocation (72 bytes with its session) C2 removes only
 * when it inlines the whole segment kernel into the caller, which it may refuse in one JVM and not in the next
 * ("already compiled into a big method"; the sixteen-lane segment loop is always too large), so that a short
 * direct-buffer sum took 10 ns in one fork and 50 to 500 in another. The kernel is the array kernel with
 * {@code array[i]} read as {@code buffer.get(i)}: the same additions in the same order, so the same bits; up to 16
 * values, {@link ShortSums}' straight line.
 */
public final class DoubleBufferSum {

    private DoubleBufferSum() {}

    /** The sum from the buffer's position to its limit, in the documented order; the buffer is not changed. */
    public static double sum(DoubleBuffer buffer) {
        int count = buffer.remaining();
        return count <= Sum.LANES
                ? ShortSums.sumBuffer(buffer, buffer.position(), count)
                : sum(buffer, buffer.position(), count);
    }

    /** The sum of {@code buffer.get(offset .. offset + length)}; the range is in bounds. */
    private static double sum(DoubleBuffer buffer, int offset, int length) {
        double t0 = 0.0, t1 = 0.0, t2 = 0.0, t3 = 0.0, t4 = 0.0, t5 = 0.0, t6 = 0.0, t7 = 0.0;
        double t8 = 0.0, t9 = 0.0, t10 = 0.0, t11 = 0.0, t12 = 0.0, t13 = 0.0, t14 = 0.0, t15 = 0.0;
        for (int done = 0; done < length; ) {
            double a0 = 0.0, a1 = 0.0, a2 = 0.0, a3 = 0.0, a4 = 0.0, a5 = 0.0, a6 = 0.0, a7 = 0.0;
            double a8 = 0.0, a9 = 0.0, a10 = 0.0, a11 = 0.0, a12 = 0.0, a13 = 0.0, a14 = 0.0, a15 = 0.0;
            int blockLength = Math.min(Sum.BLOCK, length - done);
            int i = offset + done;
            int blockEnd = i + (blockLength & -Sum.LANES);
            for (; i < blockEnd; i += Sum.LANES) {
                a0 += buffer.get(i);
                a1 += buffer.get(i + 1);
                a2 += buffer.get(i + 2);
                a3 += buffer.get(i + 3);
                a4 += buffer.get(i + 4);
                a5 += buffer.get(i + 5);
                a6 += buffer.get(i + 6);
                a7 += buffer.get(i + 7);
                a8 += buffer.get(i + 8);
                a9 += buffer.get(i + 9);
                a10 += buffer.get(i + 10);
                a11 += buffer.get(i + 11);
                a12 += buffer.get(i + 12);
                a13 += buffer.get(i + 13);
                a14 += buffer.get(i + 14);
                a15 += buffer.get(i + 15);
            }
            // The last block's tail of r < 16 elements: element i + j goes to lane j.
            int r = offset + done + blockLength - i;
            if (r > 0) a0 += buffer.get(i);
            if (r > 1) a1 += buffer.get(i + 1);
            if (r > 2) a2 += buffer.get(i + 2);
            if (r > 3) a3 += buffer.get(i + 3);
            if (r > 4) a4 += buffer.get(i + 4);
            if (r > 5) a5 += buffer.get(i + 5);
            if (r > 6) a6 += buffer.get(i + 6);
            if (r > 7) a7 += buffer.get(i + 7);
            if (r > 8) a8 += buffer.get(i + 8);
            if (r > 9) a9 += buffer.get(i + 9);
            if (r > 10) a10 += buffer.get(i + 10);
            if (r > 11) a11 += buffer.get(i + 11);
            if (r > 12) a12 += buffer.get(i + 12);
            if (r > 13) a13 += buffer.get(i + 13);
            if (r > 14) a14 += buffer.get(i + 14);
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
        return Sum.combine(t0, t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, t12, t13, t14, t15);
    }
}
