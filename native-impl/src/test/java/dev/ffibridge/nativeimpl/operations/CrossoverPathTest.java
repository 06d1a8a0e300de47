package dev.ffibridge.nativeimpl.operations;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ffibridge.api.FfiBridge;
import dev.ffibridge.api.Person;
import dev.ffibridge.api.internal.Fill;
import dev.ffibridge.api.internal.PersonCodec;
import dev.ffibridge.api.internal.SequenceCodec;
import dev.ffibridge.api.internal.Sum;
import dev.ffibridge.testsupport.SumOrder;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The native provider with its crossovers on (its own surefire execution, without {@code
 * -Dffibridge.native.crossovers=0}): the sizes on both sides of every crossover give the values of
 * the reference, short malformed sequences the java provider's exception (its kernel, {@link SequenceCodec}),
 * and names around the person-name crossover the java provider's persons, bytes ({@link PersonCodec}) and
 * exceptions.
 */
class CrossoverPathTest {

    /** The person-name crossover in chars: a constant, so that a wrong one fails an assertion, not a repeat. */
    private static final int NAME_CROSSOVER = 1 << 16;

    private final FfiBridge bridge = FfiBridge.load("native");

    @Test
    void theCrossoversAreOnAndReported() {
        assertThat(Crossovers.FILL).isPositive();
        assertThat(Crossovers.describe().get("java path below"))
                .startsWith("fillBuffer " + Crossovers.FILL)
                .contains("filledBuffer from the JDK's arenas a copy up to 1024 doubles, the library from there and for"
                        + " other arenas from 1;");
        assertThat(Crossovers.FILL_SHORT)
                .as("the java kernel's own straight-line limit: both providers make the same first test")
                .isEqualTo(Fill.SHORT)
                .isLessThan(Crossovers.FILL);
        assertThat(Crossovers.FILL_SEGMENT_IN_JAVA).isEqualTo(Crossovers.FILL_SEGMENT - 1);
        assertThat(Crossovers.SUM_SEGMENT_IN_JAVA)
                .as("the java kernels' own straight-line limit, so that C2 folds the provider's test into theirs")
                .isEqualTo(Sum.LANES)
                .isEqualTo(Crossovers.SUM_SEGMENT - 1);
        assertThat(Crossovers.FILLED_BUFFER)
                .as("the arena's memory is filled by the library from 1 double")
                .isOne();
        assertThat(Crossovers.describe())
                .containsEntry(
                        "java path above",
                        "createPerson and encodePerson with a name of more than 65536 chars; decodePerson in the"
                                + " library at every size");
    }

    @Test
    void namesOfMoreThan64KiCharsAreCreatedAndEncodedInJava() {
        assertThat(Crossovers.PERSON_NAME)
                .isEqualTo(PersonCalls.CRITICAL_NAME_CHARS)
                .isEqualTo(NAME_CROSSOVER);
        int limit = NAME_CROSSOVER;
        assertThat(Crossovers.personNameInJava("a".repeat(limit - 1))).isFalse();
        assertThat(Crossovers.personNameInJava("a".repeat(limit))).isFalse();
        assertThat(Crossovers.personNameInJava("\u4e2d".repeat(limit))).isFalse();
        assertThat(Crossovers.personNameInJava("a".repeat(limit + 1))).isTrue();
        assertThat(Crossovers.personNameInJava("\ud83d\ude00".repeat(8 * limit)))
                .isTrue();
    }

    @Test
    void personNamesAroundTheCrossoverGiveTheJavaProvidersPersonsAndBytes() {
        int limit = NAME_CROSSOVER;
        for (int chars : new int[] {0, 1, limit - 1, limit, limit + 1, 16 * limit}) {
            for (String unit : PersonRoundTrip.UNITS) {
                PersonRoundTrip.check(bridge, PersonRoundTrip.name(chars, unit), PersonCodec::encode);
            }
        }
    }

