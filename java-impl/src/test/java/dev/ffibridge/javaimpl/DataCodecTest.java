package dev.ffibridge.javaimpl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ffibridge.api.Data;
import dev.ffibridge.api.FfiBridge;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DataCodecTest {

    private static final FfiBridge BRIDGE = FfiBridge.load("java");

    private static final HexFormat HEX = HexFormat.of();

    /** 1.1, 2.2, 3.3, 4.4, 5.5 as little-endian f64. */
    private static final String GUIDE =
            "9a9999999999f13f" + "9a99999999990140" + "6666666666660a40" + "9a99999999991140" + "0000000000001640";

    @Test
    void encodesTheGuideDataToGoldenBytes() {
        assertThat(HEX.formatHex(BRIDGE.encodeData(BRIDGE.getData()))).isEqualTo(GUIDE);
        assertThat(BRIDGE.decodeData(HEX.parseHex(GUIDE))).isEqualTo(Data.of(1.1, 2.2, 3.3, 4.4, 5.5));
    }

    @Test
    void roundTripsRawBits() {
        long[] bits = {
            0x7ff8_0000_0000_0001L, 0xfff0_0000_0000_0001L, 0x8000_0000_0000_0000L, 0x7ff0_0000_0000_0000L, 1L
        };
        double[] values = new double[5];
        for (int i = 0; i < 5; i++) {
            values[i] = Double.longBitsToDouble(bits[i]);
        }
        byte[] encoded = BRIDGE.encodeData(Data.of(values));
        assertThat(HEX.formatHex(encoded, 0, 8)).isEqualTo("010000000000f87f");
        double[] back = BRIDGE.decodeData(encoded).toArray();
        for (int i = 0; i < 5; i++) {
            assertThat(Double.doubleToRawLongBits(back[i])).isEqualTo(bits[i]);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 8, 32, 39})
    void rejectsTruncatedBytes(int length) {
        Rejections.assertDecodingRejected(BRIDGE::decodeData, new byte[length], "truncated");
    }

    @ParameterizedTest
    @ValueSource(ints = {41, 48, 80})
    void rejectsTrailingBytes(int length) {
        Rejections.assertDecodingRejected(BRIDGE::decodeData, new byte[length], "trailing");
    }
}
