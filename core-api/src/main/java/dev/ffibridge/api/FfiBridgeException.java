package dev.ffibridge.api;

/**
 * A failure inside the native library that is not the caller's fault, such as a Rust panic caught
 * at the boundary. Bad arguments never produce it: they get {@link NullPointerException}, {@link
 * IllegalArgumentException} or {@link IndexOutOfBoundsException} from either provider.
 */
public class FfiBridgeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The library's status code, or 0. */
    private final int status;

    /**
     * Creates the exception.
     *
     * @param status the library's status code (negative), or 0 when there is none
     * @param message what failed, including the library's message for {@code status}
     */
    public FfiBridgeException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** {@return the library's status code, or 0 when the failure has none} */
    public int status() {
        return status;
    }
}
