package dev.ffibridge.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** JMH results read back from {@code -rf json} files, for {@link Report} and {@link Chart}. */
final class Results {

    /**
     * One benchmark result.
     *
     * @param bench the class's simple name, e.g. {@code FillBench}
     * @param method the method, e.g. {@code array_native}
     * @param op the part of the method before {@code _}, e.g. {@code array}
     * @param variant the part after it, e.g. {@code native}
     * @param n the {@code n} parameter, or -1
     * @param mode JMH's mode ({@code avgt}, {@code ss})
     * @param ns the score in nanoseconds (mean over iterations and forks)
     * @param errorNs the half-width of JMH's 99.9% confidence interval, in ns (NaN if unknown)
     * @param p0Ns the smallest sample, in ns
     * @param medianNs the median sample, in ns
     * @param p100Ns the largest sample, in ns
     * @param samples the number of samples
     * @param bytesPerOp {@code gc.alloc.rate.norm} (B/op) when run with {@code -prof gc}, else NaN
     * @param forks the number of forks
     * @param jdk the JDK version that ran it
     */
    record Result(
            String bench,
            String method,
            String op,
            String variant,
            long n,
            String mode,
            double ns,
            double errorNs,
            double p0Ns,
            double medianNs,
            double p100Ns,
            int samples,
            double bytesPerOp,
            int forks,
            String jdk) {}

    private Results() {}

    static List<Result> read(List<Path> files) throws IOException {
        List<Result> results = new ArrayList<>();
        for (Path file : files) {
            for (Object item : Json.array(Json.parse(Files.readString(file)))) {
                results.add(toResult(Json.object(item)));
            }
        }
        return results;
    }

    private static Result toResult(Map<String, Object> json) {
        String full = (String) json.get("benchmark");
        String[] parts = full.split("\\.");
        String bench = parts[parts.length - 2];
        String method = parts[parts.length - 1];
        int cut = method.indexOf('_');
        String op = cut < 0 ? method : method.substring(0, cut);
        String variant = cut < 0 ? "" : method.substring(cut + 1);
        Map<String, Object> params = Json.object(json.get("params"));
        long n = params.containsKey("n") ? Long.parseLong((String) params.get("n")) : -1;
        Map<String, Object> primary = Json.object(json.get("primaryMetric"));
        double scale = toNanos((String) primary.get("scoreUnit"));
        Map<String, Object> percentiles = Json.object(primary.get("scorePercentiles"));
        int samples = 0;
        for (Object fork : Json.array(primary.get("rawData"))) {
            samples += Json.array(fork).size();
        }
        double bytes = Double.NaN;
        Map<String, Object> secondary = Json.object(json.get("secondaryMetrics"));
        if (secondary.get("gc.alloc.rate.norm") != null) {
            bytes = Json.number(Json.object(secondary.get("gc.alloc.rate.norm")).get("score"));
        }
        return new Result(
                bench,
                method,
                op,
                variant,
                n,
                (String) json.get("mode"),
                Json.number(primary.get("score")) * scale,
                Json.number(primary.get("scoreError")) * scale,
                Json.number(percentiles.get("0.0")) * scale,
                Json.number(percentiles.get("50.0")) * scale,
                Json.number(percentiles.get("100.0")) * scale,
                samples,
                bytes,
                (int) Json.number(json.get("forks")),
                String.valueOf(json.get("jdkVersion")));
    }

    private static double toNanos(String unit) {
        String perOp = unit.substring(0, unit.indexOf('/'));
        return switch (perOp) {
            case "ns" -> 1;
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            default -> throw new IllegalArgumentException("unit " + unit);
        };
    }

    /** The result of {@code bench.method} at {@code n} (-1: no n), if measured. */
    static Optional<Result> find(List<Result> results, String bench, String method, long n) {
        return results.stream()
                .filter(r -> r.bench().equals(bench) && r.method().equals(method) && r.n() == n)
                .findFirst();
    }

    /** Results of one class, keyed by method then n, in file order. */
    static Map<String, Map<Long, Result>> byMethod(List<Result> results, String bench) {
        Map<String, Map<Long, Result>> map = new LinkedHashMap<>();
        for (Result r : results) {
            if (r.bench().equals(bench)) {
                map.computeIfAbsent(r.method(), k -> new LinkedHashMap<>()).put(r.n(), r);
            }
        }
        return map;
    }

    /** A time for a table: 3 significant digits in ns, µs or ms. */
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
