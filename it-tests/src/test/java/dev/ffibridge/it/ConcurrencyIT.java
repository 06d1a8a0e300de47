package dev.ffibridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ffibridge.api.Data;
import dev.ffibridge.api.FfiBridge;
import dev.ffibridge.api.OwnedBuffer;
import dev.ffibridge.api.Person;
import dev.ffibridge.testsupport.SumOrder;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@value #THREADS} threads × {@value #CALLS_PER_THREAD} mixed calls on one instance of each provider, every
 * result checked against the single-threaded expectation, and no exception but those a single thread gets for
 * the same (bad) input. Mostly cheap calls: addNumbers, small fills and sums, persons, data, encodings, with an
 * owned buffer opened and closed now and then.
 */
@Tag("native")
@ExtendWith(NativeLeakCheck.class)
class ConcurrencyIT {

    static final int THREADS = 4;

    static final int CALLS_PER_THREAD = 1_000_000;

    /** Inputs precomputed once, with their expected results, so that checking a result costs little. */
    private static final int CASES = 256;

    private static final double[][] SUM_INPUTS = new double[CASES][];
    private static final long[] SUM_EXPECTED = new long[CASES];
    private static final Person[] PERSONS = new Person[CASES];
    private static final byte[][] PERSON_BYTES = new byte[CASES][];
    private static final byte[][] MALFORMED = new byte[CASES][];
    private static final double[][] SEQUENCES = new double[CASES][];
    private static final byte[][] SEQUENCE_BYTES = new byte[CASES][];
    private static final Data[] DATA = new Data[CASES];
    private static final byte[][] DATA_BYTES = new byte[CASES][];

    static {
        SplittableRandom random = new SplittableRandom(2024);
        String[] names = {"Alice", "", "\u00e9\u65e5\uD83D\uDE00", "Bob", "x".repeat(100)};
        for (int c = 0; c < CASES; c++) {
            SUM_INPUTS[c] = Generators.seededValues(random.nextInt(0, 40), random.nextLong(), false);
            SUM_EXPECTED[c] = Double.doubleToRawLongBits(SumOrder.sum(SUM_INPUTS[c]));
            PERSONS[c] = new Person(
                    names[c % names.length] + c,
                    random.nextLong(0, Person.MAX_AGE + 1),
                    Float.intBitsToFloat(random.nextInt()));
            PERSON_BYTES[c] = Reference.encodePerson(PERSONS[c]);
            MALFORMED[c] = Arrays.copyOf(PERSON_BYTES[c], random.nextInt(0, PERSON_BYTES[c].length));
            SEQUENCES[c] = Generators.seededValues(random.nextInt(0, 24), random.nextLong(), true);
            SEQUENCE_BYTES[c] = Reference.encodeSequence(SEQUENCES[c]);
            DATA[c] = Data.of(Generators.seededValues(5, random.nextLong(), true));
            DATA_BYTES[c] = Reference.encodeData(DATA[c]);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"java", "native"})
    void mixedCallsOnOneInstance(String provider) throws Exception {
        FfiBridge bridge = FfiBridge.load(provider);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicLong checked = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            long seed = t * 7919L + provider.hashCode();
            Thread thread = new Thread(
                    () -> {
                        try {
                            start.await();
                            checked.addAndGet(run(bridge, seed));
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    },
                    provider + "-worker-" + t);
            threads.add(thread);
            thread.start();
        }
        long t0 = System.nanoTime();
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        long elapsed = System.nanoTime() - t0;
        System.out.printf(
                "ConcurrencyIT[%s]: %d threads x %d calls = %d checked in %.2f s (%.0f calls/s)%n",
                provider, THREADS, CALLS_PER_THREAD, checked.get(), elapsed / 1e9, checked.get() / (elapsed / 1e9));
        assertThat(failures).as("failures of %s under concurrency", provider).isEmpty();
        assertThat(checked.get()).isEqualTo((long) THREADS * CALLS_PER_THREAD);
    }

