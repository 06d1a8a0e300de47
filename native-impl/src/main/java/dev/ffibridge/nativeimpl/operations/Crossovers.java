package dev.ffibridge.nativeimpl.operations;

import dev.ffibridge.api.internal.ArenaMemory;
import dev.ffibridge.api.internal.Fill;
import java.util.Map;

/**
 * The sizes below which the native provider runs a bulk operation in Java (the java provider's
 * kernels, shared through {@code dev.ffibridge.api.internal}, so the results are the same bits):
 * there a call into the library, about 8-10 ns for a fill or a short sum, costs more than the work.
 * From these sizes on, the library does the work. Person names are the other way round: above {@link
 * #PERSON_NAME} chars, moving the name through the C ABI costs more than the java provider's check of it.
 *
 * <p>Each crossover is the first size at which the library was no slower than Java in one short JMH
 * run of the named benchmark on a busy two-core machine (indicative): {@code benchmarks/run.sh jmh
 * '(FillBench|SumBench|SequenceCodecBench)' -p n=64,128,256 -jvmArgsPrepend
 * -Dffibridge.native.crossovers=0}, {@code provider=native} against {@code provider=java} (the sums:
 * {@code 'SumBench\.(array|segment|doubleBuffer)$' -p n=1,4,8,12,...,128 -f 1 -wi 3 -i 3 -w 500ms -r 500ms},
 * twice). Re-derive them there when the library or the binding changes.
 *
 * <p>{@code -D}{@value #PROPERTY}{@code =0} sets every crossover to 0, so every size goes to the
 * library: the equivalence tests (native-impl's and it-tests') run with it, so that they keep
 * exercising the Rust code at every size.
 */
public final class Crossovers {

    /** The system property that, set to {@code 0}, sends every size to the library. */
    public static final String PROPERTY = "ffibridge.native.crossovers";

    private static final boolean ENABLED = !"0".equals(System.getProperty(PROPERTY));

    /**
     * {@code fillBuffer}: Java below 128 doubles (FillBench, arrays: java 10.2 ns, native 16.0 ns at
     * 64; 18.3 and 18.8 ns at 128; native 21.4 against 40.3 ns at 256).
     */
    static final int FILL = ENABLED ? 128 : 0;

    /**
     * {@code fillBuffer} of an array: the java kernel's straight line up to {@link Fill#SHORT} (16) doubles, then its
     * loop up to {@link #FILL}; -1 with the crossovers off. The same test as the kernel's own, so that up to 16
     * doubles both providers run the same instructions: with the native provider's {@code length < FILL} in front of
     * the java loop, a fill of 1 double was 1.68 against 1.56 ns (one compare more); with this, FillBench, 3 forks,
     * 5 December 2026, native against java: 0.957 against 0.957 ns at 1, 4.10 against 4.11 at 16.
     */
    static final int FILL_SHORT = ENABLED ? Fill.SHORT : -1;

    /**
     * {@code fillBuffer} of a segment: Java up to 1 024 doubles, where the java kernel is one copy from
     * a ramp in the segment's phase (FillBench, native segments, 3 forks, the library against Java:
     * 41.9 against 37.1 ns at 512, 60.2 against 55.4 at 768, 78.2 against 73.5 at 1 024, 77.2 against
     * 75.2 at 1 025; 83.3 against 113.2 at 1 088, where Java's loop takes the elements after the ramp).
     */
    static final int FILL_SEGMENT = ENABLED ? 1025 : 0;

    /**
     * The most doubles of a segment that {@code fillBuffer} fills in Java: {@link #FILL_SEGMENT} - 1, or 0 with the
     * crossovers off (an empty segment never reaches the library: no call with a possibly NULL address). One compare
     * of the length, where {@code length == 0 || length < FILL_SEGMENT} compiled to two.
     */
    static final int FILL_SEGMENT_IN_JAVA = Math.max(FILL_SEGMENT, 1) - 1;

