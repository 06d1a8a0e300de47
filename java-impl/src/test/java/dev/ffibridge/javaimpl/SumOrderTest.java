package dev.ffibridge.javaimpl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ffibridge.api.FfiBridge;
import dev.ffibridge.testsupport.SumOrder;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Golden vectors that pin the documented order, and the fast sum against the shared oracle {@link SumOrder}.
 *
 * <p>With 1e16 the spacing of doubles is 2, so 1e16 + 1 rounds (ties to even) back to 1e16: the
 * order of the additions decides whether a 1.0 survives.
 */
class SumOrderTest {

    private static final FfiBridge BRIDGE = FfiBridge.load("java");

    private static final double BIG = 1e16;

    private static long bits(double value) {
        return Double.doubleToRawLongBits(value);
    }

    private static double naive(double[] values) {
        double sum = 0.0;
        for (double value : values) {
            sum += value;
        }
        return sum;
    }

    private static double[] at(int length, double... pairs) {
        double[] values = new double[length];
        for (int k = 0; k < pairs.length; k += 2) {
            values[(int) pairs[k]] = pairs[k + 1];
        }
        return values;
    }

    @Test
    void theRoundingThisFileReliesOn() {
        assertThat(BIG + 1.0).isEqualTo(BIG);
        assertThat(-BIG + 1.0).isEqualTo(-BIG);
        assertThat(BIG + 2.0).isNotEqualTo(BIG);
    }

    @Test
    void eachElementGoesToItsOwnAccumulator() {
        // acc0 = 1e16, acc1 = 1, acc2 = -1e16, acc3 = 1; s2[0] = 1e16 + -1e16 = 0, s2[1] = 1 + 1 = 2.
        double[] values = {BIG, 1.0, -BIG, 1.0};
        assertThat(BRIDGE.sumBuffer(values)).isEqualTo(2.0);
        assertThat(naive(values)).isEqualTo(1.0);
    }

    @Test
    void theTailStartsANewBlockAtAccumulatorZero() {
        // Element 16 goes to acc0, which already holds 1e16, and is lost: acc0 = 1e16, acc8 = -1e16.
        double[] values = at(17, 0, BIG, 8, -BIG, 16, 1.0);
        assertThat(BRIDGE.sumBuffer(values)).isEqualTo(0.0);
        assertThat(naive(values)).isEqualTo(1.0);
        // Element 17 goes to acc1, which is empty, and survives.
        assertThat(BRIDGE.sumBuffer(at(18, 0, BIG, 8, -BIG, 17, 1.0))).isEqualTo(1.0);
    }

    @Test
    void theTreeAddsAccumulatorsEightApartFirst() {
        // s8[0] = acc0 + acc8 = 0 and s8[4] = acc4 + acc12 = 2, so the sum is 2; adding the
        // accumulators in index order would give 1e16 + 1 + -1e16 + 1 = 1.
        double[] values = at(16, 0, BIG, 4, 1.0, 8, -BIG, 12, 1.0);
        assertThat(BRIDGE.sumBuffer(values)).isEqualTo(2.0);
        assertThat(naive(values)).isEqualTo(1.0);
    }

    @Test
    void theTreeAddsHalvesFourApartThenTwoApart() {
        // s4[0] = s8[0] + s8[4] = 1e16 + 1 = 1e16; s4[2] = s8[2] + s8[6] = -1e16 + 1 = -1e16;
        // s2[0] = 0, s2[1] = s4[1] + s4[3] = 1 + 1 = 2: the sum is 2.
        double[] values = at(16, 0, BIG, 4, 1.0, 2, -BIG, 6, 1.0, 1, 1.0, 3, 1.0);
        assertThat(BRIDGE.sumBuffer(values)).isEqualTo(2.0);
        assertThat(naive(values)).isEqualTo(3.0);
        // acc0 = 1e16, acc1 = -1e16, acc2 = acc3 = 1: s2[0] = 1e16 + 1 = 1e16, s2[1] = -1e16 + 1 = -1e16,
        // so both ones are lost; in index order 1e16 + -1e16 would cancel first and keep them.
        double[] paired = at(16, 0, BIG, 2, 1.0, 1, -BIG, 3, 1.0);
        assertThat(BRIDGE.sumBuffer(paired)).isEqualTo(0.0);
        assertThat(naive(paired)).isEqualTo(2.0);
    }

