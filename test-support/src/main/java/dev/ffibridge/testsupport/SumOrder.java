package dev.ffibridge.testsupport;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * The oracle of the sum order, for the tests of every module: docs/abi.md's "Sum order" written as
 * plainly as it is stated there, with arrays of sixteen lanes and totals and the combination tree
 * spelled out. It shares no code with either provider.
 */
public final class SumOrder {

    /** Values per block of the sum order. */
    public static final int BLOCK = 8192;

    private SumOrder() {}

    /** The documented sum of all of {@code x}; see {@link #sum(double[], int, int)}. */
    public static double sum(double[] x) {
        return sum(x, 0, x.length);
    }

    /**
     * The documented sum of {@code x[offset .. offset + length)}: blocks of 8192; per block sixteen
     * lanes, element j into lane[j % 16]; the blocks' lanes added to acc[k] in block order; then the
     * fixed tree. Where the NaN payload of the result is open (see {@link #possibleSums}), the smallest
     * of the possible bit patterns.
     */
    public static double sum(double[] x, int offset, int length) {
        return Double.longBitsToDouble(possibleSums(x, offset, length).first());
    }

    /**
     * 8209 values whose documented sum is 2.0 only because each block starts new lanes: 1e16 at element 0
     * swallows element 16 (lane 0, cancelled with lane 8's -1e16 only at the end), while elements 8192 and
     * 8208 start lane 0 of the second block, where they make 2, and 1e16 + 2 is exact. A sum that carried
     * the lanes across blocks would give 0 or 1.
     */
    public static double[] blocksStartNewLanes() {
        double[] x = new double[BLOCK + 17];
        x[0] = 1e16;
        x[8] = -1e16;
        x[16] = 1.0;
        x[BLOCK] = 1.0;
        x[BLOCK + 16] = 1.0;
        return x;
    }

    /**
     * Every bit pattern the documented sum may have. One, unless NaNs with different payloads meet in
     * an addition: IEEE 754 lets an addition of two NaNs return either (quieted), and implementations
     * do differ (HotSpot's interpreter and C2 keep the right operand's payload, C1 the left one's; a
     * compiler may swap the operands of a commutative addition), so no provider can promise one
     * payload then. The set is exact: each addition is followed with every choice it may make.
     */
    public static TreeSet<Long> possibleSums(double[] x, int offset, int length) {
        Partial[] acc = new Partial[16];
        Arrays.fill(acc, Partial.ZERO); // every total starts at +0.0
        for (int start = 0; start < length; start += BLOCK) {
            Partial[] lane = new Partial[16];
            Arrays.fill(lane, Partial.ZERO); // every lane of a block starts at +0.0
            for (int j = 0; j < BLOCK && start + j < length; j++) {
                lane[j % 16] = Partial.add(lane[j % 16], Partial.of(x[offset + start + j]));
            }
            for (int k = 0; k < 16; k++) {
                acc[k] = Partial.add(acc[k], lane[k]);
            }
        }
        Partial[] s8 = new Partial[8];
        for (int k = 0; k < 8; k++) {
            s8[k] = Partial.add(acc[k], acc[k + 8]);
        }
        Partial[] s4 = new Partial[4];
        for (int k = 0; k < 4; k++) {
            s4[k] = Partial.add(s8[k], s8[k + 4]);
        }
        Partial s20 = Partial.add(s4[0], s4[2]);
        Partial s21 = Partial.add(s4[1], s4[3]);
        Partial total = Partial.add(s20, s21);
        TreeSet<Long> out = new TreeSet<>();
        if (total.nans == null) {
            out.add(Double.doubleToRawLongBits(total.value));
        } else {
            out.addAll(total.nans);
        }
        return out;
    }

    /** A partial sum: a value, or a NaN with the set of payloads (raw bits) it may have. */
    private record Partial(double value, Set<Long> nans) {

        static final Partial ZERO = new Partial(0.0, null);

        static Partial of(double x) {
            return Double.isNaN(x) ? new Partial(x, Set.of(Double.doubleToRawLongBits(x))) : new Partial(x, null);
        }

        static Partial add(Partial a, Partial b) {
            if (a.nans == null && b.nans == null) {
                // no NaN operand: the result, a NaN included (inf - inf), is fully defined
                double r = a.value + b.value;
                return Double.isNaN(r) ? new Partial(r, Set.of(Double.doubleToRawLongBits(r))) : new Partial(r, null);
            }
            Set<Long> nans = new TreeSet<>();
            for (Partial p : new Partial[] {a, b}) {
                if (p.nans != null) {
                    p.nans.forEach(bits -> nans.add(bits | 0x0008_0000_0000_0000L)); // an operand NaN is quieted
                }
            }
            return new Partial(Double.NaN, nans);
        }
    }
}
