package dev.ffibridge.nativeimpl.abi;

import java.lang.foreign.FunctionDescriptor;
import java.util.ArrayList;
import java.util.List;

/**
 * A function of the C ABI that the bindings call: its symbol and its FFM descriptor. The test {@code
 * HeaderBindingsTest} checks both against {@code rust-src/include/ffi_bridge.h}.
 *
 * @param name the exported symbol, e.g. {@code add_numbers}
 * @param descriptor the return and parameter layouts the bindings link it with
 */
public record NativeFunction(String name, FunctionDescriptor descriptor) {

    /**
     * The functions a binding class declares, collected as it declares them (in its static
     * initialiser), so that its list of functions is derived, never kept by hand.
     */
    static final class Group {
        private final List<NativeFunction> declared = new ArrayList<>();

        /** Declares the function {@code name}, linked with {@code descriptor}. */
        NativeFunction declare(String name, FunctionDescriptor descriptor) {
            NativeFunction function = new NativeFunction(name, descriptor);
            declared.add(function);
            return function;
        }

        /** Everything declared so far, in declaration order. */
        List<NativeFunction> functions() {
            return List.copyOf(declared);
        }
    }
}
