package org.tea.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The report's charts, drawn with JFreeChart on a white, print-friendly theme, and saved as PNG. Each method takes
 * the numbers to draw, already read from the run's outputs; none computes a model quantity.
 */
final class Plots {
    /** Colour per role, the same in every chart: baseline grey-blue, TE orange, prices by source. */
    static final Color BASELINE = new Color(0x4C72B0);
    static final Color TE = new Color(0xDD8452);
    static final Color WHOLESALE = new Color(0x7F7F7F);
    static final Color IMPORT = new Color(0xC44E52);
    static final Color EXPORT = new Color(0x55A868);
    static final Color TARIFF = BASELINE;

    private Plots() {
    }

    /** One named line of an XY chart. */
    record Line(String name, double[] x, double[] y, Color color, boolean dashed, boolean shapes) {
    }

    static Line line(String name, double[] x, double[] y, Color color) {
        return new Line(name, x, y, color, false, false);
    }

    static double[] hours() {
        double[] h = new double[24];
        for (int t = 0; t < 24; t++) {
            h[t] = t;
        }
        return h;
    }

    static JFreeChart xy(String title, String xLabel, String yLabel, List<Line> lines) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int k = 0; k < lines.size(); k++) {
            Line l = lines.get(k);
            XYSeries s = new XYSeries(l.name(), false, true);
            for (int i = 0; i < l.x().length; i++) {
                s.add(l.x()[i], l.y()[i]);
            }
            data.addSeries(s);
            r.setSeriesPaint(k, l.color());
            r.setSeriesStroke(k, l.dashed()
                    ? new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f)
                    : new BasicStroke(2f));
            r.setSeriesShapesVisible(k, l.shapes());
        }
        JFreeChart c = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL, true,
                false, false);
        XYPlot p = c.getXYPlot();
        p.setRenderer(r);
        ((NumberAxis) p.getRangeAxis()).setAutoRangeIncludesZero(false);
        return style(c);
    }

    /** A line chart whose x axis is logarithmic (the number of prosumers). */
    static JFreeChart xyLogX(String title, String xLabel, String yLabel, List<Line> lines) {
        JFreeChart c = xy(title, xLabel, yLabel, lines);
        LogAxis x = new LogAxis(xLabel);
        x.setBase(10);
        x.setSmallestValue(0.5);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setNumberFormatOverride(new java.text.DecimalFormat("0"));
        c.getXYPlot().setDomainAxis(x);
        return style(c);
    }

    /** A line chart whose y axis is logarithmic (the convergence trace). */
    static JFreeChart xyLogY(String title, String xLabel, String yLabel, List<Line> lines) {
        JFreeChart c = xy(title, xLabel, yLabel, lines);
        LogAxis y = new LogAxis(yLabel);
        y.setBase(10);
        y.setSmallestValue(1e-16);
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (Line l : lines) {
            for (double v : l.y()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (hi > 0) {
            // a decade of margin either side, so a flat trace (every pass at the floor) still shows
            y.setRange(Math.max(lo, 1e-16) / 10, hi * 10);
        }
        c.getXYPlot().setRangeAxis(y);
        return style(c);
    }

    /** Whole-number ticks on the x axis and, if {@code yToo}, on a y axis that starts at zero (counts). */
    static JFreeChart integers(JFreeChart c, boolean yToo) {
        XYPlot p = c.getXYPlot();
        if (p.getDomainAxis() instanceof NumberAxis x) {
            x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        if (yToo && p.getRangeAxis() instanceof NumberAxis y) {
            y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            y.setAutoRangeIncludesZero(true);
        }
        return c;
    }

    static void marker(JFreeChart c, double y, String label, Color color) {
        ValueMarker m = new ValueMarker(y, color, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
                new float[] {3f, 3f}, 0f));
        m.setLabel(label);
        m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
        m.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT);
        c.getXYPlot().addRangeMarker(m);
        // a marker does not widen the automatic range: widen it so the marker shows
        org.jfree.chart.axis.ValueAxis axis = c.getXYPlot().getRangeAxis();
        org.jfree.data.Range r = axis.getRange();
        double lo = Math.min(r.getLowerBound(), y);
        double hi = Math.max(r.getUpperBound(), y);
        double pad = 0.05 * (hi - lo);
        axis.setRange(lo - (y <= r.getLowerBound() ? pad : 0), hi + (y >= r.getUpperBound() ? pad : 0));
    }

    /** Grouped bars: one group per category, one bar per series (baseline, TE). */
    static JFreeChart bars(String title, String yLabel, String[] series, Color[] colors, String[] categories,
            double[][] values) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (int s = 0; s < series.length; s++) {
            for (int k = 0; k < categories.length; k++) {
                d.addValue(values[s][k], series[s], categories[k]);
            }
        }
        JFreeChart c = ChartFactory.createBarChart(title, null, yLabel, d, PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot p = c.getCategoryPlot();
        BarRenderer r = (BarRenderer) p.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        for (int s = 0; s < colors.length; s++) {
            r.setSeriesPaint(s, colors[s]);
        }
        p.setBackgroundPaint(Color.WHITE);
        p.setRangeGridlinePaint(new Color(0xDDDDDD));
        return style(c);
    }

    /** Fan chart: median line with the P25-P75 and P5-P95 bands, over x. */
    static JFreeChart fan(String title, String xLabel, String yLabel, double[] x, double[] p5, double[] p25,
            double[] p50, double[] p75, double[] p95, Color color) {
        YIntervalSeriesCollection d = new YIntervalSeriesCollection();
        YIntervalSeries outer = new YIntervalSeries("P5-P95");
        YIntervalSeries inner = new YIntervalSeries("P25-P75");
        for (int i = 0; i < x.length; i++) {
            outer.add(x[i], p50[i], p5[i], p95[i]);
            inner.add(x[i], p50[i], p25[i], p75[i]);
        }
        d.addSeries(outer);
        d.addSeries(inner);
        DeviationRenderer r = new DeviationRenderer(true, false);
        r.setSeriesPaint(0, color);
        r.setSeriesFillPaint(0, color);
        r.setSeriesPaint(1, color);
        r.setSeriesFillPaint(1, color.darker());
        r.setAlpha(0.25f);
        r.setSeriesStroke(0, new BasicStroke(2f));
        r.setSeriesStroke(1, new BasicStroke(2f));
        JFreeChart c = ChartFactory.createXYLineChart(title, xLabel, yLabel, d, PlotOrientation.VERTICAL, true, false,
                false);
        c.getXYPlot().setRenderer(r);
        ((NumberAxis) c.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(false);
        return style(c);
    }

    /** Histogram of values over scenarios. */
    static JFreeChart histogram(String title, String xLabel, double[] values, int bins, Color color) {
        HistogramDataset d = new HistogramDataset();
        double min = java.util.Arrays.stream(values).min().orElse(0);
        double max = java.util.Arrays.stream(values).max().orElse(0);
        if (max <= min) {
            // all scenarios equal: one visible bin around the value
            double w = Math.max(Math.abs(min) * 1e-3, 1e-9);
            min -= w;
            max += w;
        }
        d.addSeries("scenarios", values, bins, min, max);
        JFreeChart c = ChartFactory.createHistogram(title, xLabel, "scenarios", d, PlotOrientation.VERTICAL, false,
                false, false);
        XYBarRenderer r = (XYBarRenderer) c.getXYPlot().getRenderer();
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, color);
        r.setDrawBarOutline(true);
        r.setSeriesOutlinePaint(0, Color.WHITE);
        return style(c);
    }

    static JFreeChart style(JFreeChart c) {
        c.setBackgroundPaint(Color.WHITE);
        c.setAntiAlias(true);
        c.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        if (c.getPlot() instanceof XYPlot p) {
            p.setBackgroundPaint(Color.WHITE);
            p.setDomainGridlinePaint(new Color(0xDDDDDD));
            p.setRangeGridlinePaint(new Color(0xDDDDDD));
            p.setAxisOffset(RectangleInsets.ZERO_INSETS);
        }
        return c;
    }

    /** Draws charts in a grid of {@code cols} columns into one PNG, each cell {@code w} x {@code h} pixels. */
    static void save(Path file, int cols, int w, int h, JFreeChart... charts) throws IOException {
        int rows = (charts.length + cols - 1) / cols;
        BufferedImage img = new BufferedImage(cols * w, rows * h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            for (int i = 0; i < charts.length; i++) {
                charts[i].draw(g, new Rectangle2D.Double((i % cols) * w, (i / cols) * h, w, h));
            }
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(img, "png", file.toFile())) {
            throw new IOException("no PNG writer for " + file);
        }
    }
}
