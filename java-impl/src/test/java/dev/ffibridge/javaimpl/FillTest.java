package dev.ffibridge.javaimpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ffibridge.api.FfiBridge;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FillTest {

    private static final FfiBridge BRIDGE = FfiBridge.load("java");

    private static double[] expected(int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        return values;
    }

    private static void assertFilled(double[] actual, int n) {
        assertThat(actual).hasSize(n);
        for (int i = 0; i < n; i++) {
            // Bit for bit: (double) i is exact, and never -0.0.
            assertThat(Double.doubleToRawLongBits(actual[i]))
                    .as("element %d", i)
                    .isEqualTo(Double.doubleToRawLongBits(i));
        }
    }

    @Test
    void fillsArraysWithExactValues() {
        for (int n : new int[] {0, 1, 2, 15, 16, 17, 1000, 4099}) {
            double[] array = new double[n];
            Arrays.fill(array, -1.0);
            BRIDGE.fillBuffer(array);
            assertFilled(array, n);
        }
    }

    /** The straight line for short arrays, each of its lengths, and the loop after it, inside a larger array. */
    @Test
    void fillsEveryShortLengthAtAnOffsetAndNothingAroundIt() {
        for (int n = 0; n <= 18; n++) {
            double[] array = new double[n + 5];
            Arrays.fill(array, -1.0);
            BRIDGE.fillBuffer(array, 3, n);
            for (int i = 0; i < array.length; i++) {
                assertThat(array[i]).as("n = %d, element %d", n, i).isEqualTo(i >= 3 && i < 3 + n ? i - 3 : -1.0);
            }
        }
    }

    @Test
    void fillsOnlyTheGivenRange() {
        double[] array = new double[10];
        Arrays.fill(array, -1.0);
        BRIDGE.fillBuffer(array, 3, 5);
        assertThat(array).containsExactly(-1, -1, -1, 0, 1, 2, 3, 4, -1, -1);
        BRIDGE.fillBuffer(array, 10, 0);
        BRIDGE.fillBuffer(array, 0, 0);
        assertThat(array).containsExactly(-1, -1, -1, 0, 1, 2, 3, 4, -1, -1);
    }

    @Test
    void rejectsNulls() {
        Rejections.assertRejectsNulls(BRIDGE::fillBuffer, BRIDGE::fillBuffer, BRIDGE::fillBuffer, BRIDGE::fillBuffer);
    }

    @Test
    void rejectsRangesOutsideTheArray() {
        assertThat(Rejections.assertRejectsRangesOutsideTheArray(BRIDGE::fillBuffer))
                .containsOnly(0.0);
    }

    @Test
    void fillsAHeapBufferFromItsPositionToItsLimit() {
        DoubleBuffer buffer = DoubleBuffer.allocate(10);
        buffer.put(0, new double[] {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1});
        buffer.position(2).limit(7);
        BRIDGE.fillBuffer(buffer);
        assertThat(buffer.position()).isEqualTo(2);
        assertThat(buffer.limit()).isEqualTo(7);
        assertThat(buffer.array()).containsExactly(-1, -1, 0, 1, 2, 3, 4, -1, -1, -1);
    }

    @Test
    void fillsASlicedHeapBuffer() {
        double[] array = new double[8];
        Arrays.fill(array, -1.0);
        DoubleBuffer slice = DoubleBuffer.wrap(array, 2, 5).slice().position(1);
        BRIDGE.fillBuffer(slice);
        assertThat(slice.position()).isEqualTo(1);
        assertThat(array).containsExactly(-1, -1, -1, 0, 1, 2, 3, -1);
    }

    @Test
    void fillsADirectBigEndianBuffer() {
        // The default order of a view buffer is big-endian, not the native order.
        DoubleBuffer buffer = ByteBuffer.allocateDirect(8 * 20).asDoubleBuffer();
        assertThat(buffer.order()).isEqualTo(ByteOrder.BIG_ENDIAN);
        buffer.position(3);
        BRIDGE.fillBuffer(buffer);
        assertThat(buffer.position()).isEqualTo(3);
        for (int i = 0; i < 17; i++) {
            assertThat(buffer.get(3 + i)).isEqualTo(i);
        }
        assertThat(buffer.get(0)).isZero();
    }

    @Test
    void fillsDirectNativeOrderBuffersWholeSlicedAndPositioned() {
        ByteBuffer bytes = ByteBuffer.allocateDirect(8 * 40).order(ByteOrder.nativeOrder());
        DoubleBuffer whole = bytes.asDoubleBuffer();
        BRIDGE.fillBuffer(whole);
        assertThat(whole.position()).isZero();
        double[] values = new double[40];
        whole.get(0, values);
        assertFilled(values, 40);

        DoubleBuffer sliced = whole.slice(10, 20).position(5).limit(15);
        BRIDGE.fillBuffer(sliced);
        assertThat(sliced.position()).isEqualTo(5);
        whole.get(0, values);
        assertThat(Arrays.copyOfRange(values, 10, 15)).containsExactly(10, 11, 12, 13, 14);
        assertThat(Arrays.copyOfRange(values, 15, 25)).containsExactly(expected(10));
        assertThat(Arrays.copyOfRange(values, 25, 40))
                .containsExactly(25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39);
    }

    @Test
    void fillsAViewOfAHeapByteBufferAtAnOddOffset() {
        ByteBuffer bytes = ByteBuffer.allocate(8 * 6 + 3).order(ByteOrder.nativeOrder());
        DoubleBuffer view =
                bytes.position(3).slice().order(ByteOrder.nativeOrder()).asDoubleBuffer();
        assertThat(view.hasArray()).isFalse();
        BRIDGE.fillBuffer(view);
        for (int i = 0; i < 6; i++) {
            assertThat(bytes.getDouble(3 + 8 * i)).isEqualTo(i);
        }
    }

    @Test
    void rejectsReadOnlyBuffers() {
        assertThatThrownBy(() -> BRIDGE.fillBuffer(DoubleBuffer.allocate(4).asReadOnlyBuffer()))
                .isInstanceOf(ReadOnlyBufferException.class);
        assertThatThrownBy(() -> BRIDGE.fillBuffer(
                        ByteBuffer.allocateDirect(32).asDoubleBuffer().asReadOnlyBuffer()))
                .isInstanceOf(ReadOnlyBufferException.class);
    }

    @Test
    void fillsNativeSegmentsAlignedOrNot() {
        try (Arena arena = Arena.ofConfined()) {
            for (int n : new int[] {0, 1, 7, 16, 33, 1000, 1024, 1025, 2048, 2065}) {
                MemorySegment aligned = arena.allocate(8L * n, 8);
                BRIDGE.fillBuffer(aligned);
                assertFilled(Segments.read(aligned), n);

                MemorySegment unaligned = arena.allocate(8L * n + 5, 8).asSlice(3, 8L * n);
                BRIDGE.fillBuffer(unaligned);
                assertFilled(Segments.read(unaligned), n);
            }
        }
        BRIDGE.fillBuffer(MemorySegment.NULL);
    }

    @Test
    void fillsHeapSegmentsOfEveryKind() {
        double[] doubles = new double[12];
        BRIDGE.fillBuffer(MemorySegment.ofArray(doubles));
        assertFilled(doubles, 12);

        double[] sliced = new double[12];
        Arrays.fill(sliced, -1.0);
        BRIDGE.fillBuffer(MemorySegment.ofArray(sliced).asSlice(16, 8 * 5));
        assertThat(sliced).containsExactly(-1, -1, 0, 1, 2, 3, 4, -1, -1, -1, -1, -1);

        // A slice of a double[] that starts inside an element: the array cannot be used directly.
        MemorySegment inside = MemorySegment.ofArray(new double[6]).asSlice(4, 8 * 5);
        BRIDGE.fillBuffer(inside);
        assertFilled(Segments.read(inside), 5);

        MemorySegment bytes = MemorySegment.ofArray(new byte[8 * 9 + 1]).asSlice(1);
        BRIDGE.fillBuffer(bytes);
        assertFilled(Segments.read(bytes), 9);

        MemorySegment longs = MemorySegment.ofArray(new long[7]);
        BRIDGE.fillBuffer(longs);
        assertFilled(Segments.read(longs), 7);
    }

    @Test
    void rejectsReadOnlySegments() {
        double[] array = new double[4];
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BRIDGE.fillBuffer(MemorySegment.ofArray(array).asReadOnly()));
        assertThat(array).containsOnly(0.0);
    }

    @Test
    void rejectsSegmentsThatAreNotWholeDoubles() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BRIDGE.fillBuffer(MemorySegment.ofArray(new byte[12])))
                .withMessageContaining("12");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment segment = arena.allocate(17);
            assertThatIllegalArgumentException().isThrownBy(() -> BRIDGE.fillBuffer(segment));
        }
    }

    @Test
    void rejectsSegmentsOfAClosedArena() {
        MemorySegment segment;
        try (Arena arena = Arena.ofConfined()) {
            segment = arena.allocate(64, 8);
        }
        assertThatIllegalStateException().isThrownBy(() -> BRIDGE.fillBuffer(segment));
    }

    @Test
    void rejectsSegmentsConfinedToAnotherThread() throws InterruptedException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment segment = arena.allocate(64, 8);
            Throwable thrown = Segments.thrownOnAnotherThread(() -> BRIDGE.fillBuffer(segment));
            assertThat(thrown).isInstanceOf(WrongThreadException.class);
            assertThat(Segments.read(segment)).containsOnly(0.0);
        }
    }

    @Test
    void fillsSharedSegmentsFromAnyThread() throws InterruptedException {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment segment = arena.allocate(8 * 50, 8);
            assertThat(Segments.thrownOnAnotherThread(() -> BRIDGE.fillBuffer(segment)))
                    .isNull();
            assertFilled(Segments.read(segment), 50);
        }
    }
}
