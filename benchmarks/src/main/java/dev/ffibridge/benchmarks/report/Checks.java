package dev.ffibridge.benchmarks.report;

import dev.ffibridge.benchmarks.report.Target.Status;
import dev.ffibridge.benchmarks.report.Target.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongPredicate;
import java.util.function.Predicate;

/** The kinds of target, each a factory of {@link Target}s; {@link Targets} lists the project's targets. */
final class Checks {

    private Checks() {}

    private static Target target(String text, Function<List<Result>, Verdict> evaluation) {
        return new Target() {
            @Override
            public String text() {
                return text;
            }

            @Override
            public Verdict evaluate(List<Result> results) {
                return evaluation.apply(results);
            }
        };
    }

    /** {@code bench.a} at {@code n} takes at most {@code max} times {@code bench.b}. */
    static Target ratio(String text, String bench, String a, String b, long n, double max) {
        return target(text, results -> pair(results, bench, a, b, n)
                .map(p -> Verdict.of(
                        String.format(
                                "%s (%s vs %s%s)",
                                Format.ratio(p.ratio()), Format.time(p.a()), Format.time(p.b()), p.forksNote()),
                        p.ratio() <= max))
                .orElse(Verdict.NOT_MEASURED));
    }

    /** {@code bench.fast} at {@code n} is at least {@code min} times faster than {@code bench.slow}. */
    static Target speedup(String text, String bench, String slow, String fast, long n, double min) {
        return target(text, results -> pair(results, bench, slow, fast, n)
                .map(p -> Verdict.of(
                        String.format(
                                "%s (java %s, native %s%s)",
                                Format.ratio(p.ratio()), Format.time(p.a()), Format.time(p.b()), p.forksNote()),
                        p.ratio() >= min))
                .orElse(Verdict.NOT_MEASURED));
    }

    /** {@code bench.method} takes at most {@code maxNs}. */
    static Target atMost(String text, String bench, String method, double maxNs) {
        return target(text, results -> Results.find(results, bench, method, Result.NO_N)
                .map(r -> Verdict.of(Format.timeWithError(r.ns(), r.errorNs()), r.ns() <= maxNs))
                .orElse(Verdict.NOT_MEASURED));
    }

    /**
     * {@code bench.method} allocates nothing, judged at n ≤ 1 024, where an iteration holds
     * millions of operations. At n ≥ 1 M an iteration holds only tens to hundreds, so the harness's
     * own few KB per iteration show up as tens of B/op even for {@code Arrays.fill}: shown as noise.
     */
    static Target zeroAllocation(String text, String bench, String method) {
        return target(text, results -> {
            double exact = maxBytes(results, bench, method, n -> n <= 1024);
            double large = maxBytes(results, bench, method, n -> n > 1024);
            if (Double.isNaN(exact)) {
                return Verdict.NOT_MEASURED;
            }
            return Verdict.of(
                    Format.bytes(exact) + " B/op (n ≤ 1,024)"
                            + (Double.isNaN(large) ? "" : "; n ≥ 1 M: " + Format.bytes(large) + " (noise level)"),
                    exact < 0.5);
        });
    }

    private static double maxBytes(List<Result> results, String bench, String method, LongPredicate sizes) {
        return results.stream()
                .filter(r -> r.bench().equals(bench) && r.method().equals(method))
                .filter(r -> !Double.isNaN(r.bytesPerOp()) && sizes.test(r.n()))
                .mapToDouble(Result::bytesPerOp)
                .max()
                .orElse(Double.NaN);
    }

    /** The median of single-shot {@code bench.method} is at most {@code maxNs}. */
    static Target median(String text, String bench, String method, double maxNs) {
        return target(text, results -> Results.find(results, bench, method, Result.NO_N)
                .map(r -> Verdict.of(
                        "median " + Format.time(r.medianNs()) + ", mean " + Format.timeWithError(r.ns(), r.errorNs())
                                + " over " + r.samples() + " JVMs",
                        r.medianNs() <= maxNs))
                .orElse(Verdict.NOT_MEASURED));
    }

    /** Medians of single-shot {@code bench.a} and {@code bench.b}: a ≤ max × b. */
    static Target medianRatio(String text, String bench, String a, String b, double max) {
        return medianPair(text, bench, a, b, m -> Format.ratio(m.ratio()), m -> m.ratio() <= max);
    }

    /** Medians of single-shot {@code bench.a} and {@code bench.b}: a ≤ b + marginNs. */
    static Target medianPlus(String text, String bench, String a, String b, double marginNs) {
        return medianPair(text, bench, a, b, m -> Format.signedTime(m.a() - m.b()), m -> m.a() <= m.b() + marginNs);
    }

    private static Target medianPair(
            String text, String bench, String a, String b, Function<Pair, String> headline, Predicate<Pair> met) {
        return target(text, results -> medians(results, bench, a, b)
                .map(m -> Verdict.of(
                        String.format(
                                "%s (%s %s, %s %s)", headline.apply(m), a, Format.time(m.a()), b, Format.time(m.b())),
                        met.test(m)))
                .orElse(Verdict.NOT_MEASURED));
    }

