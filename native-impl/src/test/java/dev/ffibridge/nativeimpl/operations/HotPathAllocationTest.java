package dev.ffibridge.nativeimpl.operations;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ffibridge.api.FfiBridge;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The hot paths of fill and sum allocate nothing on the Java heap once the JIT has compiled them:
 * the sum comes back as the return value of {@code ffi_bridge_sum}, not through a {@code double[1]}.
 *
 * <p>Measured with {@link com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes()}: after a
 * warm-up, {@value #CALLS} calls must allocate fewer than {@value #LIMIT} bytes in total, a small
 * constant for the measurement itself (one allocating object per call would be at least 16 bytes a
 * call, 160 000 in all). Until C2 has compiled the call chain a round allocates its segments, so
 * rounds are repeated, each after another warm-up, until one stays under the limit or {@value
 * #DEADLINE_SECONDS} s have passed; an allocation per call in compiled code fails every round.
 *
 * <p>What C2 compiles must not depend on anything but this test, so the test runs in a JVM of its
 * own with {@code -Xbatch} (the surefire execution {@code hot-path-allocation} in native-impl's pom)
 * and checks that it does. Alone: the JDK's downcall stubs are shared by every call of one
 * descriptor shape, and after other tests have passed other kinds of segments through them, C2 may
 * compile the stub without inlining what keeps a heap segment from escaping (it depended on the
 * order surefire picked; {@code @Order(1)} with the class orderer of {@code
 * junit-platform.properties} also puts it first wherever it runs with others). In the foreground:
 * with compilation in the background, what C2 compiles depends on how long the compile queue waits,
 * and on a loaded machine it once left a heap segment escaping (32 B per call); compiled in the
 * foreground, C2 sees the same profile however busy the machine is.
 */
@Order(1)
class HotPathAllocationTest {

    private static final int WARM_UP_CALLS = 20_000;
    private static final int CALLS = 10_000;
    private static final long LIMIT = 10_000;
    private static final int MIN_ROUNDS = 3;
    private static final long DEADLINE_SECONDS = 20;

    private static FfiBridge bridge;
    private static com.sun.management.ThreadMXBean threads;

    /** Consumes the results, so that nothing is dead code. */
    private static double sink;

    @BeforeAll
    static void load() {
        bridge = FfiBridge.load("native");
        threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertThat(threads.isThreadAllocatedMemorySupported())
                .as("HotSpot counts allocation per thread")
                .isTrue();
        threads.setThreadAllocatedMemoryEnabled(true);
        assertThat(ManagementFactory.getRuntimeMXBean().getInputArguments())
                .as("runs with foreground compilation (surefire execution hot-path-allocation)")
                .contains("-Xbatch");
    }

    @Test
    void sumOfAnArrayAllocatesNothing() {
        double[] values = new double[1024];
        bridge.fillBuffer(values);
        assertAllocationFree("sumBuffer(double[1024])", () -> {
            for (int i = 0; i < CALLS; i++) {
                sink += bridge.sumBuffer(values);
            }
            return CALLS;
        });
        assertThat(bridge.sumBuffer(values)).isEqualTo(1023 * 1024 / 2.0);
    }

    @Test
    void sumOfANativeSegmentAllocatesNothing() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment segment = arena.allocate(JAVA_DOUBLE, 1024);
            bridge.fillBuffer(segment);
            assertAllocationFree("sumBuffer(native segment of 1024 doubles)", () -> {
                for (int i = 0; i < CALLS; i++) {
                    sink += bridge.sumBuffer(segment);
                }
                return CALLS;
            });
            assertThat(bridge.sumBuffer(segment)).isEqualTo(1023 * 1024 / 2.0);
        }
    }

    /**
     * Direct buffers on both sides of the segment crossover: in place in Java below it (no segment at all), through
     * {@code MemorySegment.ofBuffer} into the library from it (the segment must not escape).
     */
    @Test
    void sumOfShortDirectDoubleBuffersAllocatesNothing() {
        for (int n : new int[] {16, 64}) {
            DoubleBuffer buffer = ByteBuffer.allocateDirect(8 * n)
                    .order(ByteOrder.nativeOrder())
                    .asDoubleBuffer();
            bridge.fillBuffer(buffer);
            assertAllocationFree("sumBuffer(direct DoubleBuffer of " + n + ")", () -> {
                for (int i = 0; i < CALLS; i++) {
                    sink += bridge.sumBuffer(buffer);
                }
                return CALLS;
            });
            assertThat(bridge.sumBuffer(buffer)).isEqualTo((n - 1) * n / 2.0);
        }
    }

    @Test
    void fillOfAnArrayAllocatesNothing() {
        double[] values = new double[1024];
        assertAllocationFree("fillBuffer(double[1024])", () -> {
            for (int i = 0; i < CALLS; i++) {
                bridge.fillBuffer(values);
                sink += values[i & 1023];
            }
            return CALLS;
        });
        assertThat(values[1023]).isEqualTo(1023.0);
    }

    /** Warms {@code calls} up, then measures rounds of it until one stays under {@link #LIMIT} or the deadline. */
    private static void assertAllocationFree(String what, LongSupplier calls) {
        List<Long> measured = new ArrayList<>();
        long deadline = System.nanoTime() + DEADLINE_SECONDS * 1_000_000_000L;
        for (int round = 0; round < MIN_ROUNDS || System.nanoTime() - deadline < 0; round++) {
            for (int i = 0; i < WARM_UP_CALLS / CALLS; i++) {
                calls.getAsLong();
            }
            long before = threads.getCurrentThreadAllocatedBytes();
            calls.getAsLong();
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            measured.add(allocated);
            if (allocated < LIMIT) {
                break;
            }
        }
        List<Long> shown =
                measured.size() <= 12 ? measured : List.copyOf(measured.subList(measured.size() - 12, measured.size()));
        System.out.println("HotPathAllocationTest: " + what + ": bytes allocated per " + CALLS + " calls in "
                + measured.size() + " rounds, the last ones: " + shown);
        assertThat(measured.get(measured.size() - 1))
                .as(
                        "%s: bytes allocated by %d calls in the last of %d rounds (the last ones: %s)",
                        what, CALLS, measured.size(), shown)
                .isLessThan(LIMIT);
    }
}
