package dev.ffibridge.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report step on the committed results and on hand-made ones. */
class ReportTest {

    private static final Path RESULTS = Path.of("results");

    /** The files in run.sh's order (result_files): JMH's, the C floor's and Python's, then confirm's. */
    private static List<Path> committedResults() throws IOException {
        List<Path> files = new ArrayList<>(jsonFiles(RESULTS));
        files.removeIf(p -> p.endsWith("c-floor.json") || p.endsWith("ctypes.json"));
        files.add(RESULTS.resolve("c-floor.json"));
        files.add(RESULTS.resolve("ctypes.json"));
        if (Files.isDirectory(RESULTS.resolve("confirm"))) {
            files.addAll(jsonFiles(RESULTS.resolve("confirm")));
        }
        return files;
    }

    private static List<Path> jsonFiles(Path dir) throws IOException {
        try (Stream<Path> all = Files.list(dir)) {
            return all.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void reproducesTheCommittedReportFromTheCommittedResults() throws IOException {
        String report = Report.render(Results.read(committedResults()));

        assertThat(report).isEqualTo(Files.readString(RESULTS.resolve("report.md")));
    }

    /** The generated part of docs/benchmarks.md (run.sh's --doc) is the same report, not an older one. */
    @Test
    void theBenchmarksPageShowsTheCommittedReport() throws IOException {
        String page = Files.readString(Path.of("..", "docs", "benchmarks.md"));

        assertThat(Report.splice(page, Report.render(Results.read(committedResults()))))
                .isEqualTo(page);
    }

    @Test
    void readsJmhJsonWithUnitsPercentilesAndAllocation() throws IOException {
        List<Result> results = Results.read(committedResults());

        Result cold = Results.find(results, "ColdLoadBench", "load_native", Result.NO_N)
                .orElseThrow();
        assertThat(cold.mode()).isEqualTo("ss");
        assertThat(cold.medianNs()).isGreaterThan(1e6); // written in ms, read in ns
        Result fill = Results.find(results, "FillBench", "array_native", 1024).orElseThrow();
        assertThat(fill.bytesPerOp()).isGreaterThanOrEqualTo(0);
        assertThat(fill.samples()).isPositive();
    }

    @Test
    void aBenchmarkRunPerProviderIsNamedMethodUnderscoreProviderWithItsKind(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("fill.json");
        Files.writeString(json, """
                [{"benchmark": "dev.ffibridge.benchmarks.FillBench.doubleBuffer", "mode": "avgt", "forks": 1,
                  "jdkVersion": "25", "params": {"buffer": "heap", "n": "16", "provider": "native"},
                  "primaryMetric": {"score": 5.0, "scoreError": 0.1, "scoreUnit": "ns/op", "rawData": [[5.0]]}}]
                """);

        Result result = Results.read(List.of(json)).get(0);

        assertThat(result.method()).isEqualTo("doubleBuffer(heap)_native");
        assertThat(result.op()).isEqualTo("doubleBuffer(heap)");
        assertThat(result.variant()).isEqualTo("native");
        assertThat(result.n()).isEqualTo(16);
    }

    @Test
    void countersAreJmhScoresAndMakeTheirOwnTable(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("safepoint.json");
        Files.writeString(json, """
                [{"benchmark": "dev.ffibridge.benchmarks.SafepointBench.heapSum", "mode": "avgt", "forks": 1,
                  "jdkVersion": "25", "params": {"n": "1048576"},
                  "primaryMetric": {"score": 126.7, "scoreError": "NaN", "scoreUnit": "us/op", "rawData": [[120, 133]]},
                  "secondaryMetrics": {
                    "ttspP50Us": {"score": 82.0, "scoreError": "NaN", "scoreUnit": "#", "rawData": [[0, 82.0]]},
                    "ttspMaxUs": {"score": 4259.8, "scoreError": "NaN", "scoreUnit": "#", "rawData": [[0, 4259.8]]},
                    "gc.alloc.rate.norm": {"score": 1.0, "scoreError": "NaN", "scoreUnit": "B/op", "rawData": [[1, 1]]}}}]
                """);
        List<Result> results = Results.read(List.of(json));

        assertThat(results.get(0).counters()).containsOnlyKeys("ttspP50Us", "ttspMaxUs");
        assertThat(results.get(0).counters().get("ttspP50Us")).isCloseTo(82.0, within(1e-9));
        assertThat(Tables.of(results))
                .contains("| operation | n | time per call | TTSP median | TTSP max |")
                .contains("| heapSum | 1,048,576 | 127 µs | 82.0 µs | 4.26 ms |");
        Target target = Checks.counterAtMost("t", "SafepointBench", "heapSum", "ttspP50Us", 1000);
        assertThat(target.evaluate(results).status()).isEqualTo(Target.Status.MET);
        assertThat(target.evaluate(results).figure()).contains("worst 82.0 µs at n = 1,048,576");
    }

    @Test
    void theReportReplacesOnlyTheGeneratedPartOfThePage() {
        String page = "# Title\nprose\n" + Report.BEGIN + "\nold table\n" + Report.END + "\nmore prose\n";

        String spliced = Report.splice(page, "new table\n");

        assertThat(spliced)
                .isEqualTo("# Title\nprose\n" + Report.BEGIN + "\nnew table\n" + Report.END + "\nmore prose\n");
        assertThatThrownBy(() -> Report.splice("no markers", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyTargetSaysNotMeasuredWithoutResults() {
        String table = Targets.table(List.of());

        assertThat(table.lines().skip(2)).hasSize(Targets.ALL.size()).allMatch(row -> row.endsWith("| not measured |"));
    }

    @Test
    void everyNShowsTheWorstRatioTheMissesAndTheSizesNotMeasured() {
        List<Result> results = List.of(
                result("array_native", 16, 15),
                result("array_java", 16, 10),
                result("array_native", 1024, 50),
                result("array_java", 1024, 100));
        Target target =
                Checks.ratioAtEveryN("t", "FillBench", "array_native", "array_java", new long[] {16, 64, 1024}, 1.05);

        Target.Verdict verdict = target.evaluate(results);

        assertThat(verdict.status()).isEqualTo(Target.Status.MISSED);
        assertThat(verdict.figure()).contains("worst 1.50× at n = 16", "over at 1 of 2 n", "not measured at n = 64");
    }

    @Test
    void everyNMetWhereMeasuredIsNotMet() {
        List<Result> results = List.of(result("array_native", 16, 10), result("array_java", 16, 10));
        Target target = Checks.ratioAtEveryN("t", "FillBench", "array_native", "array_java", new long[] {16, 64}, 1.05);

        assertThat(target.evaluate(results).status()).isEqualTo(Target.Status.PARTLY_MEASURED);
    }

    @Test
    void aTargetLineOfUnknownKindIsRejected() {
        assertThatThrownBy(() -> Targets.parse("fastest | FillBench | a | b | - | 1 | t"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown kind fastest");
        assertThatThrownBy(() -> Targets.parse("ratio | FillBench | a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("7 columns");
    }

    @Test
    void chartsAreTheSameSvgForTheSameResults() {
        requireFonts();
        List<LogLogChart.Series> lines = List.of(new LogLogChart.Series(
                "native", Color.BLUE, LogLogChart.Dash.DASHED, List.of(new double[] {16, 5}, new double[] {1024, 40})));

        String svg = LogLogChart.svg("a title", "a subtitle", lines);

        assertThat(svg).startsWith("<?xml").contains("<svg", "a title", "a subtitle", "native", "stroke-dasharray");
        assertThat(LogLogChart.svg("a title", "a subtitle", lines)).isEqualTo(svg);
    }

    /**
     * A chart measures its text, for which the JDK needs a font: on a machine without any (a bare container) the
     * chart test fails with what to install, as it would in CI (.ci/run installs fontconfig, which brings one).
     */
    private static void requireFonts() {
        boolean fonts;
        try {
            new Font(Font.SANS_SERIF, Font.PLAIN, 12).getStringBounds("x", new FontRenderContext(null, true, true));
            fonts = true;
        } catch (Error e) { // sun.font.SunFontManager: "Probable fatal error: No physical fonts found."
            fonts = false;
        }
        assertThat(fonts)
                .as("no font on this machine, so no chart can be drawn: apt-get install fontconfig (.ci/run does)")
                .isTrue();
    }

    /** A FillBench result with one fork; {@code method}: {@code array_native}, {@code array_rawFfm}, ... */
    static Result result(String method, long n, double ns) {
        return result(method, n, ns, 1);
    }

    /** {@link #result(String, long, double)} with {@code forks} forks, named as {@link Results#read} names it. */
    static Result result(String method, long n, double ns, int forks) {
        int cut = method.indexOf('_');
        String variant = method.substring(cut + 1);
        boolean provider = variant.equals("native") || variant.equals("java");
        Map<String, String> params =
                provider ? Map.of("n", String.valueOf(n), "provider", variant) : Map.of("n", String.valueOf(n));
        String benchmark = "dev.ffibridge.benchmarks.FillBench." + (provider ? method.substring(0, cut) : method);
        return new Result(
                "FillBench",
                method,
                method.substring(0, cut),
                method.substring(cut + 1),
                n,
                "avgt",
                ns,
                Double.NaN,
                ns,
                ns,
                ns,
                5,
                0,
                Map.of(),
                forks,
                "25",
                new Result.Origin(benchmark, params),
                false);
    }
}
