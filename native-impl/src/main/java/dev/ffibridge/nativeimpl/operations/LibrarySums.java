package dev.ffibridge.nativeimpl.operations;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

import dev.ffibridge.nativeimpl.abi.BufferFunctions;
import dev.ffibridge.nativeimpl.abi.FfiBridgeLibrary;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/** The library's sums when {@code ffi_bridge_sum} returned NaN. */
final class LibrarySums {

    private LibrarySums() {}

    /**
     * The rare path after {@code ffi_bridge_sum} returned NaN, which is either a NaN sum or an
     * error: sums again with {@code ffi_bridge_sum_buffer}, whose status tells them apart, and
     * returns its sum (bit for bit) or throws the status's exception.
     */
    static double checked(MemorySegment buffer, long length) {
        if (FfiBridgeLibrary.needsRegularCall(buffer)) {
            // Large native memory: a regular call, which lets the GC run meanwhile, and so a native out.
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment out = arena.allocate(JAVA_DOUBLE);
                NativeOperations.check(
                        BufferFunctions.sumBufferRegular(buffer, length, out), BufferFunctions.SUM_BUFFER.name());
                return out.get(JAVA_DOUBLE, 0);
            }
        }
        double[] out = new double[1];
        NativeOperations.check(
                BufferFunctions.sumBufferCritical(buffer, length, MemorySegment.ofArray(out)),
                BufferFunctions.SUM_BUFFER.name());
        return out[0];
    }
}
