package org.hypermag.sweeps;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hypermag.output.AtomicTextFile;

/**
 * The sweep's summary, one row per variant, in {@code sweep.csv} and {@code sweep.h5}: the variant, its parameters
 * (one column per varied key, named by its key path), status, attempts, wall time (s), the landmarks of
 * {@link SweepLandmarks} (empty in CSV, NaN in HDF5, where undefined or not finished) and a message.
 * sweep.h5 holds one dataset per column in {@code /variants} (numbers as float64, text as strings; a parameter
 * column is numeric when every value is a number) with the sweep's name, base scenario and master as attributes.
 */
final class SweepSummary {
    static final String CSV = "sweep.csv";
    static final String H5 = "sweep.h5";

    private SweepSummary() {
    }

    /** The columns, in order: id, parameters, status, attempts, wall_s, landmarks, message. */
    static List<String> columns(SweepSpec spec) {
        List<String> c = new ArrayList<>();
        c.add("variant");
        for (SweepSpec.Axis a : spec.axes()) {
            c.add(a.path().text);
        }
        c.add("status");
        c.add("attempts");
        c.add("wall_s");
        c.addAll(SweepLandmarks.NAMES);
        c.add("message");
        return c;
    }

    /**
     * @param out the sweep's directory
     * @param spec the sweep
     * @param variants its variants
     * @param results their results (null: never started), same order
     * @param master the Spark master used
     */
    static void write(Path out, SweepSpec spec, List<SweepPlan.Variant> variants, List<VariantResult> results,
                      String master) {
        List<String> columns = columns(spec);
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            rows.add(row(spec, variants.get(i), results.get(i)));
        }
        AtomicTextFile.write(out.resolve(CSV), w -> {
            w.write(String.join(",", columns));
            w.write('\n');
            for (String[] r : rows) {
                for (int k = 0; k < r.length; k++) {
                    w.write(k == 0 ? "" : ",");
                    w.write(quote(r[k]));
                }
                w.write('\n');
            }
        });
        Path tmp = out.resolve("." + H5 + "." + ProcessHandle.current().pid() + ".tmp");
        try (WritableHdfFile h = HdfFile.write(tmp)) {
            h.putAttribute("format", "hypermag-sweep");
            h.putAttribute("format_version", 1);
            h.putAttribute("name", spec.name());
            h.putAttribute("base", bounded(spec.baseSource()));
            h.putAttribute("master", bounded(master));
            h.putAttribute("created", Instant.now().toString());
            h.putDataset("columns", columns.toArray(new String[0]));
            WritableGroup g = h.putGroup("variants");
            for (int k = 0; k < columns.size(); k++) {
                String[] col = new String[rows.size()];
                for (int r = 0; r < rows.size(); r++) {
                    col[r] = rows.get(r)[k];
                }
                double[] numbers = numeric(col, k, columns);
                if (numbers != null) {
                    g.putDataset(columns.get(k), numbers);
                } else {
                    g.putDataset(columns.get(k), col);
                }
            }
        }
        try {
            Files.move(tmp, out.resolve(H5), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + out.resolve(H5) + ": " + e.getMessage(), e);
        }
    }

    private static String[] row(SweepSpec spec, SweepPlan.Variant v, VariantResult r) {
        List<String> cells = new ArrayList<>();
        cells.add(v.id());
        for (SweepSpec.Axis a : spec.axes()) {
            cells.add(v.params().get(a.path().text));
        }
        cells.add(r == null ? "not started" : r.status());
        cells.add(r == null ? "0" : Integer.toString(r.attempts()));
        cells.add(r == null ? "" : number(r.wallSeconds()));
        for (String name : SweepLandmarks.NAMES) {
            Double x = r == null ? null : r.landmarks().get(name);
            cells.add(x == null ? "" : number(x));
        }
        cells.add(r == null ? "" : r.message());
        return cells.toArray(new String[0]);
    }

    private static String number(double x) {
        return Double.isFinite(x) ? Double.toString(x) : "";
    }

    /** The column as numbers (empty cells NaN) when every non-empty cell is one and it is not text by kind. */
    private static double[] numeric(String[] col, int k, List<String> columns) {
        String name = columns.get(k);
        if (name.equals("variant") || name.equals("status") || name.equals("message")) {
            return null;
        }
        double[] v = new double[col.length];
        for (int i = 0; i < col.length; i++) {
            if (col[i] == null || col[i].isEmpty()) {
                v[i] = Double.NaN;
                continue;
            }
            try {
                v[i] = Double.parseDouble(col[i]);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return v;
    }

    private static String quote(String s) {
        if (s == null) {
            return "";
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static String bounded(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
