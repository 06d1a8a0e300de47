package dev.ffibridge.api.internal;

/** A sequence of doubles as bytes: a {@code u64} count, then that many {@code f64} (raw bits), little-endian. */
public final class SequenceCodec {

    private static final int COUNT = 0;
    private static final int VALUES = WireErrors.SEQUENCE_HEADER;

    private SequenceCodec() {}

    /** The values' bytes; there are at most {@code FfiBridge.MAX_SEQUENCE_LENGTH} of them. */
    public static byte[] encode(double[] values) {
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
    public static double[] decode(byte[] bytes) {
        return Doubles.read(bytes, VALUES, WireErrors.sequenceCount(bytes));
    }
}
