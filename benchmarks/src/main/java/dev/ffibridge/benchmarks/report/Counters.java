package dev.ffibridge.benchmarks.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The table of a benchmark that reports its own counters ({@code @AuxCounters}) beside the time per call: one row
 * per method and n, one column per counter. SafepointBench's times to safepoint ({@code ttspP50Us}, {@code
 * ttspP99Us}, {@code ttspMaxUs}: median, 99th percentile and maximum of every wait in the
 * trial's measurement iterations) read as "TTSP median", "TTSP p99", "TTSP max"; a counter whose name ends in {@code Us} is a time in
 * microseconds.
 */
final class Counters {

    /** Column titles of the known counters, in column order; others follow by name. */
    private static final Map<String, String> TITLES =
            Map.of("ttspP50Us", "TTSP median", "ttspP99Us", "TTSP p99", "ttspMaxUs", "TTSP max");

    private static final List<String> ORDER = List.of("ttspP50Us", "ttspP99Us", "ttspMaxUs");

    private Counters() {}

    static String table(List<Result> rows) {
        List<String> names = rows.stream()
                .flatMap(r -> r.counters().keySet().stream())
                .distinct()
                .sorted(Comparator.comparingInt((String c) -> ORDER.contains(c) ? ORDER.indexOf(c) : ORDER.size())
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
        StringBuilder md = new StringBuilder("| operation | n | time per call |");
        StringBuilder rule = new StringBuilder("|---|--:|--:|");
        for (String name : names) {
            md.append(' ').append(TITLES.getOrDefault(name, name)).append(" |");
            rule.append("--:|");
        }
        md.append('\n').append(rule).append('\n');
        List<Result> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(Result::method).thenComparingLong(Result::n));
        for (Result r : sorted) {
            md.append("| ")
                    .append(r.method())
                    .append(" | ")
                    .append(r.n() < 0 ? "" : Format.count(r.n()))
                    .append(" | ")
                    .append(Format.timeWithError(r.ns(), r.errorNs()))
                    .append(" |");
            for (String name : names) {
                Double value = r.counters().get(name);
                md.append(' ').append(value == null ? "" : cell(name, value)).append(" |");
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static String cell(String name, double value) {
        return name.endsWith("Us") ? Format.time(value * 1e3) : Format.digits(value);
    }
}
