package dev.ffibridge.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The oracle follows docs/abi.md's order, where another order would give other bits. */
class SumOrderTest {

    @Test
    void addsEachElementToLaneIndexModuloSixteen() {
        // Left to right, 1e16 + 1 + ... loses every 1.0; in lanes, lane 1 keeps them all.
        double[] x = new double[33];
        x[0] = 1e16;
        x[1] = 1.0;
        x[17] = 1.0;
        x[32] = -1e16; // lane 0 again: cancels 1e16 before the tree
        assertThat(SumOrder.sum(x)).isEqualTo(2.0);
    }

    @Test
    void startsNewLanesInEachBlockOf8192() {
        double[] x = SumOrder.blocksStartNewLanes();
        assertThat(x).hasSize(8209);
        assertThat(SumOrder.sum(x)).isEqualTo(2.0);
        assertThat(SumOrder.BLOCK).isEqualTo(8192);
    }

    @Test
    void combinesTheTotalsInTheFixedTree() {
        // acc[0] + acc[8] first: 1e16 - 1e16 = 0, then + 1.0 from acc[4]'s half.
        double[] x = new double[16];
        x[0] = 1e16;
        x[8] = -1e16;
        x[4] = 1.0;
        assertThat(SumOrder.sum(x)).isEqualTo(1.0);
        assertThat(SumOrder.sum(x, 4, 1)).isEqualTo(1.0);
        assertThat(SumOrder.sum(new double[0])).isEqualTo(0.0);
    }

    @Test
    void listsEveryNanPayloadWhenNansMeet() {
        double a = Double.longBitsToDouble(0x7ff8_0000_0000_0001L);
        double b = Double.longBitsToDouble(0x7ff8_0000_0000_0002L);
        assertThat(SumOrder.possibleSums(new double[] {a, b}, 0, 2))
                .containsExactly(0x7ff8_0000_0000_0001L, 0x7ff8_0000_0000_0002L);
        assertThat(SumOrder.possibleSums(new double[] {a, 1.0}, 0, 2)).containsExactly(0x7ff8_0000_0000_0001L);
        // inf - inf: one NaN, whatever payload this machine's addition gives it
        assertThat(SumOrder.possibleSums(new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}, 0, 2))
                .singleElement()
                .satisfies(bits -> assertThat(Double.longBitsToDouble(bits)).isNaN());
    }
}
