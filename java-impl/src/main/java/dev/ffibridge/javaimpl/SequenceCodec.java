package dev.ffibridge.javaimpl;

/** A sequence of doubles as bytes: a {@code u64} count, then that many {@code f64} (raw bits), little-endian. */
final class SequenceCodec {

    private static final String WHAT = "sequence";

    private static final int COUNT = 0;
    private static final int VALUES = 8;

    private SequenceCodec() {}

    /** The values' bytes; there are at most {@code FfiBridge.MAX_SEQUENCE_LENGTH} of them. */
    static byte[] encode(double[] values) {
        byte[] bytes = new byte[VALUES + values.length * Double.BYTES];
        LittleEndian.putLong(bytes, COUNT, values.length);
        Doubles.write(values, values.length, bytes, VALUES);
        return bytes;
    }

    /**
     * The values in {@code bytes}, which must be exactly one encoded sequence.
     *
     * @throws IllegalArgumentException if the bytes are truncated, have trailing bytes, or give a
     *     count that the bytes cannot hold
     */
    static double[] decode(byte[] bytes) {
        if (bytes.length < VALUES) {
            throw Malformed.bytes(
                    WHAT, "truncated: " + bytes.length + " bytes, shorter than the " + VALUES + "-byte count");
        }
        long count = LittleEndian.getLong(bytes, COUNT);
        int available = bytes.length - VALUES;
        // Compared without multiplying: count * 8 overflows for a count near 2^64.
        if (Long.compareUnsigned(count, available / Double.BYTES) > 0) {
            throw Malformed.bytes(
                    WHAT,
                    "the count " + Long.toUnsignedString(count) + " needs more than the " + available
                            + " bytes after the count");
        }
        Malformed.requireLength(WHAT, bytes.length, VALUES + count * Double.BYTES);
        return Doubles.read(bytes, VALUES, (int) count);
    }
}
