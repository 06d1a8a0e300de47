package dev.ffibridge.javaimpl;

import dev.ffibridge.api.Data;
import dev.ffibridge.api.internal.Doubles;
import dev.ffibridge.api.internal.WireErrors;

/** A {@link Data} as bytes: five little-endian {@code f64} (raw bits), 40 bytes. */
final class DataCodec {

    /** The size of encoded data. */
    static final int SIZE = Data.LENGTH * Double.BYTES;

    private DataCodec() {}

    /** The data's 40 bytes. */
    static byte[] encode(Data data) {
        byte[] bytes = new byte[SIZE];
        Doubles.write(data.toArray(), Data.LENGTH, bytes, 0);
        return bytes;
    }

    /**
     * The data in {@code bytes}.
     *
     * @throws IllegalArgumentException unless there are exactly 40 bytes
     */
    static Data decode(byte[] bytes) {
        WireErrors.checkData(bytes);
        return Data.of(Doubles.read(bytes, 0, Data.LENGTH));
    }
}
