package dev.ffibridge.benchmarks;

import dev.ffibridge.api.Person;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The person functions with large names, java provider against native provider: {@code
 * createPerson(name, age, height)} with every field read back ({@code createPersonNamed}, as in
 * {@link CallBench}), and {@code encodePerson} and {@code decodePerson} ({@link PersonCodecBench}).
 * {@code n} is the name's length in ASCII letters (so as many UTF-8 bytes): 10 KB; 64 Ki and 64 Ki + 1, the two
 * sides of the native provider's critical path (up to 64 Ki chars) and of its person-name crossover
 * ({@code Crossovers.PERSON_NAME}: above it createPerson and encodePerson run in Java; re-derive it with
 * {@code -jvmArgsPrepend -Dffibridge.native.crossovers=0}, which sends every size to the library); then 1 MiB and
 * more, the sizes of the target.
 */
@Warmup(iterations = 10, time = 500, timeUnit = TimeUnit.MILLISECONDS) // a call of 16 MiB takes ~10 ms: the
// base state's 3 warm-up iterations left the first measured ones 10-15x slow (not yet compiled)
public class LargeNameBench extends PersonCodecBench {

    @Param({"10240", "65536", "65537", "1048576", "16777216"})
    int n;

    String name;

    @Setup
    public void setUp() {
        StringBuilder letters = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            letters.append((char) ('a' + i % 26));
        }
        name = letters.toString();
        person = new Person(name, 42, 6.1f);
        personBytes = javaBridge.encodePerson(person);
        if (!Arrays.equals(personBytes, nativeBridge.encodePerson(person))
                || !nativeBridge.decodePerson(personBytes).equals(person)) {
            throw new AssertionError("providers disagree on a person with a " + n + "-character name");
        }
    }

    @Benchmark
    public void createPersonNamed_java(Blackhole bh) {
        CallBench.consume(javaBridge.createPerson(name, 42, 6.1f), bh);
    }

    @Benchmark
    public void createPersonNamed_native(Blackhole bh) {
        CallBench.consume(nativeBridge.createPerson(name, 42, 6.1f), bh);
    }
}
