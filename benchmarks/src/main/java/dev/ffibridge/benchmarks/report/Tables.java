package dev.ffibridge.benchmarks.report;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The Markdown tables of one benchmark class: times (with ratio columns) and allocation. */
final class Tables {

    /** Column titles of the variants (the part of a method name after {@code _}), in column order. */
    private static final Map<String, String> VARIANT_NAMES = new LinkedHashMap<>();

    static {
        VARIANT_NAMES.put("java", "java provider");
        VARIANT_NAMES.put("native", "native (API)");
        VARIANT_NAMES.put("auto", "auto");
        VARIANT_NAMES.put("rawFfm", "raw FFM critical");
        VARIANT_NAMES.put("rawFfmNonCritical", "raw FFM non-critical");
        VARIANT_NAMES.put("jni", "JNI");
        VARIANT_NAMES.put("jna", "JNA direct");
        VARIANT_NAMES.put("arraysFill", "Arrays.fill");
        VARIANT_NAMES.put("c", "C, no JVM");
        VARIANT_NAMES.put("ctypes", "Python ctypes");
    }

    private Tables() {}

    /**
     * The tables of one class's results: a single-shot table, a table of the benchmark's own counters (e.g.
     * SafepointBench's times to safepoint) if it has any, or times then allocation if measured.
     */
    static String of(List<Result> rows) {
        if (rows.get(0).mode().equals("ss")) {
            return singleShot(rows);
        }
        if (rows.stream().anyMatch(r -> !r.counters().isEmpty())) {
            return Counters.table(rows);
        }
        StringBuilder md = new StringBuilder(pivot(rows, true));
        if (rows.stream().anyMatch(r -> !Double.isNaN(r.bytesPerOp()))) {
            md.append('\n');
            md.append("Allocation, B/op (`-prof gc`, `gc.alloc.rate.norm`):\n\n");
            md.append(pivot(rows, false));
        }
        return md.toString();
    }

    /** Rows (op, n), one column per variant; times with errors and ratio columns, or bytes. */
    private static String pivot(List<Result> rows, boolean times) {
        Set<String> variants = new LinkedHashSet<>();
        VARIANT_NAMES.keySet().stream()
                .filter(v -> rows.stream().anyMatch(r -> r.variant().equals(v)))
                .forEach(variants::add);
        rows.forEach(r -> variants.add(r.variant()));
        // rows by operation, then n: the same table whatever the order of the files (the peers' run, ...)
        Map<String, Map<String, Result>> table = new LinkedHashMap<>();
        rows.stream()
                .sorted(Comparator.comparing(Result::op).thenComparingLong(Result::n))
                .forEach(r -> table.computeIfAbsent(
                                r.op() + (r.n() < 0 ? "" : "\u0000" + r.n()), k -> new LinkedHashMap<>())
                        .put(r.variant(), r));
        boolean hasN = rows.stream().anyMatch(r -> r.n() >= 0);
        boolean ratioJava = times && variants.contains("native") && variants.contains("java");
        boolean ratioRaw = times && variants.contains("native") && variants.contains("rawFfm");
        StringBuilder md = new StringBuilder("| operation |");
        StringBuilder rule = new StringBuilder("|---|");
        if (hasN) {
            md.append(" n |");
            rule.append("--:|");
        }
        for (String v : variants) {
            md.append(' ').append(VARIANT_NAMES.getOrDefault(v, v)).append(" |");
            rule.append("--:|");
        }
        if (ratioJava) {
            md.append(" native ÷ java |");
            rule.append("--:|");
        }
        if (ratioRaw) {
            md.append(" native ÷ raw FFM |");
            rule.append("--:|");
        }
        md.append('\n').append(rule).append('\n');
        for (Map.Entry<String, Map<String, Result>> row : table.entrySet()) {
            String[] key = row.getKey().split("\u0000");
            Map<String, Result> cells = row.getValue();
            md.append("| ").append(key[0]).append(" |");
            if (hasN) {
                md.append(' ')
                        .append(key.length > 1 ? Format.count(Long.parseLong(key[1])) : "")
                        .append(" |");
            }
            for (String v : variants) {
                Result r = cells.get(v);
                String cell = r == null
                        ? ""
                        : times ? Format.timeWithError(r.ns(), r.errorNs()) : Format.bytes(r.bytesPerOp());
                md.append(' ').append(cell).append(" |");
            }
            if (ratioJava) {
                md.append(' ')
                        .append(ratio(cells.get("native"), cells.get("java")))
                        .append(" |");
            }
            if (ratioRaw) {
                md.append(' ')
                        .append(ratio(cells.get("native"), cells.get("rawFfm")))
                        .append(" |");
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static String ratio(Result a, Result b) {
        return a == null || b == null ? "" : Format.ratio(a.ns() / b.ns());
    }

    private static String singleShot(List<Result> rows) {
        StringBuilder md = new StringBuilder(
                "| benchmark | fresh JVMs | mean ± error | min | median | max |\n|---|--:|--:|--:|--:|--:|\n");
        for (Result r : rows) {
            md.append("| ")
                    .append(r.method())
                    .append(" | ")
                    .append(r.samples())
                    .append(" | ")
                    .append(Format.timeWithError(r.ns(), r.errorNs()))
                    .append(" | ")
                    .append(Format.time(r.p0Ns()))
                    .append(" | ")
                    .append(Format.time(r.medianNs()))
                    .append(" | ")
                    .append(Format.time(r.p100Ns()))
                    .append(" |\n");
        }
        return md.toString();
    }
}
