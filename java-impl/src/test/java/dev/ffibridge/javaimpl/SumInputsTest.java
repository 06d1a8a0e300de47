package dev.ffibridge.javaimpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.ffibridge.api.FfiBridge;
import dev.ffibridge.testsupport.SumOrder;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The sum of every kind of input equals the reference sum of the same doubles, bit for bit. */
class SumInputsTest {

    private static final FfiBridge BRIDGE = FfiBridge.load("java");

    /** Around a block of 16 and around the chunks of 1024 that segments are read in. */
    private static final int[] LENGTHS = {0, 1, 5, 15, 16, 17, 31, 32, 33, 100, 1023, 1024, 1025, 2048, 2065, 3071};

    private static long bits(double value) {
        return Double.doubleToRawLongBits(value);
    }

    private static void assertSum(double actual, double[] values) {
        assertThat(bits(actual)).as("sum of %d values", values.length).isEqualTo(bits(SumOrder.sum(values)));
    }

    private final Random random = new Random(42);

    @Test
    void sumsArrayRanges() {
        double[] values = SumOrderTest.randomValues(random, 300);
        for (int offset : new int[] {0, 1, 7, 16, 299, 300}) {
            for (int length : LENGTHS) {
                if (offset + length <= values.length) {
                    assertSum(
                            BRIDGE.sumBuffer(values, offset, length),
                            Arrays.copyOfRange(values, offset, offset + length));
                }
            }
        }
    }

    @Test
    void rejectsNulls() {
        Rejections.assertRejectsNulls(BRIDGE::sumBuffer, BRIDGE::sumBuffer, BRIDGE::sumBuffer, BRIDGE::sumBuffer);
    }

    @Test
    void rejectsRangesOutsideTheArray() {
        Rejections.assertRejectsRangesOutsideTheArray(BRIDGE::sumBuffer);
    }

    @Test
    void sumsHeapBuffersFromPositionToLimit() {
        for (int length : LENGTHS) {
            double[] values = SumOrderTest.randomValues(random, length + 5);
            DoubleBuffer buffer = DoubleBuffer.wrap(values).position(2).limit(length + 2);
            assertSum(BRIDGE.sumBuffer(buffer), Arrays.copyOfRange(values, 2, length + 2));
            assertThat(buffer.position()).isEqualTo(2);
            assertThat(buffer.limit()).isEqualTo(length + 2);

            DoubleBuffer slice = DoubleBuffer.wrap(values, 3, length).slice();
            assertSum(BRIDGE.sumBuffer(slice), Arrays.copyOfRange(values, 3, length + 3));
            assertSum(BRIDGE.sumBuffer(slice.asReadOnlyBuffer()), Arrays.copyOfRange(values, 3, length + 3));
        }
    }

