package dev.ffibridge.nativeimpl.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ffibridge.api.FfiBridge;
import dev.ffibridge.api.Person;
import dev.ffibridge.api.internal.WireErrors;
import dev.ffibridge.nativeimpl.abi.PersonStruct;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The person functions on both sides of {@link PersonCalls}'s boundary between the critical path (short names,
 * heap arrays) and the regular one (long names, native memory): which path each size takes, and the same
 * persons, bytes and exceptions, bit for bit, on both. It runs with {@code -Dffibridge.native.crossovers=0}, so
 * that long names reach the library rather than the Java path of {@link Crossovers#PERSON_NAME}.
 */
class PersonPathTest {

    private static final int LIMIT = PersonCalls.CRITICAL_NAME_CHARS;
    private static final int LIMIT_BYTES = (int) PersonStruct.CRITICAL_NAME_BYTES;

    private final FfiBridge bridge = FfiBridge.load("native");

    @Test
    void theBoundaryKeepsEveryCriticalCallUnder192KiBOfName() {
        assertThat(PersonStruct.CRITICAL_NAME_BYTES).isEqualTo(192 * 1024);
        assertThat(LIMIT).isEqualTo(64 * 1024);
        assertThat(PersonCalls.takesCriticalPath("a".repeat(LIMIT))).isTrue();
        assertThat(PersonCalls.takesCriticalPath("\u4e2d".repeat(LIMIT))).isTrue(); // 3 bytes a char: the limit
        assertThat(PersonCalls.takesCriticalPath("a".repeat(LIMIT + 1))).isFalse();
        assertThat(PersonCalls.takesCriticalPath(new byte[WireErrors.PERSON_HEADER + LIMIT_BYTES]))
                .isTrue();
        assertThat(PersonCalls.takesCriticalPath(new byte[WireErrors.PERSON_HEADER + LIMIT_BYTES + 1]))
                .isFalse();
        assertThat(PersonCalls.takesCriticalPath(new byte[3])).isTrue();
    }

    @Test
    void namesOnBothSidesOfTheBoundaryGiveTheSamePersonsAndBytes() {
        // -Dffibridge.native.crossovers=0: long names too go to the library, not to the java path above 64 Ki chars
        assertThat(Crossovers.personNameInJava("a".repeat(16 * LIMIT))).isFalse();
        for (int chars : new int[] {LIMIT - 1, LIMIT, LIMIT + 1, 4 * LIMIT}) {
            for (String unit : PersonRoundTrip.UNITS) {
                PersonRoundTrip.check(bridge, PersonRoundTrip.name(chars, unit), PersonPathTest::encoded);
            }
        }
    }

    @Test
    void shortNamesOfEveryLengthUpTo129CharsEncodeAsTheJavaProviderDoes() { // every tail of the 8-byte words of
        // CStrings
        for (int chars = 0; chars <= 129; chars++) {
            for (String unit : new String[] {"a", "\u00e9", "\u4e2d"}) {
                Person person = new Person(unit.repeat(chars), chars, -0.0f);
                assertThat(bridge.encodePerson(person))
                        .as("%d × %s", chars, unit)
                        .isEqualTo(encoded(person));
            }
        }
    }

    @Test
    void encodedNamesOfTheBoundarysByteLengthsDecodeOnBothPaths() {
        for (int nameBytes : new int[] {LIMIT_BYTES - 1, LIMIT_BYTES, LIMIT_BYTES + 1}) {
            String name = "\u00e9".repeat(nameBytes / 2) + "q".repeat(nameBytes % 2);
            Person person = new Person(name, 7, 1.5f);
            byte[] bytes = encoded(person);
            assertThat(bytes).hasSize(WireErrors.PERSON_HEADER + nameBytes);
            assertThat(bridge.decodePerson(bytes)).isEqualTo(person);
            assertThat(bridge.encodePerson(person)).isEqualTo(bytes);
        }
    }

    @Test
    void badLongBytesGetTheJavaProvidersExceptionOnBothPaths() {
        for (int nameBytes : new int[] {LIMIT_BYTES, LIMIT_BYTES + 1}) {
            byte[] good = encoded(new Person("x".repeat(nameBytes), 1, 1f));
            byte[] invalidUtf8 = good.clone();
            invalidUtf8[invalidUtf8.length - 1] = (byte) 0xff;
            byte[] interiorNul = good.clone();
            interiorNul[interiorNul.length - 2] = 0;
            byte[] truncated = Arrays.copyOf(good, good.length - 1);
            byte[] trailing = Arrays.copyOf(good, good.length + 1);
            for (byte[] bad : new byte[][] {invalidUtf8, interiorNul, truncated, trailing}) {
                Throwable expected = catchThrowable(() -> WireErrors.personName(bad, WireErrors.personNameLength(bad)));
                assertThat(expected).isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> bridge.decodePerson(bad))
                        .as("%d name bytes", nameBytes)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage(expected.getMessage());
            }
        }
    }

    /** The documented layout: {@code u32} age, {@code f32} height, {@code u64} n, n UTF-8 bytes; little-endian. */
    private static byte[] encoded(Person person) {
        byte[] name = person.name().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(WireErrors.PERSON_HEADER + name.length)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt((int) person.age())
                .putFloat(person.height())
                .putLong(name.length)
                .put(name)
                .array();
    }
}
