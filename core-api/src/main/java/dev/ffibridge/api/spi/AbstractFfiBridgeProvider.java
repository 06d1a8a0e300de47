package dev.ffibridge.api.spi;

import java.util.Objects;

/**
 * A convenience base for providers: holds the name and the priority, which never change. A subclass still
 * needs the public no-argument constructor {@link java.util.ServiceLoader} calls, and implements the rest of
 * {@link FfiBridgeProvider}.
 */
public abstract class AbstractFfiBridgeProvider implements FfiBridgeProvider {

    private final String name;
    private final int priority;

    /**
     * Creates a provider named {@code name} (see {@link #name()}) with selection priority {@code priority}.
     *
     * @param name the provider's name, as {@code -Dffibridge.provider} uses it
     * @param priority the selection order under {@code auto}: the available provider with the highest wins
     */
    protected AbstractFfiBridgeProvider(String name, int priority) {
        this.name = Objects.requireNonNull(name, "name");
        this.priority = priority;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int priority() {
        return priority;
    }
}