    /**
     * {@code filledBuffer(length, arena)} above {@link #FILLED_BUFFER_COPIED} or from an arena of the caller's own
     * class: the library fills from 1 double, whatever {@link #FILL_SEGMENT} says, with the crossovers on or off (0
     * doubles: nothing to fill, and no call with a possibly NULL address). The memory comes from {@code
     * arena.allocate}, which zeroes it in a Java loop that C2 compiles into the same method as the fill.
     * Followed by the java kernel's copy, that loop stayed scalar, 8 bytes a store; followed by a downcall, it is
     * vectorized, 64 bytes a store, as in the raw binding (perfasm, the hot loop of {@code initNativeMemory}).
     * StrategyBench {@code zeroCopy} at 1 024 doubles, 3 forks, 5 December 2026: 351 ns with the Java fill, 259 ns
     * with the library's, raw binding 265 ns; {@code boxed} 750 against 703 ns; at 5 doubles 55-56 ns either way.
     */
    static final int FILLED_BUFFER = 1;

    /**
     * {@code filledBuffer(length, arena)} from one of the JDK's arenas: the java provider's copy of the values into
     * memory the JDK does not zero ({@code ArenaMemory.filledByCopy}) up to this many doubles; -1 with the crossovers
     * off. No zeroing, no downcall and, with the zeroing loop gone, nothing too large for C2 to inline between the
     * caller and {@code allocateFrom}. StrategyBench {@code zeroCopy}, native, 3 forks each, 5 December 2026, the copy
     * against the library ({@code -Dffibridge.native.crossovers=0}): 78.6 against 115 ns at 256 doubles, 183 against
     * 261 ns at 1 024 (0 against 160-168 B/op); at 5 doubles 41.2 ns against 54.2 before (the raw binding, which
     * allocates and fills in the library: 38.3 ns). The limit is the ramp's length, not a measured crossover: the
     * copy was faster at every size up to it.
     */
    static final int FILLED_BUFFER_COPIED = ENABLED ? ArenaMemory.COPIED : -1;

    /**
     * {@code sumBuffer} of an array (and of a heap {@code DoubleBuffer}): Java below 16 doubles, where its loop is
     * the tail alone (SumBench, arrays, two short runs on a busy two-core machine, 5 December 2026, indicative, best
     * iteration, Java against the library: 4.7 against 7.7-8.2 ns at 1, 6.3 against 8.0 at 12, 7.1 against 7.7 at 15;
     * 13.4 against 6.8 at 16, 14.0 against 7.7 at 24, 19.0 against 8.1-9.2 at 64, 27.7 against 11.2 at 128). It was
     * 128 while the library's sum stored its lanes around a scalar tail (43.0 against 31.8 ns at 64).
     */
    static final int SUM = ENABLED ? 16 : 0;

    /**
     * {@code sumBuffer} of a segment (and of a direct {@code DoubleBuffer}, below it summed in place by {@code
     * DoubleBufferSum}): Java up to 16 doubles, its straight-line {@code ShortSums} (SumBench, native segments, two
     * short runs on a busy two-core machine, 5 December 2026, indicative, best iteration, Java against the library:
     * 6.1-6.4 against 9.8-9.9 ns at 1, 8.7 against 10.0 at 8, 9.1-9.2 against 9.0-9.3 at 16; 13.1 against 9.9-10.4 at
     * 17, 19 against 10.0 at 20, 27.2 against 10.0 at 28, 44 against 9.5 at 32, 45 against 10.7-11.3 at 64; direct
     * buffers alike). The library takes about 10 ns at every size up to 64 since its sum keeps the last {@code n % 16}
     * values and the combining tree in registers; before, 17-28 doubles took it 23-29 ns and the crossover was 28.
     */
    static final int SUM_SEGMENT = ENABLED ? 17 : 0;

    /**
     * The most doubles of a segment or direct buffer that {@code sumBuffer} sums in Java: {@link #SUM_SEGMENT} - 1,
     * which is the java kernels' own limit for their straight line ({@code Sum.LANES}, 16), or 0 with the crossovers
     * off (an empty one never reaches the library). The provider's test {@code length <= 16} and the kernel's {@code
     * count <= 16} after it are the same comparison of the same value, so C2 compiles them into one: below the
     * crossover the native provider runs the java provider's instructions and no more.
     */
    static final int SUM_SEGMENT_IN_JAVA = Math.max(SUM_SEGMENT, 1) - 1;

