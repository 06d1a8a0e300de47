package dev.ffibridge.it;

import dev.ffibridge.api.Data;
import dev.ffibridge.api.FfiBridge;
import dev.ffibridge.api.OwnedBuffer;
import dev.ffibridge.api.Person;
import java.lang.foreign.Arena;
import java.lang.foreign.ValueLayout;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The program {@link NativeLeakIT} runs in a forked JVM (a fixed, pre-touched heap, so that VmRSS growth is
 * native growth; few threads, so that closing a shared arena is as cheap as it gets): for each native object,
 * a warm-up, then {@code cycles} create/free cycles, printing one line per object:
 *
 * <pre>leak kind=... cycles=... seconds=... rssBefore=... rssAfter=... countsBefore=... countsAfter=...</pre>
 *
 * <p>Arguments: the number of cycles, of warm-up cycles, and of {@link OwnedBuffer} cycles (each closes a
 * shared arena, which takes a handshake with every thread: tens of microseconds on this machine).
 */
public final class LeakMain {

    private LeakMain() {}

    public static void main(String[] args) {
        int cycles = Integer.parseInt(args[0]);
        int warmUp = Integer.parseInt(args[1]);
        int ownedBufferCycles = Integer.parseInt(args[2]);
        FfiBridge bridge = FfiBridge.load("native");

        Person expected = new Person("Zoë \uD83D\uDE00", 4_000_000_000L, Float.intBitsToFloat(0x7f80_0001));
        run("person", cycles, warmUp, i -> {
            check(bridge.createPerson().equals(Reference.ALICE));
            check(Outcome.sameBits(bridge.createPerson(expected.name(), expected.age(), expected.height()), expected));
        });
        run("buffer", cycles, warmUp, i -> {
            try (Arena arena = Arena.ofConfined()) {
                check(bridge.filledBuffer(16, arena).getAtIndex(ValueLayout.JAVA_DOUBLE, 15) == 15.0);
            }
        });
        run("ownedBuffer", ownedBufferCycles, ownedBufferCycles / 10, i -> {
            try (OwnedBuffer buffer = bridge.filledBuffer(16)) {
                check(buffer.get(15) == 15.0);
            }
        });
        Data data = Data.of(Reference.DATA_VALUES);
        double[] sequence = {1, 2, 3, 4, 5, 6, 7};
        byte[] malformed = {1, 2, 3};
        run("bytes", cycles, warmUp, i -> {
            check(bridge.decodePerson(bridge.encodePerson(Reference.ALICE)).equals(Reference.ALICE));
            check(bridge.decodeData(bridge.encodeData(data)).equals(data));
            check(bridge.decodeSequence(bridge.encodeSequence(sequence)).length == 7);
            try {
                bridge.decodeSequence(malformed);
                check(false);
            } catch (IllegalArgumentException expectedError) {
                // nothing may stay allocated on the error path
            }
        });
        run("data", cycles, warmUp, i -> check(bridge.getData().equals(data)));
        System.out.flush();
    }

    private static void run(String kind, int cycles, int warmUp, IntConsumer body) {
        Map<String, Long> countsBefore = LiveCounts.now();
        for (int i = 0; i < warmUp; i++) {
            body.accept(i);
        }
        System.gc();
        long rssBefore = LiveCounts.residentBytes();
        long t0 = System.nanoTime();
        for (int i = 0; i < cycles; i++) {
            body.accept(i);
        }
        long elapsed = System.nanoTime() - t0;
        System.gc();
        long rssAfter = LiveCounts.residentBytes();
        Map<String, Long> countsAfter = LiveCounts.settle(countsBefore);
        System.out.printf(
                "leak kind=%s cycles=%d seconds=%.2f rssBefore=%d rssAfter=%d countsBefore=%s countsAfter=%s%n",
                kind, cycles, elapsed / 1e9, rssBefore, rssAfter, compact(countsBefore), compact(countsAfter));
    }

    private static String compact(Map<String, Long> counts) {
        return counts.toString().replace(" ", "");
    }

    private static void check(boolean ok) {
        if (!ok) {
            throw new AssertionError("wrong result");
        }
    }
}
