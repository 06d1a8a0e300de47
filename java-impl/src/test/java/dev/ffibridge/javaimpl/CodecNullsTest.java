package dev.ffibridge.javaimpl;

import dev.ffibridge.api.FfiBridge;
import dev.ffibridge.testsupport.CodecRejections;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The encoder and the decoder of each codec reject null (the rest of each codec has its own test class). */
class CodecNullsTest {

    private static final FfiBridge BRIDGE = FfiBridge.load("java");

    @ParameterizedTest
    @ValueSource(strings = {"person", "data", "sequence"})
    void rejectsNulls(String codec) {
        switch (codec) {
            case "person" -> CodecRejections.assertRejectsNulls(BRIDGE::encodePerson, BRIDGE::decodePerson);
            case "data" -> CodecRejections.assertRejectsNulls(BRIDGE::encodeData, BRIDGE::decodeData);
            case "sequence" -> CodecRejections.assertRejectsNulls(BRIDGE::encodeSequence, BRIDGE::decodeSequence);
            default -> throw new IllegalArgumentException(codec);
        }
    }
}
