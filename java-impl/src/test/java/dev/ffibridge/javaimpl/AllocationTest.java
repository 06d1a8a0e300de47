package dev.ffibridge.javaimpl;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Fill and sum allocate nothing once compiled, on a native segment as on an array: a regression
 * test for a heap chunk per call. The bound (10 000 bytes for 40 000 calls) leaves room for a stray
 * allocation by the JIT's deoptimizations but not for one per call.
 */
class AllocationTest {

    private static final int WARM_UP = 20_000;

    private static final int CALLS = 10_000;

    /** The operations through the provider's own entry points, as a program calls them. */
    private static final JavaOperations OPS = JavaOperations.INSTANCE;

    private static double sink;

    @Test
    void fillAndSumAllocateNothingOnNativeSegmentsAndArrays() {
        assertThat(ManagementFactory.getThreadMXBean())
                .as("HotSpot counts allocation per thread")
                .isInstanceOf(com.sun.management.ThreadMXBean.class);
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertThat(bean.isThreadAllocatedMemorySupported()).isTrue();
        bean.setThreadAllocatedMemoryEnabled(true);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment segment = arena.allocate(8L * 1024, 8);
            double[] array = new double[1024];
            // C2 compiles in the background, later on a loaded machine: repeat warm-up and
            // measurement until a round is clean or the deadline passes. Allocation per call in
            // compiled code fails every round.
            long deadline = System.nanoTime() + 20_000_000_000L;
            long allocated;
            do {
                run(segment, array, WARM_UP);
                long before = bean.getCurrentThreadAllocatedBytes();
                sink += run(segment, array, CALLS);
                allocated = bean.getCurrentThreadAllocatedBytes() - before;
            } while (allocated >= 10_000 && System.nanoTime() < deadline);
            assertThat(allocated)
                    .as("bytes allocated by %d calls of each", CALLS)
                    .isLessThan(10_000);
        }
    }

    private static double run(MemorySegment segment, double[] array, int calls) {
        double total = 0.0;
        for (int i = 0; i < calls; i++) {
            OPS.fill(segment);
            total += OPS.sum(segment);
            OPS.fill(array, 0, array.length);
            total += OPS.sum(array, 0, array.length);
        }
        return total;
    }
}
