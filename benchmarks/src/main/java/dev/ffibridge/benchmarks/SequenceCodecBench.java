package dev.ffibridge.benchmarks;

import static java.lang.foreign.ValueLayout.ADDRESS;

import dev.ffibridge.api.FfiBridge;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encoding {@code n} doubles into a sequence ({@code u64} count, then the values) and decoding it
 * back into a {@code double[]}: java provider, native provider through the public API, and the raw
 * FFM floor (critical downcalls with heap access, then one copy of the Rust-owned result).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xms3g", "-Xmx3g"})
@State(Scope.Thread)
public class SequenceCodecBench {

    @Param({"16", "1024", "1048576", "16777216"})
    int n;

    FfiBridge javaBridge;
    FfiBridge nativeBridge;
    double[] values;
    byte[] bytes;
    Arena arena;
    MemorySegment outScratch;

    @Setup
    public void setUp() {
        javaBridge = FfiBridge.load("java");
        nativeBridge = FfiBridge.load("native");
        values = new double[n];
        javaBridge.fillBuffer(values);
        bytes = javaBridge.encodeSequence(values);
        if (!Arrays.equals(bytes, nativeBridge.encodeSequence(values))) {
            throw new AssertionError("providers encode differently");
        }
        arena = Arena.ofConfined();
        outScratch = arena.allocate(ADDRESS);
    }

    @TearDown
    public void tearDown() {
        arena.close();
    }

    @Benchmark
    public byte[] encode_java() {
        return javaBridge.encodeSequence(values);
    }

    @Benchmark
    public byte[] encode_native() {
        return nativeBridge.encodeSequence(values);
    }

    @Benchmark
    public byte[] encode_rawFfm() throws Throwable {
        Raw.check(
                (int) Raw.ENCODE_SEQUENCE.invokeExact(MemorySegment.ofArray(values), (long) values.length, outScratch));
        return CodecBench.takeBytes(outScratch.get(ADDRESS, 0));
    }

    @Benchmark
    public double[] decode_java() {
        return javaBridge.decodeSequence(bytes);
    }

    @Benchmark
    public double[] decode_native() {
        return nativeBridge.decodeSequence(bytes);
    }

    @Benchmark
    public double[] decode_rawFfm() throws Throwable {
        Raw.check((int) Raw.DECODE_SEQUENCE.invokeExact(MemorySegment.ofArray(bytes), (long) bytes.length, outScratch));
        return CodecBench.takeDoubles(outScratch.get(ADDRESS, 0));
    }
}
