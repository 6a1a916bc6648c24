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
     * @param branch (H along the direction (A/m), m along the direction) per point, in order
     * @return the H values (A/m) where m changes sign
     */
    public static List<Double> coercive(List<double[]> branch) {
        return crossings(branch, 1, 0);
    }

    /**
     * @param branch (H, m) per point
     * @return the m values where H changes sign
     */
    public static List<Double> remanence(List<double[]> branch) {
        return crossings(branch, 0, 1);
    }

    private static List<Double> crossings(List<double[]> branch, int sign, int value) {
        List<Double> out = new ArrayList<>();
        for (int k = 1; k < branch.size(); k++) {
            double[] a = branch.get(k - 1), b = branch.get(k);
            if (a[sign] == 0) {
                out.add(a[value]);
            } else if ((a[sign] > 0) != (b[sign] > 0) && b[sign] != 0) {
                double s = a[sign] / (a[sign] - b[sign]);
                out.add(a[value] + s * (b[value] - a[value]));
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
