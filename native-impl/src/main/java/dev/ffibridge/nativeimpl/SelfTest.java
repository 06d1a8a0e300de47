package dev.ffibridge.nativeimpl;

import dev.ffibridge.api.Person;
import java.lang.foreign.MemorySegment;

/**
 * A few calls that must give known answers before the provider calls itself available: add, fill
 * and sum a small buffer, create and free a person, read the live counts. They run on the library
 * being loaded, through handles linked for the test ({@code invoke(FfiBridgeLibrary, ...)}).
 */
final class SelfTest {

    private static final int BUFFER_LENGTH = 20;

    private SelfTest() {}

    /**
     * Runs the calls.
     *
     * @throws LinkageError naming the first call that gave a wrong answer
     */
    static void run(FfiBridgeLibrary library) {
        int sum = FfiBridgeLibrary.AddNumbers.invoke(library, 2, 3);
        expect(sum == 5, "add_numbers(2, 3) returned " + sum);

        double[] buffer = new double[BUFFER_LENGTH];
        FfiBridgeLibrary.FillBuffer.invoke(library, MemorySegment.ofArray(buffer), BUFFER_LENGTH);
        for (int i = 0; i < BUFFER_LENGTH; i++) {
            expect(buffer[i] == i, "fill_buffer wrote " + buffer[i] + " at index " + i);
        }
        double[] out = new double[1];
        int status = FfiBridgeLibrary.SumBuffer.invoke(
                library, MemorySegment.ofArray(buffer), BUFFER_LENGTH, MemorySegment.ofArray(out));
        double expected = BUFFER_LENGTH * (BUFFER_LENGTH - 1) / 2.0;
        expect(
                status == FfiBridgeLibrary.OK && out[0] == expected,
                "ffi_bridge_sum_buffer(0.." + (BUFFER_LENGTH - 1) + ") returned status " + status + ", sum " + out[0]);
        double direct = FfiBridgeLibrary.Sum.invoke(library, MemorySegment.ofArray(buffer), BUFFER_LENGTH);
        expect(direct == expected, "ffi_bridge_sum(0.." + (BUFFER_LENGTH - 1) + ") returned " + direct);

        MemorySegment pointer = FfiBridgeLibrary.CreatePerson.invoke(library);
        expect(!pointer.equals(MemorySegment.NULL), "create_person returned NULL");
        Person person;
        try {
            person = PersonStruct.readPerson(pointer);
        } finally {
            FfiBridgeLibrary.FreePerson.invoke(library, pointer);
        }
        expect(person.equals(new Person("Alice", 30, 5.8f)), "create_person returned " + person);

        long[] counts = new long[4];
        status = FfiBridgeLibrary.LiveCountsFunction.invoke(library, MemorySegment.ofArray(counts));
        expect(status == FfiBridgeLibrary.OK, "ffi_bridge_live_counts returned status " + status);
        LiveCounts live = LiveCounts.from(MemorySegment.ofArray(counts));
        expect(
                live.persons() >= 0 && live.data() >= 0 && live.buffers() >= 0 && live.byteArrays() >= 0,
                "ffi_bridge_live_counts returned " + live);
    }

    private static void expect(boolean condition, String failure) {
        if (!condition) {
            throw new LinkageError("self-test failed: " + failure);
        }
    }
}
