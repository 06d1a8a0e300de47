package dev.ffibridge.nativeimpl.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CStringsTest {

    /** Every kind of char at every position of names of 0 to 19 chars (across the eight-byte words). */
    @Test
    void isTheUtf8OfTheNameAndANul() {
        String[] specials = {
            "a", "?", "\u007f", "\u0080", "\u00e9", "\u00ff", "\u0100", "\u0141", "\u4e2d", "\ud83d\ude00"
        };
        // short names take getBytes(UTF_8), longer ones the Latin-1 copy and the check: both sides of the boundary
        int[] lengths = IntStream.concat(
                        IntStream.range(0, 20),
                        IntStream.range(CStrings.SHORT_NAME_CHARS - 2, CStrings.SHORT_NAME_CHARS + 20))
                .toArray();
        for (int length : lengths) {
            for (int at = 0; at < Math.max(1, length); at++) {
                for (String special : specials) {
                    String name =
                            "x".repeat(at) + (length == 0 ? "" : special) + "y".repeat(Math.max(0, length - at - 1));
                    byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
                    byte[] expected = Arrays.copyOf(utf8, utf8.length + 1);
                    assertThat(CStrings.of(name)).as("%s", name).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void asciiWithoutQuestionMarkOnly() {
        assertThat(CStrings.isAsciiWithoutQuestionMark("abcdefghijklmnopq".getBytes(StandardCharsets.ISO_8859_1)))
                .isTrue();
        assertThat(CStrings.isAsciiWithoutQuestionMark("abcdefgh?jklmnopq".getBytes(StandardCharsets.ISO_8859_1)))
                .isFalse();
        assertThat(CStrings.isAsciiWithoutQuestionMark("abcdefghijklmnop?".getBytes(StandardCharsets.ISO_8859_1)))
                .isFalse();
        assertThat(CStrings.isAsciiWithoutQuestionMark(new byte[] {'a', 'b', 'c', 'd', 'e', 'f', 'g', (byte) 0x80}))
                .isFalse();
        assertThat(CStrings.isAsciiWithoutQuestionMark(
                        new byte[] {'>', '@', 0x3E, 0x40, 0x7F, 0x01, 0x3F - 1, 0x3F + 1}))
                .isTrue();
    }
}
