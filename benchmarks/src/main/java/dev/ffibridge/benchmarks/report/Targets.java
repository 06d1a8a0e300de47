package dev.ffibridge.benchmarks.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

/**
 * The project's performance targets and the table they make. The targets are data, one line each
 * in {@code targets.txt} beside this class (its header explains the columns); {@link Checks} has
 * the kinds. A target whose benchmarks have no results says "not measured".
 */
final class Targets {

    /** Every target, in table order. */
    static final List<Target> ALL = read();

    private Targets() {}

    /** The Markdown table of every target against {@code results}. */
    static String table(List<Result> results) {
        StringBuilder md = new StringBuilder("| target | measured | met? |\n|---|---|:-:|\n");
        for (Target target : ALL) {
            Target.Verdict verdict = target.evaluate(results);
            md.append("| ")
                    .append(target.text())
                    .append(" | ")
                    .append(verdict.figure())
                    .append(" | ")
                    .append(verdict.status().label())
                    .append(" |\n");
        }
        return md.toString();
    }

    private static List<Target> read() {
        return lines().stream().map(Targets::parse).toList();
    }

    /** The target lines of {@code targets.txt}, without comments and blank lines. */
    static List<String> lines() {
        try (InputStream in = Targets.class.getResourceAsStream("targets.txt")) {
            if (in == null) {
                throw new IllegalStateException("targets.txt is missing beside " + Targets.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line's columns, stripped: {@code kind | bench | a | b | n | bound | text}. */
    static String[] columns(String line) {
        String[] f = Stream.of(line.split("\\|", 7)).map(String::strip).toArray(String[]::new);
        if (f.length != 7) {
            throw new IllegalArgumentException("targets.txt: 7 columns expected: " + line);
        }
        return f;
    }

    /** One line: {@code kind | bench | a | b | n | bound | text}. */
    static Target parse(String line) {
        String[] f = columns(line);
        String kind = f[0], bench = f[1], a = f[2], b = f[3], text = f[6];
        long[] sizes = sizes(f[4]);
        long n = sizes.length == 1 ? sizes[0] : Result.NO_N;
        double bound = f[5].isEmpty() ? Double.NaN : Double.parseDouble(f[5]);
        return switch (kind) {
            case "ratio" -> Checks.ratio(text, bench, a, b, n, bound);
            case "speedup" -> Checks.speedup(text, bench, a, b, n, bound);
            case "atMost" -> Checks.atMost(text, bench, a, bound);
            case "zeroAlloc" -> Checks.zeroAllocation(text, bench, a);
            case "median" -> Checks.median(text, bench, a, bound);
            case "medianRatio" -> Checks.medianRatio(text, bench, a, b, bound);
            case "medianPlus" -> Checks.medianPlus(text, bench, a, b, bound);
            case "everyN" -> Checks.ratioAtEveryN(text, bench, a, b, sizes, bound);
            case "counterAtMost" -> Checks.counterAtMost(text, bench, a, b, bound);
            default -> throw new IllegalArgumentException("targets.txt: unknown kind " + kind + ": " + line);
        };
    }

    /** {@code -}: no n (empty); {@code *}: every n measured (empty); else a comma-separated list. */
    static long[] sizes(String column) {
        if (column.equals("-") || column.equals("*")) {
            return new long[0];
        }
        return Stream.of(column.split(","))
                .mapToLong(s -> Long.parseLong(s.strip()))
                .toArray();
    }
}
