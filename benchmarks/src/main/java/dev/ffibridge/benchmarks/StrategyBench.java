package dev.ffibridge.benchmarks;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.ffibridge.api.FfiBridge;
import dev.ffibridge.api.OwnedBuffer;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * The guide's four ways of getting data out of Rust ("Final Thoughts"), on one workload: deliver
 * the first {@code n} fill values ({@code 0.0, 1.0, ..., n-1}) to Java and read all of them once,
 * by summing them with the same provider's {@code sumBuffer} (so every strategy pays the same
 * read; SumBench gives that cost alone).
 *
 * <ul>
 *   <li>{@code boxed}: Rust allocates a struct and hands over the pointer; Java copies the values
 *       out and frees it. For n = 5 it is the guide's own {@code Data} ({@code get_data}, five
 *       values 1.1 .. 5.5; through the API: {@code getData()}). For other n there is no fixed-size
 *       struct, so "boxed" is a Rust-allocated boxed slice ({@code ffi_bridge_buffer_new_filled})
 *       copied into a new Java {@code double[]} and freed ({@code filledBuffer(n, confinedArena)}
 *       copied out, arena closed).
 *   <li>{@code serialized}: Rust fills and encodes into bytes ({@code ffi_bridge_fill_serialized},
 *       bincode layout); Java copies them into a {@code byte[]} and decodes into a {@code double[]}.
 *       The API has no "fill serialized" call, so the bytes always come from a raw downcall;
 *       {@code _java} decodes in Java (as the guide's Python side would), {@code _native} and
 *       {@code _rawFfm} decode in Rust.
 *   <li>{@code zeroCopy}: Rust allocates and fills; Java reads the memory in place ({@code
 *       filledBuffer(n, confinedArena)}, sum of the segment, arena closed). {@code zeroCopyOwned}
 *       does the same through an {@code OwnedBuffer} ({@code filledBuffer(n)}), whose close is the
 *       close of a shared arena.
 *   <li>{@code preallocated}: Java owns a reused buffer and Rust fills it ({@code
 *       fillBuffer(double[])}; {@code preallocatedSegment}: a reused off-heap segment).
 * </ul>
 *
 * {@code _native} is the native provider through the public API, {@code _rawFfm} the same
 * strategy with critical downcalls and no API, {@code _java} the java provider doing the same
 * (no Rust involved, except for {@code serialized_java}).
 */
public class StrategyBench extends ProviderBench {

    @Param({"5", "1024", "1048576"})
    int n;

    double[] array;
    MemorySegment segment;
    MemorySegment sumOut;

    @Setup
    public void setUp() throws Throwable {
        array = new double[n];
        segment = arena.allocate(JAVA_DOUBLE, n);
        sumOut = MemorySegment.ofArray(new double[1]);
        // every strategy must see the same values
        double boxed = n == 5 ? 16.5 : (double) n * (n - 1) / 2;
        double[] sums = {
            boxed_native(),
            boxed_rawFfm(),
            boxed_java(),
            serialized_java(),
            serialized_native(),
            serialized_rawFfm(),
            zeroCopy_native(),
            zeroCopy_rawFfm(),
            zeroCopy_java(),
            zeroCopyOwned_native(),
            zeroCopyOwned_java(),
            preallocated_native(),
            preallocated_rawFfm(),
            preallocated_java(),
            preallocatedSegment_native(),
            preallocatedSegment_java()
        };
        double fill = (double) n * (n - 1) / 2;
        for (int i = 0; i < sums.length; i++) {
            double expected = i < 3 ? boxed : fill;
            if (Math.abs(sums[i] - expected) > 1e-9 * Math.max(1, expected)) {
                throw new AssertionError("strategy " + i + " sums to " + sums[i] + ", expected " + expected);
            }
        }
    }

    // ---- boxed --------------------------------------------------------------------------------

    @Benchmark
    public double boxed_native() {
        return boxed(nativeBridge, n);
    }

    @Benchmark
    public double boxed_rawFfm() throws Throwable {
        double[] values;
        if (n == 5) {
            MemorySegment p = (MemorySegment) Raw.GET_DATA.invokeExact();
            values = p.reinterpret(Raw.DATA_SIZE).toArray(JAVA_DOUBLE);
            Raw.FREE_DATA.invokeExact(p);
        } else {
            Raw.check((int) Raw.BUFFER_NEW_FILLED.invokeExact((long) n, outScratch));
            values = CodecBench.takeDoubles(outScratch.get(ADDRESS, 0));
        }
        return rawSum(MemorySegment.ofArray(values), values.length);
    }

    @Benchmark
    public double boxed_java() {
        return boxed(javaBridge, n);
    }

    // ---- serialized ---------------------------------------------------------------------------

    @Benchmark
    public double serialized_java() throws Throwable {
        return javaBridge.sumBuffer(javaBridge.decodeSequence(serializedBytes()));
    }

    @Benchmark
    public double serialized_native() throws Throwable {
        return nativeBridge.sumBuffer(nativeBridge.decodeSequence(serializedBytes()));
    }

    @Benchmark
    public double serialized_rawFfm() throws Throwable {
        byte[] bytes = serializedBytes();
        double[] values = new double[(bytes.length - 8) / Double.BYTES];
        Raw.check((int) Raw.DECODE_SEQUENCE_INTO.invokeExact(
                MemorySegment.ofArray(bytes), (long) bytes.length, MemorySegment.ofArray(values), (long)
                        values.length));
        return rawSum(MemorySegment.ofArray(values), values.length);
    }

    private byte[] serializedBytes() throws Throwable {
        Raw.check((int) Raw.FILL_SERIALIZED.invokeExact((long) n, outScratch));
        return CodecBench.takeBytes(outScratch.get(ADDRESS, 0));
    }

    // ---- zero-copy ----------------------------------------------------------------------------

    @Benchmark
    public double zeroCopy_native() {
        return zeroCopy(nativeBridge, n);
    }

    @Benchmark
    public double zeroCopyOwned_native() {
        return zeroCopyOwned(nativeBridge, n);
    }

    @Benchmark
    public double zeroCopy_rawFfm() throws Throwable {
        Raw.check((int) Raw.BUFFER_NEW_FILLED.invokeExact((long) n, outScratch));
        MemorySegment buffer = outScratch.get(ADDRESS, 0);
        MemorySegment owned = buffer.reinterpret(Raw.OWNED_SIZE);
        long length = owned.get(JAVA_LONG, Raw.OWNED_LENGTH);
        double sum = rawSum(owned.get(ADDRESS, Raw.OWNED_DATA), length);
        Raw.BUFFER_FREE.invokeExact(buffer);
        return sum;
    }

    @Benchmark
    public double zeroCopy_java() {
        return zeroCopy(javaBridge, n);
    }

    @Benchmark
    public double zeroCopyOwned_java() {
        return zeroCopyOwned(javaBridge, n);
    }

    // ---- preallocated -------------------------------------------------------------------------

    @Benchmark
    public double preallocated_native() {
        return preallocated(nativeBridge, array);
    }

    @Benchmark
    public double preallocated_rawFfm() throws Throwable {
        MemorySegment values = MemorySegment.ofArray(array);
        Raw.FILL_BUFFER.invokeExact(values, (long) n);
        return rawSum(values, n);
    }

    @Benchmark
    public double preallocated_java() {
        return preallocated(javaBridge, array);
    }

    @Benchmark
    public double preallocatedSegment_native() {
        return preallocatedSegment(nativeBridge, segment);
    }

    @Benchmark
    public double preallocatedSegment_java() {
        return preallocatedSegment(javaBridge, segment);
    }

    /** Strategy "boxed": the values copied into a Java array (the guide's data when {@code n == 5}), then summed. */
    private static double boxed(FfiBridge bridge, long n) {
        if (n == 5) {
            return bridge.sumBuffer(bridge.getData().toArray());
        }
        double[] values;
        try (Arena arena = Arena.ofConfined()) {
            values = bridge.filledBuffer(n, arena).toArray(JAVA_DOUBLE);
        }
        return bridge.sumBuffer(values);
    }

    /** Strategy "zero-copy": filled in provider memory freed by a confined arena, summed in place. */
    private static double zeroCopy(FfiBridge bridge, long n) {
        try (Arena arena = Arena.ofConfined()) {
            return bridge.sumBuffer(bridge.filledBuffer(n, arena));
        }
    }

    /** Strategy "zero-copy" with an {@link OwnedBuffer}: filled in provider memory, summed in place, closed. */
    private static double zeroCopyOwned(FfiBridge bridge, long n) {
        try (OwnedBuffer buffer = bridge.filledBuffer(n)) {
            return bridge.sumBuffer(buffer.segment());
        }
    }

    /** Strategy "preallocated": the caller's array filled, then summed. */
    private static double preallocated(FfiBridge bridge, double[] array) {
        bridge.fillBuffer(array);
        return bridge.sumBuffer(array);
    }

    /** Strategy "preallocated" over a segment: the caller's segment filled, then summed. */
    private static double preallocatedSegment(FfiBridge bridge, MemorySegment segment) {
        bridge.fillBuffer(segment);
        return bridge.sumBuffer(segment);
    }

    private double rawSum(MemorySegment values, long length) throws Throwable {
        Raw.check((int) Raw.SUM_BUFFER.invokeExact(values, length, sumOut));
        return sumOut.get(JAVA_DOUBLE, 0);
    }
}
