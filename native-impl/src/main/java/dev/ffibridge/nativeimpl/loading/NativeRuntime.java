package dev.ffibridge.nativeimpl.loading;

import dev.ffibridge.api.ProviderUnavailableException;
import dev.ffibridge.nativeimpl.abi.FfiBridgeLibrary;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * The library of this JVM, loaded at most once, on first demand, with the system properties of
 * that moment ({@code ffibridge.library.path}, {@code ffibridge.tmpdir}). Thread-safe.
 */
public final class NativeRuntime {

    /** The logger, made on first use: only a failed load logs. */
    private static final class Log {
        static final System.Logger LOG = System.getLogger("dev.ffibridge.nativeimpl");
    }

    /** The name of the provider this runtime serves, {@code NativeProvider.NAME}. */
    public static final String PROVIDER_NAME = "native";

    private static final Object LOCK = new Object();
    private static volatile LoadResult result;

    private NativeRuntime() {}

    /** The outcome, loading the library on the first call. Never throws. */
    public static LoadResult result() {
        LoadResult loaded = result;
        if (loaded == null) {
            synchronized (LOCK) {
                loaded = result;
                if (loaded == null) {
                    loaded = NativeLoader.load(LibraryLocator.Settings.fromSystemProperties());
                    result = loaded;
                    logIfFailed(loaded);
                }
            }
        }
        return loaded;
    }

    /** The outcome if the library was already loaded or refused, without loading it. */
    public static Optional<LoadResult> peek() {
        return Optional.ofNullable(result);
    }

    /**
     * The library, checked; its functions are linked on first use (see {@link FfiBridgeLibrary}).
     *
     * @throws ProviderUnavailableException if it cannot be used; the cause says why
     */
    public static FfiBridgeLibrary library() {
        LoadResult loaded = result();
        if (!loaded.available()) {
            throw new ProviderUnavailableException(
                    PROVIDER_NAME,
                    "the native library is unavailable: " + loaded.cause().getMessage(),
                    loaded.cause());
        }
        return loaded.library();
    }

    /**
     * Logs a failure at DEBUG, with its cause. A success is not logged: asking a {@code System.Logger}
     * whether DEBUG is enabled starts the logging backend ({@code java.util.logging} by default), which
     * costs 5-9 ms of a cold load; what was loaded is in {@code NativeProvider.details()}, and so in
     * {@code FfiBridge.diagnostics()} and in the INFO line of {@code FfiBridge.load()}.
     */
    private static void logIfFailed(LoadResult loaded) {
        if (loaded.available()) {
            return;
        }
        try {
            Log.LOG.log(
                    Level.DEBUG,
                    "ffibridge: native library unavailable: " + loaded.cause().getMessage(),
                    loaded.cause());
        } catch (RuntimeException ignored) {
            // a broken logger must not make the provider unavailable
        }
    }
}
