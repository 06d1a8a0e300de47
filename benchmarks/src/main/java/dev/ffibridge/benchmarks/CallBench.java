package dev.ffibridge.benchmarks;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.ffibridge.api.Data;
import dev.ffibridge.api.Person;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Call overhead: the small operations, each through the public API on each provider and as {@code
 * _rawFfm} (the floor: a critical downcall of the same symbol, see {@link Raw}); for {@code
 * addNumbers} also a non-critical downcall, JNI and JNA. A person round trip reads every field, the name included; the native one also frees.
 */
@Warmup(iterations = 4, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(
        value = 2,
        jvmArgsAppend = {ProviderBench.NATIVE_ACCESS, "-Xms1g", "-Xmx1g", ProviderBench.PRE_TOUCH})
public class CallBench extends ProviderBench {

    /** A five-character name, as in the target for {@code createPerson(name, age, height)}. */
    static final String NAME = "Carol";

    // Fields, not constants, so the JIT cannot fold the arguments.
    int a = 2;
    int b = 3;
    String name = NAME;
    long age = 42;
    float height = 6.1f;

    MemorySegment nameScratch = arena.allocate(64);

    // ---- addNumbers ------------------------------------------------------------------------

    @Benchmark
    public int addNumbers(Provider p) {
        return p.bridge.addNumbers(a, b);
    }

    @Benchmark
    public int addNumbers_rawFfm() throws Throwable {
        return (int) Raw.ADD_NUMBERS.invokeExact(a, b);
    }

    @Benchmark
    public int addNumbers_rawFfmNonCritical() throws Throwable {
        return (int) Raw.ADD_NUMBERS_PLAIN.invokeExact(a, b);
    }

    @Benchmark
    public int addNumbers_jni() {
        return JniShim.addNumbers(a, b);
    }

    @Benchmark
    public int addNumbers_jna() {
        return JnaDirect.add_numbers(a, b);
    }

    // ---- createPerson(): create, read every field, free --------------------------------------

    @Benchmark
    public void createPerson(Provider p, Blackhole bh) {
        consume(p.bridge.createPerson(), bh);
    }

    @Benchmark
    public void createPerson_rawFfm(Blackhole bh) throws Throwable {
        MemorySegment p = (MemorySegment) Raw.CREATE_PERSON.invokeExact();
        consume(readPersonAndFree(p), bh);
    }

    // ---- createPerson(name, age, height) with a five-character name ------------------------

    @Benchmark
    public void createPersonNamed(Provider p, Blackhole bh) {
        consume(p.bridge.createPerson(name, age, height), bh);
    }

    @Benchmark
    public void createPersonNamed_rawFfm(Blackhole bh) throws Throwable {
        nameScratch.setString(0, name); // UTF-8 plus NUL into reused native memory
        Raw.check((int) Raw.PERSON_NEW.invokeExact(nameScratch, (int) age, height, outScratch));
        consume(readPersonAndFree(outScratch.get(ADDRESS, 0)), bh);
    }

    // ---- getData ----------------------------------------------------------------------------

    @Benchmark
    public Data getData(Provider p) {
        return p.bridge.getData();
    }

    @Benchmark
    public Data getData_rawFfm() throws Throwable {
        MemorySegment p = (MemorySegment) Raw.GET_DATA.invokeExact();
        if (p.address() == 0) {
            throw new OutOfMemoryError("get_data");
        }
        double[] values = p.reinterpret(Raw.DATA_SIZE).toArray(JAVA_DOUBLE);
        Raw.FREE_DATA.invokeExact(p);
        return Data.of(values);
    }

    static Person readPersonAndFree(MemorySegment pointer) throws Throwable {
        if (pointer.address() == 0) {
            throw new OutOfMemoryError("create_person");
        }
        MemorySegment p = pointer.reinterpret(Raw.PERSON_SIZE);
        int age = p.get(JAVA_INT, Raw.PERSON_AGE);
        float height = p.get(JAVA_FLOAT, Raw.PERSON_HEIGHT);
        String name =
                p.get(ADDRESS, Raw.PERSON_NAME).reinterpret(Long.MAX_VALUE).getString(0);
        Raw.FREE_PERSON.invokeExact(pointer);
        return new Person(name, Integer.toUnsignedLong(age), height);
    }

    static void consume(Person person, Blackhole bh) {
        bh.consume(person.name());
        bh.consume(person.age());
        bh.consume(person.height());
    }
}
