package dev.ffibridge.javaimpl;

import dev.ffibridge.api.spi.AbstractFfiBridgeProvider;
import dev.ffibridge.api.spi.BridgeOperations;
import java.util.Map;
import java.util.Optional;

/**
 * The pure-Java provider, named {@code "java"}: always available, with priority 0 so that the
 * native provider wins under {@code auto} whenever it can run. It touches no native code.
 */
public final class JavaProvider extends AbstractFfiBridgeProvider {

    /** The name {@code -Dffibridge.provider} uses for this provider. */
    public static final String NAME = "java";

    /** The priority under {@code auto}: below the native provider's. */
    public static final int PRIORITY = 0;

    /** Creates the provider; cheap, as {@link java.util.ServiceLoader} requires. */
    public JavaProvider() {
        super(NAME, PRIORITY);
    }

    /** Always empty: pure Java runs everywhere the API does. */
    @Override
    public Optional<Throwable> unavailabilityCause() {
        return Optional.empty();
    }

    @Override
    public Map<String, String> details() {
        return Map.of("implementation", "pure Java");
    }

    @Override
    public BridgeOperations create() {
        return JavaOperations.INSTANCE;
    }

    @Override
    public String toString() {
        return "JavaProvider[" + NAME + "]";
    }
}
