package dev.ffibridge.api;

import dev.ffibridge.api.spi.BridgeOperations;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.DoubleBuffer;
import java.nio.ReadOnlyBufferException;

/**
 * The entry point: the guide's operations, run by whichever provider was selected.
 *
 * <p>{@link #load()} returns the native (Rust) provider when its library loads, passes the ABI handshake and a
 * self-test, and the pure-Java provider otherwise; the system property {@code ffibridge.provider} ({@code auto}, {@code
 * native}, {@code java}) overrides that. A fallback is logged once, as one warning that says why (through {@link
 * System.Logger}, logger {@code dev.ffibridge}); when the native provider loads, nothing is logged, and {@link
 * #diagnostics()} tells which provider runs and why. Both providers give the same results bit for bit and reject bad
 * input with the same exception type, because every argument is validated here, before a provider sees it. Instances
 * are thread-safe.
 *
 * <p>The order {@code sumBuffer} adds in, and the byte layouts of the codecs, are specified in the {@linkplain
 * dev.ffibridge.api package documentation}.
 */
public final class FfiBridge {

    /** The largest number of doubles {@link #encodeSequence} takes: the result must fit a Java array. */
    public static final int MAX_SEQUENCE_LENGTH = (Integer.MAX_VALUE - 8 - Long.BYTES) / Double.BYTES;

    /** The largest number of doubles {@link #filledBuffer} takes: its byte size must fit a {@code long}. */
    public static final long MAX_BUFFER_LENGTH = Long.MAX_VALUE / Double.BYTES;

    private final String providerName;
    private final BridgeOperations operations;

    FfiBridge(String providerName, BridgeOperations operations) {
        this.providerName = providerName;
        this.operations = operations;
    }

    /**
     * {@return the selected provider's instance, created once and shared} The first call selects the provider, and logs
     * a warning if that is a fallback or a provider's service entry is missing. A fallback lasts only while the
     * provider it passed over stays unavailable: a failure that may pass (an I/O error reading the library) is
     * tried again by the next call, which then returns the native provider if it loads.
     *
     * @throws ProviderUnavailableException if {@code -Dffibridge.provider} names a provider that
     *     cannot run here or is not on the class path
     * @throws IllegalArgumentException if {@code -Dffibridge.provider} has an unknown value
     */
    public static FfiBridge load() {
        return ProviderSelection.selected();
    }

    /**
     * {@return the named provider's instance ({@code "native"} or {@code "java"}), created once, whatever {@code
     * -Dffibridge.provider} says}
     *
     * @param provider the provider's name, {@code "native"} or {@code "java"}; surrounding blanks and case are ignored
     * @throws ProviderUnavailableException if it cannot run here (the cause says why) or is not on the class path
     * @throws IllegalArgumentException if no provider has that name
     */
    public static FfiBridge load(String provider) {
        return ProviderSelection.named(provider);
    }

    /** {@return every provider found, whether it can run and why not, and which one {@link #load()} picks} */
    public static Diagnostics diagnostics() {
        return ProviderSelection.diagnostics();
    }

    /**
     * Prints {@link #diagnostics()}: run {@code java -cp <jars> dev.ffibridge.api.FfiBridge}.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.out.println(diagnostics());
    }

    /** {@return the name of the provider running the operations: {@code "native"} or {@code "java"}} */
    public String providerName() {
        return providerName;
    }

    /**
     * {@return {@code a + b}, wrapping on overflow as Java {@code int} arithmetic does}
     *
     * @param a the first addend
     * @param b the second addend
     */
    public int addNumbers(int a, int b) {
        return operations.addNumbers(a, b);
    }

    /** {@return the guide's person: Alice, 30, 5.8f} */
    public Person createPerson() {
        return operations.createPerson();
    }

    /**
     * {@return a person made by the provider from these values (for native, through a Rust {@code Person})}
     *
     * @param name the name, see {@link Person the name rule}
     * @param age the age, {@code 0 ..} {@link Person#MAX_AGE}
     * @param height the height
     * @throws NullPointerException if {@code name} is null
     * @throws IllegalArgumentException if {@code age} is outside {@code 0 ..} {@link Person#MAX_AGE}
     *     or {@code name} breaks the {@link Person name rule}
     */
    public Person createPerson(String name, long age, float height) {
        return CheckedOperations.createPerson(operations, name, age, height);
    }

    /** {@return the guide's data: 1.1, 2.2, 3.3, 4.4, 5.5} */
    public Data getData() {
        return operations.getData();
    }

    /**
     * Writes {@code (double) i} into {@code buffer[i]} for every index.
     *
     * @param buffer the buffer
     */
    public void fillBuffer(double[] buffer) {
        CheckedOperations.fill(operations, buffer);
    }

    /**
     * Writes {@code (double) i} into {@code buffer[offset + i]} for {@code 0 <= i < length}.
     *
     * @param buffer the buffer
     * @param offset the index of the first element
     * @param length the number of elements
     * @throws IndexOutOfBoundsException if the range is not inside the array
     */
    public void fillBuffer(double[] buffer, int offset, int length) {
        CheckedOperations.fill(operations, buffer, offset, length);
    }

    /**
     * Writes {@code (double) i} into the {@code i}-th element after the buffer's position, up to its limit. Heap or
     * direct, either byte order.
     *
     * @param buffer the buffer
     * @throws ReadOnlyBufferException if the buffer is read-only
     */
    public void fillBuffer(DoubleBuffer buffer) {
        CheckedOperations.fill(operations, buffer);
    }

