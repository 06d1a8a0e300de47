package dev.ffibridge.nativeimpl.abi;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * Bindings of the header's section "ABI and diagnostics": status texts, the ABI version, the struct
 * layouts and the live-object counters. (The load-time handshake reads the data symbol {@link
 * FfiBridgeLibrary#ABI_INFO} instead of calling these.) See {@link FfiBridgeLibrary} for the holders.
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

    /** This section's functions, in declaration order. */
    public static final List<NativeFunction> FUNCTIONS = GROUP.functions();

    private DiagnosticFunctions() {}

    // Per function: its holder class, initialised on first use, then its call.

    private static final class StatusMessage {
        static final class Critical {
            static final MethodHandle HANDLE = Downcalls.critical(STATUS_MESSAGE);
        }
    }

    /** The library's text for {@code status}; "no message" if it returned NULL. */
    public static String statusMessage(int status) {
        MemorySegment message;
        try {
            message = (MemorySegment) StatusMessage.Critical.HANDLE.invokeExact(status);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
        return message.equals(MemorySegment.NULL) ? "no message" : Pointers.cString(message, "status message");
    }

    private static final class AbiVersion {
        static final class Critical {
            static final MethodHandle HANDLE = Downcalls.critical(ABI_VERSION);
        }
    }

    /** The library's ABI version. */
    public static int abiVersion() {
        try {
            return (int) AbiVersion.Critical.HANDLE.invokeExact();
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class Layout {
        static final class Critical {
            static final MethodHandle HANDLE = Downcalls.critical(LAYOUT);
        }
    }

    /** Writes the struct layouts into {@code out}, which may be a heap {@code int[17]}; returns the status. */
    public static int layout(MemorySegment out) {
        try {
            return (int) Layout.Critical.HANDLE.invokeExact(out);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }

    private static final class LiveCounts {
        static final class Critical {
            static final MethodHandle HANDLE = Downcalls.critical(LIVE_COUNTS);
        }
    }

    /** Writes the live counters into {@code out}, which may be a heap {@code long[4]}; returns the status. */
    public static int liveCounts(MemorySegment out) {
        try {
            return (int) LiveCounts.Critical.HANDLE.invokeExact(out);
        } catch (Throwable t) {
            throw Downcalls.rethrow(t);
        }
    }
}
