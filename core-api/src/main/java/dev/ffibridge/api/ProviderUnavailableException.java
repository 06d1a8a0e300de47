package dev.ffibridge.api;

/**
 * Thrown when a provider was required (by {@link FfiBridge#load(String)} or {@code
 * -Dffibridge.provider}) but cannot run here. {@link #getCause()} says why.
 */
public class ProviderUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The name of the provider that is unavailable. */
    private final String provider;

    /**
     * Creates the exception.
     *
     * @param provider the provider's name
     * @param message what was asked and what failed
     * @param cause why the provider is unavailable; may be null
     */
    public ProviderUnavailableException(String provider, String message, Throwable cause) {
        super(message, cause);
        this.provider = provider;
    }

    /** {@return the name of the provider that is unavailable} */
    public String provider() {
        return provider;
    }
}
