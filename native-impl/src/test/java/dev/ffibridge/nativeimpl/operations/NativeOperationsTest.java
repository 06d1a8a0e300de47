package dev.ffibridge.nativeimpl.operations;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE_UNALIGNED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ffibridge.api.Data;
import dev.ffibridge.api.FfiBridge;
import dev.ffibridge.api.OwnedBuffer;
import dev.ffibridge.api.Person;
import dev.ffibridge.nativeimpl.abi.BufferFunctions;
import dev.ffibridge.nativeimpl.abi.FfiBridgeLibrary;
import dev.ffibridge.testsupport.CallersArena;
import dev.ffibridge.testsupport.CodecRejections;
import dev.ffibridge.testsupport.SumOrder;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every operation of the native provider through the public API, with known values and every error path. */
class NativeOperationsTest {

    private static FfiBridge bridge;

    @BeforeAll
    static void load() {
        bridge = FfiBridge.load("native");
    }

    @AfterEach
    void everythingCameBack() {
        assertThat(NativeDiagnostics.liveCounts()).isEqualTo(LiveCounts.NONE);
    }

    @Test
    void runsTheNativeProvider() {
        assertThat(bridge.providerName()).isEqualTo("native");
    }

    @Nested
    class AddNumbers {
        @Test
        void adds() {
            assertThat(bridge.addNumbers(2, 3)).isEqualTo(5);
            assertThat(bridge.addNumbers(-7, 3)).isEqualTo(-4);
            assertThat(bridge.addNumbers(0, 0)).isZero();
        }

        @Test
        void wrapsOnOverflow() {
            assertThat(bridge.addNumbers(Integer.MAX_VALUE, 1)).isEqualTo(Integer.MIN_VALUE);
            assertThat(bridge.addNumbers(Integer.MIN_VALUE, -1)).isEqualTo(Integer.MAX_VALUE);
            assertThat(bridge.addNumbers(Integer.MIN_VALUE, Integer.MIN_VALUE)).isZero();
        }
    }

    @Nested
    class Persons {
        @Test
        void theGuidesPerson() {
            assertThat(bridge.createPerson()).isEqualTo(new Person("Alice", 30, 5.8f));
        }

        @Test
        void carriesEveryValueThroughARustPerson() {
            assertThat(bridge.createPerson("Bob", 42, 1.75f)).isEqualTo(new Person("Bob", 42, 1.75f));
            assertThat(bridge.createPerson("", 0, 0f)).isEqualTo(new Person("", 0, 0f));
            assertThat(bridge.createPerson("Zoë 😀 日本", Person.MAX_AGE, -0f))
                    .isEqualTo(new Person("Zoë 😀 日本", Person.MAX_AGE, -0f));
        }

        @Test
        void carriesAgeAsUnsigned32Bits() {
            assertThat(bridge.createPerson("x", 0x8000_0000L, 1f).age()).isEqualTo(0x8000_0000L);
            assertThat(bridge.createPerson("x", Person.MAX_AGE, 1f).age()).isEqualTo(Person.MAX_AGE);
        }

        @Test
        void carriesNanPayloadsBitForBit() {
            for (int bits : new int[] {0x7fc00000, 0x7fa00001, 0xffc12345, 0x7f800000, 0x00000001}) {
                float height = Float.intBitsToFloat(bits);
                assertThat(Float.floatToRawIntBits(
                                bridge.createPerson("n", 1, height).height()))
                        .as("bits %08x", bits)
                        .isEqualTo(bits);
            }
        }

        @Test
        void carriesLongNames() {
            String name = "é".repeat(300_000);
            assertThat(bridge.createPerson(name, 7, 2f).name()).isEqualTo(name);
        }

        @Test
        void rejectsNamesThatCannotBeCStrings() {
            assertThatThrownBy(() -> bridge.createPerson("a\0b", 1, 1f)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> bridge.createPerson("a\uD800", 1, 1f))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> bridge.createPerson(null, 1, 1f)).isInstanceOf(NullPointerException.class);
        }

