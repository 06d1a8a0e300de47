package dev.ffibridge.javaimpl;

import dev.ffibridge.api.Data;
import dev.ffibridge.api.Person;
import dev.ffibridge.api.internal.DoubleBufferSum;
import dev.ffibridge.api.internal.Fill;
import dev.ffibridge.api.internal.PersonCodec;
import dev.ffibridge.api.internal.SequenceCodec;
import dev.ffibridge.api.internal.Sum;
import dev.ffibridge.api.spi.BridgeOperations;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.DoubleBuffer;

/**
 * The operations in pure Java, bit for bit the same as the Rust library's. Stateless and therefore
 * thread-safe; each operation is delegated to a small class with one job. Arguments are trusted:
 * {@link dev.ffibridge.api.FfiBridge} validated them.
 */
final class JavaOperations implements BridgeOperations {

    /** The one instance: the class has no state. */
    static final JavaOperations INSTANCE = new JavaOperations();

    private static final Person GUIDE_PERSON = new Person("Alice", 30, 5.8f);

    private static final Data GUIDE_DATA = Data.of(1.1, 2.2, 3.3, 4.4, 5.5);

    private JavaOperations() {}

    @Override
    public int addNumbers(int a, int b) {
        return a + b;
    }

    @Override
    public Person createPerson() {
        return GUIDE_PERSON;
    }

    @Override
    public Person createPerson(String name, long age, float height) {
        return new Person(name, age, height);
    }

    @Override
    public Data getData() {
        return GUIDE_DATA;
    }

    @Override
    public void fill(double[] array, int offset, int length) {
        Fill.fill(array, offset, length);
    }

    @Override
    public void fill(MemorySegment segment) {
        Fill.fill(segment);
    }

    @Override
    public double sum(double[] array, int offset, int length) {
        return Sum.sum(array, offset, length);
    }

    @Override
    public double sum(MemorySegment segment) {
        return Sum.sum(segment);
    }

    @Override
    public double sum(DoubleBuffer buffer) {
        return DoubleBufferSum.sum(buffer);
    }

    @Override
    public MemorySegment filledBuffer(long length, Arena arena) {
        return FilledBuffers.allocate(length, arena);
    }

    @Override
    public byte[] encodePerson(Person person) {
        return PersonCodec.encode(person);
    }

    @Override
    public Person decodePerson(byte[] bytes) {
        return PersonCodec.decode(bytes);
    }

    @Override
    public byte[] encodeData(Data data) {
        return DataCodec.encode(data);
    }

    @Override
    public Data decodeData(byte[] bytes) {
        return DataCodec.decode(bytes);
    }

    @Override
    public byte[] encodeSequence(double[] values) {
        return SequenceCodec.encode(values);
    }

    @Override
    public double[] decodeSequence(byte[] bytes) {
        return SequenceCodec.decode(bytes);
    }

    @Override
    public String toString() {
        return "JavaOperations";
    }
}
