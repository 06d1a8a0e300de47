package dev.ffibridge.benchmarks;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

import java.lang.foreign.MemorySegment;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * {@code sumBuffer} of {@code n} doubles in the documented order (both providers agree bit for
 * bit; checked at setup). On a {@code double[]}: java provider, native provider, the raw FFM floor
 * ({@code ffi_bridge_sum_buffer}, critical with heap access), JNI ({@code
 * GetPrimitiveArrayCritical}). On off-heap memory: java, native, raw FFM, JNI.
 */
public class SumBench extends ProviderBench {

    @Param({"0", "1", "16", "64", "256", "1024", "65536", "1048576", "16777216"})
    int n;

    double[] array;
    MemorySegment segment;
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
        out = MemorySegment.ofArray(new double[1]);
        double expected = javaBridge.sumBuffer(array);
        double[] results = {
            nativeBridge.sumBuffer(array), javaBridge.sumBuffer(segment), nativeBridge.sumBuffer(segment)
        };
        for (double r : results) {
            if (Double.doubleToRawLongBits(r) != Double.doubleToRawLongBits(expected)) {
                throw new AssertionError("providers disagree: " + expected + " vs " + r);
            }
        }
    }

    // ---- double[] -----------------------------------------------------------------------------

    @Benchmark
    public double array_java() {
        return javaBridge.sumBuffer(array);
    }

    @Benchmark
    public double array_native() {
        return nativeBridge.sumBuffer(array);
    }

    @Benchmark
    public double array_rawFfm() throws Throwable {
        Raw.check((int) Raw.SUM_BUFFER.invokeExact(MemorySegment.ofArray(array), (long) array.length, out));
        return out.get(JAVA_DOUBLE, 0);
    }

    @Benchmark
    public double array_jni() {
        return JniShim.sumBuffer(array);
    }

    // ---- off-heap MemorySegment ----------------------------------------------------------------

    @Benchmark
    public double segment_java() {
        return javaBridge.sumBuffer(segment);
    }

    @Benchmark
    public double segment_native() {
        return nativeBridge.sumBuffer(segment);
    }

    @Benchmark
    public double segment_rawFfm() throws Throwable {
        Raw.check((int) Raw.SUM_BUFFER.invokeExact(segment, (long) n, out));
        return out.get(JAVA_DOUBLE, 0);
    }

    @Benchmark
    public double segment_jni() {
        return JniShim.sumAddress(segment.address(), n);
    }
}
