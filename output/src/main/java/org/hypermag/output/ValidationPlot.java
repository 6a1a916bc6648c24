package org.hypermag.output;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The figure of {@code hypermag validate}, {@code validation.png}: above, ⟨m⟩ of the exact path (solid) and of the
 * surrogate path (dashed); below, the surrogate's field error on the exact path's frames. Against t (ns) when the
 * scenario has run stages, else against the table row (hysteresis point, relaxation). Headless.
 */
public final class ValidationPlot {
    private static final int WIDTH = 900, HEIGHT = 450;
    private static final Color[] COLOURS = {new Color(0xd62728), new Color(0x2ca02c), new Color(0x1f77b4)};

    static {
        ImageIO.setUseCache(false);
    }

    private ValidationPlot() {
    }

    /**
     * @param exact the exact path's table
     * @param surrogate the surrogate path's table
     * @param frameTime time of each compared frame (s)
     * @param median median relative field error per frame
     * @param l2 relative L2 field error per frame
     * @param title figure title
     * @param png output file
     */
    public static void write(TableData exact, TableData surrogate, double[] frameTime, double[] median, double[] l2,
                             String title, Path png) {
        double[] te = exact.column("t");
        boolean timed = te.length > 1 && te[te.length - 1] > te[0];
        XYSeriesCollection m = new XYSeriesCollection();
        for (String c : new String[] {"mx", "my", "mz"}) {
            m.addSeries(series("<" + c + "> exact", x(exact, timed), exact.column(c)));
        }
        for (String c : new String[] {"mx", "my", "mz"}) {
            m.addSeries(series("<" + c + "> surrogate", x(surrogate, timed), surrogate.column(c)));
        }
        JFreeChart top = chart(title + ": <m>, exact (solid) and surrogate (dashed)", timed ? "t (ns)" : "table row",
                "<m>", m);
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) top.getXYPlot().getRenderer();
        for (int s = 0; s < 6; s++) {
            r.setSeriesPaint(s, COLOURS[s % 3]);
            r.setSeriesStroke(s, s < 3 ? new BasicStroke(2.2f) : new BasicStroke(1.4f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
        }
        XYSeriesCollection e = new XYSeriesCollection();
        double[] fx = new double[frameTime.length];
        for (int k = 0; k < fx.length; k++) {
            fx[k] = timed ? frameTime[k] * 1e9 : k;
        }
        e.addSeries(positive("median |dH|/|H|", fx, median));
        e.addSeries(positive("relative L2", fx, l2));
        JFreeChart bottom = chart("surrogate field error on the exact path's frames", timed ? "t (ns)" : "frame",
                "relative error", e);
        XYLineAndShapeRenderer rb = new XYLineAndShapeRenderer(true, true);
        rb.setSeriesPaint(0, COLOURS[2]);
        rb.setSeriesPaint(1, Color.BLACK);
        bottom.getXYPlot().setRenderer(rb);
        if (e.getSeries(0).getItemCount() + e.getSeries(1).getItemCount() > 0) {
            LogAxis log = new LogAxis("relative error");
            log.setSmallestValue(1e-12);
            log.setNumberFormatOverride(new java.text.DecimalFormat("0.0E0"));
            bottom.getXYPlot().setRangeAxis(log);
        }
        BufferedImage img = new BufferedImage(WIDTH, 2 * HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        top.draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        bottom.draw(g, new Rectangle2D.Double(0, HEIGHT, WIDTH, HEIGHT));
        g.dispose();
        try {
            Files.createDirectories(png.toAbsolutePath().getParent());
            if (!ImageIO.write(img, "png", png.toFile())) {
                throw new IOException("no PNG writer");
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write " + png + ": " + ex.getMessage(), ex);
        }
    }

    private static double[] x(TableData t, boolean timed) {
        double[] x = t.column("t");
        for (int k = 0; k < x.length; k++) {
            x[k] = timed ? x[k] * 1e9 : k;
        }
        return x;
    }

    private static XYSeries series(String name, double[] x, double[] y) {
        XYSeries s = new XYSeries(name, false, true);
        for (int i = 0; i < x.length; i++) {
            s.add(x[i], y[i]);
        }
        return s;
    }

    private static XYSeries positive(String name, double[] x, double[] y) {
        XYSeries s = new XYSeries(name, false, true);
        for (int i = 0; i < x.length; i++) {
            if (y[i] > 0 && Double.isFinite(y[i])) {
                s.add(x[i], y[i]);
            }
        }
        return s;
    }

    private static JFreeChart chart(String title, String xLabel, String yLabel, XYSeriesCollection data) {
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL, true,
                false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setRenderer(new XYLineAndShapeRenderer(true, false));
        return chart;
    }
}
