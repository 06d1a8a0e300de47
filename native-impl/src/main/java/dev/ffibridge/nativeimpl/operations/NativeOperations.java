package dev.ffibridge.nativeimpl.operations;

import dev.ffibridge.api.Data;
import dev.ffibridge.api.FfiBridgeException;
import dev.ffibridge.api.Person;
import dev.ffibridge.api.internal.ArenaMemory;
import dev.ffibridge.api.internal.DoubleBufferSum;
import dev.ffibridge.api.internal.Fill;
import dev.ffibridge.api.internal.PersonCodec;
import dev.ffibridge.api.internal.SequenceCodec;
import dev.ffibridge.api.internal.Sum;
import dev.ffibridge.api.internal.WireErrors;
import dev.ffibridge.api.spi.BridgeOperations;
import dev.ffibridge.nativeimpl.abi.BufferFunctions;
import dev.ffibridge.nativeimpl.abi.BytesStruct;
import dev.ffibridge.nativeimpl.abi.CodecFunctions;
import dev.ffibridge.nativeimpl.abi.DiagnosticFunctions;
import dev.ffibridge.nativeimpl.abi.FfiBridgeLibrary;
import dev.ffibridge.nativeimpl.abi.GuideFunctions;
import dev.ffibridge.nativeimpl.abi.PersonStruct;
import dev.ffibridge.nativeimpl.abi.Status;
import dev.ffibridge.nativeimpl.loading.NativeRuntime;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.DoubleBuffer;

/**
 * The operations, each a call into {@code libffi_bridge.so}, but for the sizes of {@link Crossovers}
 * (small buffers, sequences, long person names), where the java provider's kernels do the same work
 * faster. Stateless, thread-safe.
 *
 * <p>Java arrays are passed in place through critical downcalls with heap access; results come back
 * through heap arrays too ({@code double[1]}, {@code long[1]} for a pointer), so the hot operations
 * allocate no native memory. The sum is the return value of {@code ffi_bridge_sum}; only a NaN sum
 * takes a second call to {@code ffi_bridge_sum_buffer} for the status. Heap work larger than {@link
 * Pieces#PIECE} doubles, and file-mapped segments, go through {@link Pieces}: no critical call holds
 * off safepoints for long, and the library never touches mapped memory. Memory the library hands out
 * is copied, then freed with the library's own function in a {@code finally}; a failed call's status
 * becomes an exception as mapped by {@link Status}, bad encoded bytes get the java provider's message.
 */
public final class NativeOperations implements BridgeOperations {

    /** Bytes before an encoded sequence's values: the {@code u64} count. */
    private static final int SEQUENCE_HEADER = 8;

    /**
     * Creates the operations on the library of this JVM.
     *
     * @throws dev.ffibridge.api.ProviderUnavailableException if the library cannot be used
     */
    public NativeOperations() {
        NativeRuntime.library();
    }

    @Override
    public int addNumbers(int a, int b) {
        return GuideFunctions.addNumbers(a, b);
    }

    @Override
    public Person createPerson() {
        MemorySegment person = GuideFunctions.createPerson();
        if (person.address() == 0) {
            throw new FfiBridgeException(
                    0,
                    GuideFunctions.CREATE_PERSON.name()
                            + " returned NULL: the allocation failed or a panic was caught");
        }
        return PersonStruct.take(person);
    }

    /** In the library, but for names of more than {@link Crossovers#PERSON_NAME} chars: the java provider's. */
    @Override
    public Person createPerson(String name, long age, float height) {
        checkAge(age);
        if (Crossovers.personNameInJava(name)) {
            return new Person(name, age, height); // the java provider's createPerson
        }
        return PersonCalls.create(name, (int) age, height);
    }

    @Override
    public Data getData() {
        double[] values = new double[Data.LENGTH];
        check(BufferFunctions.dataFill(MemorySegment.ofArray(values)), BufferFunctions.DATA_FILL.name());
        return Data.of(values);
    }

