package dev.ffibridge.javaimpl;

/** The exceptions for bytes that are not exactly one encoded value. */
final class Malformed {

    private Malformed() {}

    /** Malformed bytes: truncated, with trailing bytes, or with an impossible length. */
    static IllegalArgumentException bytes(String what, String problem) {
        return new IllegalArgumentException("malformed " + what + " bytes: " + problem);
    }

    /** Throws unless {@code actual} is exactly {@code expected} bytes. */
    static void requireLength(String what, int actual, long expected) {
        if (actual < expected) {
            throw bytes(what, "truncated: " + actual + " bytes where " + expected + " are needed");
        }
        if (actual > expected) {
            throw bytes(what, (actual - expected) + " trailing bytes after the " + expected + " of one value");
        }
    }
}
