package dev.ffibridge.nativeimpl.operations;

import dev.ffibridge.nativeimpl.abi.BufferFunctions;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Fill and sum in pieces, for the two kinds of memory one call must not take whole.
 *
 * <p><b>Large Java heap memory.</b> Only a critical downcall takes a heap array in place, and a critical call
 * holds off every safepoint, so the garbage collector too, until it returns: one call over 2^28 doubles held
 * them off for 49 ms (sum) to 77 ms (fill). Above {@link #PIECE} doubles the work is cut into critical calls of
 * at most {@link #PIECE} doubles each, and the loop between them polls for safepoints, so a safepoint waits for
 * one piece at most. The pieces start at multiples of the sum order's block (8192 values), and {@code
 * ffi_bridge_sum_blocks} adds their blocks to sixteen totals kept here, so the sum is bit for bit that of one
 * call; {@code ffi_bridge_fill_piece} writes each piece's values from its start index, with the stores of one
 * fill of the whole (non-temporal ones from 64 MiB: without them the pieces of a 128 MiB fill took 30-40 % longer
 * than one call).
 *
 * <p><b>File-mapped memory</b> ({@link MemorySegment#isMapped()}). Touching a mapping whose file was truncated
 * faults (SIGBUS); in the library's code that kills the JVM, but in the JVM's own copy ({@link
 * MemorySegment#copy}) the JVM turns it into an {@link InternalError}, as in the java provider's loops. So the
 * library never touches mapped memory: each piece is copied into a native scratch buffer and summed there, or
 * filled there and copied out.
 */
final class Pieces {

    /**
     * Doubles per piece: 4 MiB, 64 blocks of the sum order, the fewest the library's second thread takes on.
     * A piece takes well under a millisecond (about 0.2 ms to sum and 0.3 ms to fill on the busy machine measured).
     */
    static final int PIECE = 1 << 19;

    /** The sum order's lanes: sixteen totals. */
    private static final int LANES = 16;

    private Pieces() {}

    /** Whether {@code length} doubles of {@code buffer} are heap memory too large for one critical call. */
    static boolean tooLargeForOneCall(MemorySegment buffer, long length) {
        return length > PIECE && !buffer.isNative();
    }

    /** Fills {@code length} doubles of heap {@code buffer} in critical calls of at most {@link #PIECE} doubles. */
    static void fillHeap(MemorySegment buffer, long length) {
        // `from = to` with `to` a minimum: not a counted loop, so C2 keeps the safepoint poll of every iteration
        for (long from = 0; from < length; ) {
            long to = Math.min(from + PIECE, length);
            fillPiece(piece(buffer, from, to), to - from, from, length);
            from = to;
        }
    }

    /** The sum of {@code length} doubles of heap {@code buffer}, in critical calls of at most {@link #PIECE} doubles. */
    static double sumHeap(MemorySegment buffer, long length) {
        double[] totals = new double[LANES];
        MemorySegment out = MemorySegment.ofArray(totals);
        for (long from = 0; from < length; ) {
            long to = Math.min(from + PIECE, length);
            sumBlocks(piece(buffer, from, to), to - from, out);
            from = to;
        }
        return combine(totals);
    }

    /** Fills a mapped segment of {@code length} doubles: each piece is filled in a scratch buffer, then copied. */
    static void fillMapped(MemorySegment mapped, long length) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment scratch = arena.allocate(Math.min(length, PIECE) * Double.BYTES, Double.BYTES);
            for (long from = 0; from < length; ) {
                long to = Math.min(from + PIECE, length);
                // the scratch buffer is filled again and again: a total of one piece keeps it in the cache
                fillPiece(scratch, to - from, from, to - from);
                MemorySegment.copy(scratch, 0, mapped, from * Double.BYTES, (to - from) * Double.BYTES);
                from = to;
            }
        }
    }

    /** The sum of a mapped segment of {@code length} doubles: each piece is copied into a scratch buffer, then summed. */
    static double sumMapped(MemorySegment mapped, long length) {
        double[] totals = new double[LANES];
        MemorySegment out = MemorySegment.ofArray(totals);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment scratch = arena.allocate(Math.min(length, PIECE) * Double.BYTES, Double.BYTES);
            for (long from = 0; from < length; ) {
                long to = Math.min(from + PIECE, length);
                MemorySegment.copy(mapped, from * Double.BYTES, scratch, 0, (to - from) * Double.BYTES);
                sumBlocks(scratch, to - from, out);
                from = to;
            }
        }
        return combine(totals);
    }

    private static MemorySegment piece(MemorySegment buffer, long from, long to) {
        return buffer.asSlice(from * Double.BYTES, (to - from) * Double.BYTES);
    }

    private static void fillPiece(MemorySegment piece, long length, long start, long total) {
        NativeOperations.check(
                BufferFunctions.fillPiece(piece, length, start, total), BufferFunctions.FILL_PIECE.name());
    }

    private static void sumBlocks(MemorySegment piece, long length, MemorySegment totals) {
        NativeOperations.check(BufferFunctions.sumBlocks(piece, length, totals), BufferFunctions.SUM_BLOCKS.name());
    }

    /** The sum order's fixed tree over the sixteen totals: halves of 8, then 4, then 2, then 1. */
    static double combine(double[] totals) {
        for (int width = LANES / 2; width >= 1; width /= 2) {
            for (int k = 0; k < width; k++) {
                totals[k] += totals[k + width];
            }
        }
        return totals[0];
    }
}
