package dev.ffibridge.api.spi;

import dev.ffibridge.api.Data;
import dev.ffibridge.api.Person;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.DoubleBuffer;

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

    /**
     * {@return {@code a + b}, wrapping on overflow}
     *
     * @param a the first addend
     * @param b the second addend
     */
    int addNumbers(int a, int b);

    /** {@return the guide's person: Alice, 30, 5.8f} */
    Person createPerson();

    /**
     * {@return a person with the given values, carried through the provider's representation}
     *
     * @param name the name, see {@link Person the name rule}
     * @param age the age, {@code 0 ..} {@link Person#MAX_AGE}
     * @param height the height
     */
    Person createPerson(String name, long age, float height);

    /** {@return the guide's data: 1.1, 2.2, 3.3, 4.4, 5.5} */
    Data getData();

    /**
     * {@code array[offset + i] = (double) i} for {@code 0 <= i < length}.
     *
     * @param array the array
     * @param offset the index of the first element
     * @param length the number of elements
     */
    void fill(double[] array, int offset, int length);

    /**
     * Element {@code i} of the segment, as a double, becomes {@code (double) i}.
     *
     * @param segment the segment, a whole number of doubles
     */
    void fill(MemorySegment segment);

    /**
     * {@return the sum of {@code array[offset .. offset + length)} in the documented order}
     *
     * @param array the array
     * @param offset the index of the first element
     * @param length the number of elements
     */
    double sum(double[] array, int offset, int length);

    /**
     * {@return the sum of the segment's doubles in the documented order}
     *
     * @param segment the segment, a whole number of doubles
     */
    double sum(MemorySegment segment);

    /**
     * {@return the sum from the buffer's position to its limit, in the documented order} The buffer is direct, in
     * native byte order, possibly read-only; its position and limit are left as they are. By default, the sum of
     * {@code MemorySegment.ofBuffer(buffer)}; a provider may read the buffer itself instead, which costs no segment
     * object.
     *
     * @param buffer the direct buffer
     */
    default double sum(DoubleBuffer buffer) {
        return sum(MemorySegment.ofBuffer(buffer));
    }

    /**
     * {@return a read-only segment of {@code length} doubles holding {@code (double) i}, in memory of
     * one call of {@code arena.allocate(length * 8, 8)}, which closing {@code arena} frees} The arena
     * was alive when {@code FfiBridge} checked it,
     * but may be confined to another thread or closed since: then the provider must throw what the
     * JDK throws for such an arena ({@link WrongThreadException}, {@link IllegalStateException}) and
     * leave nothing allocated. Nothing may stay allocated on any failure; memory tied to the arena
     * counts as freed.
     *
     * @param length the number of elements
     * @param arena the arena whose closing frees the memory
     */
    MemorySegment filledBuffer(long length, Arena arena);

    /**
     * {@return the person in the documented byte layout}
     *
     * @param person the person
     */
    byte[] encodePerson(Person person);

    /**
     * {@return decodes the documented byte layout; malformed input → {@link IllegalArgumentException}}
     *
     * @param bytes the encoded bytes
     */
    Person decodePerson(byte[] bytes);

    /**
     * {@return the data in the documented byte layout}
     *
     * @param data the data
     */
    byte[] encodeData(Data data);

    /**
     * {@return decodes the documented byte layout; malformed input → {@link IllegalArgumentException}}
     *
     * @param bytes the encoded bytes
     */
    Data decodeData(byte[] bytes);

    /**
     * {@return the values as a documented sequence: a u64 count, then the doubles}
     *
     * @param values the values
     */
    byte[] encodeSequence(double[] values);

    /**
     * {@return decodes a sequence; malformed input → {@link IllegalArgumentException}}
     *
     * @param bytes the encoded bytes
     */
    double[] decodeSequence(byte[] bytes);
}
