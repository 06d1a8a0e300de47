package dev.ffibridge.api;

import dev.ffibridge.api.spi.BridgeOperations;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The entry point: the guide's operations, run by whichever provider was selected.
 *
 * <p>{@link #load()} returns the native (Rust) provider when its library loads, passes the ABI
 * handshake and a self-test, and the pure-Java provider otherwise; the system property {@code
 * ffibridge.provider} ({@code auto}, {@code native}, {@code java}) overrides that. A fallback is
 * logged once, as one warning that says why (through {@link System.Logger}, logger {@code
 * dev.ffibridge}); when the native provider loads, nothing is logged, and {@link #diagnostics()}
 * tells which provider runs and why. Both providers give the same results bit for bit and reject
 * bad input with the same exception type, because every argument is validated here, before a
 * provider sees it. Instances are thread-safe.
 *
 * <p>Buffers: {@code fillBuffer} writes {@code (double) i} into element {@code i}; {@code
 * sumBuffer} adds the elements in this exact order, so both providers agree bit for bit: the
 * elements are cut into blocks of 8192; in each block sixteen lanes start at {@code +0.0} and
 * element {@code j} of the block is added to lane {@code j % 16} in increasing {@code j}; the
 * blocks' lanes are added to sixteen totals {@code acc[k]} (from {@code +0.0}) in block order; then
 * {@code s8[k] = acc[k] + acc[k+8]}, {@code s4[k] = s8[k] + s8[k+4]}, {@code s2[k] = s4[k] +
 * s4[k+2]}, and the sum is {@code s2[0] + s2[1]}. When the process may run on two CPUs or more,
 * the native provider sums the blocks of buffers of 4 MiB or more on two threads, with the same
 * result ({@code FFI_BRIDGE_THREADS=1} in the environment keeps them on one). When the sum is NaN, only
 * its NaN-ness is specified: IEEE 754 leaves the payload of a NaN made from several NaNs open, and
 * compilers may swap the operands of an addition. A {@link DoubleBuffer} is
 * used from its position to its limit, which are left unchanged. A {@link MemorySegment} must be a
 * whole number of doubles long, in native byte order; it may be on the heap or off it and need
 * not be aligned.
 *
 * <p>Bytes: the layouts are little-endian and bincode-compatible: a person is {@code u32} age,
 * {@code f32} height, {@code u64} length and the UTF-8 name; data is five {@code f64}; a sequence is
 * a {@code u64} count and the {@code f64} values. Decoding is strict: malformed, truncated or
 * trailing bytes give {@link IllegalArgumentException}.
 */
public final class FfiBridge {

    /** The largest number of doubles {@link #encodeSequence} takes: the result must fit a Java array. */
    public static final int MAX_SEQUENCE_LENGTH = (Integer.MAX_VALUE - 8 - Long.BYTES) / Double.BYTES;

    /** The largest number of doubles {@link #filledBuffer} takes: its byte size must fit a {@code long}. */
    public static final long MAX_BUFFER_LENGTH = Long.MAX_VALUE / Double.BYTES;

    private static final int MAX_ENCODED_NAME_BYTES = Integer.MAX_VALUE - 8 - 16;

    private final String providerName;
    private final BridgeOperations operations;

    FfiBridge(String providerName, BridgeOperations operations) {
        this.providerName = providerName;
        this.operations = operations;
    }

    /**
     * {@return the selected provider's instance, created once and shared} The first call selects the
     * provider, and logs a warning if that is a fallback or a provider's service entry is missing.
     *
     * @throws ProviderUnavailableException if {@code -Dffibridge.provider} names a provider that
     *     cannot run here or is not on the class path
     * @throws IllegalArgumentException if {@code -Dffibridge.provider} has an unknown value
     */
    public static FfiBridge load() {
        return ProviderSelection.selected();
    }

    /**
     * {@return the named provider's instance ({@code "native"} or {@code "java"}), created once, whatever
     * {@code -Dffibridge.provider} says}
     *
     * @param provider the provider's name, {@code "native"} or {@code "java"}; surrounding blanks and case are ignored
     * @throws ProviderUnavailableException if it cannot run here (the cause says why) or is not on
     *     the class path
     * @throws IllegalArgumentException if no provider has that name
     */
    public static FfiBridge load(String provider) {
        Objects.requireNonNull(provider, "provider");
        return ProviderSelection.named(provider);
    }

    /**
     * {@return every provider found, whether it can run and why not, and which one {@link #load()} picks}
     */
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

    /**
     * {@return the name of the provider running the operations: {@code "native"} or {@code "java"}}
     */
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
        Objects.requireNonNull(name, "name");
        Person.checkAge(age);
        Person.checkName(name);
        return operations.createPerson(name, age, height);
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
        Objects.requireNonNull(buffer, "buffer");
        operations.fill(buffer, 0, buffer.length);
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
        Objects.requireNonNull(buffer, "buffer");
        Objects.checkFromIndexSize(offset, length, buffer.length);
        operations.fill(buffer, offset, length);
    }

    /**
     * Writes {@code (double) i} into the {@code i}-th element after the buffer's position, up to its
     * limit. Heap or direct, either byte order.
     *
     * @param buffer the buffer
     * @throws ReadOnlyBufferException if the buffer is read-only
     */
    public void fillBuffer(DoubleBuffer buffer) {
        Objects.requireNonNull(buffer, "buffer");
        if (buffer.isReadOnly()) {
            throw new ReadOnlyBufferException();
        }
        int position = buffer.position();
        int length = buffer.remaining();
        if (buffer.hasArray()) {
            operations.fill(buffer.array(), buffer.arrayOffset() + position, length);
        } else if (buffer.order() == ByteOrder.nativeOrder()) {
            operations.fill(MemorySegment.ofBuffer(buffer));
        } else {
            double[] values = new double[length];
            operations.fill(values, 0, length);
            buffer.put(position, values);
        }
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
        checkSegment(segment);
        if (segment.isReadOnly()) {
            throw new IllegalArgumentException("Attempt to write a read-only segment");
        }
        operations.fill(segment);
    }

    /**
     * {@return the sum of the array in the documented order}
     *
     * @param buffer the buffer
     */
    public double sumBuffer(double[] buffer) {
        Objects.requireNonNull(buffer, "buffer");
        return operations.sum(buffer, 0, buffer.length);
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
        Objects.requireNonNull(buffer, "buffer");
        Objects.checkFromIndexSize(offset, length, buffer.length);
        return operations.sum(buffer, offset, length);
    }

    /**
     * {@return the sum from the buffer's position to its limit, in the documented order} Read-only is fine.
     *
     * @param buffer the buffer
     */
    public double sumBuffer(DoubleBuffer buffer) {
        Objects.requireNonNull(buffer, "buffer");
        if (buffer.hasArray()) {
            return operations.sum(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
        }
        if (buffer.order() == ByteOrder.nativeOrder()) {
            return operations.sum(MemorySegment.ofBuffer(buffer));
        }
        double[] values = new double[buffer.remaining()];
        buffer.get(buffer.position(), values);
        return operations.sum(values, 0, values.length);
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
        checkSegment(segment);
        return operations.sum(segment);
    }

    /**
     * {@return a provider-owned, read-only buffer holding {@code (double) i} for {@code 0 <= i < length}: the
     * guide's zero-copy strategy} Close it. It may be closed from any thread, because its memory
     * belongs to a shared arena; closing a shared arena waits for every thread to reach a safepoint,
     * which takes tens of microseconds. Where that matters, or the lifetime is already managed, use
     * {@link #filledBuffer(long, Arena)} with a confined arena.
     *
     * @param length the number of elements
     * @throws IllegalArgumentException if {@code length} is negative or above {@link #MAX_BUFFER_LENGTH}
     * @throws OutOfMemoryError if the memory cannot be allocated
     */
    public OwnedBuffer filledBuffer(long length) {
        checkBufferLength(length);
        Arena arena = Arena.ofShared();
        try {
            return ArenaBuffer.of(arena, operations.filledBuffer(length, arena));
        } catch (Throwable t) {
            arena.close();
            throw t;
        }
    }

    /**
     * {@return the guide's zero-copy strategy with the lifetime in the caller's hands: a read-only segment of
     * {@code length} doubles holding {@code (double) i}, freed when {@code arena} closes} Both
     * providers take the memory from one call of the arena's {@link Arena#allocate(long, long)
     * allocate(length * 8, 8)} and fill it in place (the native provider with Rust's fill); an
     * exception of that call passes unchanged. A confined arena makes the close cheap; an
     * {@linkplain Arena#ofAuto() automatic} one leaves it to the garbage collector. The segment is in
     * native byte order.
     *
     * @param length the number of elements
     * @param arena the arena whose closing frees the memory
     * @throws NullPointerException if {@code arena} is null
     * @throws IllegalArgumentException if {@code length} is negative or above {@link #MAX_BUFFER_LENGTH}
     * @throws IllegalStateException if {@code arena} is closed
     * @throws WrongThreadException if {@code arena} is confined to another thread
     * @throws IllegalStateException if the arena's {@code allocate} returns fewer bytes than asked
     *     for or read-only memory
     * @throws OutOfMemoryError if the memory cannot be allocated
     */
    public MemorySegment filledBuffer(long length, Arena arena) {
        checkBufferLength(length);
        Objects.requireNonNull(arena, "arena");
        if (!arena.scope().isAlive()) {
            throw new IllegalStateException("Already closed");
        }
        return operations.filledBuffer(length, arena);
    }

    /**
     * {@return the person in the documented byte layout}
     *
     * @param person the person
     * @throws IllegalArgumentException if the encoding would not fit in a Java array
     */
    public byte[] encodePerson(Person person) {
        Objects.requireNonNull(person, "person");
        String name = person.name();
        if ((long) name.length() * 3 > MAX_ENCODED_NAME_BYTES
                && name.getBytes(StandardCharsets.UTF_8).length > MAX_ENCODED_NAME_BYTES) {
            throw new IllegalArgumentException("the encoded person would not fit in a Java array");
        }
        return operations.encodePerson(person);
    }

    /**
     * Decodes a person.
     *
     * @param bytes the encoded bytes
     * @return the person
     * @throws IllegalArgumentException if the bytes are not exactly one encoded person with a name
     *     that obeys the {@link Person name rule}
     */
    public Person decodePerson(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return operations.decodePerson(bytes);
    }

    /**
     * {@return the data in the documented byte layout: 40 bytes}
     *
     * @param data the data
     */
    public byte[] encodeData(Data data) {
        Objects.requireNonNull(data, "data");
        return operations.encodeData(data);
    }

    /**
     * Decodes data.
     *
     * @param bytes the encoded bytes
     * @return the data
     * @throws IllegalArgumentException unless the bytes are exactly 40
     */
    public Data decodeData(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return operations.decodeData(bytes);
    }

    /**
     * {@return the values as a documented sequence}
     *
     * @param values the values
     * @throws IllegalArgumentException if there are more than {@link #MAX_SEQUENCE_LENGTH} values
     */
    public byte[] encodeSequence(double[] values) {
        Objects.requireNonNull(values, "values");
        if (values.length > MAX_SEQUENCE_LENGTH) {
            throw new IllegalArgumentException(
                    values.length + " values do not fit in one encoded array (at most " + MAX_SEQUENCE_LENGTH + ")");
        }
        return operations.encodeSequence(values);
    }

    /**
     * Decodes a sequence.
     *
     * @param bytes the encoded bytes
     * @return the values
     * @throws IllegalArgumentException unless the bytes are exactly one encoded sequence
     */
    public double[] decodeSequence(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return operations.decodeSequence(bytes);
    }

    @Override
    public String toString() {
        return "FfiBridge[" + providerName + "]";
    }

    private static void checkBufferLength(long length) {
        if (length < 0 || length > MAX_BUFFER_LENGTH) {
            throw new IllegalArgumentException("length must be in 0.." + MAX_BUFFER_LENGTH + ", was " + length);
        }
    }

    private static void checkSegment(MemorySegment segment) {
        Objects.requireNonNull(segment, "segment");
        if (segment.byteSize() % Double.BYTES != 0) {
            throw new IllegalArgumentException(
                    "segment size " + segment.byteSize() + " is not a whole number of doubles");
        }
        if (!segment.scope().isAlive()) {
            throw new IllegalStateException("Already closed");
        }
        if (!segment.isAccessibleBy(Thread.currentThread())) {
            throw new WrongThreadException("Attempted access outside owning thread");
        }
    }
}
