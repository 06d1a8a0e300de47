package dev.ffibridge.javaimpl;

/** The documented sum order, written as plainly as docs/abi.md states it, to check the fast one. */
final class ReferenceSum {

    private ReferenceSum() {}

    static double of(double[] x) {
        double[] acc = new double[16]; // every total starts at +0.0
        for (int start = 0; start < x.length; start += 8192) { // blocks of 8192
            double[] lane = new double[16]; // every lane of a block starts at +0.0
            for (int j = 0; j < 8192 && start + j < x.length; j++) {
                lane[j % 16] += x[start + j];
            }
            for (int k = 0; k < 16; k++) {
                acc[k] += lane[k];
            }
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
