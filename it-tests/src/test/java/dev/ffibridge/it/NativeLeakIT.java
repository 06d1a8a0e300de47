package dev.ffibridge.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Native leaks. In this JVM: nothing the library handed out is alive between test classes (every native-using
 * class also checks that its own work left the counters where they were). In a forked JVM ({@link LeakMain},
 * with a fixed, pre-touched heap and C1 only, so that resident-memory growth is the library's native growth, not
 * the heap's or the C2 compiler's): {@value #CYCLES}
 * create/free cycles of every native object (a Person both ways, a Rust buffer of 16 doubles tied to a confined
 * arena, the byte arrays of the three encodings and decodings, a Data) after a warm-up of {@value #WARM_UP} keep
 * VmRSS within {@value #RSS_BOUND_MIB} MiB of what it was, and leave every live-allocation counter at 0. The same
 * Rust buffer wrapped in an {@code OwnedBuffer} runs {@value #OWNED_BUFFER_CYCLES} cycles: each one closes a shared
 * arena, whose handshake with every thread takes 10-70 microseconds here, so a million would take a minute; the
 * native object is the same, and its counter is exact.
 */
@Tag("native")
@ExtendWith(NativeLeakCheck.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NativeLeakIT {

    static final int CYCLES = 1_000_000;

    static final int WARM_UP = 50_000;

    static final int OWNED_BUFFER_CYCLES = 20_000;

    static final long RSS_BOUND_MIB = 16;

    private static final Pattern LINE =
            Pattern.compile("leak kind=(\\w+) cycles=(\\d+) seconds=([\\d.]+) rssBefore=(\\d+) rssAfter=(\\d+)"
                    + " countsBefore=(\\S+) countsAfter=(\\S+)");

    @Test
    @Order(1)
    void nothingIsLiveBetweenTestClasses() {
        Map<String, Long> counts = LiveCounts.now();
        assertThat(LiveCounts.allZero(counts))
                .as("native live counts: %s", counts)
                .isTrue();
    }

    @Test
    @Order(2)
    void aMillionCyclesOfEveryNativeObjectLeakNothing() {
        ForkedJvm.Run run = ForkedJvm.run(
                LeakMain.class,
                // a fixed, pre-touched heap: its growth cannot show as VmRSS growth; large enough that GCs are
                // rare (with 256 MiB, closing an OwnedBuffer's shared arena gets 3-6 times slower). C1 only: a C2
                // compilation that falls into the measured window (the OSR of the measured loop, a recompilation)
                // grows its compiler thread's malloc arena by 5-30 MiB that stays resident, which showed as VmRSS
                // growth of the bytes cycles on a loaded 2-core machine (one 64 MiB-aligned anonymous mapping in
                // /proc/self/smaps, none with C1 only) although nothing was leaked. Native leaks do not depend on
                // the JIT: one malloc leaked per cycle (glibc's smallest chunk is 32 bytes) is still 30 MiB.
                List.of("-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", "-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1"),
                List.of(Integer.toString(CYCLES), Integer.toString(WARM_UP), Integer.toString(OWNED_BUFFER_CYCLES)),
                240);
        assertThat(run.exit()).as(run.output()).isZero();
        String zero = "{persons=0,data=0,buffers=0,byteArrays=0}";
        Map<String, Integer> kinds = Map.of(
                "person",
                CYCLES,
                "buffer",
                CYCLES,
                "ownedBuffer",
                OWNED_BUFFER_CYCLES,
                "bytes",
                CYCLES,
                "data",
                CYCLES);
        for (String kind : kinds.keySet()) {
            Matcher m = LINE.matcher(run.line("leak kind=" + kind + " "));
            assertThat(m.matches())
                    .as("a result line for %s in:%n%s", kind, run.output())
                    .isTrue();
            long before = Long.parseLong(m.group(4));
            long after = Long.parseLong(m.group(5));
            System.out.printf(
                    "NativeLeakIT: %,d x %s in %s s: VmRSS %.1f MiB -> %.1f MiB (%+.2f MiB), live counts %s -> %s%n",
                    Long.parseLong(m.group(2)),
                    kind,
                    m.group(3),
                    before / 1048576.0,
                    after / 1048576.0,
                    (after - before) / 1048576.0,
                    m.group(6),
                    m.group(7));
            assertThat(m.group(2)).isEqualTo(Integer.toString(kinds.get(kind)));
            assertThat(m.group(6)).as("live counts before the %s cycles", kind).isEqualTo(zero);
            assertThat(m.group(7)).as("live counts after the %s cycles", kind).isEqualTo(zero);
            assertThat(after - before)
                    .as("VmRSS growth over %,d %s cycles", kinds.get(kind), kind)
                    .isLessThan(RSS_BOUND_MIB * 1024 * 1024);
        }
    }

    @Test
    @Order(3)
    void nothingIsLiveAfterward() {
        nothingIsLiveBetweenTestClasses();
    }
}
