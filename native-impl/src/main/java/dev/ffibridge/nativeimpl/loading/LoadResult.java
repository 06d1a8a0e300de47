package dev.ffibridge.nativeimpl.loading;

import dev.ffibridge.nativeimpl.abi.FfiBridgeLibrary;
import java.io.IOException;
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

    /** How deep {@link #retryable()} looks into the causes. */
    private static final int MAX_CAUSES = 16;

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

    /**
     * Whether the failure came from I/O (an interrupted or failed read or write: an {@link IOException}
     * among its causes), which another attempt may not meet, rather than from the library, the
     * platform or the settings. Such an outcome is never kept (see {@link LoadOnce}).
     */
    boolean retryable() {
        Throwable t = cause;
        for (int depth = 0; t != null && depth < MAX_CAUSES; depth++, t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
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
