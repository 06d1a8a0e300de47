package dev.ffibridge.nativeimpl.loading;

import dev.ffibridge.api.ProviderUnavailableException;
import dev.ffibridge.nativeimpl.abi.FfiBridgeLibrary;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The library of this JVM, loaded on first demand with the system properties of that moment ({@code
 * ffibridge.library.path}, {@code ffibridge.tmpdir}), and kept once the outcome is final: a success,
 * or a failure another attempt would meet again. A failure of I/O is not kept (see {@link LoadOnce}).
 * Thread-safe.
 */
public final class NativeRuntime {

    private static final LoadOnce LIBRARY = new LoadOnce(new FromSystemProperties());

    /** The name of the provider this runtime serves, {@code NativeProvider.NAME}. */
    public static final String PROVIDER_NAME = "native";

    private static volatile Map<String, String> platformDetails;

    private NativeRuntime() {}

    /** Loads with the system properties of the moment (a class, not a lambda: see LibraryLocator). */
    private static final class FromSystemProperties implements LoadOnce.Attempt {
        @Override
        public LoadResult load() {
            return NativeLoader.load(LibraryLocator.Settings.fromSystemProperties());
        }
    }

    /** The outcome, loading the library unless a final outcome is kept. Never throws. */
    public static LoadResult result() {
        return LIBRARY.result();
    }

    /** The latest outcome, without loading. */
    public static Optional<LoadResult> peek() {
        return LIBRARY.peek();
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
     * Facts about this platform, known without loading anything: {@code platform} (the folder this JVM
     * needs, with {@code os.name}, {@code os.arch} and the C library) and {@code jar platforms} (the
     * folders this jar ships).
     */
    public static Map<String, String> platformDetails() {
        Map<String, String> details = platformDetails;
        if (details == null) {
            details = new LinkedHashMap<>();
            details.put("platform", Platform.current().describe());
            details.put("jar platforms", Platform.describe(Platform.shippedIn(LibraryLocator.Resources.classPath())));
            platformDetails = details;
        }
        return details;
    }
}
