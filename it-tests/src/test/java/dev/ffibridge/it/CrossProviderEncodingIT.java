package dev.ffibridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ffibridge.api.Data;
import dev.ffibridge.api.FfiBridge;
import dev.ffibridge.api.Person;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Bytes encoded by one provider decode to the same value with the other and are identical byte for byte; bytes
 * that are not exactly one encoded value (every truncation of a valid encoding, trailing bytes, huge lengths and
 * counts, invalid UTF-8, NUL in a name, random and mutated bytes) get the same exception type from both, with the
 * same message (the offsets and lengths involved).
 */
@Tag("native")
@AddLifecycleHook(NativeLeakCheck.class)
class CrossProviderEncodingIT implements Generators {

    static final FfiBridge JAVA = FfiBridge.load("java");

    static final FfiBridge NATIVE = FfiBridge.load("native");

    /** Decodes with both providers, with each decoder; the outcomes must be the same. Returns the java ones. */
    static Outcome[] decodeWithBoth(byte[] bytes) {
        Outcome[] out = new Outcome[Codec.values().length];
        for (Codec codec : Codec.values()) {
            Outcome j = Outcome.of(() -> codec.decode(JAVA, bytes.clone()));
            Outcome n = Outcome.of(() -> codec.decode(NATIVE, bytes.clone()));
            assertThat(j.sameAs(n))
                    .as("%s(%s): java %s, native %s", codec.decoderName, Outcome.describe(bytes), j, n)
                    .isTrue();
            if (j.failed()) {
                assertThat(j.error())
                        .as("%s(%s)", codec.decoderName, Outcome.describe(bytes))
                        .isExactlyInstanceOf(IllegalArgumentException.class);
                assertThat(n.error().getMessage())
                        .as("%s(%s): native's message", codec.decoderName, Outcome.describe(bytes))
                        .isEqualTo(j.error().getMessage());
            }
            out[codec.ordinal()] = j;
        }
        return out;
    }

    static void rejectedByBoth(String what, byte[] bytes, int decoder) {
        Outcome[] outcomes = decodeWithBoth(bytes);
        assertThat(outcomes[decoder].failed())
                .as(
                        "%s: %s(%s) %s",
                        what, Codec.values()[decoder].decoderName, Outcome.describe(bytes), outcomes[decoder])
                .isTrue();
    }

    // ---------------------------------------------------------------- valid values, both directions

    @Property(tries = 500)
    void personsCrossDecode(@ForAll("persons") Person person) {
        byte[] java = JAVA.encodePerson(person);
        byte[] nativ = NATIVE.encodePerson(person);
        assertThat(nativ).as("%s", Outcome.describe(person)).isEqualTo(java).isEqualTo(Reference.encodePerson(person));
        assertThat(Outcome.sameBits(NATIVE.decodePerson(java), person)).isTrue();
        assertThat(Outcome.sameBits(JAVA.decodePerson(nativ), person)).isTrue();
        // the round trip through the native struct too
        Person viaNative = NATIVE.createPerson(person.name(), person.age(), person.height());
        assertThat(JAVA.encodePerson(viaNative)).isEqualTo(java);
    }

    @Property(tries = 300)
    void sequencesCrossDecode(@ForAll("sequences") double[] values) {
        byte[] java = JAVA.encodeSequence(values);
        byte[] nativ = NATIVE.encodeSequence(values);
        assertThat(nativ).isEqualTo(java).isEqualTo(Reference.encodeSequence(values));
        assertThat(Outcome.rawBits(NATIVE.decodeSequence(java))).isEqualTo(Outcome.rawBits(values));
        assertThat(Outcome.rawBits(JAVA.decodeSequence(nativ))).isEqualTo(Outcome.rawBits(values));
    }

    @Example
    void guideValuesCrossDecode() {
        byte[] alice = NATIVE.encodePerson(NATIVE.createPerson());
        assertThat(alice).isEqualTo(JAVA.encodePerson(JAVA.createPerson()));
        assertThat(JAVA.decodePerson(alice)).isEqualTo(Reference.ALICE);
        byte[] data = NATIVE.encodeData(NATIVE.getData());
        assertThat(data).isEqualTo(JAVA.encodeData(JAVA.getData()));
        assertThat(JAVA.decodeData(data)).isEqualTo(Data.of(Reference.DATA_VALUES));
        assertThat(NATIVE.decodeData(JAVA.encodeData(JAVA.getData()))).isEqualTo(Data.of(Reference.DATA_VALUES));
        double[] big = Reference.fillValues(1_048_577);
        byte[] bigBytes = NATIVE.encodeSequence(big);
        assertThat(bigBytes).isEqualTo(JAVA.encodeSequence(big));
        assertThat(JAVA.decodeSequence(bigBytes)).isEqualTo(big);
        assertThat(NATIVE.decodeSequence(bigBytes)).isEqualTo(big);
    }

