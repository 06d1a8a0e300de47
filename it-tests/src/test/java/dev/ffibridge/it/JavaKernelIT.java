package dev.ffibridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ffibridge.api.FfiBridge;
import dev.ffibridge.api.spi.BridgeOperations;
import dev.ffibridge.api.spi.FfiBridgeProvider;
import dev.ffibridge.it.Containers.SegmentKind;
import dev.ffibridge.testsupport.SumOrder;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.EnumSet;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The java provider where its implementation has seams the contract's values do not all reach: a segment's
 * first 1024 doubles are filled from a table and the rest by a loop, and sums keep sixteen lanes, so every tail
 * length (0 to 15 past a block of 16) is checked before, at and after one, two and three multiples of 1024, for
 * every kind of segment; and the provider as {@link ServiceLoader} finds it. Fast and deterministic: PIT runs it with {@link JavaProviderIT}.
 */
class JavaKernelIT {

    private static final FfiBridge JAVA = FfiBridge.load("java");

    /** Every tail below 48, and every tail around one, two and three multiples of 1024. */
    static int[] lengths() {
        return IntStream.concat(
                        IntStream.rangeClosed(0, 48),
                        IntStream.of(1008, 2032, 3056).flatMap(base -> IntStream.rangeClosed(base, base + 33)))
                .toArray();
    }

    /** The kinds of segment both sums and fills take: confined, and heap ones of every element type and alignment. */
    private static final EnumSet<SegmentKind> SUMMED_AND_FILLED = EnumSet.of(
            SegmentKind.CONFINED,
            SegmentKind.HEAP_BYTES,
            SegmentKind.HEAP_BYTES_MISALIGNED,
            SegmentKind.HEAP_DOUBLES_MISALIGNED,
            SegmentKind.HEAP_DOUBLES_OFFSET,
            SegmentKind.HEAP_LONGS);

    /** {@return the kinds the sum is checked on: {@link #SUMMED_AND_FILLED} and the read-only ones} */
    static Stream<SegmentKind> summedKinds() {
        return Stream.concat(
                SUMMED_AND_FILLED.stream(),
                Stream.of(SegmentKind.READ_ONLY_HEAP_DOUBLES, SegmentKind.READ_ONLY_SHARED));
    }

    /** {@return the kinds the fill is checked on: {@link #SUMMED_AND_FILLED} and a misaligned native one} */
    static Stream<SegmentKind> filledKinds() {
        return Stream.concat(SUMMED_AND_FILLED.stream(), Stream.of(SegmentKind.NATIVE_MISALIGNED));
    }

    @ParameterizedTest
    @MethodSource("summedKinds")
    void segmentSumsAtEveryTailAroundTheChunks(SegmentKind kind) {
        SplittableRandom random = new SplittableRandom(kind.ordinal());
        for (int n : lengths()) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = Math.scalb(random.nextDouble(-1, 1), random.nextInt(-20, 20));
            }
            try (Containers.Segment segment = Containers.segment(kind, values)) {
                assertThat(Double.doubleToRawLongBits(JAVA.sumBuffer(segment.operand)))
                        .as("%s of %d", kind, n)
                        .isEqualTo(Double.doubleToRawLongBits(SumOrder.sum(values)));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("filledKinds")
    void segmentFillsAtEveryTailAroundTheChunks(SegmentKind kind) {
        for (int n : lengths()) {
            try (Containers.Segment segment = Containers.segment(kind, Containers.sentinels(n));
                    Containers.Segment expected = Containers.segment(kind, Reference.fillValues(n))) {
                JAVA.fillBuffer(segment.operand);
                assertThat(segment.snapshot()).as("%s of %d", kind, n).isEqualTo(expected.snapshot());
            }
        }
    }

    @Test
    void aSegmentOfAMillionAndOneIsFilledAndSummedExactly() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment segment = arena.allocate(8L * 1_048_577, 8);
            JAVA.fillBuffer(segment);
            double[] values = segment.toArray(java.lang.foreign.ValueLayout.JAVA_DOUBLE);
            assertThat(Outcome.rawBits(values)).isEqualTo(Outcome.rawBits(Reference.fillValues(1_048_577)));
            assertThat(JAVA.sumBuffer(segment)).isEqualTo(1_048_577.0 * 1_048_576 / 2);
        }
    }

    @Test
    void theProviderAsServiceLoaderFindsIt() {
        FfiBridgeProvider java = ServiceLoader.load(FfiBridgeProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("java"))
                .findFirst()
                .orElseThrow();
        assertThat(java.priority()).isZero();
        assertThat(java.isAvailable()).isTrue();
        assertThat(java.unavailabilityCause()).isEmpty();
        assertThat(java.details())
                .as("diagnostics say what the java provider is")
                .isNotEmpty();
        assertThat(java.toString()).containsIgnoringCase("java");
        BridgeOperations operations = java.create();
        assertThat(operations).isNotNull();
        assertThat(operations.toString()).isNotEmpty();
        assertThat(operations.addNumbers(2, 3)).isEqualTo(5);
        assertThat(operations.createPerson()).isEqualTo(Reference.ALICE);
        double[] buffer = new double[5];
        operations.fill(buffer, 0, 5);
        assertThat(operations.sum(buffer, 0, 5)).isEqualTo(10.0);
    }
}
