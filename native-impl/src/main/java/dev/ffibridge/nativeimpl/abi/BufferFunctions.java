package dev.ffibridge.nativeimpl.abi;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * Bindings of the header's section "buffers": fill and sum of caller memory, and the Rust-owned
 * buffer. Functions that walk a buffer of any size also have a regular handle, used for native
 * segments over {@link FfiBridgeLibrary#CRITICAL_NATIVE_BYTES}; see {@link FfiBridgeLibrary} for the
 * holders.
 */
public final class BufferFunctions {

    private static final NativeFunction.Group GROUP = new NativeFunction.Group();

    /** {@code int32_t ffi_bridge_fill_buffer(double *buffer, size_t length)}. */
    public static final NativeFunction FILL_BUFFER =
            GROUP.declare("ffi_bridge_fill_buffer", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG));

    /** {@code int32_t ffi_bridge_sum_buffer(const double *buffer, size_t length, double *out)}. */
    public static final NativeFunction SUM_BUFFER =
            GROUP.declare("ffi_bridge_sum_buffer", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS));

    /** {@code double ffi_bridge_sum(const double *buffer, size_t length)}. */
    public static final NativeFunction SUM =
            GROUP.declare("ffi_bridge_sum", FunctionDescriptor.of(JAVA_DOUBLE, ADDRESS, JAVA_LONG));

    /** {@code int32_t ffi_bridge_buffer_new_filled(size_t length, FfiBridgeBuffer **out)}. */
    public static final NativeFunction BUFFER_NEW_FILLED =
            GROUP.declare("ffi_bridge_buffer_new_filled", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS));

    /** {@code void ffi_bridge_buffer_free(FfiBridgeBuffer *buffer)}. */
    public static final NativeFunction BUFFER_FREE =
            GROUP.declare("ffi_bridge_buffer_free", FunctionDescriptor.ofVoid(ADDRESS));

    /** {@code int32_t ffi_bridge_fill_range(double *buffer, size_t length, uint64_t start)}. */
    public static final NativeFunction FILL_RANGE =
            GROUP.declare("ffi_bridge_fill_range", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG));

    /** {@code int32_t ffi_bridge_sum_blocks(const double *buffer, size_t length, double *totals)}. */
    public static final NativeFunction SUM_BLOCKS =
            GROUP.declare("ffi_bridge_sum_blocks", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS));

    /** This section's functions, in declaration order. */
    public static final List<NativeFunction> FUNCTIONS = GROUP.functions();

    private BufferFunctions() {}

    // Per function: its holder classes, each initialised on first use, then its calls.

    private static final class CheckedFillBuffer {
        static final class Critical {
            static final MethodHandle HANDLE = Downcalls.critical(FILL_BUFFER);
        }

        static final class Regular {
            static final MethodHandle HANDLE = Downcalls.regular(FILL_BUFFER);
        }
    }

    /** Fills the {@code length} doubles at {@code buffer}, heap or native; returns the status. */
    public static int checkedFillBuffer(MemorySegment buffer, long length) {
        try {
            return FfiBridgeLibrary.needsRegularCall(buffer)
                    ? (int) CheckedFillBuffer.Regular.HANDLE.invokeExact(buffer, length)
                    : (int) CheckedFillBuffer.Critical.HANDLE.invokeExact(buffer, length);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class SumBuffer {
        static final class Critical {
            static final MethodHandle HANDLE = Downcalls.critical(SUM_BUFFER);
        }

        static final class Regular {
            static final MethodHandle HANDLE = Downcalls.regular(SUM_BUFFER);
        }
    }

    /** The sum into {@code out}, through the critical handle: both may be on the heap. Returns the status. */
    public static int sumBufferCritical(MemorySegment buffer, long length, MemorySegment out) {
        try {
            return (int) SumBuffer.Critical.HANDLE.invokeExact(buffer, length, out);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    /** The sum into {@code out}, through the regular handle: both must be native. Returns the status. */
    public static int sumBufferRegular(MemorySegment buffer, long length, MemorySegment out) {
        try {
            return (int) SumBuffer.Regular.HANDLE.invokeExact(buffer, length, out);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class Sum {
        static final class Critical {
            static final MethodHandle HANDLE = Downcalls.critical(SUM);
        }

        static final class Regular {
            static final MethodHandle HANDLE = Downcalls.regular(SUM);
        }
    }

    /** The sum of the {@code length} doubles at {@code buffer}, heap or native (NaN on an error). */
    public static double sum(MemorySegment buffer, long length) {
        try {
            return FfiBridgeLibrary.needsRegularCall(buffer)
                    ? (double) Sum.Regular.HANDLE.invokeExact(buffer, length)
                    : (double) Sum.Critical.HANDLE.invokeExact(buffer, length);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    /** {@link #sum} on {@code library}, through a critical handle linked for this call. */
    public static double sum(FfiBridgeLibrary library, MemorySegment buffer, long length) {
        MethodHandle handle = library.critical(SUM);
        try {
            return (double) handle.invokeExact(buffer, length);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class BufferNewFilled {
        static final class Regular {
            static final MethodHandle HANDLE = Downcalls.regular(BUFFER_NEW_FILLED);
        }
    }

    /** A new filled buffer into {@code *out}, through the regular handle (the fill may be long): native {@code out}. */
    public static int bufferNewFilled(long length, MemorySegment out) {
        try {
            return (int) BufferNewFilled.Regular.HANDLE.invokeExact(length, out);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class BufferFree {
        static final class Critical {
            static final MethodHandle HANDLE = Downcalls.critical(BUFFER_FREE);
        }
    }

    /** Frees a buffer of {@link #bufferNewFilled}; NULL is a no-op. */
    public static void bufferFree(MemorySegment buffer) {
        try {
            BufferFree.Critical.HANDLE.invokeExact(buffer);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class FillRange {
        static final class Critical {
            static final MethodHandle HANDLE = Downcalls.critical(FILL_RANGE);
        }
    }

    /**
     * Fills one piece of a larger buffer with the values from index {@code start}, through the critical handle:
     * for heap memory or a short native buffer. Returns the status.
     */
    public static int fillRange(MemorySegment buffer, long length, long start) {
        try {
            return (int) FillRange.Critical.HANDLE.invokeExact(buffer, length, start);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class SumBlocks {
        static final class Critical {
            static final MethodHandle HANDLE = Downcalls.critical(SUM_BLOCKS);
        }
    }

    /**
     * Adds the blocks of one piece of a larger buffer to the sixteen {@code totals}, through the critical
     * handle: both may be on the heap, the buffer short. Returns the status.
     */
    public static int sumBlocks(MemorySegment buffer, long length, MemorySegment totals) {
        try {
            return (int) SumBlocks.Critical.HANDLE.invokeExact(buffer, length, totals);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }
}
