package dev.ffibridge.nativeimpl.abi;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.ffibridge.api.FfiBridgeException;
import dev.ffibridge.api.Person;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.StructLayout;
import java.nio.charset.StandardCharsets;

/**
 * The C struct {@code Person { uint32_t age; float height; char *name; }}: its layout and a copy of
 * its fields.
 *
 * @param age the raw {@code uint32_t} bits of the age
 * @param height the height
 * @param name the address of the NUL-terminated UTF-8 name (may be {@link MemorySegment#NULL})
 */
public record PersonStruct(int age, float height, MemorySegment name) {

    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
                    JAVA_INT.withName("age"), JAVA_FLOAT.withName("height"), ADDRESS.withName("name"))
            .withName("Person");

    public static final long AGE_OFFSET = StructOffsets.of(LAYOUT, "age");
    public static final long HEIGHT_OFFSET = StructOffsets.of(LAYOUT, "height");
    public static final long NAME_OFFSET = StructOffsets.of(LAYOUT, "name");

    /**
     * The most name bytes a critical call may copy, check or free: 192 KiB, whose UTF-8 check, copy and {@code
     * strlen} run at memory speed, well under a millisecond even with the page faults of a fresh block. A critical
     * call holds off safepoints, so the garbage collector too, until it returns; a longer name goes through the
     * regular handles, on native memory ({@code SafepointBench}'s person rows).
     */
    public static final long CRITICAL_NAME_BYTES = 3L << 16;

    /** Reads the struct at {@code struct}, a segment of at least {@link #LAYOUT}'s size. */
    static PersonStruct from(MemorySegment struct) {
        return new PersonStruct(
                struct.get(JAVA_INT, AGE_OFFSET),
                struct.get(JAVA_FLOAT, HEIGHT_OFFSET),
                struct.get(ADDRESS, NAME_OFFSET));
    }

    /**
     * The Java value of the struct at a raw {@code Person *} returned by the library, which is then
     * freed with {@code free_person}, whatever happens: the hot path of every person the library
     * returns. Fields are read one by one, without an intermediate record, and the name is read
     * here rather than through {@link Pointers}: C2 inlines at most 15 calls deep, and the JDK's
     * {@code getString} needs 10 of them, so every level saved here keeps the copy's checks inline.
     *
     * @throws dev.ffibridge.api.FfiBridgeException if the pointer or its name is NULL
     */
    @SuppressWarnings("restricted")
    public static Person take(MemorySegment pointer) {
        try {
            if (pointer.address() == 0) {
                throw new FfiBridgeException(0, "the native library returned a NULL Person");
            }
            MemorySegment struct = pointer.reinterpret(LAYOUT.byteSize());
            MemorySegment name = struct.get(ADDRESS, NAME_OFFSET);
            if (name.address() == 0) {
                throw new FfiBridgeException(0, "the native library returned a NULL Person.name");
            }
            return new Person(
                    name.reinterpret(Long.MAX_VALUE).getString(0, StandardCharsets.UTF_8),
                    Integer.toUnsignedLong(struct.get(JAVA_INT, AGE_OFFSET)),
                    struct.get(JAVA_FLOAT, HEIGHT_OFFSET));
        } finally {
            GuideFunctions.freePerson(pointer);
        }
    }

    /**
     * {@link #take(MemorySegment)} for a person whose name the caller knows: {@code expectedName},
     * whose UTF-8 bytes are {@code expectedUtf8} (no NUL). When the library's name is exactly these
     * bytes and a NUL, the person gets {@code expectedName}, the string those bytes decode to,
     * compared in place without a {@code strlen}, a copy or a decoding (a name of 16 MiB took 90 ms
     * through {@code getString}, see {@code LargeNameBench}); otherwise the name is read as {@link
     * #take(MemorySegment)} reads it. The library copies the name it was given, so its block holds at
     * least {@code expectedUtf8.byteSize() + 1} bytes of name. A person whose name is longer than {@link
     * #CRITICAL_NAME_BYTES} is compared in pieces and freed through the regular handle.
     *
     * @throws dev.ffibridge.api.FfiBridgeException if the pointer or its name is NULL
     */
    @SuppressWarnings("restricted")
    public static Person take(MemorySegment pointer, MemorySegment expectedUtf8, String expectedName) {
        if (pointer.address() == 0) {
            return take(pointer);
        }
        MemorySegment struct = pointer.reinterpret(LAYOUT.byteSize());
        MemorySegment name = struct.get(ADDRESS, NAME_OFFSET);
        long length = expectedUtf8.byteSize();
        if (name.address() == 0) {
            return take(pointer);
        }
        MemorySegment bytes = name.reinterpret(length + 1);
        if (bytes.get(JAVA_BYTE, length) != 0 || !samePieces(bytes, expectedUtf8, length)) {
            return take(pointer);
        }
        try {
            return new Person(
                    expectedName,
                    Integer.toUnsignedLong(struct.get(JAVA_INT, AGE_OFFSET)),
                    struct.get(JAVA_FLOAT, HEIGHT_OFFSET));
        } finally {
            free(pointer, length > CRITICAL_NAME_BYTES);
        }
    }

    /**
     * Whether the first {@code length} bytes of {@code a} and {@code b} are the same, compared {@link
     * #CRITICAL_NAME_BYTES} at a time: one comparison is a JDK stub that does not stop for a safepoint.
     */
    private static boolean samePieces(MemorySegment a, MemorySegment b, long length) {
        for (long from = 0; from < length; ) { // not a counted loop: the poll of every iteration stays
            long to = Math.min(from + CRITICAL_NAME_BYTES, length);
            if (MemorySegment.mismatch(a, from, to, b, from, to) >= 0) {
                return false;
            }
            from = to;
        }
        return true;
    }

    /** Frees a person of the library: through the regular handle if its name is long (a long {@code strlen}). */
    private static void free(MemorySegment pointer, boolean longName) {
        if (longName) {
            Calls.toVoid(Handles.FreePerson.Regular.HANDLE, pointer);
        } else {
            GuideFunctions.freePerson(pointer);
        }
    }

    /** Writes the struct into memory from {@code allocator} and returns that memory. */
    public MemorySegment into(SegmentAllocator allocator) {
        MemorySegment struct = allocator.allocate(LAYOUT);
        struct.set(JAVA_INT, AGE_OFFSET, age);
        struct.set(JAVA_FLOAT, HEIGHT_OFFSET, height);
        struct.set(ADDRESS, NAME_OFFSET, name);
        return struct;
    }

    /**
     * The Java value: age as an unsigned 32-bit number, the name decoded from UTF-8.
     *
     * @throws dev.ffibridge.api.FfiBridgeException if the name pointer is NULL
     */
    Person toPerson() {
        return new Person(Pointers.cString(name, "Person.name"), Integer.toUnsignedLong(age), height);
    }
}
