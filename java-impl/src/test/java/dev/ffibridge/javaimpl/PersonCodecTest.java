package dev.ffibridge.javaimpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.ffibridge.api.FfiBridge;
import dev.ffibridge.api.Person;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonCodecTest {

    private static final FfiBridge BRIDGE = FfiBridge.load("java");

    private static final HexFormat HEX = HexFormat.of();

    /** age 30, height 5.8f = 0x40b9999a, name length 5, "Alice": as bincode 1.x (fixint) writes it. */
    private static final String ALICE = "1e000000" + "9a99b940" + "0500000000000000" + "416c696365";

    private static byte[] bytes(String hex) {
        return HEX.parseHex(hex);
    }

    /** A header with age 1, height 1.0f and the given name length, then the name bytes. */
    private static byte[] person(long nameLength, String nameHex) {
        return bytes("01000000" + "0000803f" + HEX.toHexDigits(Long.reverseBytes(nameLength)) + nameHex);
    }

    @Test
    void encodesTheGuidePersonToGoldenBytes() {
        assertThat(HEX.formatHex(BRIDGE.encodePerson(BRIDGE.createPerson()))).isEqualTo(ALICE);
        assertThat(BRIDGE.decodePerson(bytes(ALICE))).isEqualTo(new Person("Alice", 30, 5.8f));
    }

    @Test
    void encodesEdgeValuesToGoldenBytes() {
        assertThat(HEX.formatHex(BRIDGE.encodePerson(new Person("", Person.MAX_AGE, -0.0f))))
                .isEqualTo("ffffffff" + "00000080" + "0000000000000000");
        // "é" is c3 a9, U+1F600 is f0 9f 98 80.
        assertThat(HEX.formatHex(BRIDGE.encodePerson(
                        new Person("é\uD83D\uDE00", 0x01020304L, Float.intBitsToFloat(0x7fc12345)))))
                .isEqualTo("04030201" + "4523c17f" + "0600000000000000" + "c3a9f09f9880");
    }

    @Test
    void decodesTheAgeAsUnsigned() {
        Person person = BRIDGE.decodePerson(bytes("feffffff" + "00000000" + "0000000000000000"));
        assertThat(person.age()).isEqualTo(4_294_967_294L);
    }

    @Test
    void roundTripsNamesAndHeightsBitForBit() {
        String[] names = {
            "", "Alice", "Zoë", "日本語", "\uD83D\uDE00 emoji", "\uFEFFbom", "tab\tnewline\n", "x".repeat(1000)
        };
        int[] heights = {0x40b9999a, 0x7fc12345, 0xffc00001, 0x7f800001, 0x80000000, 0x7f800000, 0xff800000, 1};
        for (String name : names) {
            for (int height : heights) {
                Person person = new Person(name, 123_456_789L, Float.intBitsToFloat(height));
                Person back = BRIDGE.decodePerson(BRIDGE.encodePerson(person));
                assertThat(back).isEqualTo(person);
                assertThat(Float.floatToRawIntBits(back.height())).isEqualTo(height);
            }
        }
    }

    @Test
    void keepsAByteOrderMark() {
        assertThat(BRIDGE.decodePerson(person(3, "efbbbf")).name()).isEqualTo("\uFEFF");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4, 8, 15})
    void rejectsTruncatedHeaders(int length) {
        Rejections.assertDecodingRejected(BRIDGE::decodePerson, new byte[length], "truncated");
    }

    @Test
    void rejectsANameLongerThanTheBytes() {
        Rejections.assertDecodingRejected(BRIDGE::decodePerson, person(6, "416c696365"), "6");
        assertThatIllegalArgumentException().isThrownBy(() -> BRIDGE.decodePerson(person(1, "")));
    }

    @ParameterizedTest
    @ValueSource(longs = {-1L, -16L, -15L, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 32, Integer.MAX_VALUE})
    void rejectsHugeNameLengthsWithoutOverflow(long nameLength) {
        // -16 as a u64 is 2^64 - 16: added to the 16-byte header it would wrap to 0.
        Rejections.assertDecodingRejected(
                BRIDGE::decodePerson, person(nameLength, ""), Long.toUnsignedString(nameLength));
        assertThatIllegalArgumentException().isThrownBy(() -> BRIDGE.decodePerson(person(nameLength, "41")));
    }

    @Test
    void rejectsTrailingBytes() {
        Rejections.assertDecodingRejected(BRIDGE::decodePerson, person(4, "416c696365"), "trailing");
        assertThatIllegalArgumentException().isThrownBy(() -> BRIDGE.decodePerson(bytes(ALICE + "00")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "80", // a lone continuation byte
                "41ff", // a byte UTF-8 never uses
                "c0af", // an overlong '/'
                "c080", // modified UTF-8's NUL, overlong
                "e08080", // an overlong NUL in three bytes
                "eda080", // the surrogate U+D800, encoded
                "edbfbf", // the surrogate U+DFFF, encoded
                "eda0bdedb880", // a surrogate pair encoded CESU-8 style
                "f4908080", // U+110000, above the last code point
                "f5808080", // a lead byte above f4
                "e282", // a truncated three-byte sequence
                "41c3", // a truncated two-byte sequence at the end
                "c341" // a lead byte without its continuation
            })
    void rejectsNamesThatAreNotUtf8(String nameHex) {
        Rejections.assertDecodingRejected(BRIDGE::decodePerson, person(nameHex.length() / 2, nameHex), "UTF-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"00", "410042", "4100"})
    void rejectsNamesWithNul(String nameHex) {
        Rejections.assertDecodingRejected(BRIDGE::decodePerson, person(nameHex.length() / 2, nameHex), "U+0000");
    }

    @Test
    void acceptsTheLargestCodePoint() {
        assertThat(BRIDGE.decodePerson(person(4, "f48fbfbf")).name()).isEqualTo("\uDBFF\uDFFF");
    }
}
