package dev.ffibridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ffibridge.api.Data;
import dev.ffibridge.api.FfiBridge;
import dev.ffibridge.api.OwnedBuffer;
import dev.ffibridge.api.Person;
import dev.ffibridge.it.Containers.BufferKind;
import dev.ffibridge.it.Containers.SegmentKind;
import dev.ffibridge.testsupport.SumOrder;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The provider contract: every operation of {@link FfiBridge} with every documented value and every documented
 * error, run against one provider. A subclass says which (the supplier behind {@link #bridge()}) and what its name
 * must be.
 */
abstract class BridgeContract {

    /** The lengths the buffer tests use: empty, tiny, odd, one block short of 1024, one past 2^20. */
    static final int[] LENGTHS = {0, 1, 5, 7, 15, 16, 17, 31, 33, 1023, 1_048_577};

    private final Supplier<FfiBridge> provider;
    private final String expectedProviderName;

    /**
     * @param provider loads the provider under test (called by each test, so that a provider that cannot load fails
     *     every test with the reason)
     * @param expectedProviderName the name {@link FfiBridge#providerName()} must report
     */
    BridgeContract(Supplier<FfiBridge> provider, String expectedProviderName) {
        this.provider = provider;
        this.expectedProviderName = expectedProviderName;
    }

    /** The provider under test; the same instance every time. */
    final FfiBridge bridge() {
        return provider.get();
    }

    /** The name {@link FfiBridge#providerName()} must report. */
    final String expectedProviderName() {
        return expectedProviderName;
    }

    // ---------------------------------------------------------------- selection

    @Test
    void providerNameIsTheExpectedOne() {
        assertThat(bridge().providerName()).isEqualTo(expectedProviderName());
        assertThat(bridge().toString()).contains(expectedProviderName());
    }

    @Test
    void loadingByNameGivesTheSameInstance() {
        assertThat(FfiBridge.load(expectedProviderName())).isSameAs(FfiBridge.load(expectedProviderName()));
    }

    @Test
    void loadingAnUnknownOrNullNameFails() {
        assertThatThrownBy(() -> FfiBridge.load("rust")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FfiBridge.load(null)).isInstanceOf(NullPointerException.class);
    }

    // ---------------------------------------------------------------- addNumbers

    @Test
    void addNumbersAddsAndWraps() {
        FfiBridge b = bridge();
        assertThat(b.addNumbers(2, 3)).isEqualTo(5);
        assertThat(b.addNumbers(-7, 3)).isEqualTo(-4);
        assertThat(b.addNumbers(0, 0)).isZero();
        assertThat(b.addNumbers(Integer.MAX_VALUE, 1)).isEqualTo(Integer.MIN_VALUE);
        assertThat(b.addNumbers(Integer.MIN_VALUE, -1)).isEqualTo(Integer.MAX_VALUE);
        assertThat(b.addNumbers(Integer.MAX_VALUE, Integer.MAX_VALUE)).isEqualTo(-2);
        assertThat(b.addNumbers(Integer.MIN_VALUE, Integer.MIN_VALUE)).isZero();
        assertThat(b.addNumbers(123_456_789, 987_654_321)).isEqualTo(1_111_111_110);
    }

    // ---------------------------------------------------------------- persons

    @Test
    void createPersonIsAlice() {
        Person alice = bridge().createPerson();
        assertThat(alice.name()).isEqualTo("Alice");
        assertThat(alice.age()).isEqualTo(30L);
        assertThat(Float.floatToRawIntBits(alice.height())).isEqualTo(Reference.ALICE_HEIGHT_BITS);
        assertThat(alice.height()).isEqualTo(5.8f);
        assertThat(alice).isEqualTo(Reference.ALICE).isEqualTo(bridge().createPerson());
    }

    @Test
    void createPersonCarriesEveryValue() {
        String[] names = {"", "Bob", "é", "日本語", "\uD83D\uDE00 smile", "a\u00e9\u65e5\uD83D\uDE00", "x".repeat(10_000)};
        long[] ages = {0, 1, 30, Integer.MAX_VALUE, 1L << 31, Person.MAX_AGE};
        float[] heights = {
            0f,
            -0f,
            5.8f,
            Float.MIN_VALUE,
            -Float.MIN_VALUE,
            Float.MIN_NORMAL,
            Float.MAX_VALUE,
            Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY,
            Float.NaN,
            Float.intBitsToFloat(0x7fc0_0001),
            Float.intBitsToFloat(0x7f80_0001),
            Float.intBitsToFloat(0xffc1_2345)
        };
        for (String name : names) {
            for (long age : ages) {
                for (float height : heights) {
                    Person p = bridge().createPerson(name, age, height);
                    assertThat(p.name()).isEqualTo(name);
                    assertThat(p.age()).isEqualTo(age);
                    assertThat(Float.floatToRawIntBits(p.height()))
                            .as("height bits of %s", Float.floatToRawIntBits(height))
                            .isEqualTo(Float.floatToRawIntBits(height));
                }
            }
        }
    }

    @Test
    void createPersonCarriesAMegabyteName() {
        String name = "\u00e9\uD83D\uDE00abc".repeat(200_000); // 1.8 MB of UTF-8
        Person p = bridge().createPerson(name, 7, 1.5f);
        assertThat(p.name()).isEqualTo(name);
        byte[] bytes = bridge().encodePerson(p);
        assertThat(bytes).hasSize(16 + name.getBytes(StandardCharsets.UTF_8).length);
        assertThat(bridge().decodePerson(bytes)).isEqualTo(p);
    }

    @Test
    void createPersonRejectsBadArguments() {
        FfiBridge b = bridge();
        assertThatThrownBy(() -> b.createPerson(null, 1, 1f)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> b.createPerson("a", -1, 1f)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.createPerson("a", Person.MAX_AGE + 1, 1f))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.createPerson("a", Long.MIN_VALUE, 1f)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.createPerson("a", Long.MAX_VALUE, 1f)).isInstanceOf(IllegalArgumentException.class);
        for (String bad : new String[] {"\0", "a\0b", "abc\0", "\uD800", "a\uDC00", "\uDE00\uD83D", "x\uD83D"}) {
            assertThatThrownBy(() -> b.createPerson(bad, 1, 1f))
                    .as("name %s", bad.chars().mapToObj(Integer::toHexString).toList())
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    // ---------------------------------------------------------------- data

    @Test
    void getDataIsOneOneToFiveFive() {
        Data data = bridge().getData();
        assertThat(data.toArray()).containsExactly(1.1, 2.2, 3.3, 4.4, 5.5);
        assertThat(Outcome.rawBits(data.toArray()))
                .containsExactly(
                        0x3ff1_9999_9999_999aL,
                        0x4001_9999_9999_999aL,
                        0x400a_6666_6666_6666L,
                        0x4011_9999_9999_999aL,
                        0x4016_0000_0000_0000L);
        assertThat(data).isEqualTo(Data.of(Reference.DATA_VALUES)).isEqualTo(bridge().getData());
        assertThat(bridge().sumBuffer(data.toArray())).isEqualTo(16.5);
    }

    // ---------------------------------------------------------------- fill: arrays

    @Test
    void fillBufferWritesTheIndexAtEveryLength() {
        for (int n : LENGTHS) {
            double[] buffer = Containers.sentinels(n);
            bridge().fillBuffer(buffer);
            assertThat(Outcome.rawBits(buffer)).as("length %d", n).isEqualTo(Outcome.rawBits(Reference.fillValues(n)));
        }
    }

    @Test
    void fillBufferRangeWritesOnlyTheRange() {
        for (int n : LENGTHS) {
            for (int offset : new int[] {0, 1, 3}) {
                double[] buffer = Containers.sentinels(offset + n + 2);
                bridge().fillBuffer(buffer, offset, n);
                double[] expected = Containers.guarded(Reference.fillValues(n), offset, 2);
                assertThat(Outcome.rawBits(buffer))
                        .as("offset %d length %d", offset, n)
                        .isEqualTo(Outcome.rawBits(expected));
            }
        }
        double[] whole = Containers.sentinels(10);
        bridge().fillBuffer(whole, 10, 0);
        assertThat(Outcome.rawBits(whole)).isEqualTo(Outcome.rawBits(Containers.sentinels(10)));
    }

    @Test
    void fillBufferRejectsBadArrays() {
        FfiBridge b = bridge();
        double[] ten = new double[10];
        assertThatThrownBy(() -> b.fillBuffer((double[]) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> b.fillBuffer(null, 0, 0)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> b.fillBuffer(ten, -1, 2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> b.fillBuffer(ten, 0, -1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> b.fillBuffer(ten, 5, 6)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> b.fillBuffer(ten, 11, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> b.fillBuffer(ten, Integer.MAX_VALUE, 2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(ten).containsOnly(0.0);
    }

    // ---------------------------------------------------------------- fill: DoubleBuffers

    @ParameterizedTest
    @EnumSource(BufferKind.class)
    void fillDoubleBufferOfEveryKind(BufferKind kind) {
        for (int n : new int[] {0, 1, 5, 7, 17, 1023}) {
            Containers.Buffer buffer = Containers.buffer(kind, Containers.sentinels(n));
            double[] before = buffer.snapshot();
            if (kind.readOnly()) {
                assertThatThrownBy(() -> bridge().fillBuffer(buffer.operand))
                        .isInstanceOf(ReadOnlyBufferException.class);
                assertThat(Outcome.rawBits(buffer.snapshot())).isEqualTo(Outcome.rawBits(before));
                continue;
            }
            bridge().fillBuffer(buffer.operand);
            assertThat(buffer.positionUnchanged())
                    .as("%s position and limit unchanged", kind)
                    .isTrue();
            // the same container built around the fill values: operand and guards alike
            double[] expected = Containers.buffer(kind, Reference.fillValues(n)).snapshot();
            assertThat(Outcome.rawBits(buffer.snapshot()))
                    .as("%s length %d", kind, n)
                    .isEqualTo(Outcome.rawBits(expected));
        }
    }

    @Test
    void fillDoubleBufferOfAMillionAndOne() {
        DoubleBuffer direct = ByteBuffer.allocateDirect(8 * 1_048_577)
                .order(java.nio.ByteOrder.nativeOrder())
                .asDoubleBuffer();
        bridge().fillBuffer(direct);
        assertThat(direct.get(0)).isZero();
        assertThat(direct.get(1_048_576)).isEqualTo(1_048_576.0);
        assertThat(bridge().sumBuffer(direct)).isEqualTo(1_048_577.0 * 1_048_576 / 2);
    }

    @Test
    void fillDoubleBufferRejectsNull() {
        assertThatThrownBy(() -> bridge().fillBuffer((DoubleBuffer) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> bridge().sumBuffer((DoubleBuffer) null)).isInstanceOf(NullPointerException.class);
    }

    // ---------------------------------------------------------------- fill: MemorySegments

    @ParameterizedTest
    @EnumSource(SegmentKind.class)
    void fillSegmentOfEveryKind(SegmentKind kind) {
        for (int n : new int[] {0, 1, 5, 7, 17, 1023}) {
            try (Containers.Segment segment = Containers.segment(kind, Containers.sentinels(n));
                    Containers.Segment expected = Containers.segment(kind, Reference.fillValues(n))) {
                long[] before = segment.snapshot();
                Class<? extends RuntimeException> error = Containers.expectedError(kind, true);
                if (error != null) {
                    assertThat(catchThrowable(() -> bridge().fillBuffer(segment.operand)))
                            .as("%s length %d", kind, n)
                            .isExactlyInstanceOf(error);
                    assertThat(segment.snapshot()).isEqualTo(before);
                    continue;
                }
                bridge().fillBuffer(segment.operand);
                // the same container built around the fill values: operand and guards alike
                assertThat(segment.snapshot()).as("%s length %d", kind, n).isEqualTo(expected.snapshot());
            }
        }
    }

    @Test
    void fillSegmentOfAMillionAndOne() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment segment = arena.allocate(8L * 1_048_577 + 1).asSlice(1);
            bridge().fillBuffer(segment);
            assertThat(segment.getAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, 1_048_576))
                    .isEqualTo(1_048_576.0);
            assertThat(bridge().sumBuffer(segment)).isEqualTo(1_048_577.0 * 1_048_576 / 2);
        }
    }

    @Test
    void fillSegmentRejectsNull() {
        assertThatThrownBy(() -> bridge().fillBuffer((MemorySegment) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> bridge().sumBuffer((MemorySegment) null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void segmentOfAConfinedArenaIsUsableOnlyByItsThread() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment segment = arena.allocate(64, 8);
            Throwable fill = CompletableFuture.supplyAsync(() -> catchThrowable(() -> bridge().fillBuffer(segment)))
                    .join();
            Throwable sum = CompletableFuture.supplyAsync(() -> catchThrowable(() -> bridge().sumBuffer(segment)))
                    .join();
            assertThat(fill).isExactlyInstanceOf(WrongThreadException.class);
            assertThat(sum).isExactlyInstanceOf(WrongThreadException.class);
            bridge().fillBuffer(segment);
            assertThat(bridge().sumBuffer(segment)).isEqualTo(28.0);
        }
    }

    // ---------------------------------------------------------------- sums

    @Test
    void sumBufferGoldenValues() {
        FfiBridge b = bridge();
        assertThat(Double.doubleToRawLongBits(b.sumBuffer(new double[0])))
                .as("empty: +0.0")
                .isZero();
        assertThat(Double.doubleToRawLongBits(b.sumBuffer(new double[] {-0.0})))
                .as("-0.0 alone: +0.0")
                .isZero();
        assertThat(Double.doubleToRawLongBits(b.sumBuffer(new double[] {-0.0, -0.0, -0.0})))
                .isZero();
        assertThat(b.sumBuffer(Reference.DATA_VALUES)).isEqualTo(16.5);
        // the lanes and the tree, not left to right: 1e16 + 1 is lost, 1 + 1 is not
        assertThat(b.sumBuffer(new double[] {1e16, 1.0, -1e16, 1.0})).isEqualTo(2.0);
        double[] alternating = new double[20];
        for (int i = 0; i < 20; i++) {
            alternating[i] = i % 2 == 0 ? 1e16 : 1.0;
        }
        assertThat(b.sumBuffer(alternating)).isEqualTo(1.0000000000000002E17);
        double[] overflow = new double[17];
        overflow[0] = 1e308;
        overflow[16] = 1e308;
        overflow[1] = -1e308;
        assertThat(b.sumBuffer(overflow)).isEqualTo(Double.POSITIVE_INFINITY);
        double[] tree = new double[9];
        tree[0] = 1e308;
        tree[8] = 1e308;
        tree[4] = -1e308;
        assertThat(b.sumBuffer(tree)).as("acc[0] + acc[8] first").isEqualTo(Double.POSITIVE_INFINITY);
        double[] tenths = new double[32];
        for (int i = 0; i < 32; i++) {
            tenths[i] = 0.1 * (i + 1);
        }
        assertThat(Double.doubleToRawLongBits(b.sumBuffer(tenths))).isEqualTo(0x404a_6666_6666_6667L);
        assertThat(b.sumBuffer(new double[] {1.0, Double.NaN, 2.0})).isNaN();
        assertThat(b.sumBuffer(new double[] {Double.POSITIVE_INFINITY, 1.0})).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(b.sumBuffer(new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}))
                .isNaN();
        assertThat(b.sumBuffer(new double[] {Double.MIN_VALUE, Double.MIN_VALUE}))
                .isEqualTo(2 * Double.MIN_VALUE);
    }

    @Test
    void sumBufferOfTheFillValuesAtEveryLength() {
        for (int n : LENGTHS) {
            double[] values = Reference.fillValues(n);
            assertThat(bridge().sumBuffer(values)).as("length %d", n).isEqualTo((double) n * (n - 1) / 2 + 0.0);
        }
    }

    @Test
    void sumBufferFollowsTheDocumentedOrderForEveryLengthAndLane() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(42);
        for (int n = 0; n <= 70; n++) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                // a mix of magnitudes, so that every lane and every tree node changes the rounding
                values[i] = (random.nextBoolean() ? 1 : -1)
                        * Math.scalb(1.0 + random.nextDouble(), random.nextInt(-60, 60));
            }
            assertThat(Double.doubleToRawLongBits(bridge().sumBuffer(values)))
                    .as("length %d", n)
                    .isEqualTo(Double.doubleToRawLongBits(SumOrder.sum(values)));
            for (int lane = 0; lane < Math.min(n, 16); lane++) {
                // a huge value in one lane and its negation at the end: where they meet decides the result
                double[] one = values.clone();
                one[lane] = 1e300;
                one[n - 1] -= 1e300;
                assertThat(Double.doubleToRawLongBits(bridge().sumBuffer(one)))
                        .as("length %d lane %d", n, lane)
                        .isEqualTo(Double.doubleToRawLongBits(SumOrder.sum(one)));
            }
        }
    }

    /**
     * Buffers of several blocks of 8192, up to one large enough (4 MiB and more) for the native library
     * to sum on two threads: the same bits as the reference, from arrays, segments of every usable kind,
     * DoubleBuffers, and from four threads at once.
     */
    @Test
    void sumBufferOfSeveralBlocksFollowsTheDocumentedOrder() throws Exception {
        java.util.SplittableRandom random = new java.util.SplittableRandom(8192);
        for (int n : new int[] {8193, 3 * 8192 + 17, 524_288 + 3 * 8192 + 5}) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = (random.nextBoolean() ? 1 : -1)
                        * Math.scalb(1.0 + random.nextDouble(), random.nextInt(-40, 40));
            }
            values[0] = 1e16; // lane 0 of the first block only
            long expected = Double.doubleToRawLongBits(SumOrder.sum(values));
            assertThat(Double.doubleToRawLongBits(bridge().sumBuffer(values)))
                    .as("array of %d", n)
                    .isEqualTo(expected);
            for (SegmentKind kind : new SegmentKind[] {
                SegmentKind.CONFINED, SegmentKind.NATIVE_MISALIGNED, SegmentKind.HEAP_BYTES_MISALIGNED
            }) {
                try (Containers.Segment segment = Containers.segment(kind, values)) {
                    assertThat(Double.doubleToRawLongBits(bridge().sumBuffer(segment.operand)))
                            .as("%s of %d", kind, n)
                            .isEqualTo(expected);
                }
            }
            assertThat(Double.doubleToRawLongBits(bridge().sumBuffer(DoubleBuffer.wrap(values))))
                    .as("DoubleBuffer of %d", n)
                    .isEqualTo(expected);
            try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
                List<Future<Long>> sums = threads.invokeAll(Collections.nCopies(4, () -> {
                    long differentBits = 0;
                    for (int repeat = 0; repeat < 3; repeat++) {
                        differentBits |= Double.doubleToRawLongBits(bridge().sumBuffer(values)) ^ expected;
                    }
                    return differentBits;
                }));
                for (Future<Long> sum : sums) {
                    assertThat(sum.get())
                            .as("concurrent sums of %d differ in these bits", n)
                            .isZero();
                }
            }
        }
    }

    @Test
    void sumBufferRangeAndErrors() {
        FfiBridge b = bridge();
        double[] values = {100, 1, 2, 3, 4, 200};
        assertThat(b.sumBuffer(values, 1, 4)).isEqualTo(10.0);
        assertThat(b.sumBuffer(values, 6, 0)).isZero();
        double[] random = new java.util.Random(7).doubles(100, -1e6, 1e6).toArray();
        for (int offset = 0; offset < 20; offset++) {
            for (int length = 0; offset + length <= 100; length += 3) {
                assertThat(Double.doubleToRawLongBits(b.sumBuffer(random, offset, length)))
                        .isEqualTo(Double.doubleToRawLongBits(SumOrder.sum(random, offset, length)));
            }
        }
        assertThatThrownBy(() -> b.sumBuffer((double[]) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> b.sumBuffer(null, 0, 0)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> b.sumBuffer(values, -1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> b.sumBuffer(values, 0, 7)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> b.sumBuffer(values, 3, -1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> b.sumBuffer(values, 7, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @ParameterizedTest
    @EnumSource(BufferKind.class)
    void sumDoubleBufferOfEveryKind(BufferKind kind) {
        double[] values =
                new java.util.Random(kind.ordinal()).doubles(37, -1e10, 1e10).toArray();
        values[3] = 1e16;
        values[19] = -1e16;
        Containers.Buffer buffer = Containers.buffer(kind, values);
        assertThat(Double.doubleToRawLongBits(bridge().sumBuffer(buffer.operand)))
                .as("%s", kind)
                .isEqualTo(Double.doubleToRawLongBits(SumOrder.sum(values)));
        assertThat(buffer.positionUnchanged()).isTrue();
        Containers.Buffer empty = Containers.buffer(kind, new double[0]);
        assertThat(Double.doubleToRawLongBits(bridge().sumBuffer(empty.operand)))
                .isZero();
    }

    @ParameterizedTest
    @EnumSource(SegmentKind.class)
    void sumSegmentOfEveryKind(SegmentKind kind) {
        double[] values =
                new java.util.Random(kind.ordinal()).doubles(37, -1e10, 1e10).toArray();
        values[0] = -1e300;
        values[16] = 1e300;
        try (Containers.Segment segment = Containers.segment(kind, values)) {
            Class<? extends RuntimeException> expected = Containers.expectedError(kind, false);
            if (expected != null) {
                assertThat(catchThrowable(() -> bridge().sumBuffer(segment.operand)))
                        .isExactlyInstanceOf(expected);
            } else {
                assertThat(Double.doubleToRawLongBits(bridge().sumBuffer(segment.operand)))
                        .as("%s", kind)
                        .isEqualTo(Double.doubleToRawLongBits(SumOrder.sum(values)));
            }
        }
    }

    @Test
    void segmentOfLengthNotAMultipleOfEightIsRefused() {
        for (long size : new long[] {1, 7, 9, 15, 1023}) {
            MemorySegment segment = MemorySegment.ofArray(new byte[(int) size]);
            assertThatThrownBy(() -> bridge().fillBuffer(segment)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> bridge().sumBuffer(segment)).isInstanceOf(IllegalArgumentException.class);
            assertThat(segment.toArray(ValueLayout.JAVA_BYTE)).containsOnly((byte) 0);
        }
    }

    // ---------------------------------------------------------------- filledBuffer

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 5, 7, 16, 1023, 1_048_577})
    void filledBufferHoldsTheFillValues(long length) {
        try (OwnedBuffer buffer = bridge().filledBuffer(length)) {
            assertThat(buffer.isOpen()).isTrue();
            assertThat(buffer.length()).isEqualTo(length);
            assertThat(buffer.segment().byteSize()).isEqualTo(8 * length);
            assertThat(buffer.segment().isReadOnly()).isTrue();
            double[] values = buffer.toArray();
            assertThat(Outcome.rawBits(values)).isEqualTo(Outcome.rawBits(Reference.fillValues((int) length)));
            for (long i = 0; i < length; i += Math.max(1, length / 97)) {
                assertThat(buffer.get(i)).isEqualTo((double) i);
                assertThat(buffer.segment().getAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, i))
                        .isEqualTo((double) i);
            }
            if (length > 0) {
                assertThat(buffer.get(length - 1)).isEqualTo((double) (length - 1));
            }
            assertThat(bridge().sumBuffer(buffer.segment())).isEqualTo((double) length * (length - 1) / 2 + 0.0);
            assertThatThrownBy(() -> buffer.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> buffer.get(length)).isInstanceOf(IndexOutOfBoundsException.class);
            if (length > 0) {
                assertThatThrownBy(() -> buffer.segment().set(ValueLayout.JAVA_BYTE, 0, (byte) 1))
                        .isInstanceOf(IllegalArgumentException.class);
            }
            assertThatThrownBy(() -> bridge().fillBuffer(buffer.segment()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void filledBufferClosedIsDead() {
        OwnedBuffer buffer = bridge().filledBuffer(16);
        MemorySegment segment = buffer.segment();
        buffer.close();
        assertThat(buffer.isOpen()).isFalse();
        assertThat(buffer.length()).isEqualTo(16);
        assertThatThrownBy(() -> buffer.get(0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(buffer::toArray).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> segment.getAtIndex(ValueLayout.JAVA_DOUBLE, 0))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> buffer.segment().getAtIndex(ValueLayout.JAVA_DOUBLE, 0))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> bridge().sumBuffer(segment)).isInstanceOf(IllegalStateException.class);
        buffer.close(); // idempotent
        assertThat(buffer.isOpen()).isFalse();
        assertThat(buffer.toString()).contains("closed");
    }

    @Test
    void filledBufferClosesFromAnotherThreadAndConcurrently() throws Exception {
        OwnedBuffer buffer = bridge().filledBuffer(1023);
        CompletableFuture.runAsync(buffer::close).get();
        assertThat(buffer.isOpen()).isFalse();
        assertThatThrownBy(() -> buffer.get(3)).isInstanceOf(IllegalStateException.class);

        OwnedBuffer shared = bridge().filledBuffer(64);
        assertThat(CompletableFuture.supplyAsync(() -> shared.get(63)).get()).isEqualTo(63.0);
        CompletableFuture<?>[] closers = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.runAsync(shared::close))
                .toArray(CompletableFuture<?>[]::new);
        CompletableFuture.allOf(closers).get();
        assertThat(shared.isOpen()).isFalse();
    }

    @Test
    void filledBufferRejectsBadLengths() {
        FfiBridge b = bridge();
        assertThatThrownBy(() -> b.filledBuffer(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.filledBuffer(Long.MIN_VALUE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.filledBuffer(FfiBridge.MAX_BUFFER_LENGTH + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.filledBuffer(Long.MAX_VALUE)).isInstanceOf(IllegalArgumentException.class);
        // more than any address space (2^60 and 2^63 - 8 bytes): the documented OutOfMemoryError, nothing left open
        assertThatThrownBy(() -> b.filledBuffer(1L << 57)).isInstanceOf(OutOfMemoryError.class);
        assertThatThrownBy(() -> b.filledBuffer(FfiBridge.MAX_BUFFER_LENGTH)).isInstanceOf(OutOfMemoryError.class);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 5, 1023, 1_048_577})
    void filledBufferInTheCallersArenaLivesAsLongAsTheArena(long length) {
        MemorySegment kept;
        try (Arena arena = Arena.ofConfined()) {
            kept = bridge().filledBuffer(length, arena);
            assertThat(kept.byteSize()).isEqualTo(8 * length);
            assertThat(kept.isReadOnly()).isTrue();
            assertThat(kept.isNative()).isTrue();
            assertThat(kept.address() % Double.BYTES).isZero();
            assertThat(kept.scope()).isEqualTo(arena.scope());
            double[] values = kept.toArray(ValueLayout.JAVA_DOUBLE);
            assertThat(Outcome.rawBits(values)).isEqualTo(Outcome.rawBits(Reference.fillValues((int) length)));
            assertThat(bridge().sumBuffer(kept)).isEqualTo((double) length * (length - 1) / 2 + 0.0);
        }
        assertThat(kept.scope().isAlive()).isFalse();
        if (length > 0) {
            assertThatThrownBy(() -> kept.get(ValueLayout.JAVA_DOUBLE, 0)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void filledBufferWorksWithEveryKindOfArena() throws Exception {
        try (Arena shared = Arena.ofShared()) {
            MemorySegment segment = bridge().filledBuffer(64, shared);
            assertThat(CompletableFuture.supplyAsync(() -> segment.getAtIndex(ValueLayout.JAVA_DOUBLE, 63))
                            .get())
                    .isEqualTo(63.0);
        }
        // freed by the garbage collector (the class's leak check waits for it); Arena.global() would never free it
        MemorySegment auto = bridge().filledBuffer(3, Arena.ofAuto());
        assertThat(auto.toArray(ValueLayout.JAVA_DOUBLE)).containsExactly(0, 1, 2);
    }

    @Test
    void filledBufferRefusesArenasItCannotUse() throws Exception {
        FfiBridge b = bridge();
        assertThatThrownBy(() -> b.filledBuffer(4, null)).isInstanceOf(NullPointerException.class);
        Arena closed = Arena.ofConfined();
        closed.close();
        assertThatThrownBy(() -> b.filledBuffer(4, closed)).isInstanceOf(IllegalStateException.class);
        try (Arena confined = Arena.ofConfined()) {
            CompletableFuture<MemorySegment> elsewhere =
                    CompletableFuture.supplyAsync(() -> b.filledBuffer(4, confined));
            assertThatThrownBy(elsewhere::get).hasCauseInstanceOf(WrongThreadException.class);
            assertThatThrownBy(() -> b.filledBuffer(-1, confined)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> b.filledBuffer(FfiBridge.MAX_BUFFER_LENGTH, confined))
                    .isInstanceOf(OutOfMemoryError.class);
            assertThat(b.filledBuffer(2, confined).toArray(ValueLayout.JAVA_DOUBLE))
                    .containsExactly(0, 1);
        }
    }

    // ---------------------------------------------------------------- encoding: golden bytes

    @Test
    void encodePersonGoldenBytes() {
        byte[] alice = bridge().encodePerson(bridge().createPerson());
        assertThat(alice)
                .isEqualTo(Reference.hex("1e000000 9a99b940 0500000000000000 416c696365"))
                .isEqualTo(Reference.encodePerson(Reference.ALICE));
        assertThat(bridge().encodePerson(new Person("", 0, 0f))).isEqualTo(new byte[16]);
        assertThat(bridge().encodePerson(new Person("\u00e9\uD83D\uDE00", Person.MAX_AGE, -0f)))
                .isEqualTo(Reference.hex("ffffffff 00000080 0600000000000000 c3a9 f09f9880"));
        assertThat(bridge().encodePerson(new Person("n", 1L << 31, Float.intBitsToFloat(0x7f80_0001))))
                .isEqualTo(Reference.hex("00000080 0100807f 0100000000000000 6e"));
    }

    @Test
    void encodeDataGoldenBytes() {
        assertThat(bridge().encodeData(bridge().getData()))
                .isEqualTo(Reference.hex(
                        "9a9999999999f13f 9a99999999990140 6666666666660a40 9a99999999991140" + " 0000000000001640"))
                .isEqualTo(Reference.encodeData(Data.of(Reference.DATA_VALUES)));
        Data special = Data.of(
                -0.0,
                Double.NaN,
                Double.longBitsToDouble(0x7ff0_0000_0000_0001L),
                Double.MIN_VALUE,
                Double.NEGATIVE_INFINITY);
        assertThat(bridge().encodeData(special))
                .isEqualTo(Reference.hex(
                        "0000000000000080 000000000000f87f 010000000000f07f 0100000000000000" + " 000000000000f0ff"));
    }

    @Test
    void encodeSequenceGoldenBytes() {
        assertThat(bridge().encodeSequence(new double[0])).isEqualTo(new byte[8]);
        assertThat(bridge().encodeSequence(new double[] {0.0, 1.0, 2.0}))
                .isEqualTo(Reference.hex("0300000000000000 0000000000000000 000000000000f03f 0000000000000040"));
        double[] odd = {-0.0, Double.longBitsToDouble(0xfff8_0000_0000_1234L)};
        assertThat(bridge().encodeSequence(odd))
                .isEqualTo(Reference.hex("0200000000000000 0000000000000080 341200000000f8ff"));
        double[] big = Reference.fillValues(1_048_577);
        assertThat(bridge().encodeSequence(big)).isEqualTo(Reference.encodeSequence(big));
    }

    // ---------------------------------------------------------------- decoding

    @Test
    void decodeRoundTrips() {
        FfiBridge b = bridge();
        for (Person p : new Person[] {
            Reference.ALICE,
            new Person("", 0, -0f),
            new Person("\uD83D\uDE00\u00e9\u65e5", Person.MAX_AGE, Float.intBitsToFloat(0xffc1_2345)),
            new Person("x".repeat(70_000), 1L << 31, Float.MIN_VALUE)
        }) {
            Person decoded = b.decodePerson(b.encodePerson(p));
            assertThat(Outcome.sameBits(decoded, p))
                    .as("%s", Outcome.describe(p))
                    .isTrue();
        }
        Data data = Data.of(-0.0, Double.NaN, Double.longBitsToDouble(0x7ff0_0000_0000_0001L), Double.MIN_VALUE, 1e308);
        assertThat(Outcome.sameBits(b.decodeData(b.encodeData(data)), data)).isTrue();
        for (int n : new int[] {0, 1, 5, 7, 1023, 1_048_577}) {
            double[] values = new java.util.Random(n).doubles(n).toArray();
            assertThat(Outcome.rawBits(b.decodeSequence(b.encodeSequence(values))))
                    .isEqualTo(Outcome.rawBits(values));
        }
        double[] nans = {
            Double.longBitsToDouble(0x7ff0_0000_0000_0001L), Double.longBitsToDouble(0xfff8_0000_0000_abcdL)
        };
        assertThat(Outcome.rawBits(b.decodeSequence(b.encodeSequence(nans)))).isEqualTo(Outcome.rawBits(nans));
    }

    @Test
    void decodePersonRejectsMalformedBytes() {
        FfiBridge b = bridge();
        byte[] alice = Reference.encodePerson(Reference.ALICE);
        for (int cut = 0; cut < alice.length; cut++) {
            byte[] prefix = Arrays.copyOf(alice, cut);
            assertThatThrownBy(() -> b.decodePerson(prefix))
                    .as("prefix %d", cut)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        byte[] trailing = Arrays.copyOf(alice, alice.length + 1);
        assertThatThrownBy(() -> b.decodePerson(trailing)).isInstanceOf(IllegalArgumentException.class);
        // too long, too short, huge, and huge values whose low 32 bits are the right length (5)
        long[] lengths = {6, 4, 0, 1L << 32, 1L << 62, Long.MAX_VALUE, -1L, -16L, -11L, (1L << 32) + 5, (1L << 63) + 5};
        for (long declared : lengths) {
            byte[] bytes = Reference.personWithNameLength(declared, 5);
            assertThatThrownBy(() -> b.decodePerson(bytes))
                    .as("name length %d", declared)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        for (byte[] name : invalidUtf8()) {
            byte[] bytes = Reference.encodePerson(name, 30, 5.8f);
            assertThatThrownBy(() -> b.decodePerson(bytes))
                    .as("name bytes %s", java.util.HexFormat.of().formatHex(name))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        for (String nul : new String[] {"\0", "a\0", "\0a", "Al\0ce"}) {
            byte[] bytes = Reference.encodePerson(nul.getBytes(StandardCharsets.UTF_8), 30, 5.8f);
            assertThatThrownBy(() -> b.decodePerson(bytes)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> b.decodePerson(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void decodeDataRejectsMalformedBytes() {
        FfiBridge b = bridge();
        byte[] data = Reference.encodeData(Data.of(Reference.DATA_VALUES));
        for (int cut = 0; cut < data.length; cut++) {
            byte[] prefix = Arrays.copyOf(data, cut);
            assertThatThrownBy(() -> b.decodeData(prefix)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> b.decodeData(new byte[41])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.decodeData(new byte[48])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.decodeData(null)).isInstanceOf(NullPointerException.class);
        assertThat(b.decodeData(new byte[40])).isEqualTo(Data.of(0, 0, 0, 0, 0));
    }

    @Test
    void decodeSequenceRejectsMalformedBytes() {
        FfiBridge b = bridge();
        byte[] sequence = Reference.encodeSequence(new double[] {1, 2, 3});
        for (int cut = 0; cut < sequence.length; cut++) {
            byte[] prefix = Arrays.copyOf(sequence, cut);
            assertThatThrownBy(() -> b.decodeSequence(prefix)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> b.decodeSequence(Arrays.copyOf(sequence, sequence.length + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.decodeSequence(Arrays.copyOf(sequence, sequence.length + 8)))
                .isInstanceOf(IllegalArgumentException.class);
        // counts whose byte size overflows: 2^61 * 8 wraps to 0, (2^61 + 1) * 8 wraps to 8
        long[][] counts = {
            {1L << 61, 0}, {(1L << 61) + 1, 1}, {(1L << 61) + 3, 3}, {-1L, 0}, {-1L, 1}, {Long.MAX_VALUE, 0},
            {1L << 32, 0}, {(1L << 60), 0}, {4, 3}, {2, 3}, {Integer.MAX_VALUE, 0}, {(1L << 31) / 8 + 1, 0},
            {(1L << 32) + 3, 3}, {(1L << 63) + 3, 3}, {0, 1}
        };
        for (long[] c : counts) {
            byte[] bytes = Reference.sequenceWithCount(c[0], (int) c[1]);
            assertThatThrownBy(() -> b.decodeSequence(bytes))
                    .as("count %d with %d doubles", c[0], c[1])
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> b.decodeSequence(null)).isInstanceOf(NullPointerException.class);
        assertThat(b.decodeSequence(new byte[8])).isEmpty();
    }

    @Test
    void encodeRejectsNull() {
        FfiBridge b = bridge();
        assertThatThrownBy(() -> b.encodePerson(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> b.encodeData(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> b.encodeSequence(null)).isInstanceOf(NullPointerException.class);
    }

    /** Names that are not UTF-8 (as Rust's {@code str::from_utf8} and Java's strict decoder agree). */
    static byte[][] invalidUtf8() {
        return new byte[][] {
            {(byte) 0x80}, // lone continuation byte
            {(byte) 0xbf, 'a'},
            {(byte) 0xc3}, // truncated 2-byte sequence
            {'a', (byte) 0xe6, (byte) 0x97}, // truncated 3-byte sequence
            {(byte) 0xf0, (byte) 0x9f, (byte) 0x98}, // truncated 4-byte sequence
            {(byte) 0xc0, (byte) 0x80}, // overlong NUL (modified UTF-8)
            {(byte) 0xc1, (byte) 0xbf}, // overlong
            {(byte) 0xe0, (byte) 0x80, (byte) 0xaf}, // overlong 3-byte
            {(byte) 0xf0, (byte) 0x80, (byte) 0x80, (byte) 0xaf}, // overlong 4-byte
            {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, // U+D800, a surrogate
            {(byte) 0xed, (byte) 0xbf, (byte) 0xbf}, // U+DFFF
            {(byte) 0xed, (byte) 0xa0, (byte) 0xbd, (byte) 0xed, (byte) 0xb8, (byte) 0x80}, // CESU-8 pair
            {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
            {(byte) 0xf5, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, // 5-byte form
            {(byte) 0xfe},
            {(byte) 0xff},
            {'A', 'l', (byte) 0xe9, 'c', 'e'} // Latin-1, not UTF-8
        };
    }
}
