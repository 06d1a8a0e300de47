package dev.ffibridge.it;

import dev.ffibridge.api.Data;
import dev.ffibridge.api.Person;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * An independent, deliberately naive implementation of docs/abi.md, used as the oracle of the tests: the sum
 * with a literal array of sixteen accumulators and the combination tree spelled out, and the byte layouts
 * written with a little-endian {@link ByteBuffer}. It shares no code with either provider.
 */
final class Reference {

    /** The guide's person: Alice, 30, 5.8f. */
    static final Person ALICE = new Person("Alice", 30, 5.8f);

    /** The raw bits of 5.8f. */
    static final int ALICE_HEIGHT_BITS = 0x40B9_999A;

    /** The guide's data values. */
    static final double[] DATA_VALUES = {1.1, 2.2, 3.3, 4.4, 5.5};

    /** Values per block of the sum order. */
    static final int BLOCK = 8192;

    private Reference() {}

    /**
     * The documented sum: blocks of 8192; per block 16 lanes, element j into lane[j % 16]; the blocks' lanes
     * added to acc[k] in block order; then the fixed tree.
     */
    static double sum(double[] x) {
        return sum(x, 0, x.length);
    }

    /**
     * The documented sum of {@code x[offset .. offset + length)}; where the NaN payload of the result is open
     * (see {@link #possibleSums}), the smallest of the possible bit patterns.
     */
    static double sum(double[] x, int offset, int length) {
        return Double.longBitsToDouble(possibleSums(x, offset, length).first());
    }

    /**
     * Every bit pattern the documented sum may have. One, unless NaNs with different payloads meet in an
     * addition: IEEE 754 lets an addition of two NaNs return either (quieted), and implementations do differ
     * (HotSpot's interpreter and C2 keep the right operand's payload, C1 the left one's; a compiler may swap
     * the operands of a commutative addition), so no provider can promise one payload then. The set is exact:
     * each addition is followed with every choice it may make.
     */
    static java.util.TreeSet<Long> possibleSums(double[] x, int offset, int length) {
        Partial[] acc = new Partial[16];
        java.util.Arrays.fill(acc, Partial.ZERO);
        for (int start = 0; start < length; start += BLOCK) {
            Partial[] lane = new Partial[16];
            java.util.Arrays.fill(lane, Partial.ZERO);
            for (int j = 0; j < BLOCK && start + j < length; j++) {
                lane[j % 16] = Partial.add(lane[j % 16], Partial.of(x[offset + start + j]));
            }
            for (int k = 0; k < 16; k++) {
                acc[k] = Partial.add(acc[k], lane[k]);
            }
        }
        Partial[] s8 = new Partial[8];
        for (int k = 0; k < 8; k++) {
            s8[k] = Partial.add(acc[k], acc[k + 8]);
        }
        Partial[] s4 = new Partial[4];
        for (int k = 0; k < 4; k++) {
            s4[k] = Partial.add(s8[k], s8[k + 4]);
        }
        Partial s20 = Partial.add(s4[0], s4[2]);
        Partial s21 = Partial.add(s4[1], s4[3]);
        Partial total = Partial.add(s20, s21);
        java.util.TreeSet<Long> out = new java.util.TreeSet<>();
        if (total.nans == null) {
            out.add(Double.doubleToRawLongBits(total.value));
        } else {
            out.addAll(total.nans);
        }
        return out;
    }

    /** A partial sum: a value, or a NaN with the set of payloads (raw bits) it may have. */
    private record Partial(double value, java.util.Set<Long> nans) {

        static final Partial ZERO = new Partial(0.0, null);

        static Partial of(double x) {
            return Double.isNaN(x)
                    ? new Partial(x, java.util.Set.of(Double.doubleToRawLongBits(x)))
                    : new Partial(x, null);
        }

        static Partial add(Partial a, Partial b) {
            if (a.nans == null && b.nans == null) {
                // no NaN operand: the result, a NaN included (inf - inf), is fully defined
                double r = a.value + b.value;
                return Double.isNaN(r)
                        ? new Partial(r, java.util.Set.of(Double.doubleToRawLongBits(r)))
                        : new Partial(r, null);
            }
            java.util.Set<Long> nans = new java.util.TreeSet<>();
            for (Partial p : new Partial[] {a, b}) {
                if (p.nans != null) {
                    p.nans.forEach(bits -> nans.add(bits | 0x0008_0000_0000_0000L)); // an operand NaN is quieted
                }
            }
            return new Partial(Double.NaN, nans.size() == 1 ? java.util.Set.copyOf(nans) : nans);
        }
    }

    /** {@code (double) i} for {@code 0 <= i < n}. */
    static double[] fillValues(int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        return values;
    }

    static byte[] encodePerson(Person person) {
        return encodePerson(person.name().getBytes(StandardCharsets.UTF_8), person.age(), person.height());
    }

    /** A person with the given raw name bytes (which may be invalid, for malformed-input tests). */
    static byte[] encodePerson(byte[] nameBytes, long age, float height) {
        ByteBuffer out = ByteBuffer.allocate(16 + nameBytes.length).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt((int) age);
        out.putInt(Float.floatToRawIntBits(height));
        out.putLong(nameBytes.length);
        out.put(nameBytes);
        return out.array();
    }

    static byte[] encodeData(Data data) {
        ByteBuffer out = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 5; i++) {
            out.putLong(Double.doubleToRawLongBits(data.get(i)));
        }
        return out.array();
    }

    static byte[] encodeSequence(double[] values) {
        ByteBuffer out = ByteBuffer.allocate(8 + 8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(values.length);
        for (double v : values) {
            out.putLong(Double.doubleToRawLongBits(v));
        }
        return out.array();
    }

    /** A header (u64 count) followed by exactly {@code payloadDoubles} doubles, whatever the count says. */
    static byte[] sequenceWithCount(long count, int payloadDoubles) {
        ByteBuffer out = ByteBuffer.allocate(8 + 8 * payloadDoubles).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(count);
        for (int i = 0; i < payloadDoubles; i++) {
            out.putDouble(i + 0.5);
        }
        return out.array();
    }

    /** A person header whose u64 name length is {@code declared}, followed by {@code actual} bytes of 'a'. */
    static byte[] personWithNameLength(long declared, int actual) {
        ByteBuffer out = ByteBuffer.allocate(16 + actual).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(30);
        out.putInt(ALICE_HEIGHT_BITS);
        out.putLong(declared);
        for (int i = 0; i < actual; i++) {
            out.put((byte) 'a');
        }
        return out.array();
    }

    /** Bytes written as hex pairs, for golden values: "1e 00 ...". */
    static byte[] hex(String text) {
        String digits = text.replaceAll("\\s+", "");
        byte[] out = new byte[digits.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
