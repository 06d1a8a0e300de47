package dev.ffibridge.nativeimpl.abi;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * Bindings of the header's section "buffers": fill and sum of caller memory, and the Rust-owned
 * buffer. Functions that walk a buffer of any size also have a regular handle, used for native
 * segments over {@link FfiBridgeLibrary#CRITICAL_NATIVE_BYTES}; see {@link Handles} for the
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

    /** This section's functions, in declaration order. */
    public static final List<NativeFunction> FUNCTIONS = GROUP.functions();

    private BufferFunctions() {}

    /** Fills the {@code length} doubles at {@code buffer}, heap or native; returns the status. */
    public static int checkedFillBuffer(MemorySegment buffer, long length) {
        if (FfiBridgeLibrary.needsRegularCall(buffer)) {
            return Calls.toInt(Handles.CheckedFillBuffer.Regular.HANDLE, buffer, length);
        }
        return Calls.toInt(Handles.CheckedFillBuffer.Critical.HANDLE, buffer, length);
    }

    /** The sum into {@code out}, through the critical handle: both may be on the heap. Returns the status. */
    public static int sumBufferCritical(MemorySegment buffer, long length, MemorySegment out) {
        return Calls.toInt(Handles.SumBuffer.Critical.HANDLE, buffer, length, out);
    }

    /** The sum into {@code out}, through the regular handle: both must be native. Returns the status. */
    public static int sumBufferRegular(MemorySegment buffer, long length, MemorySegment out) {
        return Calls.toInt(Handles.SumBuffer.Regular.HANDLE, buffer, length, out);
    }

    /** The sum of the {@code length} doubles at {@code buffer}, heap or native (NaN on an error). */
    public static double sum(MemorySegment buffer, long length) {
        if (FfiBridgeLibrary.needsRegularCall(buffer)) {
            return Calls.toDouble(Handles.Sum.Regular.HANDLE, buffer, length);
        }
        return Calls.toDouble(Handles.Sum.Critical.HANDLE, buffer, length);
    }

    /** {@link #sum} on {@code library}, through a critical handle linked for this call. */
    public static double sum(FfiBridgeLibrary library, MemorySegment buffer, long length) {
        return Calls.toDouble(library.critical(SUM), buffer, length);
    }

    /** A new filled buffer into {@code *out}, through the regular handle (the fill may be long): native {@code out}. */
    public static int bufferNewFilled(long length, MemorySegment out) {
        return Calls.toInt(Handles.BufferNewFilled.Regular.HANDLE, length, out);
    }

    /** Frees a buffer of {@link #bufferNewFilled}; NULL is a no-op. */
    public static void bufferFree(MemorySegment buffer) {
        Calls.toVoid(Handles.BufferFree.Critical.HANDLE, buffer);
    }
}
