package dev.ffibridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ffibridge.api.FfiBridge;
import dev.ffibridge.api.Person;
import org.junit.jupiter.api.Tag;

/**
 * Differential fuzzing of the decoders and of person names (issue 14): for any input the java and the native
 * provider return the same value bit for bit or throw an exception of the same type, and never crash the JVM. A
 * decoded value encodes back to the very input (the format is strict, so every accepted encoding is canonical),
 * and a person either provider accepts round-trips through both encoders and both decoders.
 *
 * <p>{@code ./mvnw verify} replays the committed corpus ({@code src/test/resources/dev/ffibridge/it/
 * DecoderFuzzITInputs/<method>/}) in regression mode, in seconds. A fuzzing campaign of one method: see
 * docs/fuzzing.md.
 */
@Tag("native")
class DecoderFuzzIT {

    // Every method takes a FuzzedDataProvider, so that a corpus file holds exactly the bytes given to a decoder
    // (and, for personName, the name's characters followed by the age and height).

    /** How long JAZZER_FUZZ=1 fuzzes one method (regression mode, the default, only replays the corpus). */
    static final String CAMPAIGN = "3m";

    private static final FfiBridge JAVA = FfiBridge.load("java");

    private static final FfiBridge NATIVE = FfiBridge.load("native");

    @FuzzTest(maxDuration = CAMPAIGN)
    void decodePerson(FuzzedDataProvider data) {
        decodesAlike(Codec.PERSON, data.consumeRemainingAsBytes());
    }

    @FuzzTest(maxDuration = CAMPAIGN)
    void decodeData(FuzzedDataProvider data) {
        decodesAlike(Codec.DATA, data.consumeRemainingAsBytes());
    }

    @FuzzTest(maxDuration = CAMPAIGN)
    void decodeSequence(FuzzedDataProvider data) {
        decodesAlike(Codec.SEQUENCE, data.consumeRemainingAsBytes());
    }

    /**
     * A fuzzed name (any Java string, lone surrogates and NULs included), age and height: {@code createPerson}
     * alike on both providers; a person both accept encodes to the same bytes on both, and each provider
     * decodes the other's encoding back to the person.
     */
    @FuzzTest(maxDuration = CAMPAIGN)
    void personName(FuzzedDataProvider data) {
        long age = data.consumeLong();
        float height = data.consumeFloat();
        String name = data.consumeRemainingAsString();
        Outcome java = Outcome.of(() -> JAVA.createPerson(name, age, height));
        Outcome nativ = Outcome.of(() -> NATIVE.createPerson(name, age, height));
        same("createPerson", java, nativ);
        if (java.failed()) {
            return;
        }
        Person person = (Person) java.value();
        Outcome javaBytes = Outcome.of(() -> JAVA.encodePerson(person));
        Outcome nativeBytes = Outcome.of(() -> NATIVE.encodePerson(person));
        same("encodePerson", javaBytes, nativeBytes);
        if (javaBytes.failed()) {
            return;
        }
        byte[] bytes = (byte[]) javaBytes.value();
        same("decodePerson(encodePerson)", new Outcome(person, null), Outcome.of(() -> JAVA.decodePerson(bytes)));
        same("decodePerson(encodePerson)", new Outcome(person, null), Outcome.of(() -> NATIVE.decodePerson(bytes)));
    }

    /** Both providers decode alike; a value they accept encodes back to {@code bytes} on both. */
    private static void decodesAlike(Codec codec, byte[] bytes) {
        String what = codec.decoderName;
        Outcome java = Outcome.of(() -> codec.decode(JAVA, bytes));
        Outcome nativ = Outcome.of(() -> codec.decode(NATIVE, bytes));
        same(what, java, nativ);
        if (!java.failed()) {
            for (FfiBridge bridge : new FfiBridge[] {JAVA, NATIVE}) {
                assertThat(codec.encode(bridge, java.value()))
                        .as("%s then encode on %s", what, bridge)
                        .isEqualTo(bytes);
            }
        }
    }

    private static void same(String what, Outcome java, Outcome nativ) {
        assertThat(java.sameAs(nativ))
                .as("%s: java %s, native %s", what, java, nativ)
                .isTrue();
    }
}
