package dev.ffibridge.nativeimpl.abi;

import dev.ffibridge.api.FfiBridgeException;

/**
 * The library's status codes ({@code FFI_BRIDGE_*}) and the exception each becomes: bad input gives
 * {@link IllegalArgumentException}, a refused allocation {@link OutOfMemoryError}, and anything that
 * is not the caller's fault {@link FfiBridgeException}.
 */
public enum Status {
    OK(0),
    NULL_POINTER(-1),
    INVALID_UTF8(-2),
    INTERIOR_NUL(-3),
    LENGTH_OVERFLOW(-4),
    ALLOCATION_FAILED(-5),
    MALFORMED_BYTES(-6),
    PANIC(-7),
    OUTPUT_LENGTH(-8);

    private final int code;

    Status(int code) {
        this.code = code;
    }

    /** The C value. */
    int code() {
        return code;
    }

    /** The status with this code, or null for a code this version does not know. */
    static Status of(int code) {
        for (Status status : values()) {
            if (status.code == code) {
                return status;
            }
        }
        return null;
    }

    /** The C constant of {@code code}, {@code FFI_BRIDGE_PANIC} for instance, or null for a code this version does not know. */
    public static String constantName(int code) {
        Status status = of(code);
        return status == null ? null : "FFI_BRIDGE_" + status;
    }

    /**
     * The exception for a failed call; an {@link OutOfMemoryError} is thrown rather than returned.
     *
     * @param code the non-zero status the function returned
     * @param function the C function's name
     * @param message the library's text for {@code code} ({@code ffi_bridge_status_message})
     */
    public static RuntimeException failure(int code, String function, String message) {
        Status status = of(code);
        String constant = constantName(code);
        String text =
                message + " (" + function + " returned " + (constant == null ? "status" : constant) + " " + code + ")";
        if (status == null) {
            return new FfiBridgeException(code, text);
        }
        return switch (status) {
            case INVALID_UTF8, INTERIOR_NUL, LENGTH_OVERFLOW, MALFORMED_BYTES -> new IllegalArgumentException(text);
            case ALLOCATION_FAILED -> throw new OutOfMemoryError(text);
            case OK -> new IllegalArgumentException("status 0 is not a failure");
            // the bindings size every output themselves, so a wrong length is a bug on this side
            case NULL_POINTER, PANIC, OUTPUT_LENGTH -> new FfiBridgeException(code, text);
        };
    }
}
