package dev.ffibridge.benchmarks;

import static java.lang.foreign.ValueLayout.ADDRESS;

import dev.ffibridge.api.FfiBridge;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JMH state every provider benchmark extends: JMH's settings (average time in ns, 3 warmup and
 * 5 measurement iterations of 1 s, one fork with native access and a fixed 2 GB heap; a subclass
 * overrides an annotation where it needs other values), the java and the native provider, and a
 * confined arena for the raw FFM peers' scratch memory, closed after the trial. JMH creates a
 * {@link Scope#Thread} state in the benchmark thread, so the arena belongs to that thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {ProviderBench.NATIVE_ACCESS, "-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public abstract class ProviderBench {

    /** The JVM flag every fork needs for the FFM downcalls of the native provider and the raw peers. */
    static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";

    /** The pure-Java provider. */
    protected final FfiBridge javaBridge = FfiBridge.load("java");

    /** The Rust provider through the public API. */
    protected final FfiBridge nativeBridge = FfiBridge.load("native");

    /** Scratch memory of this benchmark thread, closed by {@link #closeArena}. */
    protected final Arena arena = Arena.ofConfined();

    /** A pointer-sized out-parameter for the raw FFM peers. */
    protected final MemorySegment outScratch = arena.allocate(ADDRESS);

    /** Frees the scratch memory; subclasses check their results in their own tear-down before it. */
    @TearDown(Level.Trial)
    public void closeArena() {
        arena.close();
    }
}
