package dev.ffibridge.benchmarks;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

import dev.ffibridge.api.FfiBridge;
import dev.ffibridge.api.Person;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordingStream;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
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
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Time to safepoint (TTSP) while the native provider fills and sums {@code n} doubles, on a {@code double[]}
 * and on a native segment: how long a garbage collection (or any other safepoint operation) must wait for the
 * benchmark thread to stop. A critical downcall cannot stop until it returns, so one call over a whole large
 * array held safepoints off for as long as it ran; the provider now cuts large heap work into pieces.
 *
 * <p>A background thread requests a global safepoint every millisecond ({@code
 * ThreadMXBean.findDeadlockedThreads()}, a VM operation run at a safepoint), and a JFR stream records every
 * {@code jdk.SafepointStateSynchronization} event, whose duration is the time the VM waited for all threads to
 * reach the safepoint. The primary score is the time per call; the secondary results are the median ({@code
 * ttspP50Us}), the 99th percentile ({@code ttspP99Us}) and the maximum ({@code ttspMaxUs}) of every wait in all
 * measurement iterations of the trial. JMH adds up an event counter over the iterations, so they are published
 * in the last measurement iteration only (zero in the others): the sum JMH prints is the trial's figure.
 *
 * <p>{@code javaHeapFill} and {@code javaHeapSum} are the control: the java provider on the same array, pure
 * Java with the JIT's safepoint polls, never holds a safepoint off. Whatever its waits are, they are what this
 * machine's scheduling costs (on 2 cores the benchmark thread, the requester, JFR and the JIT compete; a thread
 * waiting for a CPU delays the safepoint), and the native rows are to be read against them. Run it alone:
 * {@code benchmarks/run.sh jmh SafepointBench}.
 *
 * <p>The person rows ({@code *PersonLongName}) call the person functions with a name of {@code n} chars, on the
 * native provider (which takes names over 192 KiB through regular handles, so no critical call copies or checks
 * them) and on the java provider, their control (parameter {@code provider}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xms5g", "-Xmx5g"})
@State(Scope.Thread)
public class SafepointBench {

    @Param({"1048576", "4194304", "16777216", "67108864", "268435456"})
    int n;

    FfiBridge nativeBridge;
    FfiBridge javaBridge;

    /** The benchmark's memory: only the kind the running benchmark uses is allocated. */
    @State(Scope.Thread)
    public static class HeapArray {
        double[] array;

        @Setup
        public void setUp(SafepointBench bench) {
            array = new double[bench.n];
        }
    }

    /** A native segment of {@code n} doubles, freed after the trial. */
    @State(Scope.Thread)
    public static class NativeSegment {
        Arena arena;
        MemorySegment segment;

        @Setup
        public void setUp(SafepointBench bench) {
            arena = Arena.ofConfined();
            segment = arena.allocate(JAVA_DOUBLE, bench.n);
        }

        @TearDown
        public void tearDown() {
            arena.close();
        }
    }

    /**
     * A person whose name is {@code n} ASCII letters, its encoding, and the provider that runs the person rows:
     * {@code native}, or {@code java}, their control.
     */
    @State(Scope.Thread)
    public static class LongName {
        @Param({"native", "java"})
        String provider;

        FfiBridge bridge;
        String name;
        byte[] encoded;

        @Setup
        public void setUp(SafepointBench bench) {
            bridge = FfiBridge.load(provider);
            name = "abcdefghijklmnopqrstuvwxyz".repeat(bench.n / 26 + 1).substring(0, bench.n);
            encoded = bridge.encodePerson(new Person(name, 42, 6.1f));
        }
    }

    /** Requests safepoints and records how long each took to reach; published once per trial. */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class Safepoints {
        /** The longest time to safepoint of the trial's measurement iterations, in microseconds. */
        public double ttspMaxUs;

        /** The 99th percentile of the trial's times to safepoint, in microseconds: less sensitive to a busy machine. */
        public double ttspP99Us;

        /** The median time to safepoint of the trial, in microseconds: the typical wait. */
        public double ttspP50Us;

        /** The waits of the running iteration, in nanoseconds (added by the JFR stream's thread). */
        private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());

        /** The waits of the trial's finished measurement iterations, in nanoseconds. */
        private final List<Long> trialNanos = new ArrayList<>();

        private int measurementIterations;
        private RecordingStream stream;
        private Thread requester;

        @Setup(Level.Iteration)
        public void start() {
            nanos.clear();
            stream = new RecordingStream();
            stream.enable("jdk.SafepointStateSynchronization").withThreshold(Duration.ZERO);
            stream.onEvent(
                    "jdk.SafepointStateSynchronization",
                    event -> nanos.add(event.getDuration().toNanos()));
            stream.startAsync();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            requester = Thread.ofPlatform().daemon().name("safepoint-requester").start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    threads.findDeadlockedThreads();
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        @TearDown(Level.Iteration)
        public void stop(BenchmarkParams benchmark, IterationParams iteration) throws InterruptedException {
            requester.interrupt();
            requester.join();
            stream.stop();
            stream.close();
            ttspMaxUs = 0;
            ttspP99Us = 0;
            ttspP50Us = 0;
            if (iteration.getType() != IterationType.MEASUREMENT) {
                return;
            }
            trialNanos.addAll(nanos);
            if (++measurementIterations < benchmark.getMeasurement().getCount()) {
                return;
            }
            long[] sorted =
                    trialNanos.stream().mapToLong(Long::longValue).sorted().toArray();
            if (sorted.length > 0) {
                ttspMaxUs = sorted[sorted.length - 1] / 1_000.0;
                ttspP99Us = sorted[(int) (sorted.length * 0.99)] / 1_000.0;
                ttspP50Us = sorted[sorted.length / 2] / 1_000.0;
            }
        }
    }

    @Setup
    public void setUp() {
        nativeBridge = FfiBridge.load("native");
        javaBridge = FfiBridge.load("java");
    }

    @Benchmark
    public double heapFill(HeapArray heap, Safepoints safepoints) {
        nativeBridge.fillBuffer(heap.array);
        return heap.array[n - 1];
    }

    @Benchmark
    public double heapSum(HeapArray heap, Safepoints safepoints) {
        return nativeBridge.sumBuffer(heap.array);
    }

    @Benchmark
    public double nativeFill(NativeSegment memory, Safepoints safepoints) {
        nativeBridge.fillBuffer(memory.segment);
        return memory.segment.getAtIndex(JAVA_DOUBLE, n - 1);
    }

    /** {@code createPerson} with a name of {@code n} chars (run it at one or two sizes: {@code -p n=67108864}). */
    @Benchmark
    public Person createPersonLongName(LongName person, Safepoints safepoints) {
        return person.bridge.createPerson(person.name, 42, 6.1f);
    }

    /** {@code decodePerson} of a person whose name is {@code n} bytes. */
    @Benchmark
    public Person decodePersonLongName(LongName person, Safepoints safepoints) {
        return person.bridge.decodePerson(person.encoded);
    }

    /** {@code encodePerson} of a person whose name is {@code n} chars. */
    @Benchmark
    public byte[] encodePersonLongName(LongName person, Safepoints safepoints) {
        return person.bridge.encodePerson(new Person(person.name, 42, 6.1f));
    }

    @Benchmark
    public double nativeSum(NativeSegment memory, Safepoints safepoints) {
        return nativeBridge.sumBuffer(memory.segment);
    }

    @Benchmark
    public double javaHeapFill(HeapArray heap, Safepoints safepoints) {
        javaBridge.fillBuffer(heap.array);
        return heap.array[n - 1];
    }

    @Benchmark
    public double javaHeapSum(HeapArray heap, Safepoints safepoints) {
        return javaBridge.sumBuffer(heap.array);
    }
}