    /** One thread's calls; throws AssertionError at the first wrong result or unexpected exception. */
    private static long run(FfiBridge bridge, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] scratch = new double[64];
        long calls = 0;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment segment = arena.allocate(8 * 32 + 1, 8).asSlice(1);
            for (int i = 0; i < CALLS_PER_THREAD; i++) {
                int c = random.nextInt(CASES);
                int op = random.nextInt(1000);
                if (op < 400) {
                    int a = random.nextInt();
                    int b = random.nextInt();
                    check(bridge.addNumbers(a, b) == a + b, "addNumbers", i);
                } else if (op < 480) {
                    int n = random.nextInt(0, 33);
                    int offset = random.nextInt(0, 64 - n + 1);
                    Arrays.fill(scratch, -1.0);
                    bridge.fillBuffer(scratch, offset, n);
                    for (int k = 0; k < 64; k++) {
                        double expected = k >= offset && k < offset + n ? k - offset : -1.0;
                        check(scratch[k] == expected, "fillBuffer", i);
                    }
                } else if (op < 560) {
                    long bits = Double.doubleToRawLongBits(bridge.sumBuffer(SUM_INPUTS[c]));
                    check(bits == SUM_EXPECTED[c], "sumBuffer", i);
                } else if (op < 600) {
                    bridge.fillBuffer(segment);
                    check(bridge.sumBuffer(segment) == 496.0, "fill/sum segment", i);
                    check(segment.getAtIndex(ValueLayout.JAVA_DOUBLE_UNALIGNED, 31) == 31.0, "fill segment", i);
                } else if (op < 680) {
                    check(bridge.createPerson().equals(Reference.ALICE), "createPerson()", i);
                } else if (op < 730) {
                    Person p = PERSONS[c];
                    Person made = bridge.createPerson(p.name(), p.age(), p.height());
                    check(Outcome.sameBits(made, p), "createPerson(...)", i);
                } else if (op < 810) {
                    check(bridge.getData().equals(Data.of(Reference.DATA_VALUES)), "getData", i);
                } else if (op < 860) {
                    check(Arrays.equals(bridge.encodePerson(PERSONS[c]), PERSON_BYTES[c]), "encodePerson", i);
                    check(Outcome.sameBits(bridge.decodePerson(PERSON_BYTES[c]), PERSONS[c]), "decodePerson", i);
                } else if (op < 900) {
                    check(Arrays.equals(bridge.encodeSequence(SEQUENCES[c]), SEQUENCE_BYTES[c]), "encodeSequence", i);
                    check(
                            Outcome.sameBits(bridge.decodeSequence(SEQUENCE_BYTES[c]), SEQUENCES[c]),
                            "decodeSequence",
                            i);
                } else if (op < 940) {
                    check(Arrays.equals(bridge.encodeData(DATA[c]), DATA_BYTES[c]), "encodeData", i);
                    check(Outcome.sameBits(bridge.decodeData(DATA_BYTES[c]), DATA[c]), "decodeData", i);
                } else if (op < 970) {
                    // bad input: exactly the exception a single thread gets
                    try {
                        bridge.decodePerson(MALFORMED[c]);
                        check(false, "decodePerson(malformed) returned", i);
                    } catch (IllegalArgumentException expected) {
                        // the documented outcome
                    }
                    try {
                        bridge.createPerson("a\0b", 1, 1f);
                        check(false, "createPerson(NUL) returned", i);
                    } catch (IllegalArgumentException expected) {
                        // the documented outcome
                    }
                } else if (op < 996) {
                    double[] small = new double[random.nextInt(0, 17)];
                    bridge.fillBuffer(small);
                    check(bridge.sumBuffer(small) == small.length * (small.length - 1) / 2.0, "fill+sum", i);
                } else if (op < 998) {
                    int n = random.nextInt(0, 17);
                    try (Arena confined = Arena.ofConfined()) {
                        MemorySegment buffer = bridge.filledBuffer(n, confined);
                        check(buffer.byteSize() == 8L * n, "filledBuffer(n, arena) size", i);
                        check(bridge.sumBuffer(buffer) == n * (n - 1) / 2.0, "filledBuffer(n, arena) sum", i);
                    }
                } else {
                    int n = random.nextInt(0, 17);
                    try (OwnedBuffer buffer = bridge.filledBuffer(n)) {
                        check(buffer.length() == n, "filledBuffer length", i);
                        if (n > 0) {
                            check(buffer.get(n - 1) == n - 1, "filledBuffer get", i);
                        }
                        check(bridge.sumBuffer(buffer.segment()) == n * (n - 1) / 2.0, "filledBuffer sum", i);
                    }
                }
                calls++;
            }
        }
        return calls;
    }

    private static void check(boolean ok, String what, int call) {
        if (!ok) {
            throw new AssertionError(what + " gave a wrong result at call " + call + " on "
                    + Thread.currentThread().getName());
        }
    }
}
