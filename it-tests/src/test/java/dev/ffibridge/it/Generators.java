package dev.ffibridge.it;

import dev.ffibridge.api.Person;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * jqwik generators that aim at the edges on purpose, shared by the differential properties: a property class
 * implements this interface and names a generator in {@code @ForAll("...")}.
 */
interface Generators {

    /** NaNs with several payloads, quiet and signalling, both signs. */
    float[] FLOAT_NANS = {
        Float.NaN,
        Float.intBitsToFloat(0x7fc0_0001),
        Float.intBitsToFloat(0x7f80_0001), // signalling
        Float.intBitsToFloat(0x7fbf_ffff), // signalling, all payload bits
        Float.intBitsToFloat(0xffc1_2345),
        Float.intBitsToFloat(0xff80_0001),
        Float.intBitsToFloat(0xffff_ffff)
    };

    float[] FLOAT_EDGES = {
        0f,
        -0f,
        Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY,
        Float.MIN_VALUE,
        -Float.MIN_VALUE,
        Float.intBitsToFloat(0x007f_ffff), // largest subnormal
        Float.MIN_NORMAL,
        Float.MAX_VALUE,
        -Float.MAX_VALUE,
        5.8f,
        1f,
        -1f
    };

    double[] DOUBLE_EDGES = {
        0.0,
        -0.0,
        Double.NaN,
        Double.longBitsToDouble(0x7ff8_0000_0000_0001L),
        Double.longBitsToDouble(0x7ff0_0000_0000_0001L), // signalling
        Double.longBitsToDouble(0xfff8_0000_0012_3456L),
        Double.longBitsToDouble(0x7ff7_ffff_ffff_ffffL), // signalling, all payload bits
        Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY,
        Double.MIN_VALUE,
        -Double.MIN_VALUE,
        Double.longBitsToDouble(0x000f_ffff_ffff_ffffL), // largest subnormal
        Double.MIN_NORMAL,
        Double.MAX_VALUE,
        -Double.MAX_VALUE,
        1e308,
        -1e308,
        1e16,
        -1e16,
        9007199254740993.0, // 2^53 + 1 (rounds)
        1.0,
        -1.0,
        0.1,
        1.1,
        5.5
    };

    /** The ages at and just outside the uint32 range's edges. */
    long[] AGE_EDGES = {
        0,
        1,
        30,
        Integer.MAX_VALUE,
        1L << 31,
        (1L << 31) + 1,
        Person.MAX_AGE - 1,
        Person.MAX_AGE,
        -1,
        1L << 32,
        (1L << 32) + 1,
        Integer.MIN_VALUE,
        Long.MIN_VALUE,
        Long.MAX_VALUE
    };

    /** The lengths the buffer properties aim at. */
    int[] LENGTH_EDGES = {0, 1, 2, 5, 7, 8, 15, 16, 17, 31, 32, 33, 1023, 1024, 1025};

