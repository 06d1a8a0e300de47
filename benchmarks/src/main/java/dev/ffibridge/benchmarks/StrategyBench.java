package dev.ffibridge.benchmarks;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.ffibridge.api.FfiBridge;
import dev.ffibridge.api.OwnedBuffer;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;
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
 *       struct: through the API, {@code filledBuffer(n, confinedArena)} copied into a new Java
 *       {@code double[]}, arena closed, and {@code _rawFfm} binds the same steps (the arena's zeroed
 *       memory, filled by Rust, copied out); {@code boxedRustOwned_rawFfm} is the guide's boxed slice
 *       ({@code ffi_bridge_buffer_new_filled}: Rust allocates without zeroing and fills, Java copies
 *       it out and frees it), which the API does not offer.
 *   <li>{@code serialized}: Rust fills and encodes into bytes ({@code ffi_bridge_fill_serialized},
 *       bincode layout); Java copies them into a {@code byte[]} and decodes into a {@code double[]}.
 *       The API has no "fill serialized" call, so the bytes always come from a raw downcall;
 *       {@code _java} decodes in Java (as the guide's Python side would), {@code _native} and
 *       {@code _rawFfm} decode in Rust.
 *   <li>{@code zeroCopy}: Rust fills memory Java reads in place ({@code filledBuffer(n,
 *       confinedArena)}: the caller's arena allocates, Rust fills, the segment is summed, the arena
 *       closed; {@code _rawFfm} binds the same steps). {@code zeroCopyOwned} does the same through an
 *       {@code OwnedBuffer} ({@code filledBuffer(n)}), whose close is the close of a shared arena;
 *       {@code zeroCopyRustOwned_rawFfm}, memory that Rust allocates and frees.
 *   <li>{@code preallocated}: Java owns a reused buffer and Rust fills it ({@code
 *       fillBuffer(double[])}; {@code preallocatedSegment}: a reused off-heap segment).
 * </ul>
 *
 * A strategy through the public API runs once per provider ({@code _java}: no Rust involved, except
 * for the bytes of {@code serialized}; {@code _native}); {@code _rawFfm} is the same strategy with
 * critical downcalls and no API.
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
        double fill = (double) n * (n - 1) / 2;
        double boxedSum = n == 5 ? 16.5 : fill;
        check("boxed_rawFfm", boxed_rawFfm(), boxedSum);
        check("boxedRustOwned_rawFfm", boxedRustOwned_rawFfm(), fill);
        check("serialized_rawFfm", serialized_rawFfm(), fill);
        check("zeroCopy_rawFfm", zeroCopy_rawFfm(), fill);
        check("zeroCopyRustOwned_rawFfm", zeroCopyRustOwned_rawFfm(), fill);
        check("preallocated_rawFfm", preallocated_rawFfm(), fill);
        for (Provider p : List.of(Provider.of("java"), Provider.of("native"))) {
            check("boxed_" + p.provider, boxed(p), boxedSum);
            check("serialized_" + p.provider, serialized(p), fill);
            check("zeroCopy_" + p.provider, zeroCopy(p), fill);
            check("zeroCopyOwned_" + p.provider, zeroCopyOwned(p), fill);
            check("preallocated_" + p.provider, preallocated(p), fill);
            check("preallocatedSegment_" + p.provider, preallocatedSegment(p), fill);
        }
    }

    private static void check(String strategy, double sum, double expected) {
        if (Math.abs(sum - expected) > 1e-9 * Math.max(1, expected)) {
            throw new AssertionError("strategy " + strategy + " sums to " + sum + ", expected " + expected);
        }
    }

    // ---- boxed: the values copied into a Java array (the guide's data when n == 5), then summed ----

    @Benchmark
    public double boxed(Provider p) {
        FfiBridge bridge = p.bridge;
        if (n == 5) {
            return bridge.sumBuffer(bridge.getData().toArray());
        }
        double[] values;
        try (Arena confined = Arena.ofConfined()) {
            values = bridge.filledBuffer(n, confined).toArray(JAVA_DOUBLE);
        }
        return bridge.sumBuffer(values);
    }

    /**
     * The raw binding of {@link #boxed}: for n = 5 the guide's {@code get_data}, copied out and freed; for other n
     * what {@code filledBuffer(n, arena)} promises (one {@code allocate} of the caller's arena, which zeroes the
     * memory, Rust fills it in place), copied into a new {@code double[]}, arena closed.
     */
    @Benchmark
    public double boxed_rawFfm() throws Throwable {
        double[] values;
        if (n == 5) {
            MemorySegment p = (MemorySegment) Raw.GET_DATA.invokeExact();
            values = p.reinterpret(Raw.DATA_SIZE).toArray(JAVA_DOUBLE);
            Raw.FREE_DATA.invokeExact(p);
        } else {
            try (Arena confined = Arena.ofConfined()) {
                MemorySegment memory = confined.allocate((long) n * Double.BYTES, Double.BYTES);
                Raw.FILL_BUFFER.invokeExact(memory, (long) n);
                values = memory.toArray(JAVA_DOUBLE);
            }
        }
        return rawSum(MemorySegment.ofArray(values), values.length);
    }

    /**
     * The guide's boxed slice at every n ({@code ffi_bridge_buffer_new_filled}: Rust allocates without zeroing and
     * fills, Java copies the values into a new {@code double[]} and frees them): one pass over the memory fewer than
     * the arena's zeroed allocation, which the API does not offer.
     */
    @Benchmark
    public double boxedRustOwned_rawFfm() throws Throwable {
        Raw.check((int) Raw.BUFFER_NEW_FILLED.invokeExact((long) n, outScratch));
        double[] values = CodecBench.takeDoubles(outScratch.get(ADDRESS, 0));
        return rawSum(MemorySegment.ofArray(values), values.length);
    }

    // ---- serialized: Rust's bytes decoded by the provider, then summed -------------------------

    @Benchmark
    public double serialized(Provider p) throws Throwable {
        return p.bridge.sumBuffer(p.bridge.decodeSequence(serializedBytes()));
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

    // ---- zero-copy: filled in provider memory, summed in place, freed --------------------------

    /** Freed by closing a confined arena. */
    @Benchmark
    public double zeroCopy(Provider p) {
        try (Arena confined = Arena.ofConfined()) {
            return p.bridge.sumBuffer(p.bridge.filledBuffer(n, confined));
        }
    }

    /** Through an {@link OwnedBuffer}, whose close is the close of a shared arena. */
    @Benchmark
    public double zeroCopyOwned(Provider p) {
        try (OwnedBuffer buffer = p.bridge.filledBuffer(n)) {
            return p.bridge.sumBuffer(buffer.segment());
        }
    }

    /**
     * The raw binding of what {@code filledBuffer(n, arena)} promises: the memory is the caller's arena's
     * (one {@code allocate}, which zeroes it), Rust fills it in place, and closing the arena frees it.
     */
    @Benchmark
    public double zeroCopy_rawFfm() throws Throwable {
        try (Arena confined = Arena.ofConfined()) {
            MemorySegment memory = confined.allocate((long) n * Double.BYTES, Double.BYTES);
            Raw.FILL_BUFFER.invokeExact(memory, (long) n);
            return rawSum(memory, n);
        }
    }

    /**
     * Zero-copy with memory Rust allocates and frees ({@code ffi_bridge_buffer_new_filled}, uninitialized
     * until filled): what the API gave up so that {@code filledBuffer(n, arena)} takes the caller's arena.
     */
    @Benchmark
    public double zeroCopyRustOwned_rawFfm() throws Throwable {
        Raw.check((int) Raw.BUFFER_NEW_FILLED.invokeExact((long) n, outScratch));
        MemorySegment buffer = outScratch.get(ADDRESS, 0);
        MemorySegment owned = buffer.reinterpret(Raw.OWNED_SIZE);
        long length = owned.get(JAVA_LONG, Raw.OWNED_LENGTH);
        double sum = rawSum(owned.get(ADDRESS, Raw.OWNED_DATA), length);
        Raw.BUFFER_FREE.invokeExact(buffer);
        return sum;
    }

    // ---- preallocated: the caller's buffer filled, then summed ---------------------------------

    @Benchmark
    public double preallocated(Provider p) {
        p.bridge.fillBuffer(array);
        return p.bridge.sumBuffer(array);
    }

    @Benchmark
    public double preallocated_rawFfm() throws Throwable {
        MemorySegment values = MemorySegment.ofArray(array);
        Raw.FILL_BUFFER.invokeExact(values, (long) n);
        return rawSum(values, n);
    }

    /** Over a reused off-heap segment. */
    @Benchmark
    public double preallocatedSegment(Provider p) {
        p.bridge.fillBuffer(segment);
        return p.bridge.sumBuffer(segment);
    }

    private double rawSum(MemorySegment values, long length) throws Throwable {
        Raw.check((int) Raw.SUM_BUFFER.invokeExact(values, length, sumOut));
        return sumOut.get(JAVA_DOUBLE, 0);
    }
}