        @Test
        void rejectsAgesOutsideUint32() {
            assertThatThrownBy(() -> bridge.createPerson("a", -1, 1f)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> bridge.createPerson("a", Person.MAX_AGE + 1, 1f))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void getData() {
        assertThat(bridge.getData()).isEqualTo(Data.of(1.1, 2.2, 3.3, 4.4, 5.5));
    }

    @Nested
    class Buffers {
        @Test
        void fillsArrays() {
            double[] buffer = new double[10];
            bridge.fillBuffer(buffer);
            assertThat(buffer).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        }

        @Test
        void fillsArrayRangesOnly() {
            double[] buffer = new double[8];
            Arrays.fill(buffer, -1);
            bridge.fillBuffer(buffer, 2, 4);
            assertThat(buffer).containsExactly(-1, -1, 0, 1, 2, 3, -1, -1);
            bridge.fillBuffer(buffer, 8, 0);
            bridge.fillBuffer(new double[0]);
        }

        @Test
        void rejectsRangesOutsideTheArray() {
            double[] buffer = new double[4];
            assertThatThrownBy(() -> bridge.fillBuffer(buffer, 1, 4)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> bridge.fillBuffer(buffer, -1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> bridge.sumBuffer(buffer, 3, 2)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> bridge.sumBuffer(buffer, 0, -1)).isInstanceOf(IndexOutOfBoundsException.class);
        }

        @Test
        void sumsInTheDocumentedOrderBitForBit() {
            SplittableRandom random = new SplittableRandom(42);
            for (int length : new int[] {0, 1, 2, 3, 7, 15, 16, 17, 31, 33, 100, 1000, 4097}) {
                double[] values = random.doubles(length, -1e6, 1e6).toArray();
                for (int i = 0; i < length; i += 7) {
                    values[i] *= 1e-12;
                }
                assertThat(bridge.sumBuffer(values)).as("length %d", length).isEqualTo(SumOrder.sum(values));
            }
            assertThat(bridge.sumBuffer(new double[] {1e308, 1e308, -1e308}))
                    .isEqualTo(SumOrder.sum(new double[] {1e308, 1e308, -1e308}));
        }

        @Test
        void sumsArrayRanges() {
            double[] values = IntStream.range(0, 100).mapToDouble(i -> i * 0.1).toArray();
            assertThat(bridge.sumBuffer(values, 13, 50)).isEqualTo(SumOrder.sum(values, 13, 50));
            assertThat(bridge.sumBuffer(values, 100, 0)).isEqualTo(0.0);
        }

        @Test
        void sumOfNothingIsPositiveZero() {
            assertThat(Double.doubleToRawLongBits(bridge.sumBuffer(new double[0])))
                    .isZero();
            assertThat(Double.doubleToRawLongBits(bridge.sumBuffer(new double[] {-0.0})))
                    .isZero();
            assertThat(Double.doubleToRawLongBits(bridge.sumBuffer(MemorySegment.NULL)))
                    .isZero();
        }

        /** With the crossovers off (this execution) every size goes to the library but the empty one. */
        @Test
        void onlyEmptySegmentsStayInJavaWithTheCrossoversOff() {
            assertThat(Crossovers.FILL_SHORT)
                    .as("not even an empty array stays in Java")
                    .isNegative();
            assertThat(Crossovers.FILL_SEGMENT_IN_JAVA).isZero();
            assertThat(Crossovers.SUM_SEGMENT_IN_JAVA).isZero();
            assertThat(Crossovers.FILLED_BUFFER_COPIED)
                    .as("filledBuffer in the library from 1 double")
                    .isNegative();
            bridge.fillBuffer(MemorySegment.NULL); // no call with the NULL address
            assertThat(bridge.sumBuffer(MemorySegment.NULL.asByteBuffer().asDoubleBuffer()))
                    .isZero();
        }

        @Test
        void sumsSpecialValues() {
            assertThat(bridge.sumBuffer(new double[] {Double.NaN, 1})).isNaN();
            assertThat(bridge.sumBuffer(new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}))
                    .isNaN();
            assertThat(bridge.sumBuffer(new double[] {Double.MAX_VALUE, Double.MAX_VALUE}))
                    .isInfinite();
        }

        @Test
        void sumsAreBitIdenticalToTheCheckedSumAndTheReference() {
            SplittableRandom random = new SplittableRandom(7);
            try (Arena arena = Arena.ofConfined()) {
                for (int round = 0; round < 400; round++) {
                    int length = round < 200 ? round : random.nextInt(5000);
                    double[] values = new double[length];
                    for (int i = 0; i < length; i++) {
                        values[i] = random.nextDouble(-1, 1) * Math.scalb(1.0, random.nextInt(-40, 41));
                    }
                    long expected = Double.doubleToRawLongBits(SumOrder.sum(values));
                    double[] out = {42};
                    assertThat(BufferFunctions.sumBufferCritical(
                                    MemorySegment.ofArray(values), length, MemorySegment.ofArray(out)))
                            .isZero();
                    assertThat(Double.doubleToRawLongBits(out[0]))
                            .as("length %d", length)
                            .isEqualTo(expected);
                    assertThat(Double.doubleToRawLongBits(bridge.sumBuffer(values)))
                            .as("array, length %d", length)
                            .isEqualTo(expected);
                    int offset = length == 0 ? 0 : random.nextInt(length);
                    assertThat(Double.doubleToRawLongBits(bridge.sumBuffer(values, offset, length - offset)))
                            .as("range %d+%d", offset, length - offset)
                            .isEqualTo(Double.doubleToRawLongBits(SumOrder.sum(values, offset, length - offset)));
                    MemorySegment aligned =
                            arena.allocate(JAVA_DOUBLE, Math.max(1, length)).asSlice(0, (long) length * Double.BYTES);
                    MemorySegment.copy(values, 0, aligned, JAVA_DOUBLE, 0, length);
                    assertThat(Double.doubleToRawLongBits(bridge.sumBuffer(aligned)))
                            .as("native, length %d", length)
                            .isEqualTo(expected);
                    int shift = 1 + random.nextInt(7);
                    MemorySegment unaligned =
                            arena.allocate((long) length * Double.BYTES + shift).asSlice(shift);
                    MemorySegment.copy(values, 0, unaligned, JAVA_DOUBLE_UNALIGNED, 0, length);
                    assertThat(Double.doubleToRawLongBits(bridge.sumBuffer(unaligned)))
                            .as("native at +%d, length %d", shift, length)
                            .isEqualTo(expected);
                }
            }
        }

        @Test
        void nanSumsAreReturnedAsTheLibraryGivesThem() {
            double payload = Double.longBitsToDouble(0x7ff8_0000_0000_1234L);
            double negativePayload = Double.longBitsToDouble(0xfff8_0000_00ab_cdefL);
            List<double[]> inputs = List.of(
                    new double[] {Double.NaN},
                    new double[] {1, Double.NaN, 2},
                    new double[] {payload},
                    new double[] {3, 4, payload, 5, 6},
                    new double[] {negativePayload, 1},
                    new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY},
                    IntStream.range(0, 1000)
                            .mapToDouble(i -> i == 517 ? payload : i)
                            .toArray());
            for (double[] values : inputs) {
                double[] out = {42};
                assertThat(BufferFunctions.sumBufferCritical(
                                MemorySegment.ofArray(values), values.length, MemorySegment.ofArray(out)))
                        .isZero();
                assertThat(out[0]).isNaN();
                long bits = Double.doubleToRawLongBits(out[0]);
                String description = Arrays.toString(values)
                        .substring(0, Math.min(60, Arrays.toString(values).length()));
                assertThat(Double.doubleToRawLongBits(bridge.sumBuffer(values)))
                        .as("array %s", description)
                        .isEqualTo(bits);
                try (Arena arena = Arena.ofConfined()) {
                    MemorySegment segment = arena.allocateFrom(JAVA_DOUBLE, values);
                    assertThat(Double.doubleToRawLongBits(bridge.sumBuffer(segment)))
                            .as("native %s", description)
                            .isEqualTo(bits);
                }
            }
            // A single NaN input keeps its payload through the sum.
            assertThat(Double.doubleToRawLongBits(bridge.sumBuffer(new double[] {3, 4, payload, 5, 6})))
                    .isEqualTo(Double.doubleToRawLongBits(payload));
        }

        @Test
        void nanSumsOfLargeNativeSegmentsTakeTheRegularCheckedPath() {
            long length = FfiBridgeLibrary.CRITICAL_NATIVE_BYTES / Double.BYTES * 2 + 3;
            double payload = Double.longBitsToDouble(0x7ff8_0000_0000_4321L);
            try (Arena arena = Arena.ofShared()) {
                MemorySegment segment = arena.allocate(JAVA_DOUBLE, length);
                assertThat(FfiBridgeLibrary.needsRegularCall(segment)).isTrue();
                bridge.fillBuffer(segment);
                segment.setAtIndex(JAVA_DOUBLE, length / 2, payload);
                assertThat(Double.doubleToRawLongBits(bridge.sumBuffer(segment)))
                        .isEqualTo(Double.doubleToRawLongBits(payload));
            }
        }

        @Test
        void fillsAndSumsNativeSegments() {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment segment = arena.allocate(JAVA_DOUBLE, 100);
                bridge.fillBuffer(segment);
                assertThat(segment.toArray(JAVA_DOUBLE))
                        .isEqualTo(IntStream.range(0, 100).asDoubleStream().toArray());
                assertThat(bridge.sumBuffer(segment)).isEqualTo(4950.0);
                assertThat(bridge.sumBuffer(segment.asReadOnly())).isEqualTo(4950.0);
            }
        }

