package dev.ffibridge.benchmarks;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

import dev.ffibridge.api.FfiBridge;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * {@code sumBuffer} of {@code n} doubles in the documented order (both providers agree bit for
 * bit; checked at setup). Through the public API, on each provider: a {@code double[]}, an off-heap
 * {@link MemorySegment} and a heap or direct {@link DoubleBuffer} ({@link BulkBench.DoubleBuffers}). The peers: the raw FFM floor ({@code ffi_bridge_sum_buffer}, critical with heap
 * access) and JNI ({@code GetPrimitiveArrayCritical}; native memory by address), on the array and
 * on the segment. {@code run.sh full} runs the peers at fewer n.
 */
public class SumBench extends BulkBench {

    MemorySegment out;

    @Setup
    public void setUp() {
        array = new double[n];
        for (int i = 0; i < n; i++) {
            array[i] = value(i);
        }
        copyArrayToSegment();
        out = MemorySegment.ofArray(new double[1]);
        double expected = javaBridge.sumBuffer(array);
        for (FfiBridge bridge : List.of(javaBridge, nativeBridge)) {
            double[] sums = {
                bridge.sumBuffer(array),
                bridge.sumBuffer(segment),
                bridge.sumBuffer(DoubleBuffer.wrap(array)),
                bridge.sumBuffer(
                        segment.asByteBuffer().order(ByteOrder.nativeOrder()).asDoubleBuffer())
            };
            for (double r : sums) {
                if (Double.doubleToRawLongBits(r) != Double.doubleToRawLongBits(expected)) {
                    throw new AssertionError("providers disagree: " + expected + " vs " + r);
                }
            }
        }
    }

    // ---- the public API, once per provider ---------------------------------------------------

    @Benchmark
    public double array(Provider p) {
        return p.bridge.sumBuffer(array);
    }

    @Benchmark
    public double segment(Provider p) {
        return p.bridge.sumBuffer(segment);
    }

    @Benchmark
    public double doubleBuffer(Provider p, DoubleBuffers b) {
        return p.bridge.sumBuffer(b.doubleBuffer);
    }

    // ---- peers ----------------------------------------------------------------------------------

    @Benchmark
    public double array_rawFfm() throws Throwable {
        return rawSum(MemorySegment.ofArray(array));
    }

    @Benchmark
    public double array_jni() {
        return JniShim.sumBuffer(array);
    }

    @Benchmark
    public double segment_rawFfm() throws Throwable {
        return rawSum(segment);
    }

    @Benchmark
    public double segment_jni() {
        return JniShim.sumAddress(segment.address(), n);
    }

    private double rawSum(MemorySegment values) throws Throwable {
        Raw.check((int) Raw.SUM_BUFFER.invokeExact(values, (long) n, out));
        return out.get(JAVA_DOUBLE, 0);
    }
}
