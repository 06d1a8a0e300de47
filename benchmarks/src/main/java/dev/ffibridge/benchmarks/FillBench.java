package dev.ffibridge.benchmarks;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

import com.sun.jna.Pointer;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code fillBuffer}: element {@code i} becomes {@code (double) i}, into a preallocated, reused
 * buffer of {@code n} doubles (the guide's "preallocated buffer"). On a {@code double[]}: java
 * provider, native provider, the raw FFM floor ({@code fill_buffer}, critical with heap access),
 * JNI ({@code GetPrimitiveArrayCritical}), JNA (direct mapping; copies the array in and out) and
 * {@link Arrays#fill} (a memset-like store loop, the speed of light for writing {@code n} doubles
 * from Java). On off-heap memory (a {@link MemorySegment}): java, native, raw FFM, JNI and JNA.
 */
public class FillBench extends ProviderBench {

    @Param({"0", "1", "16", "64", "256", "1024", "65536", "1048576", "16777216"})
    int n;

    double[] array;
    MemorySegment segment;
    Pointer pointer;

    @Setup
    public void setUp() {
        // NaN, which no variant writes, so that the check below sees what the benchmark left
        array = new double[n];
        Arrays.fill(array, Double.NaN);
        segment = arena.allocate(JAVA_DOUBLE, n).fill((byte) 0xff);
        pointer = new Pointer(segment.address());
    }

    /** The variant that ran must have left the fill values (Arrays.fill: its constant) behind. */
    @TearDown
    public void check() {
        int last = n - 1;
        boolean nothingToFill = n == 0;
        boolean arrayFilled = nothingToFill || array[last] == last || array[last] == 1.0;
        boolean segmentFilled = nothingToFill || segment.getAtIndex(JAVA_DOUBLE, last) == last;
        if (!arrayFilled && !segmentFilled) {
            throw new AssertionError("no fill values found after the benchmark");
        }
    }

    // ---- double[] -----------------------------------------------------------------------------

    @Benchmark
    public void array_java() {
        javaBridge.fillBuffer(array);
    }

    @Benchmark
    public void array_native() {
        nativeBridge.fillBuffer(array);
    }

    @Benchmark
    public void array_rawFfm() throws Throwable {
        Raw.FILL_BUFFER.invokeExact(MemorySegment.ofArray(array), (long) array.length);
    }

    @Benchmark
    public void array_jni() {
        JniShim.fillBuffer(array);
    }

    @Benchmark
    public void array_jna() {
        JnaDirect.fill_buffer(array, array.length);
    }

    /** Not the same values (a constant): the cost of storing n doubles from Java, the reference. */
    @Benchmark
    public void array_arraysFill() {
        Arrays.fill(array, 1.0);
    }

    // ---- off-heap MemorySegment ----------------------------------------------------------------

    @Benchmark
    public void segment_java() {
        javaBridge.fillBuffer(segment);
    }

    @Benchmark
    public void segment_native() {
        nativeBridge.fillBuffer(segment);
    }

    @Benchmark
    public void segment_rawFfm() throws Throwable {
        Raw.FILL_BUFFER.invokeExact(segment, (long) n);
    }

    @Benchmark
    public void segment_jni() {
        JniShim.fillAddress(segment.address(), n);
    }

    @Benchmark
    public void segment_jna() {
        JnaDirect.OnPointer.fill_buffer(pointer, n);
    }
}
