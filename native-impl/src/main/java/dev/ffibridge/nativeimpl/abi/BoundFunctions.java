package dev.ffibridge.nativeimpl.abi;

import java.util.ArrayList;
import java.util.List;

/**
 * The registry of the functions the bindings call, derived from the binding classes: each declares
 * its functions as it goes ({@link NativeFunction.Group}), and this joins them in the header's
 * order. The library must export every one of them ({@link FfiBridgeLibrary#requireAllFunctions()});
 * {@code HeaderBindingsTest} checks them against {@code rust-src/include/ffi_bridge.h}.
 */
public final class BoundFunctions {

    /** The binding classes' functions, section by section. */
    public static final List<NativeFunction> ALL = join(List.of(
            GuideFunctions.FUNCTIONS,
            BufferFunctions.FUNCTIONS,
            CodecFunctions.FUNCTIONS,
            DiagnosticFunctions.FUNCTIONS));

    private BoundFunctions() {}

    // A loop, not a stream: this runs in every cold load, where a lambda's bootstrap costs milliseconds.
    private static List<NativeFunction> join(List<List<NativeFunction>> groups) {
        List<NativeFunction> all = new ArrayList<>();
        for (List<NativeFunction> group : groups) {
            all.addAll(group);
        }
        return List.copyOf(all);
    }
}
