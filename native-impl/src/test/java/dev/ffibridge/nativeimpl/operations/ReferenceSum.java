package dev.ffibridge.nativeimpl.operations;

/** The documented sum order, written out plainly, to check the library bit for bit. */
final class ReferenceSum {

    private ReferenceSum() {}

    static double sum(double[] x, int offset, int length) {
        double[] acc = new double[16];
        for (int start = 0; start < length; start += 8192) { // blocks of 8192
            double[] lane = new double[16];
            for (int j = 0; j < 8192 && start + j < length; j++) {
                lane[j % 16] += x[offset + start + j];
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
        double s20 = s4[0] + s4[2];
        double s21 = s4[1] + s4[3];
        return s20 + s21;
    }

    static double sum(double[] x) {
        return sum(x, 0, x.length);
    }
}
