package dev.ffibridge.javaimpl;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Helpers for tests with segments and threads. */
final class Segments {

    static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED;

    private Segments() {}

    /** The segment's doubles. */
    static double[] read(MemorySegment segment) {
        return segment.toArray(DOUBLE);
    }

    /** Copies {@code values} into the segment. */
    static MemorySegment write(MemorySegment segment, double[] values) {
        MemorySegment.copy(values, 0, segment, DOUBLE, 0, values.length);
        return segment;
    }

    /** Runs {@code action} on a new thread and returns what it threw, or null. */
    static Throwable thrownOnAnotherThread(Runnable action) throws InterruptedException {
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        Thread thread = Thread.ofPlatform().start(() -> {
            try {
                action.run();
                thrown.complete(null);
            } catch (Throwable t) {
                thrown.complete(t);
            }
        });
        thread.join();
        try {
            return thrown.get();
        } catch (ExecutionException e) {
            throw new AssertionError(e);
        }
    }
}
