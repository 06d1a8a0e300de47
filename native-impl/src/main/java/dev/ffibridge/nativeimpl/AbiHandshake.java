package dev.ffibridge.nativeimpl;

import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Optional;

/**
 * The ABI handshake: the library's {@code ffi_bridge_abi_version()} must be {@link
 * FfiBridgeLibrary#ABI_VERSION} (checked first, with nothing else linked), and the struct layouts it
 * reports through {@code ffi_bridge_layout} must equal the ones the Java bindings use.
 */
final class AbiHandshake {

    private AbiHandshake() {}

    /**
     * The first step: the library's {@code ffi_bridge_abi_version()} must be {@link
     * FfiBridgeLibrary#ABI_VERSION}. It links that one function only, so a library of another ABI
     * version is refused before anything whose signature may have changed is linked.
     *
     * @throws LinkageError saying which version the library has
     */
    static void verifyVersion(FfiBridgeLibrary library) {
        int version = FfiBridgeLibrary.AbiVersion.invoke(library);
        if (version != FfiBridgeLibrary.ABI_VERSION) {
            throw new LinkageError(
                    problem(FfiBridgeLibrary.ABI_VERSION, version, null, null).orElseThrow());
        }
    }

    /**
     * The second step, once the version matched: the struct layouts that {@code ffi_bridge_layout}
     * reports must be the Java bindings'.
     *
     * @throws LinkageError listing every field that differs
     */
    static void verifyLayout(FfiBridgeLibrary library) {
        int[] values = new int[AbiLayout.FIELDS.size()];
        int status = FfiBridgeLibrary.Layout.invoke(library, MemorySegment.ofArray(values));
        if (status != FfiBridgeLibrary.OK) {
            throw new LinkageError("ffi_bridge_layout returned status " + status + ": "
                    + FfiBridgeLibrary.StatusMessage.invoke(library, status));
        }
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
     * @param actualVersion what {@code ffi_bridge_abi_version()} returned
     * @param expected the layout the bindings use, or null to compare versions only
     * @param actual what {@code ffi_bridge_layout} reported, or null to compare versions only
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
