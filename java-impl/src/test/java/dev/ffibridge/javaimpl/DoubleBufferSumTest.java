package dev.ffibridge.javaimpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ffibridge.api.FfiBridge;
import dev.ffibridge.api.internal.DoubleBufferSum;
import dev.ffibridge.api.internal.Sum;
import dev.ffibridge.testsupport.SumOrder;
import java.lang.foreign.Arena;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@link DoubleBufferSum}, the in-place kernel of direct buffers, gives the array kernel's bits: every length
 * 0..80 and around the blocks of 8192, direct and heap buffers, writable and read-only, from a position other
 * than 0 to a limit short of the capacity, and leaves position and limit as they were.
 */
class DoubleBufferSumTest {

    private static final FfiBridge BRIDGE = FfiBridge.load("java");

    private static final int[] BLOCK_LENGTHS = {8191, 8192, 8193, 2 * 8192 + 15};

    private static long bits(double value) {
        return Double.doubleToRawLongBits(value);
    }

    /** {@code values} from position 3 to a limit 2 short of the capacity, in buffers of every kind. */
    private static List<DoubleBuffer> buffers(double[] values) {
        int n = values.length;
        double[] padded = new double[n + 5];
        Arrays.fill(padded, Double.NaN); // outside the range: would show in the sum
        System.arraycopy(values, 0, padded, 3, n);
        DoubleBuffer direct = ByteBuffer.allocateDirect(8 * padded.length)
                .order(ByteOrder.nativeOrder())
                .asDoubleBuffer()
                .put(padded);
        DoubleBuffer heap = DoubleBuffer.wrap(padded);
        return List.of(direct, direct.asReadOnlyBuffer(), heap, heap.asReadOnlyBuffer()).stream()
                .map(buffer -> buffer.limit(3 + n).position(3))
                .toList();
    }

    @Test
    void sumsEveryLengthAsTheArrayKernelDoes() {
        Random random = new Random(80);
        for (int n : IntStream.concat(IntStream.rangeClosed(0, 80), Arrays.stream(BLOCK_LENGTHS))
                .toArray()) {
            for (int trial = 0; trial < 3; trial++) {
                double[] values = SumOrderTest.randomValues(random, n);
                long expected = bits(Sum.sum(values, 0, n));
                assertThat(expected).isEqualTo(bits(SumOrder.sum(values)));
                for (DoubleBuffer buffer : buffers(values)) {
                    String what = String.format(
                            "%s of %d, trial %d", buffer.getClass().getSimpleName(), n, trial);
                    assertThat(bits(DoubleBufferSum.sum(buffer))).as(what).isEqualTo(expected);
                    assertThat(bits(BRIDGE.sumBuffer(buffer)))
                            .as("API: " + what)
                            .isEqualTo(expected);
                    assertThat(buffer.position()).as(what).isEqualTo(3);
                    assertThat(buffer.limit()).as(what).isEqualTo(3 + n);
                }
            }
        }
    }

    @Test
    void everyLaneStartsAtPositiveZero() {
        double[] negativeZeros = new double[16];
        Arrays.fill(negativeZeros, -0.0);
        for (DoubleBuffer buffer : buffers(negativeZeros)) {
            assertThat(bits(DoubleBufferSum.sum(buffer))).as("%s", buffer).isEqualTo(bits(0.0));
        }
    }

    @Test
    void eachBlockStartsNewLanes() {
        double[] values = SumOrder.blocksStartNewLanes();
        for (DoubleBuffer buffer : buffers(values)) {
            assertThat(DoubleBufferSum.sum(buffer)).as("%s", buffer).isEqualTo(2.0);
        }
    }

    /** A buffer over a segment is read under its arena's rules: closed, or confined to another thread. */
    @Test
    void aBufferOfAClosedOrAnotherThreadsArenaIsRefused() throws InterruptedException {
        for (int n : new int[] {16, 64}) {
            DoubleBuffer closed;
            try (Arena arena = Arena.ofShared()) {
                closed = asDoubles(arena, n);
            }
            assertThatThrownBy(() -> BRIDGE.sumBuffer(closed)).isInstanceOf(IllegalStateException.class);
            try (Arena arena = Arena.ofConfined()) {
                DoubleBuffer confined = asDoubles(arena, n);
                assertThat(Segments.thrownOnAnotherThread(() -> BRIDGE.sumBuffer(confined)))
                        .isInstanceOf(WrongThreadException.class);
                assertThat(BRIDGE.sumBuffer(confined)).isZero();
            }
        }
    }

    private static DoubleBuffer asDoubles(Arena arena, int n) {
        return arena.allocate(8L * n)
                .asByteBuffer()
                .order(ByteOrder.nativeOrder())
                .asDoubleBuffer();
    }
}
