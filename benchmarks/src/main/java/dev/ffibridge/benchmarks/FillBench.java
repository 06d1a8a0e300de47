package dev.ffibridge.benchmarks;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

import com.sun.jna.Pointer;
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
 * {@code fillBuffer}: element {@code i} becomes {@code (double) i}, into a preallocated, reused
 * buffer of {@code n} doubles (the guide's "preallocated buffer"). On a {@code double[]}: java
 * provider, native provider, the raw FFM floor ({@code fill_buffer}, critical with heap access),
 * JNI ({@code GetPrimitiveArrayCritical}), JNA (direct mapping; copies the array in and out) and
 * {@link Arrays#fill} (a memset-like store loop, the speed of light for writing {@code n} doubles
 * from Java). On off-heap memory (a {@link MemorySegment}): java, native, raw FFM, JNI and JNA.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class FillBench {

    @Param({"16", "1024", "1048576", "16777216"})
    int n;

    FfiBridge javaBridge;
    FfiBridge nativeBridge;
    double[] array;
    Arena arena;
    MemorySegment segment;
    Pointer pointer;

    @Setup
    public void setUp() {
        javaBridge = FfiBridge.load("java");
        nativeBridge = FfiBridge.load("native");
        array = new double[n];
        arena = Arena.ofConfined();
        segment = arena.allocate(JAVA_DOUBLE, n);
        pointer = new Pointer(segment.address());
    }

    @TearDown
    public void check() {
        // the variant that ran must have left the fill values (Arrays.fill: its constant) behind
        boolean arrayFilled = array[n - 1] == n - 1 && array[1] == 1.0;
        boolean arrayConstant = array[0] == 1.0 && array[n - 1] == 1.0;
        boolean segmentFilled = segment.getAtIndex(JAVA_DOUBLE, n - 1) == n - 1;
        arena.close();
        if (!arrayFilled && !arrayConstant && !segmentFilled) {
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
