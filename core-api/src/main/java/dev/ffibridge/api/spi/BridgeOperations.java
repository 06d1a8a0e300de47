package dev.ffibridge.api.spi;

import dev.ffibridge.api.Data;
import dev.ffibridge.api.Person;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The operations a provider implements, behind {@link dev.ffibridge.api.FfiBridge}.
 *
 * <p>{@code FfiBridge} validates every argument before it calls these methods, so that both
 * providers reject bad input with the same exception: arguments are never null, ranges are in
 * bounds, persons and names obey the {@link Person} rule, lengths fit the limits documented on
 * {@code FfiBridge}. A segment passed in is alive, accessible by the calling thread, a whole
 * number of doubles long, and writable when written to; it may be native or on the heap, and need
 * not be 8-byte aligned. Doubles in segments are in native byte order. An implementation must be
 * thread-safe and must produce exactly the documented values, bit for bit (a NaN sum's payload
 * excepted, as {@code FfiBridge} documents).
 */
public interface BridgeOperations {

    /** {@code a + b}, wrapping on overflow. */
    int addNumbers(int a, int b);

    /** The guide's person: Alice, 30, 5.8f. */
    Person createPerson();

    /** A person with the given values, carried through the provider's representation. */
    Person createPerson(String name, long age, float height);

    /** The guide's data: 1.1, 2.2, 3.3, 4.4, 5.5. */
    Data getData();

    /** {@code array[offset + i] = (double) i} for {@code 0 <= i < length}. */
    void fill(double[] array, int offset, int length);

    /** Element {@code i} of the segment, as a double, becomes {@code (double) i}. */
    void fill(MemorySegment segment);

    /** The sum of {@code array[offset .. offset + length)} in the documented order. */
    double sum(double[] array, int offset, int length);

    /** The sum of the segment's doubles in the documented order. */
    double sum(MemorySegment segment);

    /**
     * A read-only segment of {@code length} doubles holding {@code (double) i}, in memory of one
     * call of {@code arena.allocate(length * 8, 8)} (see {@code
     * dev.ffibridge.api.internal.ArenaMemory}), which closing {@code arena} frees. The arena was alive when {@code FfiBridge} checked it,
     * but may be confined to another thread or closed since: then the provider must throw what the
     * JDK throws for such an arena ({@link WrongThreadException}, {@link IllegalStateException}) and
     * leave nothing allocated. Nothing may stay allocated on any failure; memory tied to the arena
     * counts as freed.
     */
    MemorySegment filledBuffer(long length, Arena arena);

    /** The person in the documented byte layout. */
    byte[] encodePerson(Person person);

    /** Decodes the documented byte layout; malformed input → {@link IllegalArgumentException}. */
    Person decodePerson(byte[] bytes);

    /** The data in the documented byte layout. */
    byte[] encodeData(Data data);

    /** Decodes the documented byte layout; malformed input → {@link IllegalArgumentException}. */
    Data decodeData(byte[] bytes);

    /** The values as a documented sequence: a u64 count, then the doubles. */
    byte[] encodeSequence(double[] values);

    /** Decodes a sequence; malformed input → {@link IllegalArgumentException}. */
    double[] decodeSequence(byte[] bytes);
}
