package dev.ffibridge.javaimpl;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding: malformed input is an error, never replaced (as Rust's {@code str::from_utf8}). */
final class Utf8 {

    private Utf8() {}

    /**
     * Decodes {@code bytes[offset .. offset + length)}.
     *
     * @throws IllegalArgumentException if the bytes are not well-formed UTF-8 (overlong forms,
     *     encoded surrogates and code points above U+10FFFF included)
     */
    static String decode(byte[] bytes, int offset, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        // UTF-8 never has more chars than bytes, so the output cannot overflow.
        CharBuffer out = CharBuffer.allocate(length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new IllegalArgumentException("the name is not valid UTF-8: " + result.length()
                    + " malformed byte(s) at byte " + (in.position() - offset) + " of the name");
        }
        return out.flip().toString();
    }
}
