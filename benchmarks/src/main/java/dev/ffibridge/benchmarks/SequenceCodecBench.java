package dev.ffibridge.benchmarks;

import dev.ffibridge.api.FfiBridge;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encoding {@code n} doubles into a sequence ({@code u64} count, then the values) and decoding it
 * back into a {@code double[]}: java provider, native provider through the public API, and the raw
 * FFM floor (one critical downcall with heap access straight into a new Java array).
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
        byte[] out = new byte[8 + values.length * Double.BYTES];
        Raw.check((int) Raw.ENCODE_SEQUENCE_INTO.invokeExact(
                MemorySegment.ofArray(values), (long) values.length, MemorySegment.ofArray(out), (long) out.length));
        return out;
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
        double[] out = new double[(bytes.length - 8) / Double.BYTES];
        Raw.check((int) Raw.DECODE_SEQUENCE_INTO.invokeExact(
                MemorySegment.ofArray(bytes), (long) bytes.length, MemorySegment.ofArray(out), (long) out.length));
        return out;
    }
}
