package org.hypermag.surrogate.paper2d;

/**
 * The two error measures of the 2-D protocol, in percent. The metric the authors' code reports
 * (src/hypermagnetics/measures.py, {@code accuracy}: the norm of the whole batch's difference over the norm of its
 * target): 100·‖φ̂ − φ‖_F / ‖φ‖_F over the whole set, and for H over both components. The metric the paper's text
 * describes (Eq. 10): the median over every sample and point of 100·|φ̂ − φ|/|φ|, and of 100·|Ĥ − H|/|H|.
 */
public final class Metrics2d {
    private Metrics2d() {
    }

    /**
     * The errors of a prediction.
     *
     * @param codePhi 100·‖φ̂ − φ‖_F / ‖φ‖_F (%)
     * @param codeH the same for H, both components (%)
     * @param medianPhi the median of 100·|φ̂ − φ|/|φ| (%)
     * @param medianH the median of 100·|Ĥ − H|/|H| (%)
     */
    public record Errors(double codePhi, double codeH, double medianPhi, double medianH) {
    }

    /**
     * @param d the data set
     * @param phi predicted φ, samples × points
     * @param hx predicted H_x
     * @param hy predicted H_y
     * @return the errors
     */
    public static Errors of(Discs.DataSet d, double[] phi, double[] hx, double[] hy) {
        int n = d.phi().length;
        double dp = 0, tp = 0, dh = 0, th = 0;
        double[] rp = new double[n], rh = new double[n];
        for (int i = 0; i < n; i++) {
            double e = phi[i] - d.phi()[i];
            double ex = hx[i] - d.hx()[i], ey = hy[i] - d.hy()[i];
            double tx = d.hx()[i], ty = d.hy()[i];
            dp += e * e;
            tp += d.phi()[i] * d.phi()[i];
            dh += ex * ex + ey * ey;
            th += tx * tx + ty * ty;
            rp[i] = Math.abs(e) / Math.abs(d.phi()[i]);
            rh[i] = Math.hypot(ex, ey) / Math.hypot(tx, ty);
        }
        return new Errors(100 * Math.sqrt(dp / tp), 100 * Math.sqrt(dh / th), 100 * median(rp), 100 * median(rh));
    }

    /** The median (NaN entries, from a target of exactly zero, count as infinite). */
    static double median(double[] v) {
        double[] s = v.clone();
        for (int i = 0; i < s.length; i++) {
            if (Double.isNaN(s[i])) {
                s[i] = Double.POSITIVE_INFINITY;
            }
        }
        return org.hypermag.surrogate.paper.PaperProtocol.median(s);
    }
}