    /**
     * {@code encodeSequence} and {@code decodeSequence}: Java at every size. The work is one copy of
     * little-endian doubles, and the JVM's copy was never slower than the library's (glibc's memmove):
     * the full SequenceCodecBench run of 5 December, native ÷ java, encode / decode, 1.09 / 0.98 at 64,
     * 1.16 / 1.39 at 256, 0.96 / 0.97 at 1 024, 1.59 / 1.31 at 65 536, 1.06 / 0.98 at 1 M, 1.03 / 1.04 at
     * 16 M (below 128 both ran this same Java kernel already). In Java the copy also polls for
     * safepoints, where one critical call held the garbage collector off for the whole copy (about
     * 10 ms at 2<sup>24</sup> values). {@code -Dffibridge.native.crossovers=0} sends them to the library.
     */
    static final boolean SEQUENCES_IN_JAVA = ENABLED;

    /**
     * {@code createPerson(name, age, height)} and {@code encodePerson}: Java <em>above</em> 64 Ki chars of name,
     * where the library's path becomes the long one ({@link PersonCalls#CRITICAL_NAME_CHARS}: regular handles,
     * native memory filled in pieces). The java provider's work is the name rule's check, the library's about
     * six more passes over the name through the C ABI (the UTF-8 encoding, the copy into native memory, the
     * library's {@code strlen}, UTF-8 check and copy, the comparison of its copy, {@code free_person}'s {@code
     * strlen}). One short LargeNameBench run on a busy two-core machine (indicative), {@code benchmarks/run.sh
     * jmh LargeNameBench -f 1 -wi 5 -i 3 -jvmArgsPrepend -Dffibridge.native.crossovers=0}, native ÷ java,
     * createPerson / encodePerson: 1.68 / 1.50 at 10 240 chars, 2.22 / 1.01 at 65 536, 2.02 (encodePerson) at
     * 65 537, 2.11 / 2.27 at 1 Mi, 2.60 / 1.76 at 16 Mi; with this crossover, in three such runs, 0.98-1.53 /
     * 0.98-1.90 at 1 Mi and 0.97-1.44 / 0.66-1.11 at 16 Mi (the java provider's own code: the spread is the
     * machine's). createPerson loses at every size (the java provider does no more than check the name), but up
     * to 64 Ki chars by microseconds, and the library's person is what the call is for. {@code decodePerson}
     * stays in the library at every size: it is faster there from 1 Mi (0.43 at 1 Mi, 0.58 at 16 Mi).
     */
    static final int PERSON_NAME = ENABLED ? PersonCalls.CRITICAL_NAME_CHARS : Integer.MAX_VALUE;

    private Crossovers() {}

    /** Whether {@code createPerson} and {@code encodePerson} with {@code name} run in Java ({@link #PERSON_NAME}). */
    static boolean personNameInJava(String name) {
        return name.length() > PERSON_NAME;
    }

    /**
     * Where the operations run, by size, for {@code FfiBridge.diagnostics()}: two entries, {@code "java path
     * below"}, e.g. {@code "fillBuffer 128 (segments 1025), sumBuffer 16 (segments 17) doubles; the library from there;
     * filledBuffer from the JDK's arenas a copy up to 1024 doubles, the library from there and for other arenas from
     * 1; encodeSequence and decodeSequence in Java at every size (one copy)"}, and {@code "java path above"}, e.g.
     * {@code "createPerson and encodePerson with a name of more than 65536 chars; decodePerson in the library at every
     * size"}.
     */
    public static Map<String, String> describe() {
        String none = "none (-D" + PROPERTY + "=0): every size runs in the library";
        String below = ENABLED
                ? "fillBuffer " + FILL + " (segments " + FILL_SEGMENT + "), sumBuffer " + SUM + " (segments "
                        + SUM_SEGMENT
                        + ") doubles; the library from there; filledBuffer from the JDK's arenas a copy up to "
                        + FILLED_BUFFER_COPIED
                        + " doubles, the library from there and for other arenas from 1; encodeSequence"
                        + " and decodeSequence in Java at every size (one copy)"
                : none;
        String above = ENABLED
                ? "createPerson and encodePerson with a name of more than " + PERSON_NAME
                        + " chars; decodePerson in the library at every size"
                : none;
        return Map.of("java path below", below, "java path above", above);
    }
}