    @Override
    public void fill(double[] array, int offset, int length) {
        if (length <= Crossovers.FILL_SHORT) { // the java kernel's own first test: its instructions, no more
            Fill.fillShort(array, offset, length);
            return;
        }
        if (length < Crossovers.FILL) {
            Fill.fillLoop(array, offset, length);
            return;
        }
        MemorySegment buffer = slice(array, offset, length);
        if (length > Pieces.PIECE) {
            Pieces.fillHeap(buffer, length);
        } else {
            GuideFunctions.fillBuffer(buffer, length);
        }
    }

    @Override
    public void fill(MemorySegment segment) {
        long length = segment.byteSize() / Double.BYTES;
        if (length <= Crossovers.FILL_SEGMENT_IN_JAVA) { // empty too: no call with a possibly NULL address
            Fill.fill(segment);
        } else {
            fillInLibrary(segment, length); // out of line: the small path above inlines whole
        }
    }

    private static void fillInLibrary(MemorySegment segment, long length) {
        if (segment.isMapped()) {
            Pieces.fillMapped(segment, length);
        } else if (Pieces.tooLargeForOneCall(segment, length)) {
            Pieces.fillHeap(segment, length);
        } else {
            GuideFunctions.fillBuffer(segment, length);
        }
    }

    @Override
    public double sum(double[] array, int offset, int length) {
        if (length < Crossovers.SUM) {
            return Sum.sum(array, offset, length);
        }
        MemorySegment buffer = slice(array, offset, length);
        if (length > Pieces.PIECE) {
            return Pieces.sumHeap(buffer, length);
        }
        double sum = BufferFunctions.sum(buffer, length);
        return Double.isNaN(sum) ? LibrarySums.checked(buffer, length) : sum;
    }

    @Override
    public double sum(MemorySegment segment) {
        long length = segment.byteSize() / Double.BYTES;
        if (length <= Crossovers.SUM_SEGMENT_IN_JAVA) { // empty too: no call with a possibly NULL address
            return Sum.sum(segment);
        }
        return sumInLibrary(segment, length); // out of line: the small path above inlines whole
    }

    @Override
    public double sum(DoubleBuffer buffer) {
        int length = buffer.remaining();
        if (length <= Crossovers.SUM_SEGMENT_IN_JAVA) { // empty too: no call with a possibly NULL address
            return DoubleBufferSum.sum(buffer);
        }
        return sumInLibrary(MemorySegment.ofBuffer(buffer), length);
    }

    private static double sumInLibrary(MemorySegment segment, long length) {
        if (segment.isMapped()) {
            return Pieces.sumMapped(segment, length);
        }
        if (Pieces.tooLargeForOneCall(segment, length)) {
            return Pieces.sumHeap(segment, length);
        }
        double sum = BufferFunctions.sum(segment, length);
        return Double.isNaN(sum) ? LibrarySums.checked(segment, length) : sum;
    }

    /**
     * The memory as the java provider takes it ({@link ArenaMemory}): from the JDK's arenas up to {@link
     * Crossovers#FILLED_BUFFER_COPIED} doubles the java provider's copy, else one call of {@code arena.allocate}
     * filled by the library from 1 double ({@link Crossovers#FILLED_BUFFER}).
     */
    @Override
    public MemorySegment filledBuffer(long length, Arena arena) {
        if (length <= Crossovers.FILLED_BUFFER_COPIED && ArenaMemory.fillsByCopy(arena, length)) {
            return ArenaMemory.filledByCopy(arena, length).asReadOnly();
        }
        MemorySegment memory = ArenaMemory.allocateDoubles(arena, length);
        if (length < Crossovers.FILLED_BUFFER) {
            Fill.fill(memory);
        } else {
            fillInLibrary(memory, length);
        }
        return memory.asReadOnly();
    }

    /** In the library, but for names of more than {@link Crossovers#PERSON_NAME} chars: {@link PersonCodec}. */
    @Override
    public byte[] encodePerson(Person person) {
        if (Crossovers.personNameInJava(person.name())) {
            return PersonCodec.encode(person);
        }
        return PersonCalls.encode(person);
    }

    @Override
    public Person decodePerson(byte[] bytes) {
        return PersonCalls.decode(bytes);
    }

    @Override
    public byte[] encodeData(Data data) {
        long[] out = new long[1];
        int status = CodecFunctions.encodeData(MemorySegment.ofArray(data.toArray()), MemorySegment.ofArray(out));
        check(status, CodecFunctions.ENCODE_DATA.name());
        return takeBytes(MemorySegment.ofAddress(out[0]));
    }

