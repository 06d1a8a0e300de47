package dev.ffibridge.nativeimpl.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ffibridge.api.FfiBridge;
import dev.ffibridge.api.Person;
import java.util.function.Function;

/** One name through createPerson, encodePerson and decodePerson, checked bit for bit: the person-path tests' check. */
final class PersonRoundTrip {

    /** Chars of 1, 2, 3 and 4 (a surrogate pair) UTF-8 bytes. */
    static final String[] UNITS = {"a", "\u00e9", "\u4e2d", "\ud83d\ude00"};

    /** A quiet NaN with a payload, which every path must keep. */
    private static final int HEIGHT_BITS = 0x7fc0_0001;

    private PersonRoundTrip() {}

    /** {@code chars} chars of {@code unit} repeated; a pair cut in two at the end becomes {@code "z"}. */
    static String name(int chars, String unit) {
        String name = unit.repeat(chars).substring(0, chars);
        if (chars > 0 && Character.isHighSurrogate(name.charAt(chars - 1))) {
            return name.substring(0, chars - 1) + "z";
        }
        return name;
    }

    /** Creates, encodes (to {@code reference}'s bytes) and decodes a person named {@code name} on {@code bridge}. */
    static void check(FfiBridge bridge, String name, Function<Person, byte[]> reference) {
        Person person = new Person(name, 0xFFFF_FFFFL, Float.intBitsToFloat(HEIGHT_BITS));
        Person created = bridge.createPerson(name, person.age(), person.height());
        assertThat(created).as("%d chars", name.length()).isEqualTo(person);
        assertThat(Float.floatToRawIntBits(created.height())).isEqualTo(HEIGHT_BITS);

        byte[] bytes = bridge.encodePerson(person);
        assertThat(bytes).as("%d chars", name.length()).isEqualTo(reference.apply(person));
        Person decoded = bridge.decodePerson(bytes);
        assertThat(decoded).isEqualTo(person);
        assertThat(Float.floatToRawIntBits(decoded.height())).isEqualTo(HEIGHT_BITS);
    }
}