    @Test
    void eachBlockOf8192StartsItsOwnLanes() {
        // Elements 8192 and 8208 are lane 0 of the second block: they add up to 2 there first, and
        // 1e16 + 2 is exact. One chain per lane would add each 1.0 to 1e16 and lose it.
        double[] values = at(8209, 0, BIG, 8, -BIG, 8192, 1.0, 8208, 1.0);
        assertThat(BRIDGE.sumBuffer(values)).isEqualTo(2.0);
        // Inside one block the same two ones are lost.
        assertThat(BRIDGE.sumBuffer(at(8192, 0, BIG, 8, -BIG, 16, 1.0, 32, 1.0)))
                .isEqualTo(0.0);
        // The third block's lanes are added to the totals after the second block's.
        double[] third = at(3 * 8192, 0, BIG, 8192, 1.0, 8208, 1.0, 16384, -BIG);
        // totals[0] = (1e16 + 2) + -1e16 = 2.
        assertThat(BRIDGE.sumBuffer(third)).isEqualTo(2.0);
        assertThat(bits(BRIDGE.sumBuffer(third))).isEqualTo(bits(SumOrder.sum(third)));
    }

    @Test
    void emptyAndNegativeZeroGivePositiveZero() {
        assertThat(bits(BRIDGE.sumBuffer(new double[0]))).isEqualTo(bits(0.0));
        for (int n : new int[] {1, 2, 15, 16, 17, 100}) {
            double[] zeros = new double[n];
            Arrays.fill(zeros, -0.0);
            assertThat(bits(BRIDGE.sumBuffer(zeros))).as("%d times -0.0", n).isEqualTo(bits(0.0));
        }
    }

    @Test
    void nanAndInfinitiesPropagate() {
        assertThat(BRIDGE.sumBuffer(new double[] {1.0, Double.NaN, 2.0})).isNaN();
        assertThat(BRIDGE.sumBuffer(at(40, 33, Double.NaN))).isNaN();
        assertThat(BRIDGE.sumBuffer(new double[] {Double.POSITIVE_INFINITY, 1.0, -5.0}))
                .isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(BRIDGE.sumBuffer(new double[] {-1.0, Double.NEGATIVE_INFINITY}))
                .isEqualTo(Double.NEGATIVE_INFINITY);
        // Opposite infinities meet in the tree (acc0 + acc1) or in one accumulator: NaN either way.
        assertThat(BRIDGE.sumBuffer(new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}))
                .isNaN();
        assertThat(BRIDGE.sumBuffer(at(17, 0, Double.POSITIVE_INFINITY, 16, Double.NEGATIVE_INFINITY)))
                .isNaN();
        // Overflow to infinity inside one accumulator, while the exact sum would be finite.
        assertThat(BRIDGE.sumBuffer(at(33, 0, Double.MAX_VALUE, 16, Double.MAX_VALUE, 1, -Double.MAX_VALUE)))
                .isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void sumsFillValuesExactly() {
        for (int n : new int[] {0, 1, 16, 17, 1000, 4097, 3 * 8192 + 5}) {
            double[] values = new double[n];
            BRIDGE.fillBuffer(values);
            assertThat(BRIDGE.sumBuffer(values)).isEqualTo((double) n * (n - 1) / 2);
        }
    }

    @Test
    void equalsTheReferenceOnRandomInputs() {
        Random random = new Random(20_250_101L);
        int[] lengths = IntStream.concat(
                        IntStream.rangeClosed(0, 100),
                        IntStream.of(1023, 1024, 1025, 4111, 8191, 8192, 8193, 3 * 8192 + 17))
                .toArray();
        for (int length : lengths) {
            for (int trial = 0; trial < 8; trial++) {
                double[] values = randomValues(random, length);
                assertThat(bits(BRIDGE.sumBuffer(values)))
                        .as("length %d, trial %d", length, trial)
                        .isEqualTo(bits(SumOrder.sum(values)));
                int offset = random.nextInt(length + 1);
                double[] range = Arrays.copyOfRange(values, offset, length);
                assertThat(bits(BRIDGE.sumBuffer(values, offset, length - offset)))
                        .as("length %d from %d", length, offset)
                        .isEqualTo(bits(SumOrder.sum(range)));
            }
        }
    }

    /** Values of wildly different magnitudes and both signs, so that the order of additions matters. */
    static double[] randomValues(Random random, int length) {
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = switch (random.nextInt(8)) {
                case 0 -> -0.0;
                case 1 -> random.nextInt(100) - 50;
                default -> random.nextGaussian() * Math.pow(10, random.nextInt(33) - 16);
            };
        }
        return values;
    }
}
