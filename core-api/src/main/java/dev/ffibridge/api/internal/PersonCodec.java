package dev.ffibridge.api.internal;

import dev.ffibridge.api.Person;
import java.nio.charset.StandardCharsets;

/**
 * A {@link Person} as bytes: {@code u32} age, {@code f32} height (raw bits), {@code u64} name
 * length {@code n}, then the {@code n} bytes of the UTF-8 name; all little-endian, as bincode 1.x
 * with fixint encoding writes it.
 */
public final class PersonCodec {

    private static final int AGE = 0;
    private static final int HEIGHT = 4;
    private static final int NAME_LENGTH = 8;
    private static final int NAME = WireErrors.PERSON_HEADER;

    private PersonCodec() {}

    /** The person's bytes. The name obeys the name rule, so it has an exact UTF-8 form. */
    public static byte[] encode(Person person) {
        byte[] name = person.name().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[NAME + name.length];
        LittleEndian.putInt(bytes, AGE, (int) person.age());
        LittleEndian.putInt(bytes, HEIGHT, Float.floatToRawIntBits(person.height()));
        LittleEndian.putLong(bytes, NAME_LENGTH, name.length);
        System.arraycopy(name, 0, bytes, NAME, name.length);
        return bytes;
    }

    /**
     * The person in {@code bytes}, which must be exactly one encoded person.
     *
     * @throws IllegalArgumentException if the bytes are truncated, have trailing bytes, or hold a
     *     name that is not UTF-8 or contains U+0000
     */
    public static Person decode(byte[] bytes) {
        String name = WireErrors.personName(bytes, WireErrors.personNameLength(bytes));
        long age = Integer.toUnsignedLong(LittleEndian.getInt(bytes, AGE));
        float height = Float.intBitsToFloat(LittleEndian.getInt(bytes, HEIGHT));
        return new Person(name, age, height);
    }
}
