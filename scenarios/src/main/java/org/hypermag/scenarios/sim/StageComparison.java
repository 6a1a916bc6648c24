package org.hypermag.scenarios.sim;

import java.util.ArrayList;
import java.util.List;
import org.hypermag.output.RunTable;
import org.hypermag.output.TableData;
import org.hypermag.output.ValidationFile;
import org.hypermag.scenarios.spec.Scenario;

/**
 * The landmarks of {@code hypermag validate}, stage by stage, from both paths' tables, plus the checks over all
 * frames of the series ({@link FrameComparison}).
 *
 * <ul>
 *   <li>run: the first zero crossing of ⟨mx⟩, ⟨my⟩, ⟨mz⟩ (checked for a component whose |⟨m_c⟩| is at least
 *   {@link #SIGNIFICANT} at the stage start; one starting nearer zero crosses at noise level, so it is reported only),
 *   and ⟨m⟩ at the end;</li>
 *   <li>relax: the final total energy (relative difference), ⟨m⟩ and the state difference (mean over domains of
 *   |m_s − m_e| on the stage's last frame);</li>
 *   <li>hysteresis: the coercive fields and remanences along the sweep axis ({@link HysteresisLandmarks}).</li>
 * </ul>
 */
public final class StageComparison {
    /** Smallest |⟨m_c⟩| at a run stage's start for which the first zero crossing of ⟨m_c⟩ is checked. */
    public static final double SIGNIFICANT = 0.01;
    private static final String[] AXES = {"x", "y", "z"};

    private StageComparison() {
    }

    /**
     * @param s the scenario
     * @param exact the exact path's table.csv
     * @param surrogate the surrogate path's table.csv
     * @param exactHyst the exact path's hysteresis.csv, or null
     * @param surrogateHyst the surrogate path's hysteresis.csv, or null
     * @param series the frame series
     * @return the checks: all frames first, then stage by stage
     */
    public static List<ValidationCheck> compare(Scenario s, TableData exact, TableData surrogate, TableData exactHyst,
                                                TableData surrogateHyst, ValidationFile.Series series) {
        Scenario.Validation tol = s.validation();
        List<ValidationCheck> out = new ArrayList<>();
        frameChecks(series, tol, out);
        List<List<double[]>> se = split(s, exact.rows()), ss = split(s, surrogate.rows());
        for (int k = 0; k < s.stages().size(); k++) {
            Scenario.Stage st = s.stages().get(k);
            String label = "stage " + (k + 1) + " (" + st.kind() + ")";
            List<double[]> re = se.get(k), rs = ss.get(k);
            if (st instanceof Scenario.Hysteresis h) {
                hysteresis(k, label, h, rows(exactHyst, k), rows(surrogateHyst, k), tol, out);
                continue;
            }
            int need = st instanceof Scenario.Run ? 2 : 1;
            if (re.size() < need || rs.size() < need) {
                out.add(new ValidationCheck(k, label, "stage completed", Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        ValidationCheck.Verdict.FAIL, "a path has no table rows for this stage"));
                continue;
            }
            double[] le = re.get(re.size() - 1), ls = rs.get(rs.size() - 1);
            if (st instanceof Scenario.Run) {
                for (int c = 1; c <= 3; c++) {
                    zeroCrossing(k, label, c, re, rs, tol.zeroCrossingTime(), out);
                }
            } else {
                double ee = le[RunTable.E_TOTAL], es = ls[RunTable.E_TOTAL];
                out.add(ValidationCheck.of(k, label, "final energy E_total (J), relative difference", ee, es,
                        Math.abs(es - ee) / Math.abs(ee), tol.energy()));
                stateDifference(k, label, series, tol.stateDifference(), out);
            }
            for (int c = 1; c <= 3; c++) {
                out.add(ValidationCheck.of(k, label, "<m" + AXES[c - 1] + "> at the end", le[c], ls[c],
                        Math.abs(ls[c] - le[c]), tol.finalM()));
            }
        }
        return out;
    }

    private static void frameChecks(ValidationFile.Series series, Scenario.Validation tol,
                                    List<ValidationCheck> out) {
        String label = "all frames";
        Object[][] f = {{FrameComparison.MEDIAN, "field error, median |dH|/|H| (largest over frames)",
            tol.fieldErrorMedian()}, {FrameComparison.L2, "field error, relative L2 (largest over frames)",
            tol.fieldErrorL2()}, {FrameComparison.MAX, "field error, max |dH|/|H| (largest over frames)",
            tol.fieldErrorMax()}, {FrameComparison.DIVERGENCE_MEAN, "divergence, mean |m_s - m_e| (largest over "
            + "frames)", Double.POSITIVE_INFINITY}, {FrameComparison.DIVERGENCE_MAX, "divergence, max |m_s - m_e| "
            + "(largest over frames)", tol.maxMDivergence()}};
        if (series.rows().isEmpty()) {
            out.add(new ValidationCheck(-1, label, "frames compared", 0, 0, Double.NaN, Double.NaN,
                    ValidationCheck.Verdict.FAIL, "no frame of the two paths could be compared"));
            return;
        }
        for (Object[] c : f) {
            double worst = 0;
            for (double v : series.column((Integer) c[0])) {
                worst = Double.isNaN(v) ? v : Math.max(worst, v);
            }
            out.add(ValidationCheck.of(-1, label, (String) c[1], Double.NaN, Double.NaN, worst, (Double) c[2]));
        }
    }

