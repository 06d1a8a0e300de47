package dev.ffibridge.javaimpl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ffibridge.api.internal.Fill;
import dev.ffibridge.api.internal.Sum;
import dev.ffibridge.testsupport.SumOrder;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Every in-place segment path of {@link Fill} and {@link Sum} (native aligned or not, heap over a
 * byte[], a long[], inside a double, read-only), at every length around 16 lanes, the first 1024
 * elements that fill copies, the sum's blocks of 8192, and the chunk boundaries of fill's
 * int-indexed inner loops, with small chunks so that the boundaries are reachable; native segments
 * at every eight-byte phase of a line, where the copy comes from a copy of the ramp in that phase.
 */
class SegmentKernelTest {

    private static final int[] LENGTHS = {0, 1, 15, 16, 17, 31, 32, 33, 47, 48, 49, 1023, 1024, 1025, 1040, 1071, 2065};

    /** Lengths around the sum's blocks. */
    private static final int[] BLOCK_LENGTHS = {8191, 8192, 8193, 2 * 8192 + 15, 3 * 8192 + 17};

    /** Small chunks (multiples of 16) and the real one. */
    private static final int[] CHUNKS = {16, 32, 48, 1024, Fill.CHUNK};

    /** A segment of {@code n} doubles of one kind; the arena frees native ones. */
    private enum Kind {
        NATIVE_ALIGNED((arena, n) -> arena.allocate(8L * n, 8)),
        NATIVE_UNALIGNED((arena, n) -> arena.allocate(8L * n + 8, 8).asSlice(1, 8L * n)),
        NATIVE_ODD((arena, n) -> arena.allocate(8L * n + 8, 8).asSlice(4, 8L * n)),
        HEAP_BYTES((arena, n) -> MemorySegment.ofArray(new byte[8 * n + 1]).asSlice(1)),
        HEAP_LONGS((arena, n) -> MemorySegment.ofArray(new long[n])),
        HEAP_DOUBLES((arena, n) -> MemorySegment.ofArray(new double[n + 1]).asSlice(8, 8L * n)),
        HEAP_DOUBLES_INSIDE(
                (arena, n) -> MemorySegment.ofArray(new double[n + 1]).asSlice(4, 8L * n));

        final BiFunction<Arena, Integer, MemorySegment> make;

        Kind(BiFunction<Arena, Integer, MemorySegment> make) {
            this.make = make;
        }
    }

    private static long bits(double value) {
        return Double.doubleToRawLongBits(value);
    }

    @Test
    void fillsEveryKindOfSegmentAtEveryLengthAndChunk() {
        try (Arena arena = Arena.ofConfined()) {
            for (Kind kind : Kind.values()) {
                for (int n : LENGTHS) {
                    for (int chunk : CHUNKS) {
                        MemorySegment segment = kind.make.apply(arena, n);
                        segment.fill((byte) 0xff); // NaN everywhere
                        Fill.fill(segment, chunk);
                        double[] values = Segments.read(segment);
                        assertThat(values).hasSize(n);
                        for (int i = 0; i < n; i++) {
                            assertThat(bits(values[i]))
                                    .as("%s of %d, chunk %d, element %d", kind, n, chunk, i)
                                    .isEqualTo(bits(i));
                        }
                    }
                }
            }
        }
    }

    /** Native segments at every eight-byte phase of a 64-byte line, around the lengths where the phased copies start and end. */
    @Test
    void fillsNativeSegmentsInEveryPhase() {
        try (Arena arena = Arena.ofConfined()) {
            for (int n : new int[] {255, 256, 257, 1023, 1024, 1025, 1300}) {
                MemorySegment line = arena.allocate(8L * (n + 8), 64);
                for (int phase = 0; phase < 8; phase++) {
                    MemorySegment segment = line.asSlice(8L * phase, 8L * n);
                    segment.fill((byte) 0xff); // NaN everywhere
                    Fill.fill(segment);
                    double[] values = Segments.read(segment);
                    for (int i = 0; i < n; i++) {
                        assertThat(bits(values[i]))
                                .as("%d doubles at 8 * %d bytes past 64, element %d", n, phase, i)
                                .isEqualTo(bits(i));
                    }
                }
            }
        }
    }

    @Test
    void sumsEveryKindOfSegmentWritableOrNotAtEveryLengthAndChunk() {
        Random random = new Random(7);
        try (Arena arena = Arena.ofConfined()) {
            for (Kind kind : Kind.values()) {
                for (int n : IntStream.concat(Arrays.stream(LENGTHS), Arrays.stream(BLOCK_LENGTHS))
                        .toArray()) {
                    double[] values = SumOrderTest.randomValues(random, n);
                    MemorySegment segment = Segments.write(kind.make.apply(arena, n), values);
                    long expected = bits(SumOrder.sum(values));
                    assertThat(bits(Sum.sum(segment))).as("%s of %d", kind, n).isEqualTo(expected);
                    assertThat(bits(Sum.sum(segment.asReadOnly())))
                            .as("read-only %s of %d", kind, n)
                            .isEqualTo(expected);
                }
            }
        }
    }

    /** Up to 16 values each have a lane of their own (a short kernel for native segments): every count, specials too. */
    @Test
    void sumsEveryCountUpToOneValuePerLaneAsTheArrayKernelDoes() {
        double[] specials = {-0.0, 0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, 1e308};
        Random random = new Random(16);
        try (Arena arena = Arena.ofConfined()) {
            for (Kind kind : Kind.values()) {
                for (int n = 0; n <= 17; n++) {
                    for (int trial = 0; trial < 20; trial++) {
                        double[] values = SumOrderTest.randomValues(random, n);
                        for (int i = 0; i < n; i++) {
                            if (random.nextInt(4) == 0) {
                                values[i] = specials[random.nextInt(specials.length)];
                            }
                        }
                        MemorySegment segment = Segments.write(kind.make.apply(arena, n), values);
                        long expected = bits(Sum.sum(values, 0, n));
                        assertThat(bits(Sum.sum(segment)))
                                .as("%s of %d, trial %d", kind, n, trial)
                                .isEqualTo(expected);
                        if (!Double.isNaN(SumOrder.sum(values))) {
                            assertThat(bits(SumOrder.sum(values))).isEqualTo(expected);
                        }
                    }
                }
                // every lane starts at +0.0, so sixteen -0.0 sum to +0.0 (a lane holding x alone would give -0.0)
                double[] negativeZeros = new double[16];
                Arrays.fill(negativeZeros, -0.0);
                MemorySegment zeros = Segments.write(kind.make.apply(arena, 16), negativeZeros);
                assertThat(bits(Sum.sum(zeros))).as("%s of sixteen -0.0", kind).isEqualTo(bits(0.0));
            }
        }
    }

    @Test
    void eachBlockStartsNewLanes() {
        double[] values = SumOrder.blocksStartNewLanes(); // 8209 values: the tail is lane 0 of the second block
        try (Arena arena = Arena.ofConfined()) {
            for (Kind kind : Kind.values()) {
                MemorySegment segment = Segments.write(kind.make.apply(arena, values.length), values);
                assertThat(Sum.sum(segment)).as("%s", kind).isEqualTo(2.0);
            }
        }
        assertThat(SumOrder.sum(values)).isEqualTo(2.0);
    }
}
