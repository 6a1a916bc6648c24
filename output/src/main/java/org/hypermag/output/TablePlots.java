package org.hypermag.output;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * PNG plots of a run: ⟨m⟩(t) and the energies for run stages, the relaxation's energy and torque against iteration,
 * the hysteresis loop. Headless (no display needed). {@link RunPlots} chooses which a run gets.
 */
public final class TablePlots {
    private static final int WIDTH = 900, HEIGHT = 500;
    private static final Color[] COLOURS = {new Color(0xd62728), new Color(0x2ca02c), new Color(0x1f77b4),
        Color.BLACK, new Color(0x9467bd), new Color(0xff7f0e)};

    static {
        // ImageIO's file cache registers a JVM shutdown hook per stream, which fails while the JVM shuts down (a run
        // stopped by Ctrl-C still writes its plots); plots are small, so cache in memory
        javax.imageio.ImageIO.setUseCache(false);
    }

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
     * E_total and its terms against t (ns), in attojoules: the energy columns of {@link RunTable} that are not zero
     * throughout.
     *
     * @param table the table
     * @param title chart title
     * @param png output file
     */
    public static void energies(TableData table, String title, Path png) {
        XYSeriesCollection data = new XYSeriesCollection();
        double[] t = table.column("t");
        for (String c : table.columns()) {
            if (c.startsWith("E_") && nonZero(table.column(c))) {
                data.addSeries(series(c, t, 1e9, table.column(c), 1e18));
            }
        }
        write(chart(title, "t (ns)", "energy (aJ = 1e-18 J)", data), png);
    }