    // ---------------------------------------------------------------- malformed bytes, on purpose

    @Example
    void everyTruncationOfAValidEncodingIsRejected() {
        List<byte[]> persons = List.of(
                Reference.encodePerson(Reference.ALICE),
                Reference.encodePerson(new Person("", 0, 0f)),
                Reference.encodePerson(new Person("\u00e9\u65e5\uD83D\uDE00", Person.MAX_AGE, Float.NaN)));
        for (byte[] valid : persons) {
            for (int cut = 0; cut < valid.length; cut++) {
                rejectedByBoth("person prefix " + cut, Arrays.copyOf(valid, cut), 0);
            }
        }
        byte[] data = Reference.encodeData(Data.of(Reference.DATA_VALUES));
        for (int cut = 0; cut < data.length; cut++) {
            rejectedByBoth("data prefix " + cut, Arrays.copyOf(data, cut), 1);
        }
        for (int n : new int[] {0, 1, 3}) {
            byte[] sequence = Reference.encodeSequence(Reference.fillValues(n));
            for (int cut = 0; cut < sequence.length; cut++) {
                rejectedByBoth("sequence prefix " + cut, Arrays.copyOf(sequence, cut), 2);
            }
        }
    }

    @Example
    void trailingBytesAreRejected() {
        byte[][] valid = {
            Reference.encodePerson(Reference.ALICE),
            Reference.encodeData(Data.of(Reference.DATA_VALUES)),
            Reference.encodeSequence(new double[] {1, 2, 3})
        };
        for (int d = 0; d < 3; d++) {
            for (int extra : new int[] {1, 2, 7, 8, 9}) {
                byte[] longer = Arrays.copyOf(valid[d], valid[d].length + extra);
                rejectedByBoth("+" + extra + " zero bytes", longer, d);
                Arrays.fill(longer, valid[d].length, longer.length, (byte) 0xff);
                rejectedByBoth("+" + extra + " 0xff bytes", longer, d);
            }
        }
    }

    @Example
    void hugeNameLengthsAreRejected() {
        long[] lengths = {
            6,
            4,
            0,
            1L << 31,
            (1L << 31) + 5,
            1L << 32,
            (1L << 32) + 5,
            1L << 62,
            Long.MAX_VALUE,
            Long.MIN_VALUE,
            Long.MIN_VALUE + 5,
            -1,
            -16,
            -11,
            Integer.MAX_VALUE,
            Integer.MAX_VALUE - 8
        };
        for (long declared : lengths) {
            rejectedByBoth("name length " + declared, Reference.personWithNameLength(declared, 5), 0);
            if (declared != 0) {
                rejectedByBoth("name length " + declared + ", no name", Reference.personWithNameLength(declared, 0), 0);
            }
        }
    }

    @Example
    void hugeSequenceCountsAreRejected() {
        long[][] counts = {
            {1L << 61, 0},
            {(1L << 61) + 1, 1},
            {(1L << 61) + 3, 3},
            {(1L << 62) + 2, 2},
            {(1L << 63) + 3, 3},
            {(1L << 32) + 3, 3},
            {(1L << 29) + 3, 3},
            {-1, 0},
            {-1, 1},
            {Long.MAX_VALUE, 0},
            {Long.MIN_VALUE, 0},
            {Integer.MAX_VALUE, 0},
            {FfiBridge.MAX_SEQUENCE_LENGTH + 1L, 0},
            {1L << 60, 1},
            {4, 3},
            {2, 3},
            {0, 1}
        };
        for (long[] c : counts) {
            rejectedByBoth(
                    "count " + c[0] + " with " + c[1] + " doubles", Reference.sequenceWithCount(c[0], (int) c[1]), 2);
        }
    }

    @Example
    void invalidUtf8AndNulNamesAreRejected() {
        for (byte[] name : BridgeContract.invalidUtf8()) {
            rejectedByBoth("name " + HexFormat.of().formatHex(name), Reference.encodePerson(name, 30, 5.8f), 0);
        }
        for (String nul : new String[] {"\0", "a\0", "\0a", "Al\0ce", "\u00e9\0\uD83D\uDE00"}) {
            rejectedByBoth("NUL name", Reference.encodePerson(nul.getBytes(StandardCharsets.UTF_8), 30, 5.8f), 0);
        }
    }

