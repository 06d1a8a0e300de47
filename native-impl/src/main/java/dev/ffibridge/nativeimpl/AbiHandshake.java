package dev.ffibridge.nativeimpl;

import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Optional;

/**
 * The ABI handshake: the library's {@code ffi_bridge_abi_version()} must be {@link
 * FfiBridgeLibrary#ABI_VERSION}, and the struct layouts it reports through {@code ffi_bridge_layout}
 * must equal the ones the Java bindings use.
 */
final class AbiHandshake {

    private AbiHandshake() {}

    /**
     * Runs the handshake against {@code library}.
     *
     * @return the library's ABI version
     * @throws LinkageError saying what differs
     */
    static int verify(FfiBridgeLibrary library) {
        int version = library.abiVersion().invoke();
        if (version != FfiBridgeLibrary.ABI_VERSION) {
            throw new LinkageError(
                    problem(FfiBridgeLibrary.ABI_VERSION, version, null, null).orElseThrow());
        }
        int[] values = new int[AbiLayout.FIELDS.size()];
        int status = library.layout().invoke(MemorySegment.ofArray(values));
        if (status != FfiBridgeLibrary.OK) {
            throw new LinkageError("ffi_bridge_layout returned status " + status + ": "
                    + library.statusMessage().invoke(status));
        }
        AbiLayout actual = AbiLayout.from(MemorySegment.ofArray(values));
        Optional<String> problem = problem(FfiBridgeLibrary.ABI_VERSION, version, AbiLayout.expected(), actual);
        if (problem.isPresent()) {
            throw new LinkageError(problem.get());
        }
        return version;
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