    /**
     * A relaxation's progress from {@code relax.csv}: E_total (aJ) and the largest torque max |m × H| (A/m, log
     * scale) against the iteration, one curve per relax stage.
     *
     * @param table the relaxation log (stage, iteration, E_total, max_torque)
     * @param title chart title
     * @param png output file
     */
    public static void relaxation(TableData table, String title, Path png) {
        double[] stage = table.column("stage"), it = table.column("iteration"), e = table.column("E_total"),
                torque = table.column("max_torque");
        XYSeriesCollection energy = new XYSeriesCollection(), torques = new XYSeriesCollection();
        for (int start = 0, end; start < stage.length; start = end) {
            end = stageEnd(stage, start);
            String label = "stage " + ((int) stage[start] + 1);
            XYSeries se = new XYSeries("E_total, " + label, false, true);
            XYSeries st = new XYSeries("max |m x H|, " + label, false, true);
            for (int k = start; k < end; k++) {
                se.add(it[k], e[k] * 1e18);
                if (torque[k] > 0) {
                    st.add(it[k], torque[k]);
                }
            }
            energy.addSeries(se);
            torques.addSeries(st);
        }
        JFreeChart chart = chart(title, "iteration", "E_total (aJ = 1e-18 J)", energy);
        XYPlot plot = chart.getXYPlot();
        org.jfree.chart.axis.LogAxis log = new org.jfree.chart.axis.LogAxis("max torque |m x H| (A/m)");
        plot.setRangeAxis(1, log);
        plot.setDataset(1, torques);
        plot.mapDatasetToRangeAxis(1, 1);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int k = 0; k < torques.getSeriesCount(); k++) {
            r.setSeriesPaint(k, COLOURS[(k + 3) % COLOURS.length]);
            r.setSeriesStroke(k, new BasicStroke(1.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
                    new float[] {4f, 3f}, 0f));
        }
        plot.setRenderer(1, r);
        write(chart, png);
    }

    private static boolean nonZero(double[] v) {
        for (double x : v) {
            if (x != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * A hysteresis loop from {@code hysteresis.csv}: the magnetisation along the field direction against μ0H along
     * it (mT), one curve per stage.
     *
     * @param table the hysteresis table
     * @param title chart title
     * @param png output file
     */
    public static void hysteresis(TableData table, String title, Path png) {
        write(chart(title, "mu0 H along the sweep axis u (mT); u points to the start field's side",
                "<m> . u (component of <m> along u)", hysteresisSeries(table)), png);
    }

    /** The loop's curves, one per stage, named "stage K" with K counted from 1. */
    static XYSeriesCollection hysteresisSeries(TableData table) {
        XYSeriesCollection data = new XYSeriesCollection();
        double[] stage = table.column("stage"), hx = table.column("Hx"), hy = table.column("Hy"),
                hz = table.column("Hz"), mx = table.column("mx"), my = table.column("my"), mz = table.column("mz");
        for (int start = 0, end; start < stage.length; start = end) {
            end = stageEnd(stage, start);
            double[] u = direction(hx, hy, hz, start, end);
            XYSeries s = new XYSeries("stage " + ((int) stage[start] + 1), false, true);
            for (int k = start; k < end; k++) {
                double h = hx[k] * u[0] + hy[k] * u[1] + hz[k] * u[2];
                s.add(h * 4e-7 * Math.PI * 1e3, mx[k] * u[0] + my[k] * u[1] + mz[k] * u[2]);
            }
            data.addSeries(s);
        }
        return data;
    }

    /** @return the end (exclusive) of the run of rows from start that belong to the same stage */
    private static int stageEnd(double[] stage, int start) {
        int end = start;
        while (end < stage.length && stage[end] == stage[start]) {
            end++;
        }
        return end;
    }

    /** Unit vector along the largest field change of rows [start, end). */
    static double[] direction(double[] hx, double[] hy, double[] hz, int start, int end) {
        double bx = 0, by = 0, bz = 0, best = -1;
        for (int k = start + 1; k < end; k++) {
            double dx = hx[k] - hx[start], dy = hy[k] - hy[start], dz = hz[k] - hz[start];
            double d = dx * dx + dy * dy + dz * dz;
            if (d > best) {
                best = d;
                bx = dx;
                by = dy;
                bz = dz;
            }
        }
        double n = Math.sqrt(bx * bx + by * by + bz * bz);
        if (!(n > 0)) {
            n = Math.sqrt(hx[start] * hx[start] + hy[start] * hy[start] + hz[start] * hz[start]);
            return n > 0 ? new double[] {hx[start] / n, hy[start] / n, hz[start] / n} : new double[] {1, 0, 0};
        }
        return new double[] {-bx / n, -by / n, -bz / n};
    }

    /**
     * Vortex-core trajectories as displacements from each one's first position (nm), for runs whose grids are
     * placed differently (hypermag's from the origin, OOMMF's centred).
     *
     * @param title the chart's title
     * @param names one name per trajectory
     * @param trajectories per trajectory, {x[], y[]} in m
     * @param png the file to write
     */
    public static void coreTrajectories(String title, List<String> names, List<double[][]> trajectories, Path png) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (int k = 0; k < names.size(); k++) {
            double[] x = trajectories.get(k)[0].clone(), y = trajectories.get(k)[1].clone();
            double x0 = x[0], y0 = y[0];
            for (int i = 0; i < x.length; i++) {
                x[i] -= x0;
                y[i] -= y0;
            }
            data.addSeries(series(names.get(k), x, 1e9, y, 1e9));
        }
        JFreeChart chart = chart(title, "core x − x0 (nm)", "core y − y0 (nm)", data);
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
        for (int k = 1; k < names.size(); k++) { // references as open circles over the line
            r.setSeriesLinesVisible(k, false);
            r.setSeriesShapesVisible(k, true);
            r.setSeriesShapesFilled(k, false);
            r.setSeriesShape(k, new java.awt.geom.Ellipse2D.Double(-3, -3, 6, 6));
        }
        write(chart, png);
    }

    private static XYSeries series(String name, double[] x, double sx, double[] y, double sy) {
        XYSeries s = new XYSeries(name, false, true);
        for (int i = 0; i < x.length; i++) {
            s.add(x[i] * sx, y[i] * sy);
        }
        return s;
    }

    static JFreeChart chart(String title, String xLabel, String yLabel, XYSeriesCollection data) {
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

    static void write(JFreeChart chart, Path png) {
        try {
            Path dir = png.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png + ": " + e.getMessage(), e);
        }
    }
}