    private static Optional<Pair> medians(List<Result> results, String bench, String a, String b) {
        Optional<Result> ra = Results.find(results, bench, a, Result.NO_N);
        Optional<Result> rb = Results.find(results, bench, b, Result.NO_N);
        return ra.isPresent() && rb.isPresent()
                ? Optional.of(
                        new Pair(Result.NO_N, ra.get().medianNs(), rb.get().medianNs(), 0))
                : Optional.empty();
    }

    /**
     * {@code bench.a} takes at most {@code max} times {@code bench.b} at each of {@code sizes}
     * (empty: at every n measured). The figure is the worst ratio and the sizes without results.
     */
    static Target ratioAtEveryN(String text, String bench, String a, String b, long[] sizes, double max) {
        return target(text, results -> {
            long[] ns = sizesOrEveryN(results, bench, a, sizes);
            List<Long> missing = new ArrayList<>();
            List<Pair> measured = new ArrayList<>();
            for (long n : ns) {
                pair(results, bench, a, b, n).ifPresentOrElse(measured::add, () -> missing.add(n));
            }
            if (measured.isEmpty()) {
                return Verdict.NOT_MEASURED;
            }
            Pair worst = measured.stream()
                    .max(Comparator.comparingDouble(Pair::ratio))
                    .orElseThrow();
            long over = measured.stream().filter(p -> p.ratio() > max).count();
            String figure = measured.size() == 1 && worst.n() < 0
                    ? String.format(
                            "%s (%s vs %s%s)",
                            Format.ratio(worst.ratio()),
                            Format.time(worst.a()),
                            Format.time(worst.b()),
                            worst.forksNote())
                    : String.format(
                            "worst %s at n = %s (%s vs %s); over at %d of %d n",
                            Format.ratio(worst.ratio()),
                            Format.count(worst.n()),
                            Format.time(worst.a()),
                            Format.time(worst.b()),
                            over,
                            measured.size());
            List<String> remeasured = measured.stream()
                    .filter(m -> m.remeasuredForks() > 0 && m.n() >= 0)
                    .map(m -> Format.count(m.n()) + " (" + m.remeasuredForks() + " forks)")
                    .toList();
            if (!remeasured.isEmpty()) {
                figure += "; re-measured at n = " + String.join(", ", remeasured);
            }
            if (!missing.isEmpty()) {
                figure += "; not measured at n = "
                        + String.join(", ", missing.stream().map(Format::count).toList());
            }
            Status status = over > 0 ? Status.MISSED : missing.isEmpty() ? Status.MET : Status.PARTLY_MEASURED;
            return new Verdict(figure, status);
        });
    }

    /**
     * The counter {@code counter} (a time in µs, e.g. SafepointBench's {@code ttspP50Us}) of {@code bench.method}
     * is at most {@code maxUs} at every n measured; the figure is the worst n.
     */
    static Target counterAtMost(String text, String bench, String method, String counter, double maxUs) {
        return target(text, results -> results.stream()
                .filter(r -> r.bench().equals(bench) && r.method().equals(method))
                .filter(r -> r.counters().containsKey(counter))
                .max(Comparator.comparingDouble(r -> r.counters().get(counter)))
                .map(worst -> {
                    double us = worst.counters().get(counter);
                    return Verdict.of(
                            String.format(
                                    "worst %s at n = %s (time per call %s)",
                                    Format.time(us * 1e3), Format.count(worst.n()), Format.time(worst.ns())),
                            us <= maxUs);
                })
                .orElse(Verdict.NOT_MEASURED));
    }

    /** {@code sizes}, or if it is empty every n at which {@code bench.a} has a result, in order. */
    static long[] sizesOrEveryN(List<Result> results, String bench, String a, long[] sizes) {
        return sizes.length > 0
                ? sizes
                : results.stream()
                        .filter(r -> r.bench().equals(bench) && r.method().equals(a))
                        .mapToLong(Result::n)
                        .distinct()
                        .sorted()
                        .toArray();
    }

    /**
     * Two results of one run at one n and their ratio a / b; {@code remeasuredForks}: the forks of a re-measurement
     * ({@link CloseCalls}), 0 for the results of the first run.
     */
    private record Pair(long n, double a, double b, int remeasuredForks) {
        double ratio() {
            return a / b;
        }

        /** {@code ", re-measured with 3 forks"} for a re-measured pair, else nothing. */
        String forksNote() {
            return remeasuredForks > 0 ? ", re-measured with " + remeasuredForks + " forks" : "";
        }
    }

    private static int remeasuredForks(Result a, Result b) {
        return a.remeasured() && b.remeasured() ? Math.min(a.forks(), b.forks()) : 0;
    }

    private static Optional<Pair> pair(List<Result> results, String bench, String a, String b, long n) {
        Optional<Result> ra = Results.find(results, bench, a, n);
        Optional<Result> rb = Results.find(results, bench, b, n);
        return ra.isPresent() && rb.isPresent()
                ? Optional.of(new Pair(n, ra.get().ns(), rb.get().ns(), remeasuredForks(ra.get(), rb.get())))
                : Optional.empty();
    }
}
