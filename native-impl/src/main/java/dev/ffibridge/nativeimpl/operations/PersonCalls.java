package dev.ffibridge.nativeimpl.operations;

import static java.lang.foreign.ValueLayout.ADDRESS;

import dev.ffibridge.api.Person;
import dev.ffibridge.api.internal.WireErrors;
import dev.ffibridge.nativeimpl.abi.BufferFunctions;
import dev.ffibridge.nativeimpl.abi.BytesStruct;
import dev.ffibridge.nativeimpl.abi.CodecFunctions;
import dev.ffibridge.nativeimpl.abi.PersonStruct;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

/**
 * The person functions of {@link NativeOperations}, each on one of two paths by the name's size.
 *
 * <p><b>Short names</b> (at most {@link #CRITICAL_NAME_CHARS} chars, or {@link PersonStruct#CRITICAL_NAME_BYTES}
 * encoded bytes) go through critical handles: heap arrays in place, the pointer back through a heap {@code
 * long[1]}. <b>Long names</b> go through the regular handles, on native memory: a critical call holds off
 * safepoints until it returns, and the library's UTF-8 check, {@code strlen} and copy of a name of 64 MiB took
 * milliseconds. The copies into native memory in pieces ({@link LongNames}), and the comparison of the library's
 * name in pieces ({@link PersonStruct#take(MemorySegment, MemorySegment, String)}), are the work added for them.
 * {@code PersonPathTest} calls both paths on both sides of the boundary.
 */
final class PersonCalls {

    /**
     * The longest name that takes the critical path: 64 Ki chars, at most {@link
     * PersonStruct#CRITICAL_NAME_BYTES} (192 KiB) of UTF-8, three bytes a char at worst.
     */
    static final int CRITICAL_NAME_CHARS = (int) (PersonStruct.CRITICAL_NAME_BYTES / 3);

    private PersonCalls() {}

    /** Whether a call with {@code name} takes the critical path. */
    static boolean takesCriticalPath(String name) {
        return name.length() <= CRITICAL_NAME_CHARS;
    }

    /** Whether the decoding of {@code bytes} takes the critical path (its name is at most 192 KiB). */
    static boolean takesCriticalPath(byte[] bytes) {
        return bytes.length - WireErrors.PERSON_HEADER <= PersonStruct.CRITICAL_NAME_BYTES;
    }

    /** {@code createPerson(name, age, height)}, the arguments checked. */
    static Person create(String name, int age, float height) {
        if (!takesCriticalPath(name)) {
            return createLong(name, age, height);
        }
        MemorySegment cString = MemorySegment.ofArray(CStrings.of(name));
        long[] out = new long[1];
        int status = BufferFunctions.personNew(cString, age, height, MemorySegment.ofArray(out));
        NativeOperations.check(status, BufferFunctions.PERSON_NEW.name());
        return PersonStruct.take(MemorySegment.ofAddress(out[0]), cString.asSlice(0, cString.byteSize() - 1), name);
    }

    /** The name in native memory ({@link LongNames}); the regular handle. */
    private static Person createLong(String name, int age, float height) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cString = LongNames.utf8(name, arena);
            MemorySegment out = arena.allocate(ADDRESS);
            int status = BufferFunctions.personNewRegular(cString, age, height, out);
            NativeOperations.check(status, BufferFunctions.PERSON_NEW.name());
            return PersonStruct.take(out.get(ADDRESS, 0), cString.asSlice(0, cString.byteSize() - 1), name);
        }
    }

    /**
     * {@code encodePerson(person)}, a short name: one critical call that writes the bytes into the result array,
     * from the name's UTF-8 in a heap array. No native memory on either side, nothing to free.
     */
    static byte[] encode(Person person) {
        String name = person.name();
        if (!takesCriticalPath(name)) {
            return encodeLong(person);
        }
        byte[] utf8 = CStrings.utf8(name);
        byte[] bytes = new byte[WireErrors.PERSON_HEADER + utf8.length];
        int status = CodecFunctions.encodePersonInto(
                MemorySegment.ofArray(utf8),
                utf8.length,
                (int) person.age(),
                person.height(),
                MemorySegment.ofArray(bytes),
                bytes.length);
        NativeOperations.check(status, CodecFunctions.ENCODE_PERSON_INTO.name());
        return bytes;
    }

    /** The name in native memory ({@link LongNames}); the regular handles. */
    private static byte[] encodeLong(Person person) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cString = LongNames.utf8(person.name(), arena);
            MemorySegment struct = new PersonStruct((int) person.age(), person.height(), cString).into(arena);
            MemorySegment out = arena.allocate(ADDRESS);
            NativeOperations.check(CodecFunctions.encodePerson(struct, out), CodecFunctions.ENCODE_PERSON.name());
            MemorySegment pointer = out.get(ADDRESS, 0);
            try {
                return BytesStruct.at(pointer).toArray();
            } finally {
                CodecFunctions.bytesFreeRegular(pointer);
            }
        }
    }

    /** {@code decodePerson(bytes)}: short bytes in place, through the critical handle. */
    static Person decode(byte[] bytes) {
        if (!takesCriticalPath(bytes)) {
            return decodeLong(bytes);
        }
        MemorySegment input = MemorySegment.ofArray(bytes);
        long[] out = new long[1];
        int status = CodecFunctions.decodePerson(input, bytes.length, MemorySegment.ofArray(out));
        return decoded(status, MemorySegment.ofAddress(out[0]), input, bytes);
    }

    /** Long bytes copied into native memory ({@link LongNames}), for the regular handle. */
    private static Person decodeLong(byte[] bytes) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment input = LongNames.copy(bytes, 0, arena);
            MemorySegment out = arena.allocate(ADDRESS);
            int status = CodecFunctions.decodePersonRegular(input, bytes.length, out);
            return decoded(status, out.get(ADDRESS, 0), input, bytes);
        }
    }

    /** The person the library decoded from {@code bytes} (a copy of them: {@code input}) at {@code pointer}. */
    private static Person decoded(int status, MemorySegment pointer, MemorySegment input, byte[] bytes) {
        NativeOperations.checkDecoded(status, CodecFunctions.DECODE_PERSON.name(), "person", bytes);
        // The library accepted the bytes, so the name is the strict UTF-8 after the header.
        int nameLength = bytes.length - WireErrors.PERSON_HEADER;
        return PersonStruct.take(
                pointer,
                input.asSlice(WireErrors.PERSON_HEADER, nameLength),
                new String(bytes, WireErrors.PERSON_HEADER, nameLength, StandardCharsets.UTF_8));
    }
}
