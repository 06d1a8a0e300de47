package dev.ffibridge.api;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.DoubleStream;

/**
 * The guide's {@code Data}: an immutable value of exactly five doubles, mirroring the C struct
 * {@code {double values[5];}}. The array is never exposed: {@link #toArray()} returns a copy.
 * Equality follows {@link Double#equals}: NaN equals NaN, {@code 0.0} differs from {@code -0.0}.
 */
public final class Data {

    /** The number of values: 5. */
    public static final int LENGTH = 5;

    private final double[] values;

    private Data(double[] values) {
        this.values = values;
    }

    /**
     * {@return a {@code Data} holding a copy of {@code values}}
     *
     * @param values the values
     * @throws NullPointerException if {@code values} is null
     * @throws IllegalArgumentException unless exactly {@value #LENGTH} values are given
     */
    public static Data of(double... values) {
        Objects.requireNonNull(values, "values");
        if (values.length != LENGTH) {
            throw new IllegalArgumentException("Data holds exactly " + LENGTH + " values, got " + values.length);
        }
        return new Data(values.clone());
    }

    /**
     * {@return the value at {@code index}}
     *
     * @param index the index, {@code 0 ..} 4
     * @throws IndexOutOfBoundsException unless {@code 0 <= index < 5}
     */
    public double get(int index) {
        Objects.checkIndex(index, LENGTH);
        return values[index];
    }

    /** {@return a new array holding the five values} */
    public double[] toArray() {
        return values.clone();
    }

    /** {@return the five values as a stream} */
    public DoubleStream stream() {
        return Arrays.stream(values);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Data data && Arrays.equals(values, data.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Data" + Arrays.toString(values);
    }
}
