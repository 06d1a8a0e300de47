package dev.ffibridge.api.spi;

import java.util.Map;
import java.util.Optional;

/**
 * A provider of the ffi-bridge operations, found by {@link java.util.ServiceLoader}.
 *
 * <p>An implementation is registered by naming its class in the resource file {@code
 * META-INF/services/dev.ffibridge.api.spi.FfiBridgeProvider} of its jar. Its public no-argument
 * constructor must be cheap and must not touch native code: {@code -Dffibridge.provider=java}
 * promises that native code is never loaded, yet {@code ServiceLoader} instantiates every provider
 * it finds. Work such as loading a library belongs in {@link #unavailabilityCause()}.
 */
public interface FfiBridgeProvider {

    /**
     * {@return the provider's name, as used by {@code -Dffibridge.provider}: {@code "native"}, {@code "java"}}
     */
    String name();

    /**
     * {@return the selection order under {@code auto}: the available provider with the highest priority wins}
     */
    int priority();

    /**
     * {@return why this provider cannot run here, or empty if it can} The first call may do real work (load
     * and check a library); its outcome is cached, so later calls are cheap. Never throws.
     */
    Optional<Throwable> unavailabilityCause();

    /**
     * {@return whether this provider can run here; the same as {@code unavailabilityCause().isEmpty()}}
     */
    default boolean isAvailable() {
        return unavailabilityCause().isEmpty();
    }

    /**
     * {@return facts for diagnostics and the selection log line, such as the library path and ABI version}
     * Never throws; empty when there is nothing to say.
     */
    Map<String, String> details();

    /**
     * {@return the operations} Called only after {@link #unavailabilityCause()} returned empty, at most once
     * per {@link dev.ffibridge.api.FfiBridge} instance; the result must be thread-safe.
     */
    BridgeOperations create();
}
