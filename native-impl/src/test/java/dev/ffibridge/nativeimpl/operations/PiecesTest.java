package dev.ffibridge.nativeimpl.operations;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE_UNALIGNED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ffibridge.api.FfiBridge;
import dev.ffibridge.testsupport.SumOrder;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Heap work above {@link Pieces#PIECE} doubles and mapped segments go through {@link Pieces}: the same sums bit
 * for bit and the same fill values as one call, at any offset and alignment, across piece boundaries.
 */
class PiecesTest {

    private static final int LARGE = 2 * Pieces.PIECE + 8192 * 3 + 17;

    private static FfiBridge bridge;

    @BeforeAll
    static void load() {
        bridge = FfiBridge.load("native");
    }

    private static double[] randomValues(int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = (random.nextDouble() - 0.5) * Math.scalb(1.0, random.nextInt(-30, 30));
        }
        return values;
    }

    @Test
    void aLargeArraySumsToTheDocumentedOrderInPieces() {
        double[] values = randomValues(LARGE + 5, 7);
        assertThat(Double.doubleToRawLongBits(bridge.sumBuffer(values)))
                .isEqualTo(Double.doubleToRawLongBits(SumOrder.sum(values)));
        assertThat(Double.doubleToRawLongBits(bridge.sumBuffer(values, 5, LARGE)))
                .isEqualTo(Double.doubleToRawLongBits(SumOrder.sum(values, 5, LARGE)));
        values[LARGE - 3] = Double.NaN;
        assertThat(bridge.sumBuffer(values)).isNaN();
    }

    @Test
    void aLargeArrayIsFilledInPieces() {
        double[] values = new double[LARGE + 3];
        values[0] = -1;
        values[LARGE + 2] = -1;
        bridge.fillBuffer(values, 1, LARGE + 1);
        assertThat(values[0]).isEqualTo(-1);
        assertThat(values[LARGE + 2]).isEqualTo(-1);
        for (int i = 1; i <= LARGE + 1; i++) {
            if (values[i] != i - 1) {
                assertThat(values[i]).as("element %d", i).isEqualTo(i - 1.0);
            }
        }
    }

    @Test
    void aLargeUnalignedHeapSegmentIsFilledAndSummedInPieces() {
        byte[] bytes = new byte[LARGE * Double.BYTES + 3];
        MemorySegment segment = MemorySegment.ofArray(bytes).asSlice(3);
        bridge.fillBuffer(segment);
        double[] expected = new double[LARGE];
        for (int i = 0; i < LARGE; i++) {
            expected[i] = i;
        }
        assertThat(segment.toArray(JAVA_DOUBLE_UNALIGNED)).isEqualTo(expected);
        assertThat(bridge.sumBuffer(segment)).isEqualTo(SumOrder.sum(expected));
    }

    @Test
    void aMappedSegmentIsFilledAndSummedThroughScratch(@TempDir Path dir) throws IOException {
        for (int length : new int[] {1, 8191, Pieces.PIECE, Pieces.PIECE + 9}) {
            try (Arena arena = Arena.ofConfined();
                    FileChannel channel = FileChannel.open(
                            dir.resolve("mapped-" + length),
                            StandardOpenOption.CREATE,
                            StandardOpenOption.READ,
                            StandardOpenOption.WRITE)) {
                MemorySegment mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, length * 8L, arena);
                assertThat(mapped.isMapped()).isTrue();
                bridge.fillBuffer(mapped);
                assertThat(mapped.getAtIndex(JAVA_DOUBLE, length - 1)).isEqualTo(length - 1.0);
                double[] values = randomValues(length, length);
                MemorySegment.copy(values, 0, mapped, JAVA_DOUBLE, 0, length);
                assertThat(Double.doubleToRawLongBits(bridge.sumBuffer(mapped)))
                        .isEqualTo(Double.doubleToRawLongBits(SumOrder.sum(values)));
            }
        }
    }

    @Test
    void theTreeCombinesTheTotalsInTheDocumentedOrder() {
        double[] totals = new double[16];
        for (int k = 0; k < 16; k++) {
            totals[k] = k % 2 == 0 ? 1e16 * (k + 1) : 1.0 + k;
        }
        double[] s8 = new double[8];
        for (int k = 0; k < 8; k++) {
            s8[k] = totals[k] + totals[k + 8];
        }
        double[] s4 = new double[4];
        for (int k = 0; k < 4; k++) {
            s4[k] = s8[k] + s8[k + 4];
        }
        double expected = (s4[0] + s4[2]) + (s4[1] + s4[3]);
        assertThat(Pieces.combine(totals.clone())).isEqualTo(expected);
    }
}
