package dev.ffibridge.benchmarks.report;

/** How times, ratios and byte counts read in the report's tables. */
final class Format {

    private Format() {}

    /** A difference of times with its sign: {@code +34.0 ms}, {@code −311 µs}. */
    static String signedTime(double ns) {
        return (ns < 0 ? "\u2212" : "+") + time(Math.abs(ns));
    }

    /** A time for a table: 3 significant digits in ns, µs, ms or s. */
    static String time(double ns) {
        if (Double.isNaN(ns)) {
            return "–";
        }
        if (ns < 1e3) {
            return digits(ns) + " ns";
        }
        if (ns < 1e6) {
            return digits(ns / 1e3) + " µs";
        }
        if (ns < 1e9) {
            return digits(ns / 1e6) + " ms";
        }
        return digits(ns / 1e9) + " s";
    }

    /** A time with its error in the same unit: {@code 12.3 ± 0.4 ns}. */
    static String timeWithError(double ns, double errorNs) {
        if (Double.isNaN(errorNs)) {
            return time(ns);
        }
        String t = time(ns);
        String unit = t.substring(t.indexOf(' ') + 1);
        double scale =
                switch (unit) {
                    case "ns" -> 1;
                    case "µs" -> 1e3;
                    case "ms" -> 1e6;
                    default -> 1e9;
                };
        return t.substring(0, t.indexOf(' ')) + " ± " + digits(errorNs / scale) + " " + unit;
    }

    /** Three significant digits (at least the units). */
    static String digits(double v) {
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format("%.0f", v);
        }
        if (a >= 10) {
            return String.format("%.1f", v);
        }
        if (a >= 1) {
            return String.format("%.2f", v);
        }
        return String.format("%.3f", v);
    }

    /** A ratio: {@code 1.08×}. */
    static String ratio(double ratio) {
        return String.format("%.2f×", ratio);
    }

    /** An n with thousands separators: {@code 1,048,576}. */
    static String count(long n) {
        return String.format("%,d", n);
    }

    /** Bytes per operation for a table. */
    static String bytes(double b) {
        if (Double.isNaN(b)) {
            return "–";
        }
        if (b < 0.5) {
            return b < 0.005 ? "0" : String.format("%.2f", b);
        }
        if (b < 1e4) {
            return String.format("%.0f", b);
        }
        if (b < 1e7) {
            return String.format("%.1f K", b / 1024);
        }
        return String.format("%.1f M", b / (1024 * 1024));
    }
}
