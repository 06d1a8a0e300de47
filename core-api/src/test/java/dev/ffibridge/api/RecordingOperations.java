package dev.ffibridge.api;

import dev.ffibridge.api.spi.BridgeOperations;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.List;

/** A provider stand-in that fills and sums naively and records which entry point FfiBridge chose. */
class RecordingOperations implements BridgeOperations {

    final List<String> calls = new ArrayList<>();

    @Override
    public int addNumbers(int a, int b) {
        calls.add("add");
        return a + b;
    }

    @Override
    public Person createPerson() {
        return new Person("Alice", 30, 5.8f);
    }

    @Override
    public Person createPerson(String name, long age, float height) {
        calls.add("person " + name);
        return new Person(name, age, height);
    }

    @Override
    public Data getData() {
        return Data.of(1.1, 2.2, 3.3, 4.4, 5.5);
    }

    @Override
    public void fill(double[] array, int offset, int length) {
        calls.add("fill array " + offset + " " + length);
        for (int i = 0; i < length; i++) {
            array[offset + i] = i;
        }
    }

    @Override
    public void fill(MemorySegment segment) {
        calls.add("fill segment " + segment.byteSize());
        for (long i = 0; i < segment.byteSize() / 8; i++) {
            segment.setAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, i, i);
        }
    }

    @Override
    public double sum(double[] array, int offset, int length) {
        calls.add("sum array " + offset + " " + length);
        double sum = 0;
        for (int i = 0; i < length; i++) {
            sum += array[offset + i];
        }
        return sum;
    }

    @Override
    public double sum(MemorySegment segment) {
        calls.add("sum segment " + segment.byteSize());
        double sum = 0;
        for (long i = 0; i < segment.byteSize() / 8; i++) {
            sum += segment.getAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, i);
        }
        return sum;
    }

    /** Records the buffer's position and limit, then sums through the interface's default (a segment). */
    @Override
    public double sum(DoubleBuffer buffer) {
        calls.add("sum buffer " + buffer.position() + " " + buffer.limit());
        return BridgeOperations.super.sum(buffer);
    }

    @Override
    public MemorySegment filledBuffer(long length, Arena arena) {
        calls.add("buffer " + length);
        MemorySegment segment = arena.allocate(ValueLayout.JAVA_DOUBLE, length);
        for (long i = 0; i < length; i++) {
            segment.setAtIndex(ValueLayout.JAVA_DOUBLE, i, i);
        }
        return segment.asReadOnly();
    }

    @Override
    public byte[] encodePerson(Person person) {
        calls.add("encode person");
        return new byte[0];
    }

    @Override
    public Person decodePerson(byte[] bytes) {
        calls.add("decode person");
        return null;
    }

    @Override
    public byte[] encodeData(Data data) {
        calls.add("encode data");
        return new byte[0];
    }

    @Override
    public Data decodeData(byte[] bytes) {
        calls.add("decode data");
        return null;
    }

    @Override
    public byte[] encodeSequence(double[] values) {
        calls.add("encode sequence");
        return new byte[0];
    }

    @Override
    public double[] decodeSequence(byte[] bytes) {
        calls.add("decode sequence");
        return null;
    }
}