    @Test
    void badLongNamesGetTheJavaProvidersExceptionOnBothSidesOfTheCrossover() {
        int limit = NAME_CROSSOVER;
        for (int chars : new int[] {limit, limit + 1}) {
            for (String bad : new String[] {"a".repeat(chars - 1) + "\0", "\ud800" + "a".repeat(chars - 1)}) {
                Throwable expected = catchThrowable(() -> new Person(bad, 1, 1f));
                assertThat(expected).isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> bridge.createPerson(bad, 1, 1f))
                        .as("%d chars", chars)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage(expected.getMessage());
            }
            assertThatThrownBy(() -> bridge.createPerson("a".repeat(chars), -1, 1f))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(catchThrowable(() -> new Person("a", -1, 1f)).getMessage());
        }
    }

    @Test
    void everySizeAroundTheCrossoversGivesTheReferenceValues() {
        SplittableRandom random = new SplittableRandom(16);
        try (Arena arena = Arena.ofConfined()) {
            for (int n = 0; n <= 2 * Crossovers.FILL_SEGMENT + 1; n++) {
                double[] values = random.doubles(n, -1e6, 1e6).toArray();
                assertThat(bridge.sumBuffer(values)).as("sum of %d", n).isEqualTo(SumOrder.sum(values, 0, n));
                MemorySegment segment =
                        arena.allocate(JAVA_DOUBLE, Math.max(1, n)).asSlice(0, (long) n * 8);
                MemorySegment.copy(values, 0, segment, JAVA_DOUBLE, 0, n);
                assertThat(bridge.sumBuffer(segment)).as("segment sum of %d", n).isEqualTo(SumOrder.sum(values, 0, n));
                assertThat(bridge.decodeSequence(bridge.encodeSequence(values))).isEqualTo(values);

                double[] filled = new double[n];
                bridge.fillBuffer(filled);
                bridge.fillBuffer(segment);
                MemorySegment allocated = bridge.filledBuffer(n, arena);
                assertThat(allocated.byteSize()).isEqualTo(n * 8L);
                for (int i = 0; i < n; i++) {
                    assertThat(filled[i]).isEqualTo(i);
                    assertThat(segment.getAtIndex(JAVA_DOUBLE, i)).isEqualTo(i);
                    assertThat(allocated.getAtIndex(JAVA_DOUBLE, i)).isEqualTo(i);
                }
            }
        }
    }

    /** Every path of an array's fill (straight line, loop, library) writes its range and nothing around it. */
    @Test
    void arrayFillsAroundTheCrossoversWriteOnlyTheirRange() {
        int crossover = Crossovers.FILL;
        IntStream lengths = IntStream.concat(
                IntStream.rangeClosed(0, Crossovers.FILL_SHORT + 1),
                IntStream.of(crossover - 1, crossover, crossover + 1));
        for (int length : lengths.toArray()) {
            for (int offset : new int[] {0, 1, 5}) {
                double[] array = new double[offset + length + 2];
                Arrays.fill(array, -1.0); // no fill value
                bridge.fillBuffer(array, offset, length);
                for (int i = 0; i < array.length; i++) {
                    boolean inRange = i >= offset && i < offset + length;
                    assertThat(array[i])
                            .as("length %d, offset %d, element %d", length, offset, i)
                            .isEqualTo(inRange ? i - offset : -1.0);
                }
            }
        }
    }

    /** Direct buffers are summed in place below the segment crossover and by the library from it. */
    @Test
    void directDoubleBuffersAroundTheSumCrossoverGiveTheReferenceValues() {
        assertThat(Crossovers.SUM_SEGMENT).isPositive().isLessThan(80);
        SplittableRandom random = new SplittableRandom(28);
        for (int n = 0; n <= 80; n++) {
            double[] values = random.doubles(n, -1e6, 1e6).toArray();
            DoubleBuffer buffer = ByteBuffer.allocateDirect(8 * (n + 3))
                    .order(ByteOrder.nativeOrder())
                    .asDoubleBuffer()
                    .put(1, values)
                    .limit(n + 1)
                    .position(1);
            double expected = SumOrder.sum(values, 0, n);
            assertThat(bridge.sumBuffer(buffer)).as("direct buffer of %d", n).isEqualTo(expected);
            assertThat(bridge.sumBuffer(buffer.asReadOnlyBuffer()))
                    .as("read-only direct buffer of %d", n)
                    .isEqualTo(expected);
            assertThat(buffer.position()).isEqualTo(1);
            assertThat(buffer.limit()).isEqualTo(n + 1);
        }
    }

    /** On both sides of the crossover, a buffer over a closed arena's memory is refused as a segment of it is. */
    @Test
    void directDoubleBuffersOfAClosedArenaAreRefusedOnBothSidesOfTheCrossover() {
        for (int n : new int[] {Crossovers.SUM_SEGMENT - 1, Crossovers.SUM_SEGMENT}) {
            DoubleBuffer closed;
            try (Arena arena = Arena.ofShared()) {
                closed = arena.allocate(8L * n)
                        .asByteBuffer()
                        .order(ByteOrder.nativeOrder())
                        .asDoubleBuffer();
            }
            assertThatThrownBy(() -> bridge.sumBuffer(closed))
                    .as("%d doubles", n)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Already closed"); // the JDK's message, as from any access to the memory
        }
    }

    @Test
    void shortMalformedSequencesGetTheJavaProvidersException() {
        for (byte[] bytes : new byte[][] {{}, {1, 0, 0}, {2, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8}}) {
            Throwable expected = catchThrowable(() -> SequenceCodec.decode(bytes));
            assertThat(expected).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> bridge.decodeSequence(bytes))
                    .as("%s", Arrays.toString(bytes))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(expected.getMessage());
        }
    }

    @Test
    void sequencesOfEverySizeGiveTheJavaKernelsBytesValuesAndMessages() {
        assertThat(Crossovers.SEQUENCES_IN_JAVA).isTrue();
        SplittableRandom random = new SplittableRandom(19);
        for (int n : new int[] {0, 1, 127, 128, 1024, 65_536, (1 << 19) - 1, 1 << 19}) {
            double[] values = random.doubles(n, -1e6, 1e6).toArray();
            byte[] bytes = bridge.encodeSequence(values);
            assertThat(bytes).as("encoded %d", n).isEqualTo(SequenceCodec.encode(values));
            assertThat(bridge.decodeSequence(bytes)).as("decoded %d", n).isEqualTo(values);

            byte[] truncated = Arrays.copyOf(bytes, bytes.length - 1);
            Throwable expected = catchThrowable(() -> SequenceCodec.decode(truncated));
            assertThatThrownBy(() -> bridge.decodeSequence(truncated))
                    .as("truncated %d", n)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(expected.getMessage());
        }
    }
}
