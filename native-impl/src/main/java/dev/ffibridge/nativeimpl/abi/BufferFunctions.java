package dev.ffibridge.nativeimpl.abi;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * Bindings of the header's section "buffers": fill and sum of caller memory, and the checked
 * constructors that write into the caller's {@code Person **} and {@code Data}. Functions that walk a
 * buffer of any size also have a regular handle, used for native segments over {@link
 * FfiBridgeLibrary#CRITICAL_NATIVE_BYTES}. Handles: {@link Handles}; calls: {@link Calls}.
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

    /** {@code int32_t ffi_bridge_person_new(const char *name, uint32_t age, float height, Person **out)}. */
    public static final NativeFunction PERSON_NEW = GROUP.declare(
            "ffi_bridge_person_new", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_FLOAT, ADDRESS));

    /** {@code int32_t ffi_bridge_data_fill(Data *out)}. */
    public static final NativeFunction DATA_FILL =
            GROUP.declare("ffi_bridge_data_fill", FunctionDescriptor.of(JAVA_INT, ADDRESS));

    /** {@code int32_t ffi_bridge_fill_piece(double *buffer, size_t length, uint64_t start, size_t total)}. */
    public static final NativeFunction FILL_PIECE = GROUP.declare(
            "ffi_bridge_fill_piece", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_LONG));

    /** {@code int32_t ffi_bridge_sum_blocks(const double *buffer, size_t length, double *totals)}. */
    public static final NativeFunction SUM_BLOCKS =
            GROUP.declare("ffi_bridge_sum_blocks", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS));

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

    /** A new {@code Person} into {@code *out}; {@code name} and {@code out} may be heap arrays. */
    public static int personNew(MemorySegment name, int age, float height, MemorySegment out) {
        return Calls.toInt(Handles.PersonNew.Critical.HANDLE, name, age, height, out);
    }

    /**
     * {@link #personNew} through the regular handle, for a long name whose copy a critical call must not hold
     * safepoints off for: {@code name} and {@code out} must be native.
     */
    public static int personNewRegular(MemorySegment name, int age, float height, MemorySegment out) {
        return Calls.toInt(Handles.PersonNew.Regular.HANDLE, name, age, height, out);
    }

    /** Writes the guide's five values into {@code out}, which may be a heap {@code double[5]}. */
    public static int dataFill(MemorySegment out) {
        return Calls.toInt(Handles.DataFill.Critical.HANDLE, out);
    }

    /**
     * Fills one piece of a fill of {@code total} doubles with the values from index {@code start}, through the
     * critical handle: for heap memory or a short native buffer. The library writes it with the stores of one
     * fill of {@code total} doubles (past the caches for large ones). Returns the status.
     */
    public static int fillPiece(MemorySegment buffer, long length, long start, long total) {
        return Calls.toInt(Handles.FillPiece.Critical.HANDLE, buffer, length, start, total);
    }

    /**
     * Adds the blocks of one piece of a larger buffer to the sixteen {@code totals}, through the
     * critical handle: both may be on the heap, the buffer short. Returns the status.
     */
    public static int sumBlocks(MemorySegment buffer, long length, MemorySegment totals) {
        return Calls.toInt(Handles.SumBlocks.Critical.HANDLE, buffer, length, totals);
    }
}
