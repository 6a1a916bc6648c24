package org.hypermag.output;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** PNG plots of a run table: ⟨m⟩(t) and the energies. Headless (no display needed). */
public final class TablePlots {
    private static final int WIDTH = 900, HEIGHT = 500;
    private static final Color[] COLOURS = {new Color(0xd62728), new Color(0x2ca02c), new Color(0x1f77b4),
        Color.BLACK, new Color(0x9467bd), new Color(0xff7f0e)};

    private TablePlots() {
    }

    /**
     * ⟨mx⟩, ⟨my⟩, ⟨mz⟩ against t (ns).
     *
     * @param table the table
     * @param title chart title
     * @param png output file
     */
    public static void magnetisation(TableData table, String title, Path png) {
        XYSeriesCollection data = new XYSeriesCollection();
        double[] t = table.column("t");
        for (String c : new String[] {"mx", "my", "mz"}) {
            data.addSeries(series("<" + c + ">", t, 1e9, table.column(c), 1));
        }
        write(chart(title, "t (ns)", "<m> (unit magnetisation)", data), png);
    }

    /**
     * E_total and its terms against t (ns), in attojoules.
     *
     * @param table the table
     * @param title chart title
     * @param png output file
     */
    public static void energies(TableData table, String title, Path png) {
        XYSeriesCollection data = new XYSeriesCollection();
        double[] t = table.column("t");
        for (String c : new String[] {"E_total", "E_exchange", "E_anisotropy", "E_zeeman", "E_demag"}) {
            data.addSeries(series(c, t, 1e9, table.column(c), 1e18));
        }
        write(chart(title, "t (ns)", "energy (aJ = 1e-18 J)", data), png);
    }

    private static XYSeries series(String name, double[] x, double sx, double[] y, double sy) {
        XYSeries s = new XYSeries(name, false, true);
        for (int i = 0; i < x.length; i++) {
            s.add(x[i] * sx, y[i] * sy);
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
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int s = 0; s < data.getSeriesCount(); s++) {
            r.setSeriesPaint(s, COLOURS[s % COLOURS.length]);
            r.setSeriesStroke(s, new BasicStroke(1.6f));
        }
        plot.setRenderer(r);
        return chart;
    }

    private static void write(JFreeChart chart, Path png) {
        try {
            Path dir = png.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png + ": " + e.getMessage(), e);
        }
    }
}
