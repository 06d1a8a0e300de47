package dev.ffibridge.benchmarks.report;

import dev.ffibridge.benchmarks.report.LogLogChart.Dash;
import dev.ffibridge.benchmarks.report.LogLogChart.Series;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The charts of {@code docs/benchmarks.md}: log–log, time per operation against n, from JMH JSON
 * results: {@code java -cp benchmarks.jar dev.ffibridge.benchmarks.report.Charts OUT_DIR
 * results/*.json} writes {@code strategies.svg}, {@code fill.svg}, {@code sum.svg} and {@code
 * sequence.svg} (each only if its results are present). What each chart shows is here; how it is
 * drawn is {@link LogLogChart}.
 */
public final class Charts {

    private static final Color[] COLORS = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf), new Color(0x7f7f7f), new Color(0xbcbd22)
    };

    private Charts() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: Charts OUT_DIR results.json...");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        List<Path> files = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            files.add(Path.of(args[i]));
        }
        List<Result> results = Results.read(files);
        Files.createDirectories(dir);
        write(
                dir.resolve("strategies.svg"),
                "The guide's four strategies: deliver the first n fill values to Java and sum them",
                "solid: native provider (API) · dotted: raw FFM critical · dashed: java provider; n = 5 boxed is get_data",
                strategies(results));
        write(
                dir.resolve("fill.svg"),
                "fillBuffer: n doubles into a preallocated buffer",
                "solid: double[] · dashed: off-heap MemorySegment",
                peers(results, "FillBench"));
        write(
                dir.resolve("sum.svg"),
                "sumBuffer: n doubles, documented order (bit-identical)",
                "solid: double[] · dashed: off-heap MemorySegment",
                peers(results, "SumBench"));
        write(
                dir.resolve("sequence.svg"),
                "encodeSequence / decodeSequence of n doubles",
                "solid: encode · dashed: decode",
                sequence(results));
    }

    private static List<Series> strategies(List<Result> results) {
        String[] strategies = {"boxed", "serialized", "zeroCopy", "preallocated", "preallocatedSegment"};
        String[] providers = {"native", "rawFfm", "java"};
        Dash[] dashes = {Dash.SOLID, Dash.DOTTED, Dash.DASHED};
        Lines lines = new Lines(results, "StrategyBench");
        for (int s = 0; s < strategies.length; s++) {
            for (int p = 0; p < providers.length; p++) {
                String provider = strategies[s].equals("serialized") && providers[p].equals("java")
                        ? "Rust bytes, Java decode"
                        : providers[p];
                String name = strategies[s] + " · " + provider;
                lines.add(strategies[s] + "_" + providers[p], name, COLORS[s], dashes[p]);
            }
        }
        return lines.series;
    }

    private static List<Series> peers(List<Result> results, String bench) {
        String[][] variants = {
            {"native", "native provider (API)"}, {"rawFfm", "raw FFM critical"}, {"java", "java provider"},
            {"jni", "JNI critical array"}, {"jna", "JNA direct"}, {"arraysFill", "Arrays.fill (constant)"}
        };
        Lines lines = new Lines(results, bench);
        for (int v = 0; v < variants.length; v++) {
            lines.add("array_" + variants[v][0], variants[v][1] + " · double[]", COLORS[v], Dash.SOLID);
            lines.add("segment_" + variants[v][0], variants[v][1] + " · segment", COLORS[v], Dash.DASHED);
        }
        // the same library from C (no JVM) and from Python ctypes (the guide's own code), in JMH's format
        String op = bench.equals("FillBench") ? "fill" : "sum";
        new Lines(results, "NativeFloor", lines.series).add(op + "_c", "C, no JVM (floor)", COLORS[8], Dash.DOTTED);
        new Lines(results, "CtypesBench", lines.series)
                .add(op + "_ctypes", "Python ctypes + numpy (guide)", COLORS[7], Dash.DOTTED);
        return lines.series;
    }

    private static List<Series> sequence(List<Result> results) {
        String[] variants = {"native", "rawFfm", "java"};
        Lines lines = new Lines(results, "SequenceCodecBench");
        for (int v = 0; v < variants.length; v++) {
            lines.add("encode_" + variants[v], "encode · " + variants[v], COLORS[v], Dash.SOLID);
            lines.add("decode_" + variants[v], "decode · " + variants[v], COLORS[v], Dash.DASHED);
        }
        return lines.series;
    }

    /** The lines of one chart, each from one method of a benchmark class. */
    private record Lines(List<Result> results, String bench, List<Series> series) {

        Lines(List<Result> results, String bench) {
            this(results, bench, new ArrayList<>());
        }

        /** A line of {@code bench.method} against n (n = 0 has no place on a log axis), if measured. */
        void add(String method, String name, Color color, Dash dash) {
            List<double[]> points = results.stream()
                    .filter(r -> r.bench().equals(bench) && r.method().equals(method) && r.n() > 0 && r.ns() > 0)
                    .sorted(Comparator.comparingLong(Result::n))
                    .map(r -> new double[] {r.n(), r.ns()})
                    .toList();
            if (!points.isEmpty()) {
                series.add(new Series(name, color, dash, points));
            }
        }
    }

    private static void write(Path file, String title, String subtitle, List<Series> lines) throws IOException {
        if (lines.isEmpty()) {
            return;
        }
        Files.writeString(file, LogLogChart.svg(title, subtitle, lines));
        System.out.println("wrote " + file);
    }
}
