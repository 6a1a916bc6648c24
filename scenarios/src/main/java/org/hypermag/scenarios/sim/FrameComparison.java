package org.hypermag.scenarios.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hypermag.output.RunReader;
import org.hypermag.output.ValidationFile;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.demag.DemagField;
import org.hypermag.solver.magnet.Magnet;

/**
 * The per-frame series of {@code hypermag validate}: on each frame of the exact path, the surrogate's field error
 * (both fields evaluated on the exact path's magnetisation M = Ms m), the divergence |m_s − m_e| of the surrogate
 * path's frame at the same time, and the difference of ⟨m⟩ (volume averages). The field errors need only the exact
 * path's frames, so they are there for every one of them, also when the surrogate path stopped early; the
 * divergence columns are NaN where the surrogate path has no frame at that time.
 *
 * <p>Field errors: relative ones are divided by |H_e| of the domain (median and max over domains, skipping domains
 * with H_e = 0) or by the L2 norm of H_e (relative L2); per component c the same with |dH_c| in the numerator, so
 * the components of the L2 error add up in quadrature to the total.
 */
public final class FrameComparison {
    /** Column names of the series (validation.csv). */
    public static final List<String> COLUMNS = List.of("t", "stage", "field_median", "field_l2", "field_max",
            "field_median_x", "field_median_y", "field_median_z", "field_l2_x", "field_l2_y", "field_l2_z",
            "field_max_x", "field_max_y", "field_max_z", "field_max_abs", "m_divergence_mean", "m_divergence_max",
            "dmx", "dmy", "dmz", "mx_exact", "my_exact", "mz_exact", "mx_surrogate", "my_surrogate", "mz_surrogate");
    /** Units of the columns. */
    public static final List<String> UNITS = List.of("s", "1", "1", "1", "1", "1", "1", "1", "1", "1", "1", "1", "1",
            "1", "A/m", "1", "1", "1", "1", "1", "1", "1", "1", "1", "1", "1");
    /** Column index of the median relative field error. */
    public static final int MEDIAN = 2, L2 = 3, MAX = 4, DIVERGENCE_MEAN = 15, DIVERGENCE_MAX = 16;

    private FrameComparison() {
    }

    /**
     * @param exact the exact path's run
     * @param surrogate the surrogate path's run
     * @param magnet the domains
     * @param exactDemag the exact demag of the domains
     * @param surrogateDemag the surrogate demag of the domains
     * @param mismatch receives a line when the paths' frames stop matching (count, time or stage)
     * @return one row per frame of the exact path: the field errors always, the divergence (and the surrogate
     *     path's ⟨m⟩) where the surrogate path has its frame at the same time and stage, else NaN
     */
    public static ValidationFile.Series compare(RunReader exact, RunReader surrogate, Magnet magnet,
                                                DemagField exactDemag, DemagField surrogateDemag,
                                                List<String> mismatch) {
        int n = magnet.size();
        List<double[]> rows = new ArrayList<>();
        if (exact.frameCount() != surrogate.frameCount()) {
            mismatch.add("the exact path wrote " + exact.frameCount() + " frames, the surrogate path "
                    + surrogate.frameCount());
        }
        VectorField big = new VectorField(n), he = new VectorField(n), hs = new VectorField(n);
        boolean paired = true;
        for (int k = 0; k < exact.frameCount(); k++) {
            double t = exact.time(k);
            paired &= k < surrogate.frameCount();
            if (paired && (Math.abs(surrogate.time(k) - t) > 1e-9 * Math.abs(t) + 1e-21
                    || exact.stage(k) != surrogate.stage(k))) {
                mismatch.add("frame " + k + " is at t = " + t + " s (stage " + exact.stage(k) + ") in the exact path "
                        + "and at t = " + surrogate.time(k) + " s (stage " + surrogate.stage(k) + ") in the surrogate "
                        + "path; the trajectories are not compared from there on");
                paired = false;
            }
            VectorField me = exact.magnetisation(k), ms = paired ? surrogate.magnetisation(k) : null;
            for (int i = 0; i < n; i++) {
                double s = magnet.ms(i);
                big.set(i, s * me.x[i], s * me.y[i], s * me.z[i]);
            }
            he.clear();
            hs.clear();
            exactDemag.addField(big, he);
            surrogateDemag.addField(big, hs);
            double[] row = new double[COLUMNS.size()];
            row[0] = t;
            row[1] = exact.stage(k);
            fieldErrors(he, hs, row);
            divergence(me, ms, magnet, row);
            rows.add(row);
        }
        return new ValidationFile.Series(COLUMNS, UNITS, rows);
    }

