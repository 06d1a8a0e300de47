package dev.ffibridge.it;

import dev.ffibridge.api.Data;
import dev.ffibridge.api.Person;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * An independent, deliberately naive implementation of docs/abi.md's byte layouts, used as the oracle of the
 * tests: written with a little-endian {@link ByteBuffer}, sharing no code with either provider. The sum order's
 * oracle is {@link dev.ffibridge.testsupport.SumOrder}, shared with the other modules' tests.
 */
final class Reference {

    /** The guide's person: Alice, 30, 5.8f. */
    static final Person ALICE = new Person("Alice", 30, 5.8f);

    /** The raw bits of 5.8f. */
    static final int ALICE_HEIGHT_BITS = 0x40B9_999A;

    /** The guide's data values. */
    static final double[] DATA_VALUES = {1.1, 2.2, 3.3, 4.4, 5.5};

    private Reference() {}

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
