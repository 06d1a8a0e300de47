package dev.ffibridge.javaimpl;

/** The documented sum order, written as plainly as docs/abi.md states it, to check the fast one. */
final class ReferenceSum {

    private ReferenceSum() {}

    static double of(double[] x) {
        double[] acc = new double[16]; // every accumulator starts at +0.0
        for (int i = 0; i < x.length; i++) {
            acc[i % 16] += x[i];
        }
        double[] s8 = new double[8];
        for (int k = 0; k < 8; k++) {
            s8[k] = acc[k] + acc[k + 8];
        }
        double[] s4 = new double[4];
        for (int k = 0; k < 4; k++) {
            s4[k] = s8[k] + s8[k + 4];
        }
        double[] s2 = new double[2];
        for (int k = 0; k < 2; k++) {
            s2[k] = s4[k] + s4[k + 2];
        }
        return s2[0] + s2[1];
    }
}
