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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JMH state every provider benchmark extends: JMH's settings (one fork with native access and a fixed 2 GB heap,
 * touched at start-up ({@link #PRE_TOUCH}), 3 warmup and 5 measurement iterations of 0.5 s, average time in ns; a
 * subclass overrides an annotation where it needs other values), the java and the native provider for the set-up's
 * checks, and a confined arena for the raw FFM peers' scratch memory, closed after the trial. JMH creates a {@link
 * Scope#Thread} state in the benchmark thread, so the arena belongs to that thread.
 *
 * <p>A benchmark of the public API takes a {@link Provider} argument and runs once per provider ({@code
 * java}, {@code native}); the report names it {@code method_provider}, like the peers ({@code
 * array_rawFfm}, ...), which take no {@link Provider} and so run once.
 */
@State(Scope.Thread)
@Fork(
        value = 1,
        jvmArgsAppend = {ProviderBench.NATIVE_ACCESS, "-Xms2g", "-Xmx2g", ProviderBench.PRE_TOUCH})
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public abstract class ProviderBench {

    /** The JVM flag every fork needs for the FFM downcalls of the native provider and the raw peers. */
    static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";

    /**
     * The JVM flag that touches the whole fixed heap before {@code main}. Without it a fork pays the kernel's
     * first-touch fault of every heap page it allocates into for the first time, inside the measurement: on the
     * benchmark VM that is 1.5 to 25 us per 4 KiB page (25 when the guest has handed the page back to the host),
     * so an allocating row ran 10 to 30 times slower in the forks whose measured iterations fell in eden that no
     * earlier GC cycle had touched, and at full speed in the others. A long-running program pays that fault once
     * per heap page, not per call, so touching the heap first removes a start-up cost, not a cost of the call; it
     * lengthens each fork's start-up (1.5 to 10 s for 2-3 GB here), which JMH does not measure.
     */
    static final String PRE_TOUCH = "-XX:+AlwaysPreTouch";

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

    /** The provider a public-API benchmark runs on: JMH runs such a benchmark once per {@link #provider}. */
    @State(Scope.Thread)
    public static class Provider {

        /** {@code FfiBridge.load}'s argument. */
        @Param({"java", "native"})
        public String provider;

        /** The provider through the public API. */
        public FfiBridge bridge;

        /** The provider {@code name}, for a set-up that runs a benchmark method itself. */
        static Provider of(String name) {
            Provider p = new Provider();
            p.provider = name;
            p.load();
            return p;
        }

        @Setup
        public void load() {
            bridge = FfiBridge.load(provider);
        }
    }
}
