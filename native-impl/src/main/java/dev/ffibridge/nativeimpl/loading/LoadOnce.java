package dev.ffibridge.nativeimpl.loading;

import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * The outcome of loading, kept once it is final: a success, or a failure that another attempt would
 * meet again (a missing or broken library, an unsupported platform, an unsafe directory). A failure
 * of I/O ({@link LoadResult#retryable()}: an interrupted read, a full disk) is not kept: the next call
 * loads again. Thread-safe; attempts never overlap.
 */
final class LoadOnce {

    /** One attempt to load the library; never throws. */
    @FunctionalInterface
    interface Attempt {
        /** Locates, loads and checks the library; the outcome, never an exception. */
        LoadResult load();
    }

    /** The logger, made on first use: only a failed load logs. */
    private static final class Log {
        static final System.Logger LOG = System.getLogger("dev.ffibridge.nativeimpl");
    }

    private final Attempt attempt;
    private final Object lock = new Object();
    private volatile LoadResult kept;
    private volatile LoadResult last;

    LoadOnce(Attempt attempt) {
        this.attempt = attempt;
    }

    /** The kept outcome, or a new attempt's when there is none yet. Never throws. */
    LoadResult result() {
        LoadResult loaded = kept;
        if (loaded != null) {
            return loaded;
        }
        synchronized (lock) {
            loaded = kept;
            if (loaded == null) {
                loaded = attempt.load();
                last = loaded;
                if (!loaded.retryable()) {
                    kept = loaded;
                }
                logIfFailed(loaded);
            }
        }
        return loaded;
    }

    /** The latest outcome, kept or not, without loading. */
    Optional<LoadResult> peek() {
        return Optional.ofNullable(last);
    }

    /**
     * Logs a failure at DEBUG, with its cause. A success is not logged: asking a {@code System.Logger}
     * whether DEBUG is enabled starts the logging backend ({@code java.util.logging} by default), which
     * costs 5-9 ms of a cold load; what was loaded is in the provider's details, and so in {@code
     * FfiBridge.diagnostics()}.
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
