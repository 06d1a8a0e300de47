package dev.ffibridge.nativeimpl.abi;

import dev.ffibridge.api.FfiBridgeException;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One opened {@code libffi_bridge.so} (the C ABI of {@code docs/abi.md}), of which nothing is linked
 * yet. The bindings, one class per section of the header ({@link GuideFunctions}, {@link
 * BufferFunctions}, {@link CodecFunctions}, {@link DiagnosticFunctions}), call the library of this
 * JVM ({@code loading.NativeRuntime.library()}).
 *
 * <p><b>Linked lazily.</b> Those functions are linked one by one on first use: each function's
 * method handle is created by the static initialiser of a holder class in {@link Handles} ({@code
 * Critical}, and {@code Regular} for the functions that also take large native buffers), through
 * {@link Downcalls}. A {@code static final} field is a JIT constant, so a linked call inlines as if
 * its handle had been made at start-up, while {@code FfiBridge.load()} pays only for the handles of
 * the self-test (every new descriptor shape costs milliseconds in a cold JVM; the ABI handshake
 * reads data and links none).
 *
 * <p><b>The load-time checks.</b> {@link #open} looks up the data symbol {@link #ABI_INFO} and links
 * nothing, so that the handshake ({@code loading.AbiHandshake}) refuses a library of another ABI version before any function
 * is touched; {@link #requireAllFunctions()} then checks that the library exports every function of
 * {@link BoundFunctions#ALL} (symbol lookups, no handles), so a library that lacks one is refused at
 * load, not at its first call. The checks call through handles linked on the instance they check
 * (the bindings' {@code (FfiBridgeLibrary, ...)} overloads), never through the holders, so a refused
 * library leaves nothing behind. Should linking fail after the load all the same, every call of
 * that function throws an {@link FfiBridgeException} saying why.
 *
 * <p>Short calls, and every call that takes a pointer into a Java heap array, use a {@linkplain
 * Linker.Option#critical(boolean) critical} handle with heap access, so arrays pass without a copy.
 * A critical call holds off the garbage collector until it returns, so the functions that walk a
 * buffer of arbitrary size also have a regular handle, used for native segments larger than {@link
 * #CRITICAL_NATIVE_BYTES}.
 */
public final class FfiBridgeLibrary {

    /** The ABI version these bindings implement; {@code ffi_bridge_abi_version()} must return it. */
    public static final int ABI_VERSION = 2;

    /** Native segments up to this many bytes go through critical handles; larger ones through regular handles. */
    public static final long CRITICAL_NATIVE_BYTES = 1L << 20;

    /** Status {@code FFI_BRIDGE_OK}. */
    public static final int OK = 0;

    /**
     * The data symbol {@code const FfiBridgeLayout FFI_BRIDGE_ABI_INFO}: what {@code ffi_bridge_layout}
     * writes, so its first {@code uint32_t} is the ABI version. The handshake reads it (no downcall).
     */
    public static final String ABI_INFO = "FFI_BRIDGE_ABI_INFO";

    private final SymbolLookup lookup;
    private final String origin;

    /** {@link #ABI_INFO}'s address, a segment of size 0. */
    private final MemorySegment abiInfo;

    private FfiBridgeLibrary(SymbolLookup lookup, String origin, MemorySegment abiInfo) {
        this.lookup = lookup;
        this.origin = origin;
        this.abiInfo = abiInfo;
    }

    /** Whether a call on {@code segment} must use the regular handle (large native memory). */
    public static boolean needsRegularCall(MemorySegment segment) {
        return segment.isNative() && segment.byteSize() > CRITICAL_NATIVE_BYTES;
    }

    /**
     * The library behind {@code lookup}, of which nothing is linked yet. It must export the data
     * symbol {@link #ABI_INFO}, which the handshake reads instead of calling a function.
     *
     * @param lookup the opened library
     * @param origin what the library is, for messages (e.g. its path)
     * @throws UnsatisfiedLinkError if it does not (a library of another ABI, or not a libffi_bridge at
     *     all): the message names it and every function of the ABI the library lacks too
     */
    public static FfiBridgeLibrary open(SymbolLookup lookup, String origin) {
        Optional<MemorySegment> abiInfo = lookup.find(ABI_INFO);
        if (abiInfo.isEmpty()) {
            List<String> missing = missingFunctions(lookup);
            throw new UnsatisfiedLinkError("the library does not export " + ABI_INFO
                    + " (the data symbol with the version and struct layouts of ABI version " + ABI_VERSION + ")"
                    + (missing.isEmpty() ? "" : " nor " + describe(missing)));
        }
        return new FfiBridgeLibrary(lookup, origin, abiInfo.get());
    }

    /**
     * The first {@code byteSize} bytes of this library's {@link #ABI_INFO}: read the version (the
     * first four) before anything else, as another ABI version may describe itself differently.
     */
    public MemorySegment abiInfo(long byteSize) {
        return Pointers.bytes(abiInfo, byteSize, ABI_INFO);
    }

    /**
     * Checks that the library exports every function of {@link BoundFunctions#ALL}: symbol lookups
     * only, no method handles.
     *
     * @throws UnsatisfiedLinkError naming every function the library does not export
     */
    public void requireAllFunctions() {
        List<String> missing = missingFunctions(lookup);
        if (!missing.isEmpty()) {
            throw new UnsatisfiedLinkError("the library does not export " + describe(missing));
        }
    }

    /** The functions of {@link BoundFunctions#ALL} that {@code lookup} does not find, in order. */
    private static List<String> missingFunctions(SymbolLookup lookup) {
        List<String> missing = new ArrayList<>();
        for (NativeFunction function : BoundFunctions.ALL) {
            if (lookup.find(function.name()).isEmpty()) {
                missing.add(function.name());
            }
        }
        return missing;
    }

    private static String describe(List<String> missingFunctions) {
        return String.join(", ", missingFunctions) + " (" + missingFunctions.size() + " of the "
                + BoundFunctions.ALL.size() + " functions of ABI version " + ABI_VERSION + ")";
    }

    /** A critical handle (with heap access) of this library's {@code function}: for the load-time checks. */
    public MethodHandle critical(NativeFunction function) {
        return link(function, true);
    }

    /**
     * Links this library's {@code function} through {@link Downcalls}.
     *
     * @throws UnsatisfiedLinkError if the library does not export it
     */
    MethodHandle link(NativeFunction function, boolean critical) {
        return Downcalls.link(lookup, origin, function, critical);
    }
}
