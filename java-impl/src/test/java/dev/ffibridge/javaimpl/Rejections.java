package dev.ffibridge.javaimpl;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemorySegment;
import java.nio.DoubleBuffer;
import java.util.function.Consumer;
import java.util.function.Function;

/** The rejections that the fill, sum and codec tests check alike, written once. */
final class Rejections {

    /** An entry point over {@code array[offset .. offset + length)}. */
    interface RangeCall {
        void call(double[] array, int offset, int length);
    }

    private Rejections() {}

    /** Asserts that each of the four buffer entry points throws {@link NullPointerException} for a null buffer. */
    static void assertRejectsNulls(
            Consumer<double[]> array, RangeCall range, Consumer<DoubleBuffer> buffer, Consumer<MemorySegment> segment) {
        assertThatNullPointerException().isThrownBy(() -> array.accept(null));
        assertThatNullPointerException().isThrownBy(() -> range.call(null, 0, 0));
        assertThatNullPointerException().isThrownBy(() -> buffer.accept(null));
        assertThatNullPointerException().isThrownBy(() -> segment.accept(null));
    }

    /**
     * Asserts that {@code call} rejects every range outside an array of four doubles with {@link
     * IndexOutOfBoundsException}, and returns that array (all zeros unless the call wrote to it).
     */
    static double[] assertRejectsRangesOutsideTheArray(RangeCall call) {
        double[] array = new double[4];
        int[][] ranges = {{-1, 1}, {0, 5}, {1, -1}, {4, 1}, {5, 0}, {Integer.MAX_VALUE, 2}, {2, Integer.MAX_VALUE}};
        for (int[] range : ranges) {
            assertThatThrownBy(() -> call.call(array, range[0], range[1]))
                    .as("offset %d, length %d", range[0], range[1])
                    .isInstanceOf(IndexOutOfBoundsException.class);
        }
        return array;
    }

    /** Asserts that {@code decoder} rejects {@code bytes} with an {@link IllegalArgumentException} saying {@code what}. */
    static void assertDecodingRejected(Function<byte[], ?> decoder, byte[] bytes, String what) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> decoder.apply(bytes))
                .withMessageContaining(what);
    }
}
