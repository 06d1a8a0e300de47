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
 * Validates every argument of {@link FfiBridge}'s operations, then routes it to the provider's entry point:
 * the same checks and exceptions whichever provider runs, and no bad argument ever reaches a provider. (Static, with
 * the provider's operations passed in, so that a call costs no more loads than before the checks moved here.)
 */
final class CheckedOperations {

    private static final int MAX_ENCODED_NAME_BYTES = Integer.MAX_VALUE - 8 - 16;

    private CheckedOperations() {}

    static Person createPerson(BridgeOperations operations, String name, long age, float height) {
        Objects.requireNonNull(name, "name");
        Person.checkAge(age);
        Person.checkName(name);
        return operations.createPerson(name, age, height);
    }

    static void fill(BridgeOperations operations, double[] buffer) {
        Objects.requireNonNull(buffer, "buffer");
        operations.fill(buffer, 0, buffer.length);
    }

    static void fill(BridgeOperations operations, double[] buffer, int offset, int length) {
        Objects.requireNonNull(buffer, "buffer");
        Objects.checkFromIndexSize(offset, length, buffer.length);
        operations.fill(buffer, offset, length);
    }

    static void fill(BridgeOperations operations, DoubleBuffer buffer) {
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

    static void fill(BridgeOperations operations, MemorySegment segment) {
        checkSegment(segment);
        if (segment.isReadOnly()) {
            throw new IllegalArgumentException("Attempt to write a read-only segment");
        }
        operations.fill(segment);
    }

    static double sum(BridgeOperations operations, double[] buffer) {
        Objects.requireNonNull(buffer, "buffer");
        return operations.sum(buffer, 0, buffer.length);
    }

    static double sum(BridgeOperations operations, double[] buffer, int offset, int length) {
        Objects.requireNonNull(buffer, "buffer");
        Objects.checkFromIndexSize(offset, length, buffer.length);
        return operations.sum(buffer, offset, length);
    }

    static double sum(BridgeOperations operations, DoubleBuffer buffer) {
        Objects.requireNonNull(buffer, "buffer");
        if (buffer.hasArray()) {
            return operations.sum(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
        }
        if (buffer.order() == ByteOrder.nativeOrder()) {
            return buffer.isDirect()
                    ? operations.sum(buffer)
                    : operations.sum(MemorySegment.ofBuffer(buffer)); // read-only heap, or a view of a byte[]
        }
        double[] values = new double[buffer.remaining()];
        buffer.get(buffer.position(), values);
        return operations.sum(values, 0, values.length);
    }

    static double sum(BridgeOperations operations, MemorySegment segment) {
        checkSegment(segment);
        return operations.sum(segment);
    }

    static OwnedBuffer filledBuffer(BridgeOperations operations, long length) {
        checkBufferLength(length);
        Arena arena = Arena.ofShared();
        try {
            return ArenaBuffer.of(arena, operations.filledBuffer(length, arena));
        } catch (Throwable t) {
            arena.close();
            throw t;
        }
    }

    static MemorySegment filledBuffer(BridgeOperations operations, long length, Arena arena) {
        checkBufferLength(length);
        Objects.requireNonNull(arena, "arena");
        if (!arena.scope().isAlive()) {
            throw new IllegalStateException("Already closed");
        }
        return operations.filledBuffer(length, arena);
    }

    static byte[] encodePerson(BridgeOperations operations, Person person) {
        Objects.requireNonNull(person, "person");
        String name = person.name();
        if ((long) name.length() * 3 > MAX_ENCODED_NAME_BYTES
                && name.getBytes(StandardCharsets.UTF_8).length > MAX_ENCODED_NAME_BYTES) {
            throw new IllegalArgumentException("the encoded person would not fit in a Java array");
        }
        return operations.encodePerson(person);
    }

    static Person decodePerson(BridgeOperations operations, byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return operations.decodePerson(bytes);
    }

    static byte[] encodeData(BridgeOperations operations, Data data) {
        Objects.requireNonNull(data, "data");
        return operations.encodeData(data);
    }

    static Data decodeData(BridgeOperations operations, byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return operations.decodeData(bytes);
    }

    static byte[] encodeSequence(BridgeOperations operations, double[] values) {
        Objects.requireNonNull(values, "values");
        if (values.length > FfiBridge.MAX_SEQUENCE_LENGTH) {
            throw new IllegalArgumentException(values.length + " values do not fit in one encoded array (at most "
                    + FfiBridge.MAX_SEQUENCE_LENGTH + ")");
        }
        return operations.encodeSequence(values);
    }

    static double[] decodeSequence(BridgeOperations operations, byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return operations.decodeSequence(bytes);
    }

    private static void checkBufferLength(long length) {
        if (length < 0 || length > FfiBridge.MAX_BUFFER_LENGTH) {
            throw new IllegalArgumentException(
                    "length must be in 0.." + FfiBridge.MAX_BUFFER_LENGTH + ", was " + length);
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
