package dev.ffibridge.it;

import dev.ffibridge.api.Data;
import dev.ffibridge.api.FfiBridge;
import dev.ffibridge.api.Person;
import java.util.function.BiFunction;

/** The API's three codecs, each with its decoder's name, its decoder and its encoder, on either bridge. */
enum Codec {
    PERSON("decodePerson", FfiBridge::decodePerson, (bridge, value) -> bridge.encodePerson((Person) value)),
    DATA("decodeData", FfiBridge::decodeData, (bridge, value) -> bridge.encodeData((Data) value)),
    SEQUENCE("decodeSequence", FfiBridge::decodeSequence, (bridge, value) -> bridge.encodeSequence((double[]) value));

    /** The name of the decoding method, as assertion messages show it. */
    final String decoderName;

    private final BiFunction<FfiBridge, byte[], Object> decoder;
    private final BiFunction<FfiBridge, Object, byte[]> encoder;

    Codec(
            String decoderName,
            BiFunction<FfiBridge, byte[], Object> decoder,
            BiFunction<FfiBridge, Object, byte[]> encoder) {
        this.decoderName = decoderName;
        this.decoder = decoder;
        this.encoder = encoder;
    }

    /** {@code bridge}'s decoding of {@code bytes}. */
    Object decode(FfiBridge bridge, byte[] bytes) {
        return decoder.apply(bridge, bytes);
    }

    /** {@code bridge}'s encoding of {@code value}, which this codec's decoder returned. */
    byte[] encode(FfiBridge bridge, Object value) {
        return encoder.apply(bridge, value);
    }
}
