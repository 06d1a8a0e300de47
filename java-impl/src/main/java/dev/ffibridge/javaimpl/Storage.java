package dev.ffibridge.javaimpl;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Element access for the one fill loop and the one sum kernel, whatever holds the doubles: a {@code
 * double[]}, a native segment or any other heap segment. The kernels take the kind as an {@code int}
 * and pass it here with every access; the kind is the same for a whole call, so C2 unswitches the
 * kernel's loops on it and compiles, for each kind, plain (vectorized where the loop allows) loads
 * and stores, as fast as a loop written for that kind alone.
 *
 * <p>Native and other heap segments are read and written by two separate, identical-looking
 * statements on purpose: each statement keeps its own profile of the segment classes it has seen, so
 * the native one stays monomorphic (and fully inlined) however many kinds of heap segment a program
 * also uses, where one statement shared by all kinds would slow native segments down several times.
 */
final class Storage {

    /** A {@code double[]}: element {@code j} of a range starting at {@code start} is {@code array[(int) start + j]}. */
    static final int ARRAY = 0;

    /** A native segment: element {@code j} is the segment's double at index {@code start + j}. */
    static final int NATIVE = 1;

    /** A heap segment of any other kind: read-only, over a byte[], a long[] …, or inside an element. */
    static final int HEAP = 2;

    /** Native byte order, any alignment: a segment may be a slice of a {@code byte[]}. */
    private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED;

    private Storage() {}

    /** The kind of a segment: {@link #NATIVE} or {@link #HEAP}. */
    static int of(MemorySegment segment) {
        return segment.isNative() ? NATIVE : HEAP;
    }

    /** Element {@code start + j} of the array (kind {@link #ARRAY}) or else of the segment. */
    static double get(int kind, double[] array, MemorySegment segment, long start, int j) {
        if (kind == ARRAY) {
            return array[(int) start + j];
        }
        if (kind == NATIVE) {
            return segment.getAtIndex(DOUBLE, start + j); // profile: native segments only
        }
        return segment.getAtIndex(DOUBLE, start + j); // profile: the other heap segments
    }

    /** Sets element {@code start + j} of the array (kind {@link #ARRAY}) or else of the segment. */
    static void set(int kind, double[] array, MemorySegment segment, long start, int j, double value) {
        if (kind == ARRAY) {
            array[(int) start + j] = value;
        } else if (kind == NATIVE) {
            segment.setAtIndex(DOUBLE, start + j, value); // profile: native segments only
        } else {
            segment.setAtIndex(DOUBLE, start + j, value); // profile: the other heap segments
        }
    }
}
