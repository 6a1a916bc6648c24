package org.hypermag.scenarios.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hypermag.scenarios.spec.Scenario;
import org.hypermag.solver.Constants;

/**
 * Coercive fields and remanences of a hysteresis stage, along the direction from its start field to its end field,
 * by linear interpolation between field points.
 */
public final class HysteresisLandmarks {
    private HysteresisLandmarks() {
    }

    /**
     * The coercive fields of a branch: where the magnetisation along the sweep axis switches sign. A switch is a
     * passage of m from clearly positive to clearly negative (or back), "clearly" meaning beyond the noise level
     * max(1e-3, 1e-3 × the branch's range of m); points in between that hover near zero do not count as switches of
     * their own. The field of a switch is the zero of the straight line through the two points, among those in the
     * passage, between which m changed most (clamped to their interval): the real jump, not a sign flip of noise.
     *
     * @param branch (H along the direction (A/m), m along the direction) per point, in order
     * @return the H values (A/m) where m switches sign
     */
    public static List<Double> coercive(List<double[]> branch) {
        List<Double> out = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[] p : branch) {
            lo = Math.min(lo, p[1]);
            hi = Math.max(hi, p[1]);
        }
        double noise = Math.max(1e-3, 1e-3 * (hi - lo));
        int last = -1, lastSign = 0;
        for (int k = 0; k < branch.size(); k++) {
            double m = branch.get(k)[1];
            int sign = m > noise ? 1 : m < -noise ? -1 : 0;
            if (sign == 0) {
                continue;
            }
            if (lastSign != 0 && sign != lastSign) {
                out.add(switchField(branch, last, k));
            }
            last = k;
            lastSign = sign;
        }
        return out;
    }

    /** The zero of the line through the pair of points in [a, b] with the largest change of m, clamped. */
    private static double switchField(List<double[]> branch, int a, int b) {
        int best = a;
        double change = -1;
        for (int k = a; k < b; k++) {
            double d = Math.abs(branch.get(k + 1)[1] - branch.get(k)[1]);
            if (d > change) {
                change = d;
                best = k;
            }
        }
        double[] p = branch.get(best), q = branch.get(best + 1);
        double s = p[1] == q[1] ? 0.5 : p[1] / (p[1] - q[1]);
        s = Math.max(0, Math.min(1, s));
        return p[0] + s * (q[0] - p[0]);
    }

    /**
     * @param branch (H, m) per point
     * @return the m values where H changes sign
     */
    public static List<Double> remanence(List<double[]> branch) {
        List<Double> out = new ArrayList<>();
        for (int k = 1; k < branch.size(); k++) {
            double[] a = branch.get(k - 1), b = branch.get(k);
            if (a[0] == 0) {
                out.add(a[1]);
            } else if ((a[0] > 0) != (b[0] > 0) && b[0] != 0) {
                double s = a[0] / (a[0] - b[0]);
                out.add(a[1] + s * (b[1] - a[1]));
            }
        }
        return out;
    }

    /**
     * @param h the stage
     * @param rows its rows of hysteresis.csv (stage, point, Hx, Hy, Hz, mx, my, mz, ...)
     * @return (H, m) per point along the sweep axis, the start field's side positive; null for a constant field
     */
    public static List<double[]> branch(Scenario.Hysteresis h, List<double[]> rows) {
        double[] u = {h.to()[0] - h.from()[0], h.to()[1] - h.from()[1], h.to()[2] - h.from()[2]};
        double n = Math.sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]);
        if (!(n > 0)) {
            return null;
        }
        List<double[]> branch = new ArrayList<>();
        for (double[] r : rows) {
            // direction of the sweep is from -> to; use the opposite (from's side positive) as the reference axis
            branch.add(new double[] {-(r[2] * u[0] + r[3] * u[1] + r[4] * u[2]) / n,
                -(r[5] * u[0] + r[6] * u[1] + r[7] * u[2]) / n});
        }
        return branch;
    }

    /**
     * @param h the stage
     * @param rows its rows of hysteresis.csv (stage, point, Hx, Hy, Hz, mx, my, mz, ...)
     * @return coercive fields (as μ0H in mT) and remanences along the field direction, one line
     */
    public static String describe(Scenario.Hysteresis h, List<double[]> rows) {
        List<double[]> branch = branch(h, rows);
        if (branch == null) {
            return "constant field";
        }
        StringBuilder b = new StringBuilder("coercive field mu0 Hc =");
        List<Double> hc = coercive(branch);
        if (hc.isEmpty()) {
            b.append(" none (no reversal)");
        }
        for (double x : hc) {
            b.append(String.format(Locale.ROOT, " %.4g mT", x * Constants.MU0 * 1e3));
        }
        b.append(", remanence m_r =");
        List<Double> mr = remanence(branch);
        if (mr.isEmpty()) {
            b.append(" none (the field does not pass zero)");
        }
        for (double x : mr) {
            b.append(String.format(Locale.ROOT, " %.4f", x));
        }
        return b.append(" (along the start field's side of the sweep axis)").toString();
    }
}
