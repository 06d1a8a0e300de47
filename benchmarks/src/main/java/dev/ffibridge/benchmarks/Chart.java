package dev.ffibridge.benchmarks;

import dev.ffibridge.benchmarks.Results.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Draws log–log charts (time per operation against n) from JMH JSON results as self-contained SVG
 * files, with no plotting library: {@code java -cp benchmarks.jar dev.ffibridge.benchmarks.Chart
 * OUT_DIR results/*.json} writes {@code strategies.svg}, {@code fill.svg}, {@code sum.svg} and
 * {@code sequence.svg} (each only if its results are present).
 */
public final class Chart {

    private static final String[] COLORS = {
        "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"
    };

    /** A line: a name, a colour, an SVG dash pattern (empty: solid) and its points sorted by n. */
    record Series(String name, String color, String dash, List<double[]> points) {}

    private Chart() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: Chart OUT_DIR results.json...");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        List<Path> files = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            files.add(Path.of(args[i]));
        }
        List<Result> results = Results.read(files);
        Files.createDirectories(dir);

        String[] strategies = {"boxed", "serialized", "zeroCopy", "preallocated", "preallocatedSegment"};
        String[][] providers = {{"native", ""}, {"rawFfm", "2,3"}, {"java", "8,4"}};
        List<Series> lines = new ArrayList<>();
        for (int s = 0; s < strategies.length; s++) {
            for (String[] p : providers) {
                String label = strategies[s] + " · "
                        + (strategies[s].equals("serialized") && p[0].equals("java")
                                ? "Rust bytes, Java decode"
                                : p[0]);
                add(lines, results, "StrategyBench", strategies[s] + "_" + p[0], label, COLORS[s], p[1]);
            }
        }
        write(
                dir.resolve("strategies.svg"),
                "The guide's four strategies: deliver the first n fill values to Java and sum them",
                "solid: native provider (API) · dotted: raw FFM critical · dashed: java provider; n = 5 boxed is get_data",
                lines);

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

        List<Series> seq = new ArrayList<>();
        String[] seqVariants = {"native", "rawFfm", "java"};
        for (int v = 0; v < seqVariants.length; v++) {
            add(
                    seq,
                    results,
                    "SequenceCodecBench",
                    "encode_" + seqVariants[v],
                    "encode · " + seqVariants[v],
                    COLORS[v],
                    "");
            add(
                    seq,
                    results,
                    "SequenceCodecBench",
                    "decode_" + seqVariants[v],
                    "decode · " + seqVariants[v],
                    COLORS[v],
                    "8,4");
        }
        write(
                dir.resolve("sequence.svg"),
                "encodeSequence / decodeSequence of n doubles",
                "solid: encode · dashed: decode",
                seq);
    }

    private static List<Series> peers(List<Result> results, String bench) {
        String[] variants = {"native", "rawFfm", "java", "jni", "jna", "arraysFill"};
        List<Series> lines = new ArrayList<>();
        for (int v = 0; v < variants.length; v++) {
            String name =
                    switch (variants[v]) {
                        case "native" -> "native provider (API)";
                        case "rawFfm" -> "raw FFM critical";
                        case "java" -> "java provider";
                        case "jni" -> "JNI critical array";
                        case "jna" -> "JNA direct";
                        case "arraysFill" -> "Arrays.fill (constant)";
                        default -> variants[v];
                    };
            add(lines, results, bench, "array_" + variants[v], name + " · double[]", COLORS[v], "");
            add(lines, results, bench, "segment_" + variants[v], name + " · segment", COLORS[v], "8,4");
        }
        // the same library from C (no JVM) and from Python ctypes (the guide's own code), in JMH's format
        String op = bench.equals("FillBench") ? "fill" : "sum";
        add(lines, results, "NativeFloor", op + "_c", "C, no JVM (floor)", COLORS[8], "2,3");
        add(lines, results, "CtypesBench", op + "_ctypes", "Python ctypes + numpy (guide)", COLORS[7], "2,3");
        return lines;
    }

    private static void add(
            List<Series> lines,
            List<Result> results,
            String bench,
            String method,
            String name,
            String color,
            String dash) {
        List<double[]> points = results.stream()
                .filter(r -> r.bench().equals(bench) && r.method().equals(method) && r.n() > 0 && r.ns() > 0)
                .sorted(Comparator.comparingLong(Result::n))
                .map(r -> new double[] {r.n(), r.ns()})
                .toList();
        if (!points.isEmpty()) {
            lines.add(new Series(name, color, dash, points));
        }
    }

    static void write(Path file, String title, String subtitle, List<Series> lines) throws IOException {
        if (lines.isEmpty()) {
            return;
        }
        Files.writeString(file, svg(title, subtitle, lines));
        System.out.println("wrote " + file);
    }

    static String svg(String title, String subtitle, List<Series> lines) {
        double minX = Double.MAX_VALUE, maxX = 0, minY = Double.MAX_VALUE, maxY = 0;
        for (Series s : lines) {
            for (double[] p : s.points()) {
                minX = Math.min(minX, p[0]);
                maxX = Math.max(maxX, p[0]);
                minY = Math.min(minY, p[1]);
                maxY = Math.max(maxY, p[1]);
            }
        }
        int x0 = (int) Math.floor(Math.log10(minX));
        int x1 = Math.max(x0 + 1, (int) Math.ceil(Math.log10(maxX)));
        int y0 = (int) Math.floor(Math.log10(minY));
        int y1 = Math.max(y0 + 1, (int) Math.ceil(Math.log10(maxY)));
        int width = 1000, height = 600;
        int left = 80, top = 70, plotW = 600, plotH = 460;
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "font-family=\"sans-serif\" font-size=\"12\">\n",
                width,
                height,
                width,
                height));
        out.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        out.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"24\" font-size=\"16\" font-weight=\"bold\">%s</text>\n",
                left,
                escape(title)));
        out.append(String.format(
                Locale.ROOT, "<text x=\"%d\" y=\"44\" fill=\"#555\">%s</text>\n", left, escape(subtitle)));
        // grid and axes
        for (int e = x0; e <= x1; e++) {
            double x = left + plotW * (double) (e - x0) / (x1 - x0);
            out.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>\n",
                    x,
                    top,
                    x,
                    top + plotH));
            out.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">10<tspan dy=\"-6\" "
                            + "font-size=\"9\">%d</tspan></text>\n",
                    x,
                    top + plotH + 18,
                    e));
        }
        for (int e = y0; e <= y1; e++) {
            double y = top + plotH - plotH * (double) (e - y0) / (y1 - y0);
            out.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>\n",
                    left,
                    y,
                    left + plotW,
                    y));
            out.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n",
                    left - 6,
                    y + 4,
                    decade(e)));
        }
        out.append(String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#333\"/>\n",
                left,
                top,
                plotW,
                plotH));
        out.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">n (doubles), log scale</text>\n",
                left + plotW / 2,
                top + plotH + 42));
        out.append(String.format(
                Locale.ROOT,
                "<text transform=\"translate(18,%d) rotate(-90)\" text-anchor=\"middle\">time per operation, log scale</text>\n",
                top + plotH / 2));
        // lines and legend
        int legendY = top + 4;
        for (Series s : lines) {
            StringBuilder path = new StringBuilder();
            for (double[] p : s.points()) {
                double x = left + plotW * (Math.log10(p[0]) - x0) / (x1 - x0);
                double y = top + plotH - plotH * (Math.log10(p[1]) - y0) / (y1 - y0);
                path.append(path.isEmpty() ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
                out.append(String.format(
                        Locale.ROOT,
                        "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s: n=%d, %s</title></circle>\n",
                        x,
                        y,
                        s.color(),
                        escape(s.name()),
                        (long) p[0],
                        escape(Results.time(p[1]))));
            }
            out.append(String.format(
                    Locale.ROOT,
                    "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>\n",
                    path,
                    s.color(),
                    s.dash().isEmpty() ? "" : " stroke-dasharray=\"" + s.dash() + "\""));
            int lx = left + plotW + 20;
            out.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>\n",
                    lx,
                    legendY,
                    lx + 28,
                    legendY,
                    s.color(),
                    s.dash().isEmpty() ? "" : " stroke-dasharray=\"" + s.dash() + "\""));
            out.append(String.format(
                    Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>\n", lx + 34, legendY + 4, escape(s.name())));
            legendY += 18;
        }
        out.append("</svg>\n");
        return out.toString();
    }

    /** 10^e nanoseconds as a tick label: 1 ns, 10 ns, 100 ns, 1 µs, ... */
    private static String decade(int e) {
        String[] units = {"ns", "µs", "ms", "s"};
        int unit = Math.min(Math.max(e, 0) / 3, units.length - 1);
        long value = (long) Math.pow(10, e - 3 * unit);
        return e < 0 ? String.format(Locale.ROOT, "%s ns", Math.pow(10, e)) : value + " " + units[unit];
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