    /**
     * Writes {@code (double) i} into the segment's {@code i}-th double.
     *
     * @param segment the segment, a whole number of doubles
     * @throws IllegalArgumentException if the segment is read-only or not a whole number of doubles
     * @throws IllegalStateException if its arena is closed
     * @throws WrongThreadException if it is confined to another thread
     */
    public void fillBuffer(MemorySegment segment) {
        CheckedOperations.fill(operations, segment);
    }

    /**
     * {@return the sum of the array in the documented order}
     *
     * @param buffer the buffer
     */
    public double sumBuffer(double[] buffer) {
        return CheckedOperations.sum(operations, buffer);
    }

    /**
     * {@return the sum of {@code buffer[offset .. offset + length)} in the documented order}
     *
     * @param buffer the buffer
     * @param offset the index of the first element
     * @param length the number of elements
     * @throws IndexOutOfBoundsException if the range is not inside the array
     */
    public double sumBuffer(double[] buffer, int offset, int length) {
        return CheckedOperations.sum(operations, buffer, offset, length);
    }

    /**
     * {@return the sum from the buffer's position to its limit, in the documented order} Read-only is fine.
     *
     * @param buffer the buffer
     */
    public double sumBuffer(DoubleBuffer buffer) {
        return CheckedOperations.sum(operations, buffer);
    }

    /**
     * {@return the sum of the segment's doubles in the documented order}
     *
     * @param segment the segment, a whole number of doubles
     * @throws IllegalArgumentException if the segment is not a whole number of doubles
     * @throws IllegalStateException if its arena is closed
     * @throws WrongThreadException if it is confined to another thread
     */
    public double sumBuffer(MemorySegment segment) {
        return CheckedOperations.sum(operations, segment);
    }

    /**
     * {@return a provider-owned, read-only buffer holding {@code (double) i} for {@code 0 <= i < length}: the guide's
     * zero-copy strategy} Close it. It may be closed from any thread, because its memory belongs to a shared arena;
     * closing a shared arena waits for every thread to reach a safepoint, which takes tens of microseconds. Where that
     * matters, or the lifetime is already managed, use {@link #filledBuffer(long, Arena)} with a confined arena.
     *
     * @param length the number of elements
     * @throws IllegalArgumentException if {@code length} is negative or above {@link #MAX_BUFFER_LENGTH}
     * @throws OutOfMemoryError if the memory cannot be allocated
     */
    public OwnedBuffer filledBuffer(long length) {
        return CheckedOperations.filledBuffer(operations, length);
    }

    /**
     * {@return the guide's zero-copy strategy with the lifetime in the caller's hands: a read-only segment of {@code
     * length} doubles holding {@code (double) i}, freed when {@code arena} closes} One allocation of {@code length * 8}
     * bytes aligned to 8, its exceptions unchanged: {@link Arena#allocate(long, long) allocate(length * 8, 8)} from an
     * arena of yours; from the JDK's, up to 1 024 doubles, memory not zeroed first. A confined arena closes cheaply.
     *
     * @param length the number of elements
     * @param arena the arena whose closing frees the memory
     * @throws NullPointerException if {@code arena} is null
     * @throws IllegalArgumentException if {@code length} is negative or above {@link #MAX_BUFFER_LENGTH}
     * @throws IllegalStateException if {@code arena} is closed, or its {@code allocate} returns too few bytes
     * @throws WrongThreadException if {@code arena} is confined to another thread
     * @throws OutOfMemoryError if the memory cannot be allocated
     */
    public MemorySegment filledBuffer(long length, Arena arena) {
        return CheckedOperations.filledBuffer(operations, length, arena);
    }

    /**
     * {@return the person in the documented byte layout}
     *
     * @param person the person
     * @throws IllegalArgumentException if the encoding would not fit in a Java array
     */
    public byte[] encodePerson(Person person) {
        return CheckedOperations.encodePerson(operations, person);
    }

    /**
     * {@return the person decoded from the bytes}
     *
     * @param bytes the encoded bytes
     * @throws IllegalArgumentException if the bytes are not exactly one encoded person with a name
     *     that obeys the {@link Person name rule}
     */
    public Person decodePerson(byte[] bytes) {
        return CheckedOperations.decodePerson(operations, bytes);
    }

    /**
     * {@return the data in the documented byte layout: 40 bytes}
     *
     * @param data the data
     */
    public byte[] encodeData(Data data) {
        return CheckedOperations.encodeData(operations, data);
    }

    /**
     * {@return the data decoded from the bytes}
     *
     * @param bytes the encoded bytes
     * @throws IllegalArgumentException unless the bytes are exactly 40
     */
    public Data decodeData(byte[] bytes) {
        return CheckedOperations.decodeData(operations, bytes);
    }

    /**
     * {@return the values as a documented sequence}
     *
     * @param values the values
     * @throws IllegalArgumentException if there are more than {@link #MAX_SEQUENCE_LENGTH} values
     */
    public byte[] encodeSequence(double[] values) {
        return CheckedOperations.encodeSequence(operations, values);
    }

    /**
     * {@return the values decoded from the bytes}
     *
     * @param bytes the encoded bytes
     * @throws IllegalArgumentException unless the bytes are exactly one encoded sequence
     */
    public double[] decodeSequence(byte[] bytes) {
        return CheckedOperations.decodeSequence(operations, bytes);
    }

    @Override
    public String toString() {
        return "FfiBridge[" + providerName + "]";
    }
}
