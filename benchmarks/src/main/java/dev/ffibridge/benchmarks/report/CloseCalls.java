package dev.ffibridge.benchmarks.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The rows of the targets table that one fork cannot settle, and the JMH runs that settle them.
 *
 * <p>From one JVM to the next, a benchmark of a few nanoseconds moves by up to 10 % here (code layout, the addresses
 * of its buffers), more than the margin of a 1.05× target. A full run measures each row in one fork. A ratio target
 * ({@code ratio}, {@code everyN}, {@code speedup}) whose pair, measured with fewer than {@link #FORKS} forks, misses
 * its bound or meets it by less than {@link #MARGIN} is a close call: {@code benchmarks/run.sh confirm} runs both
 * sides of it again in one JMH run of {@link #FORKS} forks, and the report takes those results in place of the first
 * ones ({@link Results#read}) and says so. A miss is re-measured however far it is from the bound: one slow fork of
 * either side can put a row 30 % over.
 *
 * <p>{@code java -cp benchmarks.jar dev.ffibridge.benchmarks.report.CloseCalls results/*.json} prints one JMH
 * invocation a line, its arguments separated by tabs: the benchmarks' regular expression, then {@code -p} options.
 */
public final class CloseCalls {

    /** The forks of a re-measurement. */
    public static final int FORKS = 3;

    /** How near its bound, relatively, a ratio must be to be re-measured. */
    static final double MARGIN = 0.05;

    private static final Set<String> RATIO_KINDS = Set.of("ratio", "everyN", "speedup");

    private CloseCalls() {}

    public static void main(String[] args) throws IOException {
        List<Result> results = Results.read(Stream.of(args).map(Path::of).toList());
        for (List<String> invocation : invocations(results)) {
            System.out.println(String.join("\t", invocation));
        }
    }

    /**
     * The JMH arguments that re-measure every close call of {@code results}: one invocation for the two sides of a
     * target, with all its close n in one {@code -p n=...}.
     */
    static List<List<String>> invocations(List<Result> results) {
        Map<List<String>, Set<String>> sizesByRun = new LinkedHashMap<>();
        for (String line : Targets.lines()) {
            String[] f = Targets.columns(line);
            if (!RATIO_KINDS.contains(f[0])) {
                continue;
            }
            String kind = f[0], bench = f[1], a = f[2], b = f[3];
            double bound = Double.parseDouble(f[5]);
            long[] sizes = Targets.sizes(f[4]);
            long[] ns = kind.equals("everyN")
                    ? Checks.sizesOrEveryN(results, bench, a, sizes)
                    : new long[] {sizes.length == 1 ? sizes[0] : Result.NO_N};
            for (long n : ns) {
                Optional<Result> ra = Results.find(results, bench, a, n);
                Optional<Result> rb = Results.find(results, bench, b, n);
                if (ra.isPresent() && rb.isPresent() && isClose(ra.get(), rb.get(), bound, kind.equals("speedup"))) {
                    List<String> run = run(ra.get(), rb.get());
                    sizesByRun
                            .computeIfAbsent(run, k -> new LinkedHashSet<>())
                            .add(ra.get().origin().params().get("n"));
                }
            }
        }
        List<List<String>> invocations = new ArrayList<>();
        sizesByRun.forEach((run, sizes) -> {
            List<String> invocation = new ArrayList<>(run);
            sizes.remove(null); // a benchmark without n
            if (!sizes.isEmpty()) {
                invocation.add("-p");
                invocation.add("n=" + String.join(",", sizes));
            }
            invocations.add(invocation);
        });
        return invocations;
    }

    /**
     * Whether {@code a / b} misses {@code bound}, or meets it by less than {@link #MARGIN} (for a speedup, {@code a} is
     * the slow side), with one side measured with fewer than {@link #FORKS} forks.
     */
    static boolean isClose(Result a, Result b, double bound, boolean speedup) {
        if (Math.min(a.forks(), b.forks()) >= FORKS) {
            return false;
        }
        double ratio = a.ns() / b.ns();
        return speedup ? ratio < bound * (1 + MARGIN) : ratio > bound * (1 - MARGIN);
    }

    /** The regular expression of both benchmarks and their parameters but n, as JMH options. */
    private static List<String> run(Result a, Result b) {
        String regex = Stream.of(a, b)
                .map(r -> Pattern.quote(r.origin().benchmark()))
                .distinct()
                .collect(Collectors.joining("|", "^(", ")$"));
        Map<String, Set<String>> params = new TreeMap<>();
        for (Result r : List.of(a, b)) {
            r.origin().params().forEach((name, value) -> {
                if (!name.equals("n")) {
                    params.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(value);
                }
            });
        }
        List<String> run = new ArrayList<>(List.of(regex));
        params.forEach((name, values) -> {
            run.add("-p");
            run.add(name + "=" + String.join(",", values));
        });
        return run;
    }
}