    @Test
    void sumsDirectBuffersOfEitherOrder() {
        for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
            for (int length : LENGTHS) {
                double[] values = SumOrderTest.randomValues(random, length + 4);
                DoubleBuffer buffer = ByteBuffer.allocateDirect(8 * values.length)
                        .order(order)
                        .asDoubleBuffer();
                buffer.put(0, values);
                buffer.position(1).limit(length + 1);
                double[] expected = Arrays.copyOfRange(values, 1, length + 1);
                assertSum(BRIDGE.sumBuffer(buffer), expected);
                assertThat(buffer.position()).isEqualTo(1);
                assertSum(BRIDGE.sumBuffer(buffer.slice()), expected);
                assertSum(BRIDGE.sumBuffer(buffer.asReadOnlyBuffer()), expected);
            }
        }
    }

    @Test
    void sumsViewsOfHeapByteBuffers() {
        double[] values = SumOrderTest.randomValues(random, 40);
        ByteBuffer bytes = ByteBuffer.allocate(8 * 40 + 3).order(ByteOrder.nativeOrder());
        DoubleBuffer view =
                bytes.position(3).slice().order(ByteOrder.nativeOrder()).asDoubleBuffer();
        view.put(0, values);
        assertThat(view.hasArray()).isFalse();
        assertSum(BRIDGE.sumBuffer(view), values);
    }

    @Test
    void sumsNativeSegmentsAlignedOrNotWritableOrNot() {
        try (Arena arena = Arena.ofConfined()) {
            for (int length : LENGTHS) {
                double[] values = SumOrderTest.randomValues(random, length);
                MemorySegment aligned = Segments.write(arena.allocate(8L * length, 8), values);
                assertSum(BRIDGE.sumBuffer(aligned), values);
                assertSum(BRIDGE.sumBuffer(aligned.asReadOnly()), values);
                MemorySegment unaligned =
                        Segments.write(arena.allocate(8L * length + 7, 8).asSlice(5, 8L * length), values);
                assertSum(BRIDGE.sumBuffer(unaligned), values);
            }
        }
        assertThat(bits(BRIDGE.sumBuffer(MemorySegment.NULL))).isEqualTo(bits(0.0));
    }

    @Test
    void sumsHeapSegmentsOfEveryKind() {
        for (int length : LENGTHS) {
            double[] values = SumOrderTest.randomValues(random, length);
            assertSum(BRIDGE.sumBuffer(MemorySegment.ofArray(values)), values);
            assertSum(BRIDGE.sumBuffer(MemorySegment.ofArray(values).asReadOnly()), values);

            double[] padded = new double[length + 3];
            System.arraycopy(values, 0, padded, 2, length);
            assertSum(BRIDGE.sumBuffer(MemorySegment.ofArray(padded).asSlice(16, 8L * length)), values);

            MemorySegment inside =
                    Segments.write(MemorySegment.ofArray(new double[length + 1]).asSlice(4, 8L * length), values);
            assertSum(BRIDGE.sumBuffer(inside), values);

            MemorySegment bytes = Segments.write(
                    MemorySegment.ofArray(new byte[8 * length + 1]).asSlice(1), values);
            assertSum(BRIDGE.sumBuffer(bytes), values);

            MemorySegment longs = Segments.write(MemorySegment.ofArray(new long[length]), values);
            assertSum(BRIDGE.sumBuffer(longs), values);
        }
    }

    @Test
    void rejectsSegmentsThatAreNotWholeDoubles() {
        assertThatIllegalArgumentException().isThrownBy(() -> BRIDGE.sumBuffer(MemorySegment.ofArray(new byte[9])));
        assertThatIllegalArgumentException().isThrownBy(() -> BRIDGE.sumBuffer(MemorySegment.ofArray(new int[3])));
    }

    @Test
    void rejectsSegmentsOfAClosedArena() {
        Arena arena = Arena.ofShared();
        MemorySegment segment = arena.allocate(64, 8);
        arena.close();
        assertThatIllegalStateException().isThrownBy(() -> BRIDGE.sumBuffer(segment));
    }

    @Test
    void rejectsSegmentsConfinedToAnotherThread() throws InterruptedException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment segment = arena.allocate(64, 8);
            assertThat(Segments.thrownOnAnotherThread(() -> BRIDGE.sumBuffer(segment)))
                    .isInstanceOf(WrongThreadException.class);
        }
    }

    @Test
    void isThreadSafe() throws InterruptedException {
        double[] values = SumOrderTest.randomValues(random, 10_000);
        double expected = SumOrder.sum(values);
        Thread[] threads = new Thread[4];
        double[] results = new double[threads.length];
        for (int t = 0; t < threads.length; t++) {
            int slot = t;
            threads[t] = Thread.ofPlatform().start(() -> {
                double last = 0;
                for (int k = 0; k < 50; k++) {
                    last = BRIDGE.sumBuffer(values);
                }
                results[slot] = last;
            });
        }
        for (Thread thread : threads) {
            thread.join();
        }
        for (double result : results) {
            assertThat(bits(result)).isEqualTo(bits(expected));
        }
    }
}
