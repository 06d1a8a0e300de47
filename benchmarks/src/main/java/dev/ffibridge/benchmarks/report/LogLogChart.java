package dev.ffibridge.benchmarks.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * A log–log line chart (time per operation against n) drawn by JFreeChart and written as SVG by
 * JFreeSVG: both axes in decades, the legend on the right, a dot at every measured point.
 */
final class LogLogChart {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 600;
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Color GRID = new Color(0xdddddd);

    /** The stroke of a line: solid, dotted or dashed. */
    enum Dash {
        SOLID(null),
        DOTTED(new float[] {2, 3}),
        DASHED(new float[] {8, 4});

        private final float[] pattern;

        Dash(float[] pattern) {
            this.pattern = pattern;
        }

        BasicStroke stroke() {
            return new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, pattern, 0f);
        }
    }

    /** A line: its legend name, colour, dash, and its points {n, ns} sorted by n. */
    record Series(String name, Color color, Dash dash, List<double[]> points) {}

    private LogLogChart() {}

    /** The chart as a standalone SVG document. */
    static String svg(String title, String subtitle, List<Series> lines) {
        System.setProperty("java.awt.headless", "true");
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setDrawSeriesLineAsPath(true); // one path per line, so its dashes run on across points
        renderer.setLegendLine(new Line2D.Double(-14, 0, 14, 0)); // long enough to show the dash
        for (int i = 0; i < lines.size(); i++) {
            Series s = lines.get(i);
            XYSeries xy = new XYSeries(s.name(), false, true);
            s.points().forEach(p -> xy.add(p[0], p[1]));
            data.addSeries(xy);
            renderer.setSeriesPaint(i, s.color());
            renderer.setSeriesStroke(i, s.dash().stroke());
            renderer.setSeriesShape(i, new Ellipse2D.Double(-3, -3, 6, 6));
        }
        XYPlot plot = new XYPlot(
                data,
                decades("n (doubles), log scale", lines, 0),
                decades("time per operation, log scale", lines, 1),
                renderer);
        plot.getRangeAxis().setTickLabelFont(TEXT);
        ((LogAxis) plot.getRangeAxis()).setNumberFormatOverride(new NanosFormat());
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setOutlinePaint(Color.DARK_GRAY);

        JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
        TextTitle below = new TextTitle(subtitle, TEXT);
        below.setPaint(Color.GRAY);
        chart.addSubtitle(below);
        for (TextTitle t : List.of(chart.getTitle(), below)) {
            t.setHorizontalAlignment(HorizontalAlignment.LEFT);
            t.setTextAlignment(HorizontalAlignment.LEFT);
        }
        chart.setPadding(new RectangleInsets(10, 10, 10, 10));
        chart.getLegend().setPosition(RectangleEdge.RIGHT);
        chart.getLegend().setFrame(BlockBorder.NONE);
        chart.getLegend().setItemFont(TEXT);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);

        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
        g2.setDefsKeyPrefix("chart"); // fixed ids: the same results give the same file
        g2.setGeomDoubleConverter(v -> String.format(Locale.ROOT, "%.1f", v)); // a tenth of a pixel is enough
        chart.draw(g2, new Rectangle(0, 0, WIDTH, HEIGHT));
        return g2.getSVGDocument() + "\n";
    }

    /** A base-10 log axis over whole decades covering coordinate {@code index} of every point. */
    private static LogAxis decades(String label, List<Series> lines, int index) {
        double min = lines.stream()
                .flatMap(s -> s.points().stream())
                .mapToDouble(p -> p[index])
                .min()
                .orElse(1);
        double max = lines.stream()
                .flatMap(s -> s.points().stream())
                .mapToDouble(p -> p[index])
                .max()
                .orElse(10);
        int low = (int) Math.floor(Math.log10(min));
        int high = Math.max(low + 1, (int) Math.ceil(Math.log10(max)));
        LogAxis axis = new LogAxis(label);
        axis.setBase(10);
        axis.setBaseSymbol("10");
        axis.setSmallestValue(Math.pow(10, low - 1));
        axis.setRange(Math.pow(10, low), Math.pow(10, high));
        axis.setTickUnit(new NumberTickUnit(1));
        axis.setMinorTickMarksVisible(false);
        axis.setLabelFont(TEXT);
        axis.setTickLabelFont(TEXT);
        return axis;
    }

    /** A tick label of the time axis: a power of ten of nanoseconds as 1 ns, 10 ns, 100 ns, 1 µs, ... */
    private static final class NanosFormat extends NumberFormat {

        private static final long serialVersionUID = 1L;

        private static final String[] UNITS = {"ns", "µs", "ms", "s"};

        @Override
        public StringBuffer format(double ns, StringBuffer to, FieldPosition position) {
            int e = (int) Math.round(Math.log10(ns));
            if (e < 0) {
                return to.append(String.format(Locale.ROOT, "%s ns", ns));
            }
            int unit = Math.min(e / 3, UNITS.length - 1);
            return to.append((long) Math.pow(10, e - 3 * unit)).append(' ').append(UNITS[unit]);
        }

        @Override
        public StringBuffer format(long ns, StringBuffer to, FieldPosition position) {
            return format((double) ns, to, position);
        }

        @Override
        public Number parse(String source, ParsePosition position) {
            throw new UnsupportedOperationException("tick labels are only written");
        }
    }
}
