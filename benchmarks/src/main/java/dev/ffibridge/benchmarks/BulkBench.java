package dev.ffibridge.benchmarks;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The state of the bulk benchmarks ({@link FillBench}, {@link SumBench}): {@code n} doubles, at the nine sizes of
 * issue 16's target, in a {@code double[]}, in an off-heap segment of this thread's arena and, for a benchmark that
 * takes {@link DoubleBuffers}, in a heap or a direct {@link DoubleBuffer}. A subclass's set-up gives {@link #array}
 * its values and calls {@link #copyArrayToSegment}.
 */
public abstract class BulkBench extends ProviderBench {

    /** The values SumBench sums, and the buffers hold: {@code i * 0.1 + 0.001}, not all integers, so that the addition order shows in the result bits. */
    static double value(int i) {
        return i * 0.1 + 1e-3;
    }

    @Param({"0", "1", "16", "64", "256", "1024", "65536", "1048576", "16777216"})
    int n;

    double[] array;
    MemorySegment segment;

    /** Allocates {@link #segment} and copies {@link #array} into it. */
    void copyArrayToSegment() {
        segment = arena.allocate(JAVA_DOUBLE, n);
        MemorySegment.copy(array, 0, segment, JAVA_DOUBLE, 0, n);
    }

    /**
     * A {@link DoubleBuffer} of {@code n} doubles, {@link #value}{@code (i)}: JMH runs a
     * benchmark that takes this state once per kind, {@code heap} ({@code DoubleBuffer.wrap}, through the array in
     * the API) or {@code direct} ({@code ByteBuffer.allocateDirect}, native byte order, through its memory). Its
     * {@code n} is the benchmark's: JMH gives every parameter of one name the same value.
     */
    @State(Scope.Thread)
    public static class DoubleBuffers {

        /** The kind of buffer. */
        @Param({"heap", "direct"})
        public String buffer;

        /** The benchmark's {@code n}. */
        @Param({"0", "1", "16", "64", "256", "1024", "65536", "1048576", "16777216"})
        public int n;

        DoubleBuffer doubleBuffer;

        @Setup
        public void setUp() {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = value(i);
            }
            // A direct buffer at a 64-byte boundary, like FillBench's segment: malloc's 16-byte alignment put it at 0
            // or 16 mod 32 by the fork, and a copy of 2 KiB to 16 mod 32 takes 25 ns against 19 ns (PhasedRamps).
            doubleBuffer = buffer.equals("heap")
                    ? DoubleBuffer.wrap(values)
                    : at64ByteBoundary(n * Double.BYTES)
                            .order(ByteOrder.nativeOrder())
                            .asDoubleBuffer()
                            .put(values)
                            .clear();
        }

        private static ByteBuffer at64ByteBoundary(int bytes) {
            ByteBuffer raw = ByteBuffer.allocateDirect(bytes + 64);
            int skip = (int) (-MemorySegment.ofBuffer(raw).address() & 63);
            return raw.position(skip).limit(skip + bytes).slice();
        }
    }
}
