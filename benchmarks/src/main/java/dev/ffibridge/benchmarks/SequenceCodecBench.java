package dev.ffibridge.benchmarks;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Encoding {@code n} doubles into a sequence ({@code u64} count, then the values) and decoding it
 * back into a {@code double[]}: each provider through the public API, and the raw FFM floor (one
 * critical downcall with heap access straight into a new Java array; {@code run.sh full} runs it
 * at fewer n). Every call allocates its result, so the fork's heap is touched at start-up ({@link
 * ProviderBench#PRE_TOUCH}): otherwise a fork whose measured iterations allocate into untouched eden
 * times the kernel's page faults, up to 30 times the copy.
 */
@Fork(
        value = 1,
        jvmArgsAppend = {ProviderBench.NATIVE_ACCESS, "-Xms3g", "-Xmx3g", ProviderBench.PRE_TOUCH})
public class SequenceCodecBench extends ProviderBench {

    @Param({"0", "1", "16", "64", "256", "1024", "65536", "1048576", "16777216"})
    int n;

    double[] values;
    byte[] bytes;

    @Setup
    public void setUp() {
        values = new double[n];
        javaBridge.fillBuffer(values);
        bytes = javaBridge.encodeSequence(values);
        if (!Arrays.equals(bytes, nativeBridge.encodeSequence(values))) {
            throw new AssertionError("providers encode differently");
        }
    }

    @Benchmark
    public byte[] encode(Provider p) {
        return p.bridge.encodeSequence(values);
    }

    @Benchmark
    public double[] decode(Provider p) {
        return p.bridge.decodeSequence(bytes);
    }

    @Benchmark
    public byte[] encode_rawFfm() throws Throwable {
        byte[] out = new byte[8 + values.length * Double.BYTES];
        Raw.check((int) Raw.ENCODE_SEQUENCE_INTO.invokeExact(
                MemorySegment.ofArray(values), (long) values.length, MemorySegment.ofArray(out), (long) out.length));
        return out;
    }

    @Benchmark
    public double[] decode_rawFfm() throws Throwable {
        double[] out = new double[(bytes.length - 8) / Double.BYTES];
        Raw.check((int) Raw.DECODE_SEQUENCE_INTO.invokeExact(
                MemorySegment.ofArray(bytes), (long) bytes.length, MemorySegment.ofArray(out), (long) out.length));
        return out;
    }
}
