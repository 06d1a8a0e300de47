package dev.ffibridge.api.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The checks of encoded bytes ({@code docs/abi.md} "Byte layout") and the one text for each way they
 * can be wrong, with the offsets and lengths involved. The java provider decodes through these checks;
 * the native provider, whose library reports only a status, runs them on the same bytes on its error
 * path, so that both throw the same {@link IllegalArgumentException} with the same message.
 */
public final class WireErrors {

    /** Bytes of a person before the name: {@code u32} age, {@code f32} height, {@code u64} name length. */
    public static final int PERSON_HEADER = 16;

    /** Bytes of encoded data: five {@code f64}. */
    public static final int DATA_SIZE = 40;

    /** Bytes of a sequence before the values: the {@code u64} count. */
    public static final int SEQUENCE_HEADER = 8;

    private static final VarHandle U64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private WireErrors() {}

    /**
     * {@return the name length of an encoded person, checked against the bytes}
     *
     * @param bytes the encoded person
     *
     * @throws IllegalArgumentException if the bytes are truncated, have trailing bytes, or give a
     *     name length that the bytes cannot hold
     */
    public static int personNameLength(byte[] bytes) {
        requireHeader("person", bytes, PERSON_HEADER, "header");
        long nameLength = u64(bytes, 8);
        int available = bytes.length - PERSON_HEADER;
        if (Long.compareUnsigned(nameLength, available) > 0) {
            throw malformed(
                    "person",
                    "the name length " + Long.toUnsignedString(nameLength) + " exceeds the " + available
                            + " bytes after the header");
        }
        requireLength("person", bytes.length, PERSON_HEADER + nameLength);
        return (int) nameLength;
    }

    /**
     * {@return the name of an encoded person whose name length was checked} Strict UTF-8 (as Rust's
     * {@code str::from_utf8}: overlong forms, encoded surrogates and code points above U+10FFFF are
     * errors), without U+0000.
     *
     * @param bytes the encoded person
     * @param nameLength its name length, from {@link #personNameLength}
     *
     * @throws IllegalArgumentException if the name is not UTF-8 or contains U+0000
     */
    public static String personName(byte[] bytes, int nameLength) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, PERSON_HEADER, nameLength);
        // UTF-8 never has more chars than bytes, so the output cannot overflow.
        CharBuffer out = CharBuffer.allocate(nameLength);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new IllegalArgumentException("the name is not valid UTF-8: " + result.length()
                    + " malformed byte(s) at byte " + (in.position() - PERSON_HEADER) + " of the name");
        }
        String name = out.flip().toString();
        int nul = name.indexOf('\0');
        if (nul >= 0) {
            throw new IllegalArgumentException(
                    "the decoded name contains U+0000 at index " + nul + ", which a C string cannot carry");
        }
        return name;
    }

    /**
     * Checks that {@code bytes} are exactly one encoded data.
     *
     * @param bytes the encoded data
     *
     * @throws IllegalArgumentException unless there are exactly 40 bytes
     */
    public static void checkData(byte[] bytes) {
        requireLength("data", bytes.length, DATA_SIZE);
    }

    /**
     * {@return the count of an encoded sequence, checked against the bytes}
     *
     * @param bytes the encoded sequence
     *
     * @throws IllegalArgumentException if the bytes are truncated, have trailing bytes, or give a
     *     count that the bytes cannot hold
     */
    public static int sequenceCount(byte[] bytes) {
        requireHeader("sequence", bytes, SEQUENCE_HEADER, "count");
        long count = u64(bytes, 0);
        int available = bytes.length - SEQUENCE_HEADER;
        // Compared without multiplying: count * 8 overflows for a count near 2^64.
        if (Long.compareUnsigned(count, available / Double.BYTES) > 0) {
            throw malformed(
                    "sequence",
                    "the count " + Long.toUnsignedString(count) + " needs more than the " + available
                            + " bytes after the count");
        }
        requireLength("sequence", bytes.length, SEQUENCE_HEADER + count * Double.BYTES);
        return (int) count;
    }

    /**
     * {@return what is wrong with bytes that a decoder refused} For a provider whose decoder gives no
     * details: the exception the checks above throw for {@code bytes}, with {@code otherwise} (the
     * provider's own description) as its cause, or {@code otherwise} itself if they find nothing wrong.
     *
     * @param what {@code "person"}, {@code "data"} or {@code "sequence"}
     * @param bytes the bytes the decoder refused
     * @param otherwise the provider's own exception for them
     */
    public static RuntimeException describe(String what, byte[] bytes, RuntimeException otherwise) {
        try {
            switch (what) {
                case "person" -> personName(bytes, personNameLength(bytes));
                case "data" -> checkData(bytes);
                case "sequence" -> sequenceCount(bytes);
                default -> throw new IllegalArgumentException("no encoded kind " + what);
            }
        } catch (IllegalArgumentException described) {
            described.initCause(otherwise);
            return described;
        }
        return otherwise;
    }

    private static IllegalArgumentException malformed(String what, String problem) {
        return new IllegalArgumentException("malformed " + what + " bytes: " + problem);
    }

    /** Throws unless there are at least the {@code header} bytes of the {@code part} that comes first. */
    private static void requireHeader(String what, byte[] bytes, int header, String part) {
        if (bytes.length < header) {
            throw malformed(
                    what, "truncated: " + bytes.length + " bytes, shorter than the " + header + "-byte " + part);
        }
    }

    /** Throws unless {@code actual} is exactly {@code expected} bytes. */
    private static void requireLength(String what, int actual, long expected) {
        if (actual < expected) {
            throw malformed(what, "truncated: " + actual + " bytes where " + expected + " are needed");
        }
        if (actual > expected) {
            throw malformed(what, (actual - expected) + " trailing bytes after the " + expected + " of one value");
        }
    }

    /** The little-endian {@code u64} at {@code offset}. */
    private static long u64(byte[] bytes, int offset) {
        return (long) U64.get(bytes, offset);
    }
}
