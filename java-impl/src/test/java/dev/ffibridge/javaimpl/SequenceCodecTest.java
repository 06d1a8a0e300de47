package dev.ffibridge.javaimpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.ffibridge.api.FfiBridge;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SequenceCodecTest {

    private static final FfiBridge BRIDGE = FfiBridge.load("java");

    private static final HexFormat HEX = HexFormat.of();

    private static byte[] sequence(long count, String valuesHex) {
        return HEX.parseHex(HEX.toHexDigits(Long.reverseBytes(count)) + valuesHex);
    }

    @Test
    void encodesToGoldenBytes() {
        assertThat(HEX.formatHex(BRIDGE.encodeSequence(new double[0]))).isEqualTo("0000000000000000");
        assertThat(HEX.formatHex(BRIDGE.encodeSequence(new double[] {0.0, 1.0, -2.5})))
                .isEqualTo("0300000000000000" + "0000000000000000" + "000000000000f03f" + "00000000000004c0");
        assertThat(BRIDGE.decodeSequence(HEX.parseHex("0200000000000000" + "000000000000f03f" + "00000000000004c0")))
                .containsExactly(1.0, -2.5);
        assertThat(BRIDGE.decodeSequence(new byte[8])).isEmpty();
    }

    @Test
    void roundTripsRawBits() {
        Random random = new Random(7);
        for (int length : new int[] {0, 1, 2, 17, 1000}) {
            double[] values = new double[length];
            for (int i = 0; i < length; i++) {
                values[i] = Double.longBitsToDouble(random.nextLong()); // NaN payloads included
            }
            byte[] encoded = BRIDGE.encodeSequence(values);
            assertThat(encoded).hasSize(8 + 8 * length);
            double[] back = BRIDGE.decodeSequence(encoded);
            assertThat(back).hasSize(length);
            for (int i = 0; i < length; i++) {
                assertThat(Double.doubleToRawLongBits(back[i])).isEqualTo(Double.doubleToRawLongBits(values[i]));
            }
        }
    }

    @Test
    void carriesFillValues() {
        double[] values = new double[100];
        BRIDGE.fillBuffer(values);
        assertThat(BRIDGE.decodeSequence(BRIDGE.encodeSequence(values))).containsExactly(values);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7})
    void rejectsATruncatedCount(int length) {
        Rejections.assertDecodingRejected(BRIDGE::decodeSequence, new byte[length], "truncated");
    }

    @Test
    void rejectsMissingValues() {
        assertThatIllegalArgumentException().isThrownBy(() -> BRIDGE.decodeSequence(sequence(1, "")));
        assertThatIllegalArgumentException().isThrownBy(() -> BRIDGE.decodeSequence(sequence(2, "000000000000f03f")));
        assertThatIllegalArgumentException().isThrownBy(() -> BRIDGE.decodeSequence(sequence(1, "00000000000000")));
    }

    @Test
    void rejectsTrailingBytes() {
        Rejections.assertDecodingRejected(BRIDGE::decodeSequence, sequence(0, "00"), "trailing");
        assertThatIllegalArgumentException().isThrownBy(() -> BRIDGE.decodeSequence(sequence(0, "000000000000f03f")));
        assertThatIllegalArgumentException().isThrownBy(() -> BRIDGE.decodeSequence(sequence(1, "000000000000f03f00")));
    }

    @ParameterizedTest
    @ValueSource(longs = {1L << 61, (1L << 61) + 1, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 32, Integer.MAX_VALUE})
    void rejectsHugeCountsWithoutOverflow(long count) {
        // 2^61 * 8 wraps to 0 and (2^61 + 1) * 8 to 8: a multiplying check would accept these.
        Rejections.assertDecodingRejected(BRIDGE::decodeSequence, sequence(count, ""), Long.toUnsignedString(count));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BRIDGE.decodeSequence(sequence(count, "000000000000f03f")));
    }
}
