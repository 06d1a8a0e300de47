package dev.ffibridge.benchmarks.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** JMH results read back from {@code -rf json} files, for {@link Report} and {@link Charts}. */
public final class Results {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Results() {}

    /**
     * Every result of the files, in file order, but a result of a later file replaces, in its place, one of an earlier
     * file with the same benchmark, method, n and mode: a re-measurement ({@link CloseCalls}) replaces the first.
     */
    public static List<Result> read(List<Path> files) throws IOException {
        List<Result> results = new ArrayList<>();
        Map<List<Object>, Integer> places = new HashMap<>();
        for (Path file : files) {
            for (JmhJson.Run run : MAPPER.readValue(file.toFile(), JmhJson.Run[].class)) {
                Result result = toResult(run);
                Integer place = places.putIfAbsent(
                        List.of(result.bench(), result.method(), result.n(), result.mode()), results.size());
                if (place == null) {
                    results.add(result);
                } else {
                    results.set(place, result.asRemeasured());
                }
            }
        }
        return results;
    }

    private static Result toResult(JmhJson.Run run) {
        String[] parts = run.benchmark().split("\\.");
        String bench = parts[parts.length - 2];
        // a public-API benchmark runs once per provider: its key is method_provider, like the peers' names; other
        // parameters than n and provider name the operation's kind: doubleBuffer(heap)_native
        Map<String, String> params = run.params() == null ? Map.of() : run.params();
        String provider = params.get("provider");
        String kinds = params.entrySet().stream()
                .filter(p -> !p.getKey().equals("n") && !p.getKey().equals("provider"))
                .map(Map.Entry::getValue)
                .collect(Collectors.joining(","));
        String method = parts[parts.length - 1]
                + (kinds.isEmpty() ? "" : "(" + kinds + ")")
                + (provider == null ? "" : "_" + provider);
        int cut = method.indexOf('_');
        String op = cut < 0 ? method : method.substring(0, cut);
        String variant = cut < 0 ? "" : method.substring(cut + 1);
        String nParam = params.get("n");
        long n = nParam == null ? Result.NO_N : Long.parseLong(nParam);
        JmhJson.Metric primary = run.primaryMetric();
        double scale = toNanos(primary.scoreUnit());
        int samples = primary.rawData().stream().mapToInt(List::size).sum();
        JmhJson.Metric alloc =
                run.secondaryMetrics() == null ? null : run.secondaryMetrics().get("gc.alloc.rate.norm");
        return new Result(
                bench,
                method,
                op,
                variant,
                n,
                run.mode(),
                primary.score() * scale,
                primary.scoreError() * scale,
                percentile(primary, "0.0") * scale,
                percentile(primary, "50.0") * scale,
                percentile(primary, "100.0") * scale,
                samples,
                alloc == null ? Double.NaN : alloc.score(),
                counters(run),
                run.forks(),
                String.valueOf(run.jdkVersion()),
                new Result.Origin(run.benchmark(), params),
                false);
    }

    /**
     * The secondary results other than the profilers' ({@code gc.*}, ...), e.g. {@code @AuxCounters}, each JMH's
     * score: for an event counter the sum over the iterations, so a benchmark that wants its trial's figure
     * publishes it in one iteration (SafepointBench does, in the last measurement iteration).
     */
    private static Map<String, Double> counters(JmhJson.Run run) {
        Map<String, Double> counters = new TreeMap<>();
        if (run.secondaryMetrics() != null) {
            run.secondaryMetrics().forEach((name, metric) -> {
                if (!name.contains(".")) {
                    counters.put(name, metric.score());
                }
            });
        }
        return counters;
    }

    private static double percentile(JmhJson.Metric metric, String key) {
        Double value = metric.scorePercentiles() == null
                ? null
                : metric.scorePercentiles().get(key);
        return value == null ? Double.NaN : value;
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

    /** The result of {@code bench.method} at {@code n} ({@link Result#NO_N}: no n), if measured. */
    public static Optional<Result> find(List<Result> results, String bench, String method, long n) {
        return results.stream()
                .filter(r -> r.bench().equals(bench) && r.method().equals(method) && r.n() == n)
                .findFirst();
    }
}