    @Example
    void validEdgesAreAccepted() {
        // the largest code points and the non-characters are valid UTF-8
        for (String name :
                new String[] {"\uDBFF\uDFFF", "\uFFFF", "\uFFFE", "\u0080", "\u07FF", "\u0800", "\uE000", "\uD800\uDC00"
                }) {
            Outcome[] outcomes = decodeWithBoth(Reference.encodePerson(new Person(name, 1, 1f)));
            assertThat(outcomes[0].value()).isEqualTo(new Person(name, 1, 1f));
        }
        Outcome[] empty = decodeWithBoth(new byte[8]);
        assertThat((double[]) empty[2].value()).isEmpty();
    }

    // ---------------------------------------------------------------- malformed bytes, generated

    @Property(tries = 500)
    void randomBytesGetTheSameOutcome(@ForAll("randomBytes") byte[] bytes) {
        decodeWithBoth(bytes);
    }

    @Property(tries = 800)
    void mutatedEncodingsGetTheSameOutcome(@ForAll("mutatedEncodings") byte[] bytes) {
        decodeWithBoth(bytes);
    }

    // ---------------------------------------------------------------- generators

    @Provide
    Arbitrary<Person> persons() {
        return Combinators.combine(names(), ages(), heights()).as((name, age, height) -> {
            try {
                return new Person(name, age, height);
            } catch (IllegalArgumentException e) {
                return new Person("fallback " + name.length(), Math.floorMod(age, Person.MAX_AGE + 1), height);
            }
        });
    }

    @Provide
    Arbitrary<double[]> sequences() {
        return sumArrays();
    }

    @Provide
    Arbitrary<byte[]> randomBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
    }

    /** A valid encoding (of a person, data or a sequence), then truncated, extended, or with bytes changed. */
    @Provide
    Arbitrary<byte[]> mutatedEncodings() {
        Arbitrary<byte[]> valid = Arbitraries.oneOf(
                persons().map(Reference::encodePerson),
                sequences().map(Reference::encodeSequence),
                sumElements().array(double[].class).ofSize(5).map(v -> Reference.encodeData(Data.of(v))));
        Arbitrary<Mutation> mutation = Combinators.combine(
                        Arbitraries.integers().between(0, 5),
                        Arbitraries.integers().between(0, 1 << 16),
                        Arbitraries.bytes(),
                        Arbitraries.longs())
                .as(Mutation::new);
        return Combinators.combine(valid, mutation.list().ofMinSize(1).ofMaxSize(3))
                .as((bytes, mutations) -> {
                    byte[] out = bytes;
                    for (Mutation m : mutations) {
                        out = m.apply(out);
                    }
                    return out;
                });
    }

    /** One change to a byte array; {@code where} is taken modulo the length. */
    record Mutation(int kind, int where, byte value, long word) {
        byte[] apply(byte[] in) {
            int at = in.length == 0 ? 0 : where % in.length;
            switch (kind) {
                case 0 -> {
                    return Arrays.copyOf(in, at); // truncate
                }
                case 1 -> {
                    byte[] out = Arrays.copyOf(in, in.length + 1 + where % 9); // extend
                    Arrays.fill(out, in.length, out.length, value);
                    return out;
                }
                case 2 -> {
                    if (in.length == 0) {
                        return in;
                    }
                    byte[] out = in.clone();
                    out[at] = value; // change one byte
                    return out;
                }
                case 3 -> {
                    // overwrite the u64 at a header offset: the person's name length (8) or the count (0)
                    byte[] out = in.clone();
                    int offset = (where & 1) == 0 ? 0 : 8;
                    if (out.length >= offset + 8) {
                        ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putLong(offset, word);
                    }
                    return out;
                }
                case 4 -> {
                    if (in.length == 0) {
                        return in;
                    }
                    List<Byte> bytes = new ArrayList<>();
                    for (byte b : in) {
                        bytes.add(b);
                    }
                    bytes.remove(at); // delete one byte
                    byte[] out = new byte[bytes.size()];
                    for (int i = 0; i < out.length; i++) {
                        out[i] = bytes.get(i);
                    }
                    return out;
                }
                default -> {
                    // insert a NUL or a stray UTF-8 byte into a person's name
                    if (in.length < 16) {
                        return in;
                    }
                    byte[] out = in.clone();
                    int nameAt = 16 + (in.length == 16 ? 0 : where % (in.length - 16));
                    if (nameAt < out.length) {
                        out[nameAt] = (where & 1) == 0 ? 0 : (byte) (0x80 | (value & 0x7f));
                    }
                    return out;
                }
            }
        }
    }
}