    @Override
    public Data decodeData(byte[] bytes) {
        double[] values = new double[Data.LENGTH];
        int status =
                CodecFunctions.decodeData(MemorySegment.ofArray(bytes), bytes.length, MemorySegment.ofArray(values));
        checkDecoded(status, CodecFunctions.DECODE_DATA.name(), "data", bytes);
        return Data.of(values);
    }

    /**
     * In Java, a copy ({@link Crossovers#SEQUENCES_IN_JAVA}); with the crossovers off, the library
     * encodes straight into the result array: one critical call, no native allocation, no second copy.
     */
    @Override
    public byte[] encodeSequence(double[] values) {
        if (Crossovers.SEQUENCES_IN_JAVA) {
            return SequenceCodec.encode(values);
        }
        byte[] bytes = new byte[SEQUENCE_HEADER + values.length * Double.BYTES];
        int status = CodecFunctions.encodeSequenceInto(
                MemorySegment.ofArray(values), values.length, MemorySegment.ofArray(bytes), bytes.length);
        check(status, CodecFunctions.ENCODE_SEQUENCE_INTO.name());
        return bytes;
    }

    /**
     * In Java, a copy ({@link Crossovers#SEQUENCES_IN_JAVA}); with the crossovers off, the library
     * decodes straight into the result array, sized from the byte count: well-formed bytes hold exactly
     * {@code (length - 8) / 8} values, and the library checks the count against the bytes before it
     * looks at the array's length.
     */
    @Override
    public double[] decodeSequence(byte[] bytes) {
        if (Crossovers.SEQUENCES_IN_JAVA) {
            return SequenceCodec.decode(bytes);
        }
        double[] values = new double[Math.max(0, (bytes.length - SEQUENCE_HEADER) / Double.BYTES)];
        int status = CodecFunctions.decodeSequenceInto(
                MemorySegment.ofArray(bytes), bytes.length, MemorySegment.ofArray(values), values.length);
        checkDecoded(status, CodecFunctions.DECODE_SEQUENCE_INTO.name(), "sequence", bytes);
        return values;
    }

    /**
     * The heap segment from {@code array[offset]}; the library reads or writes only {@code length}
     * doubles of it. From offset 0 the whole array, without {@code asSlice}, whose {@code dup} C2
     * sometimes leaves out of line under CPU contention, so that the segment escapes and allocates.
     */
    private static MemorySegment slice(double[] array, int offset, int length) {
        MemorySegment whole = MemorySegment.ofArray(array);
        if (offset == 0) {
            return whole;
        }
        return whole.asSlice((long) offset * Double.BYTES, (long) length * Double.BYTES);
    }

    /** Copies the bytes at {@code pointer} and frees them, whatever happens. */
    static byte[] takeBytes(MemorySegment pointer) {
        try {
            return BytesStruct.at(pointer).toArray();
        } finally {
            CodecFunctions.bytesFree(pointer);
        }
    }

    private static void checkAge(long age) {
        if (age < 0 || age > Person.MAX_AGE) {
            throw new IllegalArgumentException("age must be in 0.." + Person.MAX_AGE + " (a uint32_t), was " + age);
        }
    }

    /** Throws the exception for {@code status} unless it is {@code FFI_BRIDGE_OK}. */
    static void check(int status, String function) {
        if (status != FfiBridgeLibrary.OK) {
            throw Status.failure(status, function, DiagnosticFunctions.statusMessage(status));
        }
    }

    /**
     * {@link #check} for a decoder of {@code what} ({@code "person"}, {@code "data"} or {@code "sequence"}):
     * bad bytes get the java provider's exception, whose message says where and by how much they are wrong
     * (the library's status says only which way), computed from {@code bytes} on this error path only.
     */
    static void checkDecoded(int status, String function, String what, byte[] bytes) {
        if (status != FfiBridgeLibrary.OK) {
            RuntimeException failure = Status.failure(status, function, DiagnosticFunctions.statusMessage(status));
            throw failure instanceof IllegalArgumentException ? WireErrors.describe(what, bytes, failure) : failure;
        }
    }
}