    private static void fieldErrors(VectorField he, VectorField hs, double[] row) {
        int n = he.size();
        double[][] rel = new double[4][n];
        int counted = 0;
        double[] num = new double[4];
        double den = 0, maxAbs = 0;
        double[] maxC = new double[3];
        for (int i = 0; i < n; i++) {
            double dx = hs.x[i] - he.x[i], dy = hs.y[i] - he.y[i], dz = hs.z[i] - he.z[i];
            double e2 = dx * dx + dy * dy + dz * dz;
            double h2 = he.x[i] * he.x[i] + he.y[i] * he.y[i] + he.z[i] * he.z[i];
            num[0] += e2;
            num[1] += dx * dx;
            num[2] += dy * dy;
            num[3] += dz * dz;
            den += h2;
            maxAbs = Math.max(maxAbs, Math.sqrt(e2));
            maxC[0] = Math.max(maxC[0], Math.abs(dx));
            maxC[1] = Math.max(maxC[1], Math.abs(dy));
            maxC[2] = Math.max(maxC[2], Math.abs(dz));
            if (h2 > 0) {
                double h = Math.sqrt(h2);
                rel[0][counted] = Math.sqrt(e2) / h;
                rel[1][counted] = Math.abs(dx) / h;
                rel[2][counted] = Math.abs(dy) / h;
                rel[3][counted] = Math.abs(dz) / h;
                counted++;
            }
        }
        double[] median = new double[4], max = new double[4];
        for (int c = 0; c < 4; c++) {
            double[] r = Arrays.copyOf(rel[c], counted);
            Arrays.sort(r);
            median[c] = counted == 0 ? Double.NaN : counted % 2 == 1 ? r[counted / 2]
                    : 0.5 * (r[counted / 2 - 1] + r[counted / 2]);
            max[c] = counted == 0 ? Double.NaN : r[counted - 1];
        }
        row[2] = median[0];
        row[3] = den > 0 ? Math.sqrt(num[0] / den) : Double.NaN;
        row[4] = max[0];
        for (int c = 0; c < 3; c++) {
            row[5 + c] = median[c + 1];
            row[8 + c] = den > 0 ? Math.sqrt(num[c + 1] / den) : Double.NaN;
            row[11 + c] = maxC[c];
        }
        row[14] = maxAbs;
    }

    /** The divergence columns; with {@code ms} null (no surrogate frame at this time) all but ⟨m⟩_e are NaN. */
    private static void divergence(VectorField me, VectorField ms, Magnet magnet, double[] row) {
        if (ms == null) {
            divergence(me, me, magnet, row);
            for (int c : new int[] {15, 16, 17, 18, 19, 23, 24, 25}) {
                row[c] = Double.NaN;
            }
            return;
        }
        int n = me.size();
        double sum = 0, max = 0, v = 0;
        double[] ae = new double[3], as = new double[3];
        for (int i = 0; i < n; i++) {
            double dx = ms.x[i] - me.x[i], dy = ms.y[i] - me.y[i], dz = ms.z[i] - me.z[i];
            double d = Math.sqrt(dx * dx + dy * dy + dz * dz);
            sum += d;
            max = Math.max(max, d);
            double w = magnet.volume(i);
            v += w;
            ae[0] += w * me.x[i];
            ae[1] += w * me.y[i];
            ae[2] += w * me.z[i];
            as[0] += w * ms.x[i];
            as[1] += w * ms.y[i];
            as[2] += w * ms.z[i];
        }
        row[15] = sum / n;
        row[16] = max;
        for (int c = 0; c < 3; c++) {
            row[17 + c] = (as[c] - ae[c]) / v;
            row[20 + c] = ae[c] / v;
            row[23 + c] = as[c] / v;
        }
    }
}