        @Test
        void fillsAndSumsUnalignedSegments() {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment segment = arena.allocate(8 * 33 + 3).asSlice(3, 8 * 33);
                bridge.fillBuffer(segment);
                double[] expected = IntStream.range(0, 33).asDoubleStream().toArray();
                assertThat(segment.toArray(JAVA_DOUBLE_UNALIGNED)).isEqualTo(expected);
                assertThat(bridge.sumBuffer(segment)).isEqualTo(SumOrder.sum(expected));
            }
            MemorySegment heap = MemorySegment.ofArray(new byte[8 * 20 + 5]).asSlice(5);
            bridge.fillBuffer(heap);
            assertThat(bridge.sumBuffer(heap)).isEqualTo(190.0);
            assertThat(heap.getAtIndex(JAVA_DOUBLE_UNALIGNED, 19)).isEqualTo(19.0);
        }

        @Test
        void fillsAndSumsHeapSegmentsOfEveryKind() {
            MemorySegment doubles = MemorySegment.ofArray(new double[12]);
            bridge.fillBuffer(doubles);
            assertThat(bridge.sumBuffer(doubles)).isEqualTo(66.0);
            MemorySegment longs = MemorySegment.ofArray(new long[12]);
            bridge.fillBuffer(longs);
            assertThat(longs.getAtIndex(JAVA_DOUBLE, 11)).isEqualTo(11.0);
        }

        @Test
        void fillsAndSumsLargeNativeSegmentsThroughRegularCalls() {
            long length = FfiBridgeLibrary.CRITICAL_NATIVE_BYTES / Double.BYTES * 2 + 3;
            try (Arena arena = Arena.ofShared()) {
                MemorySegment segment = arena.allocate(JAVA_DOUBLE, length);
                assertThat(FfiBridgeLibrary.needsRegularCall(segment)).isTrue();
                bridge.fillBuffer(segment);
                double[] values = segment.toArray(JAVA_DOUBLE);
                assertThat(values[(int) length - 1]).isEqualTo(length - 1);
                assertThat(bridge.sumBuffer(segment)).isEqualTo(SumOrder.sum(values));
            }
        }

        @Test
        void usesCriticalCallsForHeapAndSmallNativeMemory() {
            assertThat(FfiBridgeLibrary.needsRegularCall(MemorySegment.ofArray(new double[1 << 20])))
                    .isFalse();
            try (Arena arena = Arena.ofConfined()) {
                assertThat(FfiBridgeLibrary.needsRegularCall(arena.allocate(FfiBridgeLibrary.CRITICAL_NATIVE_BYTES)))
                        .isFalse();
                assertThat(FfiBridgeLibrary.needsRegularCall(
                                arena.allocate(FfiBridgeLibrary.CRITICAL_NATIVE_BYTES + 8)))
                        .isTrue();
            }
        }

        @Test
        void fillsAndSumsDoubleBuffers() {
            DoubleBuffer heap = DoubleBuffer.allocate(10).position(2).limit(7);
            bridge.fillBuffer(heap);
            assertThat(heap.array()).containsExactly(0, 0, 0, 1, 2, 3, 4, 0, 0, 0);
            assertThat(bridge.sumBuffer(heap)).isEqualTo(10.0);
            DoubleBuffer direct =
                    ByteBuffer.allocateDirect(80).order(ByteOrder.nativeOrder()).asDoubleBuffer();
            bridge.fillBuffer(direct);
            assertThat(direct.get(9)).isEqualTo(9.0);
            assertThat(bridge.sumBuffer(direct)).isEqualTo(45.0);
        }

        @Test
        void rejectsBadSegments() {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment odd = arena.allocate(12);
                assertThatThrownBy(() -> bridge.fillBuffer(odd)).isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> bridge.sumBuffer(odd)).isInstanceOf(IllegalArgumentException.class);
                MemorySegment readOnly = arena.allocate(16).asReadOnly();
                assertThatThrownBy(() -> bridge.fillBuffer(readOnly)).isInstanceOf(IllegalArgumentException.class);
            }
            MemorySegment closed;
            try (Arena arena = Arena.ofConfined()) {
                closed = arena.allocate(16);
            }
            assertThatThrownBy(() -> bridge.sumBuffer(closed)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Nested
    class OwnedBuffers {
        @Test
        void holdsTheFillValuesInArenaMemoryFilledByRust() {
            try (OwnedBuffer buffer = bridge.filledBuffer(1000)) {
                assertThat(buffer.length()).isEqualTo(1000);
                assertThat(buffer.get(0)).isZero();
                assertThat(buffer.get(999)).isEqualTo(999.0);
                assertThat(buffer.segment().isNative()).isTrue();
                assertThat(buffer.segment().isReadOnly()).isTrue();
                assertThat(buffer.toArray())
                        .isEqualTo(IntStream.range(0, 1000).asDoubleStream().toArray());
                assertThat(bridge.sumBuffer(buffer.segment())).isEqualTo(499500.0);
                assertThat(NativeDiagnostics.liveCounts().buffers())
                        .as("the memory is the arena's, not a Rust buffer")
                        .isZero();
            }
            assertThat(NativeDiagnostics.liveCounts().buffers()).isZero();
        }

        @Test
        void emptyBufferIsValidAndClosed() {
            OwnedBuffer buffer = bridge.filledBuffer(0);
            assertThat(buffer.length()).isZero();
            assertThat(buffer.toArray()).isEmpty();
            assertThat(buffer.segment().byteSize()).isZero();
            assertThat(NativeDiagnostics.liveCounts().buffers()).isZero();
            buffer.close();
            assertThat(buffer.isOpen()).isFalse();
            assertThat(NativeDiagnostics.liveCounts().buffers()).isZero();
        }

        @Test
        void closeIsIdempotentAndWorksFromAnyThread() throws Exception {
            OwnedBuffer buffer = bridge.filledBuffer(16);
            Thread closer = new Thread(buffer::close);
            closer.start();
            closer.join();
            buffer.close();
            assertThat(buffer.isOpen()).isFalse();
            assertThat(buffer.length()).isEqualTo(16);
            assertThatThrownBy(() -> buffer.get(0)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(buffer::toArray).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> buffer.segment().get(JAVA_DOUBLE, 0)).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void checksIndexes() {
            try (OwnedBuffer buffer = bridge.filledBuffer(3)) {
                assertThatThrownBy(() -> buffer.get(3)).isInstanceOf(IndexOutOfBoundsException.class);
                assertThatThrownBy(() -> buffer.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
            }
        }

        @Test
        void rejectsBadLengths() {
            assertThatThrownBy(() -> bridge.filledBuffer(-1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> bridge.filledBuffer(FfiBridge.MAX_BUFFER_LENGTH + 1))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void refusedAllocationIsOutOfMemoryError() {
            // the arena's allocate refuses, as it does for the java provider
            assertThatThrownBy(() -> bridge.filledBuffer(FfiBridge.MAX_BUFFER_LENGTH))
                    .isInstanceOf(OutOfMemoryError.class);
            try (Arena arena = Arena.ofConfined()) {
                assertThatThrownBy(() -> bridge.filledBuffer(FfiBridge.MAX_BUFFER_LENGTH, arena))
                        .isInstanceOf(OutOfMemoryError.class);
            }
            assertThat(NativeDiagnostics.liveCounts().buffers()).isZero();
        }

        @Test
        void anArenaBufferIsTheArenasMemoryFreedWhenTheArenaCloses() {
            CallersArena.assertFilledBufferOfFiveIsTheArenas(bridge::filledBuffer, (arena, segment) -> {
                assertThat(NativeDiagnostics.liveCounts().buffers()).isZero();
            });
            assertThat(NativeDiagnostics.liveCounts().buffers()).isZero();
        }

        @Test
        void anArenaOfAnotherThreadIsRefusedAndNothingStaysAllocated() throws Exception {
            try (Arena arena = Arena.ofConfined()) {
                CompletableFuture<Throwable> thrown = new CompletableFuture<>();
                Thread other = new Thread(() -> {
                    try {
                        bridge.filledBuffer(8, arena);
                        thrown.complete(null);
                    } catch (Throwable t) {
                        thrown.complete(t);
                    }
                });
                other.start();
                other.join();
                assertThat(thrown.get()).isInstanceOf(WrongThreadException.class);
                assertThat(NativeDiagnostics.liveCounts().buffers()).isZero();
            }
            try (Arena arena = Arena.ofConfined()) {
                assertThatThrownBy(() -> bridge.filledBuffer(FfiBridge.MAX_BUFFER_LENGTH, arena))
                        .isInstanceOf(OutOfMemoryError.class);
                assertThat(NativeDiagnostics.liveCounts().buffers()).isZero();
            }
        }
    }

    @Nested
    class Encoding {
        private final HexFormat hex = HexFormat.of();

        @Test
        void encodesPersonsInTheDocumentedLayout() {
            byte[] bytes = bridge.encodePerson(new Person("Alice", 30, 5.8f));
            assertThat(hex.formatHex(bytes)).isEqualTo("1e000000" + "9a99b940" + "0500000000000000" + "416c696365");
            assertThat(bridge.decodePerson(bytes)).isEqualTo(new Person("Alice", 30, 5.8f));
        }

        @Test
        void roundTripsPersons() {
            for (Person person : List.of(
                    new Person("", 0, 0f),
                    new Person("Zoë 😀", Person.MAX_AGE, Float.intBitsToFloat(0x7fa00001)),
                    new Person("x".repeat(100_000), 12, -1.5f))) {
                byte[] bytes = bridge.encodePerson(person);
                Person back = bridge.decodePerson(bytes);
                assertThat(back).isEqualTo(person);
                assertThat(Float.floatToRawIntBits(back.height())).isEqualTo(Float.floatToRawIntBits(person.height()));
            }
        }

        @Test
        void encodesDataInTheDocumentedLayout() {
            byte[] bytes = bridge.encodeData(Data.of(1, 2, 3, 4, -0.0));
            ByteBuffer expected = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
            for (double value : new double[] {1, 2, 3, 4, -0.0}) {
                expected.putDouble(value);
            }
            assertThat(bytes).isEqualTo(expected.array());
            assertThat(bridge.decodeData(bytes)).isEqualTo(Data.of(1, 2, 3, 4, -0.0));
            assertThat(bridge.decodeData(bridge.encodeData(bridge.getData()))).isEqualTo(bridge.getData());
        }

        @Test
        void encodesSequencesInTheDocumentedLayout() {
            byte[] bytes = bridge.encodeSequence(new double[] {1.5, Double.NaN});
            ByteBuffer expected = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            expected.putLong(2).putDouble(1.5).putDouble(Double.NaN);
            assertThat(bytes).isEqualTo(expected.array());
            assertThat(bridge.decodeSequence(bytes)).containsExactly(1.5, Double.NaN);
            assertThat(bridge.encodeSequence(new double[0])).isEqualTo(new byte[8]);
            assertThat(bridge.decodeSequence(new byte[8])).isEmpty();
        }

        @Test
        void roundTripsLongSequencesBitForBit() {
            double[] values = new SplittableRandom(7).doubles(100_000).toArray();
            values[3] = Double.longBitsToDouble(0x7ff0_0000_0000_0001L);
            double[] back = bridge.decodeSequence(bridge.encodeSequence(values));
            assertThat(Arrays.stream(back)
                            .mapToLong(Double::doubleToRawLongBits)
                            .toArray())
                    .isEqualTo(Arrays.stream(values)
                            .mapToLong(Double::doubleToRawLongBits)
                            .toArray());
        }

        @Test
        void rejectsMalformedPersons() {
            byte[] alice = bridge.encodePerson(new Person("Alice", 30, 5.8f));
            assertMalformed(() -> bridge.decodePerson(new byte[0]), "MALFORMED_BYTES");
            assertMalformed(() -> bridge.decodePerson(Arrays.copyOf(alice, 15)), "MALFORMED_BYTES");
            assertMalformed(() -> bridge.decodePerson(Arrays.copyOf(alice, alice.length - 1)), "MALFORMED_BYTES");
            assertMalformed(() -> bridge.decodePerson(Arrays.copyOf(alice, alice.length + 1)), "MALFORMED_BYTES");
            byte[] huge = alice.clone();
            ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putLong(8, Long.MAX_VALUE);
            assertThatThrownBy(() -> bridge.decodePerson(huge)).isInstanceOf(IllegalArgumentException.class);
            byte[] invalid = alice.clone();
            invalid[16] = (byte) 0xff;
            assertMalformed(() -> bridge.decodePerson(invalid), "INVALID_UTF8");
            byte[] surrogate = bridge.encodePerson(new Person("abc", 1, 1f));
            surrogate[16] = (byte) 0xed;
            surrogate[17] = (byte) 0xa0;
            surrogate[18] = (byte) 0x80;
            assertMalformed(() -> bridge.decodePerson(surrogate), "INVALID_UTF8");
            byte[] nul = alice.clone();
            nul[18] = 0;
            assertMalformed(() -> bridge.decodePerson(nul), "INTERIOR_NUL");
        }

        @Test
        void rejectsMalformedData() {
            assertMalformed(() -> bridge.decodeData(new byte[0]), "MALFORMED_BYTES");
            assertMalformed(() -> bridge.decodeData(new byte[39]), "MALFORMED_BYTES");
            assertMalformed(() -> bridge.decodeData(new byte[41]), "MALFORMED_BYTES");
        }

        @Test
        void rejectsMalformedSequences() {
            assertMalformed(() -> bridge.decodeSequence(new byte[0]), "MALFORMED_BYTES");
            assertMalformed(() -> bridge.decodeSequence(new byte[7]), "MALFORMED_BYTES");
            byte[] two = bridge.encodeSequence(new double[] {1, 2});
            assertMalformed(() -> bridge.decodeSequence(Arrays.copyOf(two, two.length - 1)), "MALFORMED_BYTES");
            assertMalformed(() -> bridge.decodeSequence(Arrays.copyOf(two, two.length + 8)), "MALFORMED_BYTES");
            byte[] impossible = new byte[16];
            ByteBuffer.wrap(impossible).order(ByteOrder.LITTLE_ENDIAN).putLong(0, -1L);
            assertThatThrownBy(() -> bridge.decodeSequence(impossible)).isInstanceOf(IllegalArgumentException.class);
            ByteBuffer.wrap(impossible).order(ByteOrder.LITTLE_ENDIAN).putLong(0, Long.MAX_VALUE / 4);
            assertThatThrownBy(() -> bridge.decodeSequence(impossible)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void rejectsNulls() {
            CodecRejections.assertRejectsNulls(bridge::encodePerson, bridge::decodePerson);
            CodecRejections.assertRejectsNulls(bridge::encodeData, bridge::decodeData);
            CodecRejections.assertRejectsNulls(bridge::encodeSequence, bridge::decodeSequence);
        }

        /**
         * The exception carries the java provider's message (where and by how much the bytes are wrong) and,
         * as its cause, the library's status.
         */
        private void assertMalformed(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String status) {
            assertThatThrownBy(call)
                    .isInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("FFI_BRIDGE_"))
                    .cause()
                    .hasMessageContaining("FFI_BRIDGE_" + status);
        }
    }

    @Test
    void isThreadSafe() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        Person person = new Person("p" + seed + "-" + i, i, seed);
                        assertThat(bridge.decodePerson(bridge.encodePerson(person)))
                                .isEqualTo(person);
                        assertThat(bridge.createPerson(person.name(), person.age(), person.height()))
                                .isEqualTo(person);
                        try (OwnedBuffer buffer = bridge.filledBuffer(i)) {
                            assertThat(bridge.sumBuffer(buffer.segment())).isEqualTo(i * (i - 1) / 2.0);
                        }
                        double[] values = new double[i];
                        bridge.fillBuffer(values);
                        assertThat(bridge.sumBuffer(values)).isEqualTo(i * (i - 1) / 2.0);
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
