package dev.ffibridge.api.internal;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Copies doubles between {@code double[]} and little-endian {@code f64} fields of a byte array, as
 * raw bits: every NaN payload is kept. On a little-endian machine this is a plain memory copy.
 */
public final class Doubles {

    private static final ValueLayout.OfDouble F64_LE =
            ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private Doubles() {}

    /** Writes {@code count} values from {@code values[0..]} to {@code bytes[offset..]}. */
    public static void write(double[] values, int count, byte[] bytes, int offset) {
        MemorySegment.copy(values, 0, MemorySegment.ofArray(bytes), F64_LE, offset, count);
    }

    /** Reads {@code count} values from {@code bytes[offset..]} into a new array. */
    public static double[] read(byte[] bytes, int offset, int count) {
        double[] values = new double[count];
        MemorySegment.copy(MemorySegment.ofArray(bytes), F64_LE, offset, values, 0, count);
        return values;
    }
}
