package dev.ffibridge.benchmarks;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * {@code sumBuffer} of {@code n} doubles in the documented order (both providers agree bit for
 * bit; checked at setup). Through the public API, on each provider: a {@code double[]}, an off-heap
 * {@link MemorySegment}, a heap {@link DoubleBuffer} (wrapping the array) and a direct one (native
 * byte order). The peers: the raw FFM floor ({@code ffi_bridge_sum_buffer}, critical with heap
 * access) and JNI ({@code GetPrimitiveArrayCritical}; native memory by address), on the array and
 * on the segment. {@code run.sh full} runs the peers at fewer n.
 */
public class SumBench extends ProviderBench {

    @Param({"0", "1", "16", "64", "256", "1024", "65536", "1048576", "16777216"})
    int n;

    double[] array;
    MemorySegment segment;
    DoubleBuffer heapBuffer;
    DoubleBuffer directBuffer;
    MemorySegment out;

    @Setup
    public void setUp() {
        array = new double[n];
        javaBridge.fillBuffer(array);
        // not all integers: 0.1 steps make the addition order visible in the result bits
        for (int i = 0; i < n; i++) {
            array[i] = array[i] * 0.1 + 1e-3;
        }
        segment = arena.allocate(JAVA_DOUBLE, n);
        MemorySegment.copy(array, 0, segment, JAVA_DOUBLE, 0, n);
        heapBuffer = DoubleBuffer.wrap(array);
        directBuffer = ByteBuffer.allocateDirect(n * Double.BYTES)
                .order(ByteOrder.nativeOrder())
                .asDoubleBuffer()
                .put(array)
                .clear();
        out = MemorySegment.ofArray(new double[1]);
        double expected = javaBridge.sumBuffer(array);
        for (Provider p : List.of(Provider.of("java"), Provider.of("native"))) {
            for (double r : new double[] {array(p), segment(p), heapBuffer(p), directBuffer(p)}) {
                if (Double.doubleToRawLongBits(r) != Double.doubleToRawLongBits(expected)) {
                    throw new AssertionError(p.provider + " disagrees: " + expected + " vs " + r);
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
    public double heapBuffer(Provider p) {
        return p.bridge.sumBuffer(heapBuffer);
    }

    @Benchmark
    public double directBuffer(Provider p) {
        return p.bridge.sumBuffer(directBuffer);
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
