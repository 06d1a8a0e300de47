package dev.ffibridge.nativeimpl.abi;

import dev.ffibridge.api.FfiBridgeException;
import dev.ffibridge.nativeimpl.loading.LibraryLocator;
import dev.ffibridge.nativeimpl.loading.NativeRuntime;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;

/**
 * Links downcall handles: the one place that creates them, for the functions of {@code
 * libffi_bridge.so} and for the C library's {@code dlopen}, {@code dlerror} and {@code dlclose} that
 * explain a failed load. As aircompressor's {@code NativeLoader} does, a function that cannot be
 * linked lazily gets a handle that throws instead, keeping the {@link LinkageError} as its cause. The
 * lazily linked handles themselves are the holders of {@link Handles}.
 *
 * <p>A <em>critical</em> handle ({@link Linker.Option#critical(boolean) critical(true)}, with heap
 * access) passes Java arrays without a copy but holds off the garbage collector until it returns; a
 * <em>regular</em> handle does not, and needs native memory.
 */
public final class Downcalls {

    private static final Linker.Option[] CRITICAL = {Linker.Option.critical(true)};
    private static final Linker.Option[] REGULAR = {};

    private Downcalls() {}

    /**
     * Links {@code function} of the library behind {@code lookup}.
     *
     * @param origin what the library is, for the message (e.g. its path)
     * @param critical whether the handle is critical (with heap access) or regular
     * @throws UnsatisfiedLinkError if the library does not export it
     */
    @SuppressWarnings("restricted")
    public static MethodHandle link(SymbolLookup lookup, String origin, NativeFunction function, boolean critical) {
        Optional<MemorySegment> symbol = lookup.find(function.name());
        if (symbol.isEmpty()) {
            throw new UnsatisfiedLinkError(origin + " does not export " + function.name());
        }
        return Linker.nativeLinker().downcallHandle(symbol.get(), function.descriptor(), critical ? CRITICAL : REGULAR);
    }

    /**
     * Makes the JDK build and cache the downcall stub of {@code function}'s shape (its descriptor and
     * options), with no library and no call: a later {@link #link} of a function of that shape reuses
     * it. In a cold JVM each new shape costs milliseconds, which a thread may pay while another one
     * extracts and opens the library.
     *
     * @return a handle of {@code function}'s type bound to the address 0: never to be called
     * @throws IllegalCallerException if native access is not enabled for this module
     */
    @SuppressWarnings("restricted")
    public static MethodHandle prepare(NativeFunction function, boolean critical) {
        MethodHandle stub = Linker.nativeLinker().downcallHandle(function.descriptor(), critical ? CRITICAL : REGULAR);
        // what downcallHandle(symbol, ...) adds: the address bound as the first argument
        return MethodHandles.insertArguments(stub, 0, MemorySegment.NULL);
    }

    /** The critical handle of {@code function} in this JVM's library, for a holder's static initialiser. */
    static MethodHandle critical(NativeFunction function) {
        return linkLazily(function, true);
    }

    /** The regular handle of {@code function} in this JVM's library, for a holder's static initialiser. */
    static MethodHandle regular(NativeFunction function) {
        return linkLazily(function, false);
    }

    /**
     * Never throws (a failed static initialiser would leave a {@link NoClassDefFoundError} behind): if
     * the function cannot be linked, the handle throws an {@link FfiBridgeException} saying why at
     * every call.
     */
    private static MethodHandle linkLazily(NativeFunction function, boolean critical) {
        try {
            return NativeRuntime.library().link(function, critical);
        } catch (RuntimeException | LinkageError e) {
            return failing(function, e);
        }
    }

    /** A handle of {@code function}'s type that throws a new {@link FfiBridgeException} caused by {@code cause}. */
    public static MethodHandle failing(NativeFunction function, Throwable cause) {
        MethodType type = function.descriptor().toMethodType();
        try {
            MethodHandle fail = MethodHandles.lookup()
                    .findStatic(
                            Downcalls.class,
                            "failLinked",
                            MethodType.methodType(Object.class, String.class, Throwable.class));
            return MethodHandles.dropArguments(
                            MethodHandles.insertArguments(fail, 0, function.name(), cause), 0, type.parameterList())
                    .asType(type);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("failLinked is declared here", e);
        }
    }

    /** What a function that could not be linked does instead of the call. */
    private static Object failLinked(String name, Throwable cause) {
        FfiBridgeException failure = new FfiBridgeException(
                0,
                "cannot call " + name + ": " + cause.getMessage()
                        + " (the library passed the ABI handshake, so it is broken or was replaced; "
                        + LibraryLocator.ALTERNATIVES + ")");
        failure.initCause(cause);
        throw failure;
    }
}
