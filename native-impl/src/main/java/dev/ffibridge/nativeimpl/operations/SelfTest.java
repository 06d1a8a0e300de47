package dev.ffibridge.nativeimpl.operations;

import static java.lang.foreign.ValueLayout.ADDRESS;

import dev.ffibridge.api.Person;
import dev.ffibridge.nativeimpl.abi.BufferFunctions;
import dev.ffibridge.nativeimpl.abi.FfiBridgeLibrary;
import dev.ffibridge.nativeimpl.abi.GuideFunctions;
import dev.ffibridge.nativeimpl.abi.NativeFunction;
import dev.ffibridge.nativeimpl.abi.PersonStruct;
import dev.ffibridge.nativeimpl.abi.Pointers;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * A few calls that must give known answers before the provider calls itself available: one call per
 * descriptor shape of the hot paths, each checking what the library computed. {@code add_numbers}
 * ({@code (int, int) -> int}), {@code fill_buffer} ({@code (pointer, size_t) -> void}) and {@code
 * ffi_bridge_sum} ({@code (pointer, size_t) -> double}) on a small Java array, and a person round trip
 * ({@code create_person}, {@code () -> pointer}; {@code free_person}, {@code (pointer) -> void}). The
 * other functions share these shapes or are rarely used; they are linked on first use. The calls
 * run on the library being loaded, through handles linked for the test (the bindings' {@code
 * (FfiBridgeLibrary, ...)} overloads); the functions' own holders later reuse the JDK's cached stubs.
 */
public final class SelfTest {

    /** Long enough for the vector loops and a scalar tail (not a multiple of 8). */
    private static final int BUFFER_LENGTH = 20;

    /** The functions the self-test calls, each through a critical handle (with heap access). */
    public static final List<NativeFunction> FUNCTIONS = List.of(
            GuideFunctions.ADD_NUMBERS,
            GuideFunctions.FILL_BUFFER,
            BufferFunctions.SUM,
            GuideFunctions.CREATE_PERSON,
            GuideFunctions.FREE_PERSON);

    private SelfTest() {}

    /**
     * Runs the calls.
     *
     * @throws LinkageError naming the first call that gave a wrong answer
     */
    public static void run(FfiBridgeLibrary library) {
        // Messages are built only on failure: in a cold JVM, string concatenation, double-to-string
        // conversion and a record's equals or toString each cost milliseconds.
        int sum = GuideFunctions.addNumbers(library, 2, 3);
        if (sum != 5) {
            throw failed("add_numbers(2, 3) returned " + sum);
        }

        double[] buffer = new double[BUFFER_LENGTH];
        GuideFunctions.fillBuffer(library, MemorySegment.ofArray(buffer), BUFFER_LENGTH);
        for (int i = 0; i < BUFFER_LENGTH; i++) {
            if (buffer[i] != i) {
                throw failed("fill_buffer wrote " + buffer[i] + " at index " + i);
            }
        }
        double expected = BUFFER_LENGTH * (BUFFER_LENGTH - 1) / 2.0;
        double total = BufferFunctions.sum(library, MemorySegment.ofArray(buffer), BUFFER_LENGTH);
        if (total != expected) {
            throw failed("ffi_bridge_sum(0.." + (BUFFER_LENGTH - 1) + ") returned " + total);
        }

        MemorySegment pointer = GuideFunctions.createPerson(library);
        if (pointer.address() == 0) {
            throw failed("create_person returned NULL");
        }
        Person person;
        try {
            person = readPerson(pointer);
        } finally {
            GuideFunctions.freePerson(library, pointer);
        }
        // Field by field: what Person.equals compares, without bootstrapping the record's equals.
        if (!person.name().equals("Alice")
                || person.age() != 30
                || Float.floatToIntBits(person.height()) != Float.floatToIntBits(5.8f)) {
            throw failed("create_person returned " + person + " instead of " + new Person("Alice", 30, 5.8f));
        }
    }

    /**
     * The person at {@code pointer}, copied out in one bulk copy and decoded here, where {@link
     * PersonStruct#readPerson} reads each field through a {@code VarHandle}: the first use of a
     * VarHandle for each field type costs milliseconds in a cold JVM, which the hot path then pays at
     * the first {@code createPerson()} instead of at load. The struct's layout, and so these offsets,
     * were checked by the ABI handshake; the name is read as {@code readPerson} reads it.
     */
    static Person readPerson(MemorySegment pointer) {
        MemorySegment struct = Pointers.struct(pointer, PersonStruct.LAYOUT);
        byte[] bytes = new byte[(int) PersonStruct.LAYOUT.byteSize()];
        MemorySegment.ofArray(bytes).copyFrom(struct);
        ByteBuffer fields = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
        long name = ADDRESS.byteSize() == Long.BYTES
                ? fields.getLong((int) PersonStruct.NAME_OFFSET)
                : Integer.toUnsignedLong(fields.getInt((int) PersonStruct.NAME_OFFSET));
        return new Person(
                Pointers.cString(MemorySegment.ofAddress(name), "Person.name"),
                Integer.toUnsignedLong(fields.getInt((int) PersonStruct.AGE_OFFSET)),
                fields.getFloat((int) PersonStruct.HEIGHT_OFFSET));
    }

    private static LinkageError failed(String failure) {
        return new LinkageError("self-test failed: " + failure);
    }
}
