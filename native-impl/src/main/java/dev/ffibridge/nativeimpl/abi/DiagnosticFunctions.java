package dev.ffibridge.nativeimpl.abi;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * Bindings of the header's section "ABI and diagnostics": status texts, the ABI version, the struct
 * layouts and the live-object counters. (The load-time handshake reads the data symbol {@link
 * FfiBridgeLibrary#ABI_INFO} instead of calling these.) Handles: {@link Handles}; calls: {@link Calls}.
 */
public final class DiagnosticFunctions {

    private static final NativeFunction.Group GROUP = new NativeFunction.Group();

    /** {@code const char *ffi_bridge_status_message(int32_t status)}. */
    public static final NativeFunction STATUS_MESSAGE =
            GROUP.declare("ffi_bridge_status_message", FunctionDescriptor.of(ADDRESS, JAVA_INT));

    /** {@code uint32_t ffi_bridge_abi_version(void)}. */
    public static final NativeFunction ABI_VERSION =
            GROUP.declare("ffi_bridge_abi_version", FunctionDescriptor.of(JAVA_INT));

    /** {@code int32_t ffi_bridge_layout(FfiBridgeLayout *out)}. */
    public static final NativeFunction LAYOUT =
            GROUP.declare("ffi_bridge_layout", FunctionDescriptor.of(JAVA_INT, ADDRESS));

    /** {@code int32_t ffi_bridge_live_counts(FfiBridgeLiveCounts *out)}. */
    public static final NativeFunction LIVE_COUNTS =
            GROUP.declare("ffi_bridge_live_counts", FunctionDescriptor.of(JAVA_INT, ADDRESS));

    /** {@code int32_t ffi_bridge_self_test(void)}. */
    public static final NativeFunction SELF_TEST =
            GROUP.declare("ffi_bridge_self_test", FunctionDescriptor.of(JAVA_INT));

    /** This section's functions, in declaration order. */
    public static final List<NativeFunction> FUNCTIONS = GROUP.functions();

    private DiagnosticFunctions() {}

    /** The library's text for {@code status}; "no message" if it returned NULL. */
    public static String statusMessage(int status) {
        MemorySegment message = Calls.toPointer(Handles.StatusMessage.Critical.HANDLE, status);
        return message.equals(MemorySegment.NULL) ? "no message" : Pointers.cString(message, "status message");
    }

    /** The library's ABI version. */
    public static int abiVersion() {
        return Calls.toInt(Handles.AbiVersion.Critical.HANDLE);
    }

    /** Writes the struct layouts into {@code out}, which may be a heap {@code int[17]}; returns the status. */
    public static int layout(MemorySegment out) {
        return Calls.toInt(Handles.Layout.Critical.HANDLE, out);
    }

    /**
     * The known-answer self-test of {@code library}, the library being loaded, through a handle linked for
     * it: 0, a bit set of the functions that answered wrong, or a negative status.
     */
    public static int selfTest(FfiBridgeLibrary library) {
        return Calls.toInt(library.critical(SELF_TEST));
    }

    /** Writes the live counters into {@code out}, which may be a heap {@code long[4]}; returns the status. */
    public static int liveCounts(MemorySegment out) {
        return Calls.toInt(Handles.LiveCounts.Critical.HANDLE, out);
    }
}
