package dev.ffibridge.benchmarks;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

import com.sun.jna.Pointer;
import java.lang.foreign.MemorySegment;
import java.nio.DoubleBuffer;
import java.util.Arrays;
import java.util.stream.DoubleStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * {@code fillBuffer}: element {@code i} becomes {@code (double) i}, into a preallocated, reused
 * buffer of {@code n} doubles (the guide's "preallocated buffer"). Through the public API, on each
 * provider: a {@code double[]}, an off-heap {@link MemorySegment} and a heap or direct {@link
 * DoubleBuffer} ({@link BulkBench.DoubleBuffers}). The peers, on a {@code double[]}: the
 * raw FFM floor ({@code fill_buffer}, critical with heap access), JNI ({@code
 * GetPrimitiveArrayCritical}), JNA (direct mapping; copies the array in and out) and {@link
 * Arrays#fill} (a memset-like store loop, the speed of light for writing {@code n} doubles from
 * Java); on the segment: raw FFM, JNI and JNA. {@code run.sh full} runs the peers at fewer n. The segment
 * starts at a 64-byte boundary in every fork.
 */
public class FillBench extends BulkBench {

    Pointer pointer;

    @Setup
    public void setUp() {
        // NaN, which no variant writes, so that the check below sees what the benchmark left
        array = new double[n];
        Arrays.fill(array, Double.NaN);
        // At a 64-byte boundary, not where malloc puts it: a copy's time depends on where its ends fall in their
        // cache lines (2 KiB took 19-24 ns by the addresses), and the segment's place differed from fork to fork,
        // which made rows of the same code up to 25 % apart.
        segment = arena.allocate((long) n * Double.BYTES, 64);
        MemorySegment.copy(array, 0, segment, JAVA_DOUBLE, 0, n);
        pointer = new Pointer(segment.address());
    }

    /**
     * The variant that ran must have left the fill values (Arrays.fill: its constant) in the array or the segment
     * (a {@link DoubleBuffer} benchmark fills its own buffer, not these).
     */
    @TearDown
    public void check(BenchmarkParams params) {
        int last = n - 1;
        boolean filled = n == 0
                || params.getBenchmark().endsWith(".doubleBuffer")
                || DoubleStream.of(array[last], segment.getAtIndex(JAVA_DOUBLE, last))
                        .anyMatch(v -> v == last || v == 1.0);
        if (!filled) {
            throw new AssertionError("no fill values found after the benchmark");
        }
    }

    // ---- the public API, once per provider ---------------------------------------------------

    @Benchmark
    public void array(Provider p) {
        p.bridge.fillBuffer(array);
    }

    @Benchmark
    public void segment(Provider p) {
        p.bridge.fillBuffer(segment);
    }

    @Benchmark
    public void doubleBuffer(Provider p, DoubleBuffers b) {
        p.bridge.fillBuffer(b.doubleBuffer);
    }

    // ---- peers on the double[] ----------------------------------------------------------------

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

    // ---- peers on the off-heap MemorySegment ----------------------------------------------------

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
