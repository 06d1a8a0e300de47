package dev.ffibridge.nativeimpl.operations;

import dev.ffibridge.api.FfiBridgeException;
import dev.ffibridge.api.ProviderUnavailableException;
import dev.ffibridge.nativeimpl.abi.DiagnosticFunctions;
import dev.ffibridge.nativeimpl.abi.FfiBridgeLibrary;
import dev.ffibridge.nativeimpl.loading.NativeRuntime;
import java.lang.foreign.MemorySegment;

/** Facts about the loaded native library, for tests and monitoring. */
public final class NativeDiagnostics {

    private NativeDiagnostics() {}

    /**
     * {@return how many objects the library has handed out and not yet had back ({@code
     * ffi_bridge_live_counts})} Loads the library if needed.
     *
     * @throws ProviderUnavailableException if the native library cannot be used here
     */
    public static LiveCounts liveCounts() {
        NativeRuntime.library(); // throws ProviderUnavailableException before anything is linked
        long[] counts = new long[4];
        int status = DiagnosticFunctions.liveCounts(MemorySegment.ofArray(counts));
        if (status != FfiBridgeLibrary.OK) {
            throw new FfiBridgeException(
                    status, "ffi_bridge_live_counts failed: " + DiagnosticFunctions.statusMessage(status));
        }
        return LiveCounts.from(MemorySegment.ofArray(counts));
    }
}
