package dev.ffibridge.javaimpl;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Every in-place segment path of {@link Fill} and {@link Sum} (native aligned or not, heap over a
 * byte[], a long[], inside a double, read-only), at every length around a block of 16, the first
 * 1024 elements that fill copies, and the chunk boundaries of the int-indexed inner loops, with
 * small chunks so that the boundaries are reachable.
 */
class SegmentKernelTest {

    private static final int[] LENGTHS = {0, 1, 15, 16, 17, 31, 32, 33, 47, 48, 49, 1023, 1024, 1025, 1040, 1071, 2065};

    /** Small chunks (multiples of 16, as the sum requires) and the real one. */
    private static final int[] CHUNKS = {16, 32, 48, 1024, Sum.CHUNK};

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

    @Test
    void sumsEveryKindOfSegmentWritableOrNotAtEveryLengthAndChunk() {
        Random random = new Random(7);
        try (Arena arena = Arena.ofConfined()) {
            for (Kind kind : Kind.values()) {
                for (int n : LENGTHS) {
                    double[] values = SumOrderTest.randomValues(random, n);
                    MemorySegment segment = Segments.write(kind.make.apply(arena, n), values);
                    long expected = bits(ReferenceSum.of(values));
                    for (int chunk : CHUNKS) {
                        assertThat(bits(Sum.sum(segment, chunk)))
                                .as("%s of %d, chunk %d", kind, n, chunk)
                                .isEqualTo(expected);
                        assertThat(bits(Sum.sum(segment.asReadOnly(), chunk)))
                                .as("read-only %s of %d, chunk %d", kind, n, chunk)
                                .isEqualTo(expected);
                    }
                }
            }
        }
    }

    @Test
    void theChunkBoundaryKeepsTheAccumulatorsInOrder() {
        // With chunks of 16, element 16 starts the second chunk and must still go to acc0, where
        // 1e16 swallows it (acc8 = -1e16 cancels acc0 at the end); in acc1 it would survive.
        double[] values = new double[33];
        values[0] = 1e16;
        values[8] = -1e16;
        values[16] = 1.0;
        values[32] = 1.0; // the tail, also acc0's: lost too
        try (Arena arena = Arena.ofConfined()) {
            for (Kind kind : Kind.values()) {
                MemorySegment segment = Segments.write(kind.make.apply(arena, values.length), values);
                for (int chunk : CHUNKS) {
                    assertThat(Sum.sum(segment, chunk))
                            .as("%s, chunk %d", kind, chunk)
                            .isEqualTo(0.0);
                }
            }
        }
        assertThat(ReferenceSum.of(values)).isEqualTo(0.0);
    }
}
