package dev.ffibridge.benchmarks;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.ffibridge.api.Data;
import dev.ffibridge.api.Person;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Setup;

/**
 * Encoding and decoding a {@link Person} (five-character name) and a {@link Data}: each provider
 * through the public API (for the person, in {@link PersonCodecBench}), and the raw
 * FFM floor (critical downcalls; the raw variants produce the same Java values: a {@code byte[]}, a
 * {@code Person}, a {@code Data}).
 */
@Fork(
        value = 1,
        jvmArgsAppend = {ProviderBench.NATIVE_ACCESS, "-Xms1g", "-Xmx1g", ProviderBench.PRE_TOUCH})
public class CodecBench extends PersonCodecBench {

    Data data = Data.of(1.1, 2.2, 3.3, 4.4, 5.5);
    byte[] dataBytes;

    MemorySegment personStruct = arena.allocate(Raw.PERSON_SIZE, 8);
    MemorySegment nameScratch = arena.allocate(64);
    MemorySegment dataStruct = arena.allocate(Raw.DATA_SIZE, 8);

    @Setup
    public void setUp() throws Throwable {
        person = new Person(CallBench.NAME, 42, 6.1f);
        personBytes = javaBridge.encodePerson(person);
        dataBytes = javaBridge.encodeData(data);
        if (!Arrays.equals(personBytes, nativeBridge.encodePerson(person))
                || !Arrays.equals(personBytes, encodePerson_rawFfm())
                || !Arrays.equals(personBytes, encodePersonStruct_rawFfm())
                || !Arrays.equals(dataBytes, nativeBridge.encodeData(data))) {
            throw new AssertionError("providers encode differently");
        }
    }

    // ---- Person -------------------------------------------------------------------------------

    /**
     * The raw binding of what {@code encodePerson} calls: {@code ffi_bridge_encode_person_into} with the name's UTF-8
     * in a heap array, written into a new array of the encoded size.
     */
    @Benchmark
    public byte[] encodePerson_rawFfm() throws Throwable {
        byte[] utf8 = person.name().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[16 + utf8.length];
        Raw.check((int) Raw.ENCODE_PERSON_INTO.invokeExact(
                MemorySegment.ofArray(utf8),
                (long) utf8.length,
                (int) person.age(),
                person.height(),
                MemorySegment.ofArray(bytes),
                (long) bytes.length));
        return bytes;
    }

    /** The raw binding of the guide's {@code ffi_bridge_encode_person}: the struct and name in reused native memory. */
    @Benchmark
    public byte[] encodePersonStruct_rawFfm() throws Throwable {
        nameScratch.setString(0, person.name());
        personStruct.set(JAVA_INT, Raw.PERSON_AGE, (int) person.age());
        personStruct.set(JAVA_FLOAT, Raw.PERSON_HEIGHT, person.height());
        personStruct.set(ADDRESS, Raw.PERSON_NAME, nameScratch);
        Raw.check((int) Raw.ENCODE_PERSON.invokeExact(personStruct, outScratch));
        return takeBytes(outScratch.get(ADDRESS, 0));
    }

    @Benchmark
    public Person decodePerson_rawFfm() throws Throwable {
        Raw.check((int) Raw.DECODE_PERSON.invokeExact(
                MemorySegment.ofArray(personBytes), (long) personBytes.length, outScratch));
        return CallBench.readPersonAndFree(outScratch.get(ADDRESS, 0));
    }

    // ---- Data ---------------------------------------------------------------------------------

    @Benchmark
    public byte[] encodeData(Provider p) {
        return p.bridge.encodeData(data);
    }

    @Benchmark
    public byte[] encodeData_rawFfm() throws Throwable {
        for (int i = 0; i < Data.LENGTH; i++) {
            dataStruct.setAtIndex(JAVA_DOUBLE, i, data.get(i));
        }
        Raw.check((int) Raw.ENCODE_DATA.invokeExact(dataStruct, outScratch));
        return takeBytes(outScratch.get(ADDRESS, 0));
    }

    @Benchmark
    public Data decodeData(Provider p) {
        return p.bridge.decodeData(dataBytes);
    }

    @Benchmark
    public Data decodeData_rawFfm() throws Throwable {
        Raw.check((int)
                Raw.DECODE_DATA.invokeExact(MemorySegment.ofArray(dataBytes), (long) dataBytes.length, dataStruct));
        return Data.of(dataStruct.toArray(JAVA_DOUBLE));
    }

    /** Copies an {@code FfiBridgeBytes} into a {@code byte[]} and frees it. */
    static byte[] takeBytes(MemorySegment bytesPointer) throws Throwable {
        MemorySegment owned = bytesPointer.reinterpret(Raw.OWNED_SIZE);
        long length = owned.get(JAVA_LONG, Raw.OWNED_LENGTH);
        byte[] result = new byte[Math.toIntExact(length)];
        MemorySegment.copy(
                owned.get(ADDRESS, Raw.OWNED_DATA).reinterpret(length), JAVA_BYTE, 0, result, 0, result.length);
        Raw.BYTES_FREE.invokeExact(bytesPointer);
        return result;
    }

    /** Copies an {@code FfiBridgeBuffer} into a {@code double[]} and frees it. */
    static double[] takeDoubles(MemorySegment bufferPointer) throws Throwable {
        MemorySegment owned = bufferPointer.reinterpret(Raw.OWNED_SIZE);
        long length = owned.get(JAVA_LONG, Raw.OWNED_LENGTH);
        double[] result = new double[Math.toIntExact(length)];
        if (length > 0) {
            MemorySegment.copy(
                    owned.get(ADDRESS, Raw.OWNED_DATA).reinterpret(length * Double.BYTES),
                    JAVA_DOUBLE,
                    0,
                    result,
                    0,
                    result.length);
        }
        Raw.BUFFER_FREE.invokeExact(bufferPointer);
        return result;
    }
}
