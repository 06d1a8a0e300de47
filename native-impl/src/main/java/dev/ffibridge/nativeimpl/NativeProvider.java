package dev.ffibridge.nativeimpl;

import dev.ffibridge.api.spi.AbstractFfiBridgeProvider;
import dev.ffibridge.api.spi.BridgeOperations;
import dev.ffibridge.nativeimpl.abi.FfiBridgeLibrary;
import dev.ffibridge.nativeimpl.loading.LoadResult;
import dev.ffibridge.nativeimpl.loading.NativeRuntime;
import dev.ffibridge.nativeimpl.operations.Crossovers;
import dev.ffibridge.nativeimpl.operations.NativeOperations;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The native provider: the operations run in the Rust library {@code libffi_bridge.so}, bound
 * through the Foreign Function &amp; Memory API.
 *
 * <p>The library is found, loaded and checked on the first call of {@link #unavailabilityCause()}
 * (never by the constructor): the file named by {@code -Dffibridge.library.path}, or else the
 * jar's {@code native/<platform>/} library for this OS, CPU and C library ({@code linux-x86-64},
 * {@code linux-aarch64-musl}, {@code windows-x86-64}, ...), extracted into {@code -Dffibridge.tmpdir}
 * (default {@code java.io.tmpdir}; refused when another user could write there). It must report ABI version {@value FfiBridgeLibrary#ABI_VERSION}
 * and the struct layouts of the Java bindings, and pass a small self-test. The JVM needs {@code
 * --enable-native-access=ALL-UNNAMED} (or the module's name).
 */
public final class NativeProvider extends AbstractFfiBridgeProvider {

    /** The provider's name: {@value}. */
    public static final String NAME = NativeRuntime.PROVIDER_NAME;

    /** The selection priority: above the pure-Java provider's. */
    public static final int PRIORITY = 100;

    /** Creates the provider; cheap, and touches no native code. */
    public NativeProvider() {
        super(NAME, PRIORITY);
    }

    /**
     * Loads and checks the library on the first call; then answers from the kept outcome, or, after a
     * failure of I/O (never kept), loads again.
     */
    @Override
    public Optional<Throwable> unavailabilityCause() {
        try {
            return Optional.ofNullable(NativeRuntime.result().cause());
        } catch (RuntimeException | LinkageError e) {
            return Optional.of(e);
        }
    }

    /**
     * {@code platform} (this JVM's platform folder, with {@code os.name}, {@code os.arch} and the C
     * library) and {@code jar platforms} (the folders this jar ships), always; once the library was
     * probed also {@code library} (the absolute path of the file), {@code abi} (its ABI version) and
     * {@code source} ({@code ffibridge.library.path} or {@code jar (extracted to <dir>)}), as far as known,
     * and {@code java path below} and {@code java path above} (the sizes that run in Java, see {@code Crossovers}).
     */
    @Override
    public Map<String, String> details() {
        try {
            Map<String, String> details = new LinkedHashMap<>(NativeRuntime.platformDetails());
            Optional<LoadResult> result = NativeRuntime.peek();
            if (result.isPresent()) {
                details.putAll(result.get().details());
                details.putAll(Crossovers.describe());
            }
            return details;
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    @Override
    public BridgeOperations create() {
        return new NativeOperations();
    }

    @Override
    public String toString() {
        return "NativeProvider" + details();
    }
}
