package dev.ffibridge.nativeimpl.loading;

import dev.ffibridge.nativeimpl.abi.FfiBridgeLibrary;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of loading the library once: either the checked library, or why it could not be used.
 *
 * @param located the file and its source, or null if none was found
 * @param abiVersion the library's ABI version, or 0 when it failed before the handshake
 * @param library the checked library (its functions linked on first use), or null on failure
 * @param cause why the library cannot be used, or null on success
 */
public record LoadResult(LibraryLocator.Located located, int abiVersion, FfiBridgeLibrary library, Throwable cause) {

    static LoadResult loaded(LibraryLocator.Located located, int abiVersion, FfiBridgeLibrary library) {
        return new LoadResult(located, abiVersion, library, null);
    }

    static LoadResult failed(LibraryLocator.Located located, Throwable cause) {
        return new LoadResult(located, 0, null, cause);
    }

    /** Whether the library is usable. */
    boolean available() {
        return cause == null;
    }

    /** The absolute path of the file, or null. */
    Path path() {
        return located == null ? null : located.path();
    }

    /**
     * The provider's details: {@code library} (absolute path), {@code abi} (version), {@code source}
     * ({@code ffibridge.library.path} or {@code jar (extracted to <dir>)}); as far as known.
     */
    public Map<String, String> details() {
        Map<String, String> details = new LinkedHashMap<>();
        if (located != null) {
            details.put("library", located.path().toString());
            details.put("source", located.source());
        }
        if (abiVersion != 0) {
            details.put("abi", Integer.toString(abiVersion));
        }
        return details;
    }
}
