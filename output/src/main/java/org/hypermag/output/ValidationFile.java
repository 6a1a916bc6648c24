package org.hypermag.output;

import io.jhdf.api.WritableGroup;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code validation.h5} and {@code validation.csv} of {@code hypermag validate} (layout in docs/output.md):
 * one row per compared output frame, and the checks (landmarks and tolerances).
 *
 * <pre>
 * /                 attributes: format = "hypermag-validation", format_version, and those the caller gives
 *                   (scenario, demag of both paths, wall times, speed-up, passed)
 * /frames/NAME      F values per column of the frame series (validation.csv), attribute units
 * /checks/stage     C (stage index, −1 for checks over all frames)
 * /checks/exact, /checks/surrogate, /checks/difference, /checks/tolerance   C values (tolerance inf: not checked)
 * /checks/verdict   C (1 pass, 0 fail, −1 reported only); attribute names: the check names, one per line
 * </pre>
 */
public final class ValidationFile {
    private ValidationFile() {
    }

    /**
     * The per-frame series.
     *
     * @param columns column names
     * @param units unit of each column
     * @param rows one row per frame, one value per column
     */
    public record Series(List<String> columns, List<String> units, List<double[]> rows) {
        /**
         * @param c a column index
         * @return that column's values
         */
        public double[] column(int c) {
            double[] v = new double[rows.size()];
            for (int r = 0; r < v.length; r++) {
                v[r] = rows.get(r)[c];
            }
            return v;
        }
    }

    /**
     * The checks.
     *
     * @param names check names, with the unit
     * @param stage stage index of each, −1 for the frame series
     * @param exact the exact path's value
     * @param surrogate the surrogate path's value
     * @param difference the compared difference
     * @param tolerance its tolerance (infinite: reported only)
     * @param verdict 1 pass, 0 fail, −1 reported only
     */
    public record Checks(List<String> names, int[] stage, double[] exact, double[] surrogate, double[] difference,
                         double[] tolerance, int[] verdict) {
    }

    /**
     * Writes validation.csv (the series; comma-separated, header line, atomically).
     *
     * @param file the CSV file
     * @param series the frame series
     */
    public static void writeCsv(Path file, Series series) {
        AtomicTextFile.write(file, w -> {
            w.write(String.join(",", series.columns()));
            w.write('\n');
            for (double[] r : series.rows()) {
                for (int c = 0; c < r.length; c++) {
                    if (c > 0) {
                        w.write(',');
                    }
                    w.write(String.format(Locale.ROOT, "%.9g", r[c]));
                }
                w.write('\n');
            }
        });
    }

    /**
     * Writes validation.h5 (atomically).
     *
     * @param file the HDF5 file
     * @param attributes root attributes (String, Integer, Long, Double, Boolean as Integer; bounded values), in order
     * @param scenarioText the scenario's text (a string dataset {@code /scenario_text})
     * @param series the frame series
     * @param checks the checks
     */
    public static void writeHdf5(Path file, Map<String, Object> attributes, String scenarioText, Series series,
                                 Checks checks) {
        Hdf5Files.writeAtomically(file, h -> {
            h.putAttribute("format", "hypermag-validation");
            h.putAttribute("format_version", RunLayout.FORMAT_VERSION);
            for (Map.Entry<String, Object> e : attributes.entrySet()) {
                h.putAttribute(e.getKey(), e.getValue());
            }
            h.putDataset("scenario_text", new String[] {scenarioText});
            WritableGroup f = h.putGroup("frames");
            f.putAttribute("frames", series.rows().size());
            if (!series.rows().isEmpty()) {
                for (int c = 0; c < series.columns().size(); c++) {
                    f.putDataset(series.columns().get(c), series.column(c)).putAttribute("units",
                            series.units().get(c));
                }
            }
            WritableGroup g = h.putGroup("checks");
            g.putAttribute("checks", checks.names().size());
            if (!checks.names().isEmpty()) {
                g.putDataset("names", checks.names().toArray(new String[0]));
                g.putDataset("stage", checks.stage());
                g.putDataset("exact", checks.exact());
                g.putDataset("surrogate", checks.surrogate());
                g.putDataset("difference", checks.difference());
                g.putDataset("tolerance", checks.tolerance());
                g.putDataset("verdict", checks.verdict());
            }
        });
    }
}
