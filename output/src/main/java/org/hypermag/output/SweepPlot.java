package org.hypermag.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A landmark against a parameter from a sweep's summary ({@code sweep.csv}, written by {@code hypermag sweep}): one
 * series per combination of the other parameters (a grain realisation, a field), and their mean at each x when there
 * are several. Completed variants with a defined value only.
 */
public final class SweepPlot {
    /** The summary's file name in a sweep's directory. */
    public static final String CSV = "sweep.csv";

    private SweepPlot() {
    }

    /**
     * @param dir a sweep's output directory
     * @return whether it holds a sweep summary
     */
    public static boolean isSweep(Path dir) {
        return Files.isRegularFile(dir.resolve(CSV));
    }

    /**
     * Draws y against x into DIR/plot-Y-vs-X.png.
     *
     * @param dir the sweep's directory
     * @param x a column: its full name (a key path), its last segment (temperature), or a prefix before '_' (Hc)
     * @param y another column, named the same ways
     * @return the PNG written
     * @throws IllegalArgumentException naming the columns when x or y matches none or several, or nothing to plot
     */
    public static Path draw(Path dir, String x, String y) {
        List<String[]> rows = read(dir.resolve(CSV));
        List<String> header = List.of(rows.get(0));
        int xi = column(header, x, "--x"), yi = column(header, y, "--y");
        int status = header.indexOf("status");
        if (!"variant".equals(header.get(0)) || status < 1) {
            throw new IllegalArgumentException(dir.resolve(CSV) + ": not a sweep summary (expected the columns "
                    + "variant, the parameters, status, ...)");
        }
        // the parameters are the columns between variant and status
        List<Integer> others = new ArrayList<>();
        for (int k = 1; k < status; k++) {
            if (k != xi && k != yi) {
                others.add(k);
            }
        }
        Map<String, XYSeries> series = new TreeMap<>();
        Map<Double, double[]> sums = new TreeMap<>();
        int points = 0;
        for (String[] r : rows.subList(1, rows.size())) {
            if (r.length != header.size() || !"completed".equals(r[status])) {
                continue;
            }
            double xv = number(r[xi]), yv = number(r[yi]);
            if (!Double.isFinite(xv) || !Double.isFinite(yv)) {
                continue;
            }
            StringBuilder label = new StringBuilder();
            for (int k : others) {
                label.append(label.length() == 0 ? "" : ", ").append(last(header.get(k))).append('=').append(r[k]);
            }
            String name = label.length() == 0 ? header.get(yi) : label.toString();
            series.computeIfAbsent(name, n -> new XYSeries(n, true, true)).add(xv, yv);
            double[] s = sums.computeIfAbsent(xv, v -> new double[2]);
            s[0] += yv;
            s[1]++;
            points++;
        }
        if (points == 0) {
            throw new IllegalArgumentException(dir.resolve(CSV) + ": no completed variant has a value of "
                    + header.get(yi) + " (empty where not defined)");
        }
        XYSeriesCollection data = new XYSeriesCollection();
        if (series.size() > 1) {
            XYSeries mean = new XYSeries("mean", true, true);
            for (Map.Entry<Double, double[]> e : sums.entrySet()) {
                mean.add((double) e.getKey(), e.getValue()[0] / e.getValue()[1]);
            }
            data.addSeries(mean);
        }
        for (XYSeries s : series.values()) {
            data.addSeries(s);
        }
        String sweep = dir.toAbsolutePath().normalize().getFileName().toString();
        JFreeChart chart = TablePlots.chart(header.get(yi) + " against " + header.get(xi) + ", sweep " + sweep,
                header.get(xi), header.get(yi), data);
        ((org.jfree.chart.axis.NumberAxis) chart.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
        for (int s = 0; s < data.getSeriesCount(); s++) {
            r.setSeriesShapesVisible(s, true);
        }
        Path png = dir.resolve("plot-" + safe(header.get(yi)) + "-vs-" + safe(header.get(xi)) + ".png");
        TablePlots.write(chart, png);
        return png;
    }

    private static int column(List<String> header, String name, String option) {
        int exact = header.indexOf(name);
        if (exact >= 0) {
            return exact;
        }
        List<Integer> found = new ArrayList<>();
        for (int k = 0; k < header.size(); k++) {
            String h = header.get(k);
            if (last(h).equals(name) || h.startsWith(name + "_")) {
                found.add(k);
            }
        }
        if (found.size() != 1) {
            throw new IllegalArgumentException(option + " " + name + ": " + (found.isEmpty() ? "no" : "several")
                    + " columns match; the summary has " + header);
        }
        return found.get(0);
    }

    private static String last(String key) {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9_-]+", "_");
    }

    private static double number(String s) {
        try {
            return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static List<String[]> read(Path f) {
        try {
            List<String[]> rows = new ArrayList<>();
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                rows.add(split(line));
            }
            if (rows.isEmpty()) {
                throw new IllegalArgumentException(f + ": empty; expected a sweep summary");
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    /** Splits a CSV line (fields may be quoted, with "" for a quote). */
    static String[] split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out.toArray(new String[0]);
    }
}
