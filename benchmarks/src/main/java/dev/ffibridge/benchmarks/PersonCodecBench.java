package dev.ffibridge.benchmarks;

import dev.ffibridge.api.Person;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * The person codec through the public API, once per provider: {@code encodePerson} of {@link #person}
 * and {@code decodePerson} of {@link #personBytes}, which a subclass sets up. JMH runs these benchmarks
 * under each subclass's name ({@link CodecBench}, {@link LargeNameBench}).
 */
public abstract class PersonCodecBench extends ProviderBench {

    /** The person to encode. */
    Person person;

    /** The person's encoding, to decode. */
    byte[] personBytes;

    @Benchmark
    public byte[] encodePerson(Provider p) {
        return p.bridge.encodePerson(person);
    }

    @Benchmark
    public Person decodePerson(Provider p) {
        return p.bridge.decodePerson(personBytes);
    }
}
