package dev.ffibridge.nativeimpl.loading;

import dev.ffibridge.nativeimpl.abi.AbiLayout;
import dev.ffibridge.nativeimpl.abi.FfiBridgeLibrary;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Optional;

/**
 * The ABI handshake, read from the library's data symbol {@code FFI_BRIDGE_ABI_INFO} (see {@link
 * FfiBridgeLibrary#ABI_INFO}), with no downcall: its first {@code uint32_t}, the ABI version, must be
 * {@link FfiBridgeLibrary#ABI_VERSION} (checked first, with nothing linked), and the struct layouts
 * that follow must equal the ones the Java bindings use. Each read is one bulk copy into an {@code
 * int[]}: in a cold JVM, a downcall handle of a new signature or a segment {@code VarHandle} costs
 * milliseconds.
 */
public final class AbiHandshake {

    private AbiHandshake() {}

    /**
     * The first step: the first four bytes of {@code FFI_BRIDGE_ABI_INFO} must be {@link
     * FfiBridgeLibrary#ABI_VERSION}. Nothing else is read and nothing is linked before, so a library of
     * another ABI version is refused before anything whose signature or layout may have changed is used.
     *
     * @throws LinkageError saying which version the library has
     */
    static void verifyVersion(FfiBridgeLibrary library) {
        int[] version = new int[1];
        MemorySegment.ofArray(version).copyFrom(library.abiInfo(Integer.BYTES));
        if (version[0] != FfiBridgeLibrary.ABI_VERSION) {
            throw new LinkageError(problem(FfiBridgeLibrary.ABI_VERSION, version[0], null, null)
                    .orElseThrow());
        }
    }

    /**
     * The second step, once the version matched: the struct layouts that {@code FFI_BRIDGE_ABI_INFO}
     * describes (what {@code ffi_bridge_layout} writes) must be the Java bindings'.
     *
     * @throws LinkageError listing every field that differs
     */
    static void verifyLayout(FfiBridgeLibrary library) {
        int[] values = new int[AbiLayout.FIELDS.size()];
        MemorySegment.ofArray(values).copyFrom(library.abiInfo((long) values.length * Integer.BYTES));
        AbiLayout actual = AbiLayout.of(values);
        // The version matched already; the layout's own abi_version field is compared with the rest.
        Optional<String> problem =
                problem(FfiBridgeLibrary.ABI_VERSION, FfiBridgeLibrary.ABI_VERSION, AbiLayout.expected(), actual);
        if (problem.isPresent()) {
            throw new LinkageError(problem.get());
        }
    }

    /**
     * What is wrong, or empty when the library matches: a pure function of the versions and
     * layouts, so tests can doctor either side.
     *
     * @param expectedVersion the version the bindings implement
     * @param actualVersion the library's version (the first field of {@code FFI_BRIDGE_ABI_INFO})
     * @param expected the layout the bindings use, or null to compare versions only
     * @param actual what {@code FFI_BRIDGE_ABI_INFO} describes, or null to compare versions only
     */
    static Optional<String> problem(int expectedVersion, int actualVersion, AbiLayout expected, AbiLayout actual) {
        if (actualVersion != expectedVersion) {
            return Optional.of("the library has ABI version " + Integer.toUnsignedString(actualVersion)
                    + " but this jar binds ABI version " + expectedVersion
                    + ": the library was built from a different version of ffi-bridge");
        }
        if (expected == null || actual == null) {
            return Optional.empty();
        }
        List<String> differences = AbiLayout.differences(expected, actual);
        if (differences.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("the library's struct layouts differ from the Java bindings' ("
                + String.join("; ", differences) + "): the library was built from a different version of ffi-bridge"
                + " or for another platform");
    }
}
