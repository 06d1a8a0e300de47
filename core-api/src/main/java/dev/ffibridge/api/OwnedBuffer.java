package dev.ffibridge.api;

import java.lang.foreign.MemorySegment;

/**
 * A read-only buffer of doubles owned by the provider: the guide's "direct pointer access"
 * strategy. With the native provider the memory is Rust's, read in place without a copy; with the
 * java provider it is off-heap memory of a shared arena. Either way it must be closed.
 *
 * <p>{@link #close()} frees the memory exactly once; it is idempotent, may be called from any
 * thread, never throws, and returns with the buffer closed. A read on another thread at the same
 * time ({@link #get}, {@link #toArray}, or a bridge operation on the {@link #segment()} such as
 * {@code sumBuffer}) either completes with the right value or throws {@link IllegalStateException}:
 * a native call that already uses the memory is waited for (close returns once it has), a read in
 * Java code is stopped. After close, every read throws {@link IllegalStateException}. A {@link java.lang.ref.Cleaner} frees a buffer that became
 * unreachable without being closed, as a safety net only: a segment obtained from a buffer is
 * valid only while that buffer is open <i>and</i> reachable.
 */
public interface OwnedBuffer extends AutoCloseable {

    /** {@return the number of doubles} Still answers after {@link #close()}. */
    long length();

    /**
     * {@return a read-only view of the doubles, in native byte order; dead once the buffer is closed}
     */
    MemorySegment segment();

    /**
     * {@return the double at {@code index}}
     *
     * @param index the index, {@code 0 ..} 4
     * @throws IndexOutOfBoundsException unless {@code 0 <= index < length()}
     * @throws IllegalStateException if the buffer is closed
     */
    double get(long index);

    /**
     * {@return a copy of the doubles on the Java heap}
     *
     * @throws IllegalStateException if the buffer is closed
     * @throws IllegalArgumentException if it holds more doubles than a Java array can
     */
    double[] toArray();

    /** {@return whether the buffer is still open} */
    boolean isOpen();

    /**
     * Frees the memory; later calls do nothing. Never throws: if a native call is using the memory, it
     * waits until that call has returned.
     */
    @Override
    void close();
}