    @Provide
    default Arbitrary<Integer> ints() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.integers()),
                Tuple.of(
                        2,
                        Arbitraries.of(
                                0,
                                1,
                                -1,
                                2,
                                Integer.MAX_VALUE,
                                Integer.MIN_VALUE,
                                Integer.MAX_VALUE - 1,
                                Integer.MIN_VALUE + 1,
                                1 << 30,
                                -(1 << 30))));
    }

    @Provide
    default Arbitrary<Long> ages() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(box(AGE_EDGES))),
                Tuple.of(4, Arbitraries.longs().between(-3, Person.MAX_AGE + 3)),
                Tuple.of(1, Arbitraries.longs().between((1L << 31) - 3, (1L << 31) + 3)),
                Tuple.of(1, Arbitraries.longs()));
    }

    @Provide
    default Arbitrary<Float> heights() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(box(FLOAT_NANS))),
                Tuple.of(3, Arbitraries.of(box(FLOAT_EDGES))),
                Tuple.of(2, Arbitraries.integers().map(Float::intBitsToFloat)), // every bit pattern
                Tuple.of(1, Arbitraries.integers().between(1, 0x007f_ffff).map(Float::intBitsToFloat)), // subnormals
                Tuple.of(2, Arbitraries.floats().between(0f, 3f)));
    }

    /**
     * Names: empty, ASCII, multi-byte UTF-8, surrogate pairs, unpaired surrogates, interior NUL, any chars at
     * all. Long names (1 MiB and more) are explicit examples, not generated.
     */
    @Provide
    default Arbitrary<String> names() {
        Arbitrary<String> ascii = Arbitraries.strings().ascii().ofMaxLength(40);
        Arbitrary<String> printable =
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(20);
        Arbitrary<String> multiByte = Arbitraries.strings()
                .withChars("é日本語ßΩ€Ж\u0080\u07ff\u0800\uffff\ufeff")
                .ofMaxLength(20);
        Arbitrary<String> pairs = Arbitraries.integers()
                .between(0x10000, 0x10FFFF)
                .map(Character::toString)
                .list()
                .ofMaxSize(8)
                .map(list -> String.join("", list));
        Arbitrary<String> anyChars = Arbitraries.strings().all().ofMaxLength(30);
        Arbitrary<String> bmp =
                Arbitraries.strings().withCharRange('\u0001', '\uffff').ofMaxLength(30);
        Arbitrary<Character> loneSurrogate = Arbitraries.chars().range('\uD800', '\uDFFF');
        Arbitrary<String> unpaired =
                Combinators.combine(printable, loneSurrogate, printable).as((a, s, b) -> a + s + b);
        Arbitrary<String> nul = Combinators.combine(printable, printable).as((a, b) -> a + '\0' + b);
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just("")),
                Tuple.of(3, ascii),
                Tuple.of(3, multiByte),
                Tuple.of(2, pairs),
                Tuple.of(2, unpaired),
                Tuple.of(2, nul),
                Tuple.of(2, anyChars),
                Tuple.of(2, bmp),
                Tuple.of(1, Arbitraries.of("Alice", "\u00e9\uD83D\uDE00", "\uD800", "\uDFFF\uD800", "a\0")));
    }

    /** Buffer lengths: the edges, small ones, some around a thousand, rarely 1 048 577. */
    @Provide
    default Arbitrary<Integer> lengths() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(box(LENGTH_EDGES))),
                Tuple.of(6, Arbitraries.integers().between(0, 100)),
                Tuple.of(2, Arbitraries.integers().between(100, 5000)),
                Tuple.of(1, Arbitraries.just(1_048_577)));
    }

    /** Doubles for sums: the edges (NaN payloads, infinities, -0.0, huge), any bit pattern, moderate values. */
    @Provide
    default Arbitrary<Double> sumElements() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(box(DOUBLE_EDGES))),
                Tuple.of(2, Arbitraries.longs().map(Double::longBitsToDouble)),
                Tuple.of(4, Arbitraries.doubles().between(-1e6, 1e6)),
                Tuple.of(
                        2,
                        Combinators.combine(
                                        Arbitraries.doubles().between(1, 2),
                                        Arbitraries.integers().between(-1074, 1023))
                                .as(Math::scalb)));
    }

    /** Arrays for sums: edge-rich ones, NaN-free ones, and cancellation-heavy ones of huge and unit values. */
    @Provide
    default Arbitrary<double[]> sumArrays() {
        Arbitrary<double[]> mixed = sumElements().array(double[].class).ofMaxSize(80);
        Arbitrary<double[]> finite = Arbitraries.doubles()
                .between(-1e300, 1e300)
                .array(double[].class)
                .ofMaxSize(80);
        Arbitrary<double[]> cancellation = Arbitraries.of(1e308, -1e308, 1e16, -1e16, 1.0, -1.0, 0.5, 1e-16)
                .array(double[].class)
                .ofMaxSize(80);
        return Arbitraries.frequencyOf(Tuple.of(4, mixed), Tuple.of(2, finite), Tuple.of(3, cancellation));
    }

    /**
     * {@code n} doubles drawn from a seed (fast for long arrays): mostly moderate, with edge values, huge values
     * and their negations sprinkled in.
     */
    static double[] seededValues(int n, long seed, boolean withNaNs) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            int pick = random.nextInt(100);
            if (pick < 2) {
                double edge = DOUBLE_EDGES[random.nextInt(DOUBLE_EDGES.length)];
                values[i] = withNaNs || !Double.isNaN(edge) ? edge : 1.0;
            } else if (pick < 6) {
                values[i] = random.nextBoolean() ? 1e16 : -1e16;
            } else {
                values[i] = Math.scalb(random.nextDouble(-2, 2), random.nextInt(-30, 30));
            }
        }
        return values;
    }

    private static Float[] box(float[] values) {
        return IntStream.range(0, values.length).mapToObj(i -> values[i]).toArray(Float[]::new);
    }

    private static Double[] box(double[] values) {
        return Arrays.stream(values).boxed().toArray(Double[]::new);
    }

    private static Integer[] box(int[] values) {
        return Arrays.stream(values).boxed().toArray(Integer[]::new);
    }

    private static Long[] box(long[] values) {
        return Arrays.stream(values).boxed().toArray(Long[]::new);
    }
}
