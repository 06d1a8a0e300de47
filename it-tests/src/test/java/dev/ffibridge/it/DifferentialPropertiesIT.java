package dev.ffibridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ffibridge.api.Data;
import dev.ffibridge.api.FfiBridge;
import dev.ffibridge.api.OwnedBuffer;
import dev.ffibridge.api.Person;
import dev.ffibridge.it.Containers.BufferKind;
import dev.ffibridge.it.Containers.SegmentKind;
import dev.ffibridge.testsupport.SumOrder;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Differential properties: the java and the native provider, given the same input, return the same result bit
 * for bit (raw float and double bits, so NaN payloads and the sign of zero count) or throw the same exception
 * type; and the result is the documented one ({@link Reference}, {@link SumOrder}). The generators aim at the edges on purpose
 * ({@link Generators}).
 *
 * <p>One exception to "bit for bit", which is IEEE 754's and Java's, not the providers': when two NaNs with
 * different payloads meet in an addition, which one survives is not defined (HotSpot's interpreter and C2 keep
 * the right operand's, C1 the left one's), so such a sum must be one of the NaNs {@link SumOrder#possibleSums}
 * allows, each provider independently; how often the two differed then is printed.
 */
@Tag("native")
@AddLifecycleHook(NativeLeakCheck.class)
class DifferentialPropertiesIT implements Generators {

    static final FfiBridge JAVA = FfiBridge.load("java");

    static final FfiBridge NATIVE = FfiBridge.load("native");

    /** Sums where the NaN payload is open and the two providers did pick different payloads (reported only). */
    static final AtomicLong OPEN_NAN_PAYLOAD_DIFFERENCES = new AtomicLong();

    @AfterContainer
    static void reportOpenNanPayloadDifferences() {
        if (OPEN_NAN_PAYLOAD_DIFFERENCES.get() > 0) {
            System.out.println("DifferentialPropertiesIT: " + OPEN_NAN_PAYLOAD_DIFFERENCES.get()
                    + " sums where two different NaNs met and the providers kept different payloads (undefined)");
        }
    }

    // ---------------------------------------------------------------- helpers

    static void same(String what, Outcome java, Outcome nativ) {
        assertThat(java.sameAs(nativ))
                .as("%s: java %s, native %s", what, java, nativ)
                .isTrue();
    }

    /** Both sums are the documented one: the same bits, or where the NaN payload is open, one of the allowed. */
    static void sameSum(String what, double[] values, int offset, int length, Outcome java, Outcome nativ) {
        if (java.failed() || nativ.failed()) {
            same(what, java, nativ);
            return;
        }
        long j = Double.doubleToRawLongBits((Double) java.value());
        long n = Double.doubleToRawLongBits((Double) nativ.value());
        java.util.TreeSet<Long> possible = SumOrder.possibleSums(values, offset, length);
        if (!possible.contains(j) || !possible.contains(n)) {
            throw new AssertionError(
                    what + " of " + Outcome.describe(Arrays.copyOfRange(values, offset, offset + length))
                            + ": java " + java + ", native " + nativ + ", expected bits "
                            + possible.stream().map(Long::toHexString).toList());
        }
        if (j != n) {
            OPEN_NAN_PAYLOAD_DIFFERENCES.incrementAndGet();
        }
    }

    // ---------------------------------------------------------------- numbers and persons

    @Property(tries = 1000)
    void addNumbers(@ForAll("ints") int a, @ForAll("ints") int b) {
        int java = JAVA.addNumbers(a, b);
        int nativ = NATIVE.addNumbers(a, b);
        assertThat(java).isEqualTo(a + b);
        assertThat(nativ).as("native %d + %d", a, b).isEqualTo(a + b);
    }

    @Property(tries = 1000)
    void createPerson(@ForAll("names") String name, @ForAll("ages") long age, @ForAll("heights") float height) {
        Outcome java = Outcome.of(() -> JAVA.createPerson(name, age, height));
        Outcome nativ = Outcome.of(() -> NATIVE.createPerson(name, age, height));
        String what = "createPerson(" + Outcome.quote(name) + ", " + age + ", 0x"
                + Integer.toHexString(Float.floatToRawIntBits(height)) + ")";
        same(what, java, nativ);
        if (java.failed()) {
            assertThat(java.error()).isInstanceOfAny(IllegalArgumentException.class);
            return;
        }
        Person p = (Person) java.value();
        assertThat(p.name()).isEqualTo(name);
        assertThat(p.age()).isEqualTo(age);
        assertThat(Float.floatToRawIntBits(p.height())).isEqualTo(Float.floatToRawIntBits(height));
        byte[] javaBytes = JAVA.encodePerson(p);
        byte[] nativeBytes = NATIVE.encodePerson((Person) nativ.value());
        assertThat(javaBytes).as("%s encoded", what).isEqualTo(nativeBytes).isEqualTo(Reference.encodePerson(p));
        same(what + " decoded by native", Outcome.of(() -> NATIVE.decodePerson(javaBytes)), java);
        same(what + " decoded by java", Outcome.of(() -> JAVA.decodePerson(nativeBytes)), java);
    }

    @Example
    void megabyteNames() {
        String[] names = {
            "a".repeat(1 << 20),
            "\u00e9\u65e5\uD83D\uDE00".repeat(1 << 18), // 2.25 MiB of UTF-8
            "b".repeat(1 << 20) + "\0",
            "\0" + "c".repeat(1 << 20),
            "d".repeat(1 << 20) + "\uD800",
            "\uDFFF" + "e".repeat(1 << 20)
        };
        for (String name : names) {
            Outcome java = Outcome.of(() -> JAVA.createPerson(name, Person.MAX_AGE, Float.intBitsToFloat(0x7f80_0001)));
            Outcome nativ =
                    Outcome.of(() -> NATIVE.createPerson(name, Person.MAX_AGE, Float.intBitsToFloat(0x7f80_0001)));
            same("megabyte name of " + name.length() + " chars", java, nativ);
            if (!java.failed()) {
                byte[] bytes = NATIVE.encodePerson((Person) nativ.value());
                assertThat(bytes).isEqualTo(JAVA.encodePerson((Person) java.value()));
                same(
                        "megabyte name decoded",
                        Outcome.of(() -> JAVA.decodePerson(bytes)),
                        Outcome.of(() -> NATIVE.decodePerson(bytes)));
            }
        }
    }

    @Example
    void guideValuesAreTheSame() {
        same("createPerson()", Outcome.of(JAVA::createPerson), Outcome.of(NATIVE::createPerson));
        same("getData()", Outcome.of(JAVA::getData), Outcome.of(NATIVE::getData));
        assertThat(NATIVE.encodePerson(NATIVE.createPerson())).isEqualTo(JAVA.encodePerson(JAVA.createPerson()));
        assertThat(NATIVE.encodeData(NATIVE.getData())).isEqualTo(JAVA.encodeData(JAVA.getData()));
    }

    // ---------------------------------------------------------------- fills

    @Property(tries = 300)
    void fillArrays(
            @ForAll("lengths") int n, @ForAll @IntRange(max = 3) int before, @ForAll @IntRange(max = 3) int after) {
        double[] java = Containers.sentinels(before + n + after);
        double[] nativ = java.clone();
        Outcome j = Outcome.ofRun(() -> JAVA.fillBuffer(java, before, n));
        Outcome v = Outcome.ofRun(() -> NATIVE.fillBuffer(nativ, before, n));
        same("fillBuffer(double[" + java.length + "], " + before + ", " + n + ")", j, v);
        assertThat(Outcome.rawBits(nativ)).isEqualTo(Outcome.rawBits(java));
        assertThat(Outcome.rawBits(java))
                .isEqualTo(Outcome.rawBits(Containers.guarded(Reference.fillValues(n), before, after)));
        if (before == 0 && after == 0) {
            double[] whole = Containers.sentinels(n);
            NATIVE.fillBuffer(whole);
            assertThat(Outcome.rawBits(whole)).isEqualTo(Outcome.rawBits(java));
        }
    }

    @Property(tries = 60)
    void fillArraysOutOfBounds(
            @ForAll("ints") int offset, @ForAll("ints") int length, @ForAll @IntRange(max = 40) int size) {
        double[] java = Containers.sentinels(size);
        double[] nativ = java.clone();
        same(
                "fillBuffer(double[" + size + "], " + offset + ", " + length + ")",
                Outcome.ofRun(() -> JAVA.fillBuffer(java, offset, length)),
                Outcome.ofRun(() -> NATIVE.fillBuffer(nativ, offset, length)));
        assertThat(Outcome.rawBits(nativ)).isEqualTo(Outcome.rawBits(java));
    }

    @Property(tries = 300)
    void fillDoubleBuffers(@ForAll("lengths") int n, @ForAll BufferKind kind) {
        Containers.Buffer java = Containers.buffer(kind, Containers.sentinels(n));
        Containers.Buffer nativ = Containers.buffer(kind, Containers.sentinels(n));
        Outcome j = Outcome.ofRun(() -> JAVA.fillBuffer(java.operand));
        Outcome v = Outcome.ofRun(() -> NATIVE.fillBuffer(nativ.operand));
        same("fillBuffer(" + kind + " of " + n + ")", j, v);
        assertThat(Outcome.rawBits(nativ.snapshot())).isEqualTo(Outcome.rawBits(java.snapshot()));
        assertThat(java.positionUnchanged() && nativ.positionUnchanged()).isTrue();
        if (!j.failed()) {
            double[] expected = Containers.buffer(kind, Reference.fillValues(n)).snapshot();
            assertThat(Outcome.rawBits(java.snapshot())).isEqualTo(Outcome.rawBits(expected));
        } else {
            assertThat(kind.readOnly()).isTrue();
        }
    }

    @Property(tries = 300)
    void fillSegments(@ForAll("lengths") int n, @ForAll SegmentKind kind) {
        try (Containers.Segment java = Containers.segment(kind, Containers.sentinels(n));
                Containers.Segment nativ = Containers.segment(kind, Containers.sentinels(n))) {
            Outcome j = Outcome.ofRun(() -> JAVA.fillBuffer(java.operand));
            Outcome v = Outcome.ofRun(() -> NATIVE.fillBuffer(nativ.operand));
            same("fillBuffer(" + kind + " segment of " + n + ")", j, v);
            assertThat(nativ.snapshot()).isEqualTo(java.snapshot());
            Class<? extends RuntimeException> error = Containers.expectedError(kind, true);
            if (error != null) {
                assertThat(j.error()).isExactlyInstanceOf(error);
            } else {
                try (Containers.Segment expected = Containers.segment(kind, Reference.fillValues(n))) {
                    assertThat(java.snapshot()).isEqualTo(expected.snapshot());
                }
            }
        }
    }

    // ---------------------------------------------------------------- sums

    @Property(tries = 1000)
    void sumArrays(@ForAll("sumArrays") double[] values, @ForAll @IntRange(max = 20) int cut) {
        sameSum(
                "sumBuffer(double[])",
                values,
                0,
                values.length,
                Outcome.of(() -> JAVA.sumBuffer(values)),
                Outcome.of(() -> NATIVE.sumBuffer(values)));
        int offset = Math.min(cut, values.length);
        int length = Math.max(0, values.length - offset - cut / 2);
        sameSum(
                "sumBuffer(double[], " + offset + ", " + length + ")",
                values,
                offset,
                length,
                Outcome.of(() -> JAVA.sumBuffer(values, offset, length)),
                Outcome.of(() -> NATIVE.sumBuffer(values, offset, length)));
    }

    @Property(tries = 500)
    void sumDoubleBuffers(@ForAll("sumArrays") double[] values, @ForAll BufferKind kind) {
        Containers.Buffer buffer = Containers.buffer(kind, values);
        sameSum(
                "sumBuffer(" + kind + ")",
                values,
                0,
                values.length,
                Outcome.of(() -> JAVA.sumBuffer(buffer.operand)),
                Outcome.of(() -> NATIVE.sumBuffer(buffer.operand)));
        assertThat(buffer.positionUnchanged()).isTrue();
    }

    @Property(tries = 500)
    void sumSegments(@ForAll("sumArrays") double[] values, @ForAll SegmentKind kind) {
        try (Containers.Segment segment = Containers.segment(kind, values)) {
            Outcome java = Outcome.of(() -> JAVA.sumBuffer(segment.operand));
            Outcome nativ = Outcome.of(() -> NATIVE.sumBuffer(segment.operand));
            Class<? extends RuntimeException> error = Containers.expectedError(kind, false);
            if (error != null) {
                same("sumBuffer(" + kind + ")", java, nativ);
                assertThat(java.error()).isExactlyInstanceOf(error);
            } else {
                sameSum("sumBuffer(" + kind + " segment)", values, 0, values.length, java, nativ);
            }
        }
    }

    @Property(tries = 40)
    void sumLongArrays(
            @ForAll("longLengths") int n, @ForAll long seed, @ForAll boolean withNaNs, @ForAll SegmentKind kind) {
        double[] values = Generators.seededValues(n, seed, withNaNs);
        sameSum(
                "sumBuffer(double[" + n + "]) seed " + seed,
                values,
                0,
                n,
                Outcome.of(() -> JAVA.sumBuffer(values)),
                Outcome.of(() -> NATIVE.sumBuffer(values)));
        if (Containers.expectedError(kind, false) == null) {
            try (Containers.Segment segment = Containers.segment(kind, values)) {
                sameSum(
                        "sumBuffer(" + kind + " segment of " + n + ") seed " + seed,
                        values,
                        0,
                        n,
                        Outcome.of(() -> JAVA.sumBuffer(segment.operand)),
                        Outcome.of(() -> NATIVE.sumBuffer(segment.operand)));
            }
        }
    }

    // ---------------------------------------------------------------- owned buffers

    @Property(tries = 150)
    void filledBuffers(@ForAll("lengths") int n) {
        OwnedBuffer java = JAVA.filledBuffer(n);
        OwnedBuffer nativ = NATIVE.filledBuffer(n);
        try {
            assertThat(nativ.length()).isEqualTo(java.length()).isEqualTo(n);
            assertThat(Outcome.rawBits(nativ.toArray())).isEqualTo(Outcome.rawBits(java.toArray()));
            assertThat(Outcome.rawBits(java.toArray())).isEqualTo(Outcome.rawBits(Reference.fillValues(n)));
            assertThat(nativ.segment().byteSize()).isEqualTo(java.segment().byteSize());
            long[] probes = {-1, 0, n / 2, n - 1L, n, Long.MAX_VALUE, Long.MIN_VALUE};
            for (long i : probes) {
                same("get(" + i + ") of " + n, Outcome.of(() -> java.get(i)), Outcome.of(() -> nativ.get(i)));
            }
            sameSum(
                    "sumBuffer(filledBuffer(" + n + "))",
                    Reference.fillValues(n),
                    0,
                    n,
                    Outcome.of(() -> JAVA.sumBuffer(nativ.segment())),
                    Outcome.of(() -> NATIVE.sumBuffer(java.segment())));
        } finally {
            java.close();
            nativ.close();
        }
        same("get after close", Outcome.of(() -> java.get(0)), Outcome.of(() -> nativ.get(0)));
        same("toArray after close", Outcome.of(java::toArray), Outcome.of(nativ::toArray));
        same(
                "segment after close",
                Outcome.of(() -> JAVA.sumBuffer(java.segment())),
                Outcome.of(() -> NATIVE.sumBuffer(nativ.segment())));
        assertThat(java.isOpen() || nativ.isOpen()).isFalse();
        assertThat(nativ.length()).isEqualTo(java.length());
    }

    @Property(tries = 100)
    void filledBuffersInTheCallersArena(@ForAll("lengths") int n) {
        MemorySegment java;
        MemorySegment nativ;
        try (Arena arena = Arena.ofConfined()) {
            java = JAVA.filledBuffer(n, arena);
            nativ = NATIVE.filledBuffer(n, arena);
            assertThat(nativ.byteSize()).isEqualTo(java.byteSize()).isEqualTo(8L * n);
            assertThat(nativ.mismatch(java)).isEqualTo(-1L);
            assertThat(nativ.isReadOnly()).isEqualTo(java.isReadOnly()).isTrue();
        }
        same(
                "a segment of a closed arena",
                Outcome.of(() -> JAVA.sumBuffer(nativ)),
                Outcome.of(() -> NATIVE.sumBuffer(java)));
    }

    @Property(tries = 50)
    void filledBufferLengthsOutOfRange(@ForAll("badBufferLengths") long n) {
        same(
                "filledBuffer(" + n + ")",
                Outcome.of(() -> JAVA.filledBuffer(n)),
                Outcome.of(() -> NATIVE.filledBuffer(n)));
        try (Arena arena = Arena.ofConfined()) {
            same(
                    "filledBuffer(" + n + ", arena)",
                    Outcome.of(() -> JAVA.filledBuffer(n, arena)),
                    Outcome.of(() -> NATIVE.filledBuffer(n, arena)));
        }
    }

    // ---------------------------------------------------------------- encodings of generated values

    @Property(tries = 500)
    void dataEncodings(
            @ForAll("sumElements") double a,
            @ForAll("sumElements") double b,
            @ForAll("sumElements") double c,
            @ForAll("sumElements") double d,
            @ForAll("sumElements") double e) {
        Data data = Data.of(a, b, c, d, e);
        byte[] java = JAVA.encodeData(data);
        byte[] nativ = NATIVE.encodeData(data);
        assertThat(nativ).as("%s", Outcome.describe(data)).isEqualTo(java).isEqualTo(Reference.encodeData(data));
        same("decodeData", Outcome.of(() -> JAVA.decodeData(nativ)), Outcome.of(() -> NATIVE.decodeData(java)));
        assertThat(Outcome.sameBits(NATIVE.decodeData(java), data)).isTrue();
    }

    @Property(tries = 500)
    void sequenceEncodings(@ForAll("sumArrays") double[] values) {
        byte[] java = JAVA.encodeSequence(values);
        byte[] nativ = NATIVE.encodeSequence(values);
        assertThat(nativ).isEqualTo(java).isEqualTo(Reference.encodeSequence(values));
        Outcome j = Outcome.of(() -> JAVA.decodeSequence(nativ));
        same("decodeSequence", j, Outcome.of(() -> NATIVE.decodeSequence(java)));
        assertThat(Outcome.sameBits(j.value(), values)).isTrue();
    }

    // ---------------------------------------------------------------- generators (the edge-rich ones: Generators)

    @Provide
    Arbitrary<Integer> longLengths() {
        return Arbitraries.of(1023, 1024, 1025, 4097, 65_539, 1_048_577);
    }

    @Provide
    Arbitrary<Long> badBufferLengths() {
        return Arbitraries.oneOf(
                Arbitraries.of(-1L, Long.MIN_VALUE, FfiBridge.MAX_BUFFER_LENGTH + 1, Long.MAX_VALUE),
                Arbitraries.longs().lessOrEqual(-1),
                Arbitraries.longs().greaterOrEqual(FfiBridge.MAX_BUFFER_LENGTH + 1));
    }
}
