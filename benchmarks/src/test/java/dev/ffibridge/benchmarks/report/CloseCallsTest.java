package dev.ffibridge.benchmarks.report;

import static dev.ffibridge.benchmarks.report.ReportTest.result;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The close calls of the targets table, their JMH runs, and the report's use of the re-measurements. */
class CloseCallsTest {

    /** targets.txt: native fill(double[]) ≤ 1.05× the java provider at n = 0 … 16 M. */
    private static final String FILL_ARRAY = "\\Qdev.ffibridge.benchmarks.FillBench.array\\E";

    @Test
    void aMissAndANarrowPassAreCloseCallsAWidePassIsNot() {
        List<Result> results = List.of(
                result("array_native", 16, 13), // 1.30×: missed
                result("array_java", 16, 10),
                result("array_native", 64, 10.2), // 1.02×: met by less than 5 %
                result("array_java", 64, 10),
                result("array_native", 1024, 9), // 0.90×: met by 14 %
                result("array_java", 1024, 10));

        assertThat(CloseCalls.invocations(results))
                .containsExactly(List.of("^(" + FILL_ARRAY + ")$", "-p", "provider=native,java", "-p", "n=16,64"));
    }

    @Test
    void aPairMeasuredWithEnoughForksIsSettled() {
        List<Result> results = List.of(
                result("array_native", 16, 13, CloseCalls.FORKS), result("array_java", 16, 10, CloseCalls.FORKS));

        assertThat(CloseCalls.invocations(results)).isEmpty();
    }

    @Test
    void aPeerAndTheApiRunTogetherWithTheApisProvider() {
        // targets.txt: safepoint bound, native fill(double[]) ≤ 1.05× one raw FFM call at n = 16 M
        List<Result> results =
                List.of(result("array_native", 16777216, 5.5e6), result("array_rawFfm", 16777216, 4.9e6));

        assertThat(CloseCalls.invocations(results))
                .contains(List.of(
                        "^(" + FILL_ARRAY + "|\\Qdev.ffibridge.benchmarks.FillBench.array_rawFfm\\E)$",
                        "-p",
                        "provider=native",
                        "-p",
                        "n=16777216"));
    }

    @Test
    void aLaterFileReplacesTheResultInItsPlaceAndTheTargetSaysSo(@TempDir Path dir) throws IOException {
        Path run = dir.resolve("FillBench.json");
        Path confirm = dir.resolve("confirm.json");
        Files.writeString(
                run,
                "[" + fill("native", 16, 13, 1) + "," + fill("java", 16, 10, 1) + "," + fill("native", 64, 10, 1) + ","
                        + fill("java", 64, 10, 1) + "]");
        Files.writeString(confirm, "[" + fill("native", 16, 10.1, 3) + "," + fill("java", 16, 10, 3) + "]");

        List<Result> results = Results.read(List.of(run, confirm));

        assertThat(results).extracting(Result::n).containsExactly(16L, 16L, 64L, 64L);
        assertThat(results.get(0).ns()).isEqualTo(10.1);
        assertThat(results.get(0).remeasured()).isTrue();
        assertThat(results.get(2).remeasured()).isFalse();
        Target.Verdict verdict = Checks.ratioAtEveryN(
                        "t", "FillBench", "array_native", "array_java", new long[] {16, 64}, 1.05)
                .evaluate(results);
        assertThat(verdict.status()).isEqualTo(Target.Status.MET);
        assertThat(verdict.figure()).contains("worst 1.01× at n = 16", "re-measured at n = 16 (3 forks)");
    }

    private static String fill(String provider, long n, double ns, int forks) {
        return """
                {"benchmark": "dev.ffibridge.benchmarks.FillBench.array", "mode": "avgt", "forks": %d,
                 "jdkVersion": "25", "params": {"n": "%d", "provider": "%s"},
                 "primaryMetric": {"score": %s, "scoreError": 0.1, "scoreUnit": "ns/op", "rawData": [[%s]]}}
                """.formatted(forks, n, provider, ns, ns);
    }
}
