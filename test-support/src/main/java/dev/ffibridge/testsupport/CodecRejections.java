package dev.ffibridge.testsupport;

import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.function.Function;

/** The null checks every codec of the API passes alike, for the tests of either provider. */
public final class CodecRejections {

    private CodecRejections() {}

    /** Asserts that a codec's encoder and decoder throw {@link NullPointerException} for null. */
    public static <T> void assertRejectsNulls(Function<T, byte[]> encoder, Function<byte[], ?> decoder) {
        assertThatNullPointerException().isThrownBy(() -> encoder.apply(null));
        assertThatNullPointerException().isThrownBy(() -> decoder.apply(null));
    }
}