    private static void zeroCrossing(int k, String label, int c, List<double[]> re, List<double[]> rs, double tol,
                                     List<ValidationCheck> out) {
        double start = re.get(0)[0];
        double[] ze = Landmarks.firstZero(re, c, start), zs = Landmarks.firstZero(rs, c, start);
        String name = "first zero of <m" + AXES[c - 1] + "> (s)";
        boolean significant = Math.abs(re.get(0)[c]) >= SIGNIFICANT;
        double te = ze == null ? Double.NaN : ze[0], ts = zs == null ? Double.NaN : zs[0];
        if (!significant) {
            out.add(new ValidationCheck(k, label, name, te, ts, Math.abs(ts - te), Double.POSITIVE_INFINITY,
                    ValidationCheck.Verdict.INFO, "starts at |<m" + AXES[c - 1] + ">| < " + SIGNIFICANT
                            + ": reported only"));
        } else if (ze == null && zs == null) {
            out.add(new ValidationCheck(k, label, name, te, ts, Double.NaN, tol, ValidationCheck.Verdict.PASS,
                    "no crossing in either path"));
        } else if (ze == null || zs == null) {
            out.add(new ValidationCheck(k, label, name, te, ts, Double.NaN, tol, ValidationCheck.Verdict.FAIL,
                    "only the " + (ze == null ? "surrogate" : "exact") + " path crosses zero"));
        } else {
            out.add(ValidationCheck.of(k, label, name, te, ts, Math.abs(ts - te), tol));
        }
    }

    private static void stateDifference(int k, String label, ValidationFile.Series series, double tol,
                                        List<ValidationCheck> out) {
        double[] last = null;
        for (double[] r : series.rows()) {
            if ((int) r[1] == k) {
                last = r;
            }
        }
        if (last == null) {
            out.add(new ValidationCheck(k, label, "state difference, mean |m_s - m_e| at the end", Double.NaN,
                    Double.NaN, Double.NaN, tol, ValidationCheck.Verdict.INFO, "no frame of this stage (a path "
                            + "stopped before it ended)"));
            return;
        }
        out.add(ValidationCheck.of(k, label, "state difference, mean |m_s - m_e| at the end", Double.NaN, Double.NaN,
                last[FrameComparison.DIVERGENCE_MEAN], tol));
    }

    private static void hysteresis(int k, String label, Scenario.Hysteresis h, List<double[]> re, List<double[]> rs,
                                   Scenario.Validation tol, List<ValidationCheck> out) {
        if (re.size() != h.points() || rs.size() != h.points()) {
            out.add(new ValidationCheck(k, label, "field points completed", re.size(), rs.size(), Double.NaN,
                    Double.NaN, ValidationCheck.Verdict.FAIL, "expected " + h.points() + " in both paths"));
            return;
        }
        List<double[]> be = HysteresisLandmarks.branch(h, re), bs = HysteresisLandmarks.branch(h, rs);
        if (be == null) {
            out.add(new ValidationCheck(k, label, "landmarks", Double.NaN, Double.NaN, Double.NaN,
                    Double.POSITIVE_INFINITY, ValidationCheck.Verdict.INFO, "constant field: no coercive field"));
            return;
        }
        landmarkList(k, label, "coercive field (A/m)", HysteresisLandmarks.coercive(be),
                HysteresisLandmarks.coercive(bs), tol.coerciveField(), out);
        landmarkList(k, label, "remanence", HysteresisLandmarks.remanence(be), HysteresisLandmarks.remanence(bs),
                tol.remanence(), out);
    }

    private static void landmarkList(int k, String label, String name, List<Double> e, List<Double> s, double tol,
                                     List<ValidationCheck> out) {
        if (e.size() != s.size()) {
            out.add(new ValidationCheck(k, label, name + ": count", e.size(), s.size(), Math.abs(s.size() - e.size()),
                    Double.NaN, ValidationCheck.Verdict.FAIL, "exact " + e + ", surrogate " + s));
            return;
        }
        for (int q = 0; q < e.size(); q++) {
            out.add(ValidationCheck.of(k, label, name + " " + (q + 1), e.get(q), s.get(q),
                    Math.abs(s.get(q) - e.get(q)), tol));
        }
        if (e.isEmpty()) {
            out.add(new ValidationCheck(k, label, name, Double.NaN, Double.NaN, Double.NaN, tol,
                    ValidationCheck.Verdict.PASS, "none in either path"));
        }
    }

    private static List<double[]> rows(TableData hyst, int stage) {
        List<double[]> rows = new ArrayList<>();
        if (hyst != null) {
            for (double[] r : hyst.rows()) {
                if ((int) r[0] == stage) {
                    rows.add(r);
                }
            }
        }
        return rows;
    }

    /**
     * Splits a run table into its stages by its {@code stage} column: a relaxation has one row, a hysteresis stage
     * one per field point, a run stage a row at its start and one per table interval.
     *
     * @param s the scenario
     * @param rows the table's rows
     * @return per stage its rows (empty when the table ends earlier)
     */
    static List<List<double[]>> split(Scenario s, List<double[]> rows) {
        List<List<double[]>> out = new ArrayList<>();
        for (int k = 0; k < s.stages().size(); k++) {
            out.add(new ArrayList<>());
        }
        for (double[] r : rows) {
            int k = (int) r[RunTable.STAGE];
            if (k >= 0 && k < out.size()) {
                out.get(k).add(r);
            }
        }
        return out;
    }
}
