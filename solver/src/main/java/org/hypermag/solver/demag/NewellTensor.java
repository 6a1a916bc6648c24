package org.hypermag.solver.demag;

import org.hypermag.solver.math.GaussLegendre;

/**
 * The cell-averaged demagnetising tensor of Newell, Williams and Dunlop (1993) for two equal cells of a regular grid,
 * the tensor OOMMF and mumax3 use.
 *
 * <p>For a source cell and a target cell of sides (dx, dy, dz) whose centres differ by (X, Y, Z), the average over the
 * target of the source's field is H = −N(X, Y, Z)·M. Six components, ordered as in {@link PrismTensor}. The self term
 * (offset 0) has trace 1; every other offset has trace 0; a cube's self term is diag(1/3, 1/3, 1/3).
 *
 * <h2>How it is computed</h2>
 * <ul>
 *   <li>Up to {@link #ANALYTIC_LIMIT} times the largest cell side: Newell's closed form, a 27-point second-difference
 *   stencil of the functions f (diagonal) and g (off-diagonal). It loses digits by cancellation as the distance and
 *   the cell's aspect ratio grow. Measured against 50-digit arithmetic below 2 sides: within 4e-12 relative for
 *   aspect ratios up to 3, 5e-11 up to 10, 2e-9 at 30 (a 1 × 1 × 0.033 cell).</li>
 *   <li>Beyond: the cell average is the dipole kernel integrated against the triangular (tent) weight of the
 *   overlap of the two cells, computed by Gauss–Legendre cubature on each half of the tent, with 12 to 2 points per
 *   half-axis as the distance grows. Its error depends on the largest side only: within 2e-12 relative,
 *   measured, for any aspect ratio.</li>
 * </ul>
 */
public final class NewellTensor {
    /** Distance between cell centres, in units of the largest cell side, up to which Newell's formula is used. */
    public static final double ANALYTIC_LIMIT = 2;

    private static final double INV_4PI = 1 / (4 * Math.PI);
    /** Tent-weight nodes on [-1, 1] and weights (summing to 1), indexed by points per half-axis. */
    private static final double[][] TENT_NODES = new double[13][];
    private static final double[][] TENT_WEIGHTS = new double[13][];

    static {
        for (int n : new int[] {2, 3, 4, 6, 8, 10, 12}) {
            GaussLegendre gl = new GaussLegendre(n);
            double[] u = new double[2 * n];
            double[] w = new double[2 * n];
            for (int i = 0; i < n; i++) {
                double t = 0.5 * (gl.node(i) + 1); // node on [0, 1]
                double wt = 0.5 * gl.weight(i) * (1 - t); // tent weight (1 - |u|) on each half, total 1
                u[i] = -t;
                w[i] = wt;
                u[n + i] = t;
                w[n + i] = wt;
            }
            TENT_NODES[n] = u;
            TENT_WEIGHTS[n] = w;
        }
    }

    private NewellTensor() {
    }

    /**
     * Evaluates the cell-averaged tensor between two equal cells.
     *
     * @param x offset of the target centre from the source centre, x (any length unit)
     * @param y offset y
     * @param z offset z
     * @param dx cell side x (same unit), &gt; 0
     * @param dy cell side y, &gt; 0
     * @param dz cell side z, &gt; 0
     * @param out receives N_xx, N_yy, N_zz, N_xy, N_xz, N_yz at {@code out[offset..offset+5]}
     * @param offset first index written
     */
    public static void evaluate(double x, double y, double z, double dx, double dy, double dz,
                                double[] out, int offset) {
        double l = Math.max(dx, Math.max(dy, dz));
        double inv = 1 / l;
        x *= inv;
        y *= inv;
        z *= inv;
        dx *= inv;
        dy *= inv;
        dz *= inv;
        double r = Math.sqrt(x * x + y * y + z * z);
        if (r < ANALYTIC_LIMIT) {
            analytic(x, y, z, dx, dy, dz, out, offset);
        } else {
            int n = r < 2.5 ? 12 : r < 3 ? 10 : r < 4 ? 8 : r < 16 ? 6 : r < 48 ? 4 : r < 1024 ? 3 : 2;
            DipoleCubature.evaluate(x, y, z, dx, dy, dz, TENT_NODES[n], TENT_WEIGHTS[n], dx * dy * dz, out, offset);
        }
    }

    /** Newell's closed form (scaled lengths). Package-private for tests. */
    static void analytic(double x, double y, double z, double dx, double dy, double dz, double[] out, int offset) {
        double sxx = 0, syy = 0, szz = 0, sxy = 0, sxz = 0, syz = 0;
        for (int i = -1; i <= 1; i++) {
            double xi = x + i * dx;
            double wi = i == 0 ? 2 : -1;
            for (int j = -1; j <= 1; j++) {
                double yj = y + j * dy;
                double wij = wi * (j == 0 ? 2 : -1);
                for (int k = -1; k <= 1; k++) {
                    double zk = z + k * dz;
                    double w = wij * (k == 0 ? 2 : -1);
                    sxx += w * f(xi, yj, zk);
                    syy += w * f(yj, xi, zk);
                    szz += w * f(zk, yj, xi);
                    sxy += w * g(xi, yj, zk);
                    sxz += w * g(xi, zk, yj);
                    syz += w * g(yj, zk, xi);
                }
            }
        }
        double s = INV_4PI / (dx * dy * dz);
        out[offset + PrismTensor.XX] = s * sxx;
        out[offset + PrismTensor.YY] = s * syy;
        out[offset + PrismTensor.ZZ] = s * szz;
        out[offset + PrismTensor.XY] = s * sxy;
        out[offset + PrismTensor.XZ] = s * sxz;
        out[offset + PrismTensor.YZ] = s * syz;
    }

    /** Newell's f, even in every argument. */
    static double f(double x, double y, double z) {
        x = Math.abs(x);
        y = Math.abs(y);
        z = Math.abs(z);
        double x2 = x * x, y2 = y * y, z2 = z * z;
        double r = Math.sqrt(x2 + y2 + z2);
        double v = (2 * x2 - y2 - z2) * r / 6;
        double xz2 = x2 + z2;
        if (xz2 > 0) {
            v += 0.5 * y * (z2 - x2) * asinh(y / Math.sqrt(xz2));
        }
        double xy2 = x2 + y2;
        if (xy2 > 0) {
            v += 0.5 * z * (y2 - x2) * asinh(z / Math.sqrt(xy2));
        }
        if (x * r > 0) {
            v -= x * y * z * Math.atan(y * z / (x * r));
        }
        return v;
    }

    /** Newell's g, odd in x and y, even in z. */
    static double g(double x, double y, double z) {
        double sign = (x < 0 ? -1 : 1) * (y < 0 ? -1 : 1);
        x = Math.abs(x);
        y = Math.abs(y);
        z = Math.abs(z);
        double x2 = x * x, y2 = y * y, z2 = z * z;
        double r = Math.sqrt(x2 + y2 + z2);
        double v = -x * y * r / 3;
        double xy2 = x2 + y2;
        if (xy2 > 0) {
            v += x * y * z * asinh(z / Math.sqrt(xy2));
        }
        double yz2 = y2 + z2;
        if (yz2 > 0) {
            v += y / 6 * (3 * z2 - y2) * asinh(x / Math.sqrt(yz2));
        }
        double xz2 = x2 + z2;
        if (xz2 > 0) {
            v += x / 6 * (3 * z2 - x2) * asinh(y / Math.sqrt(xz2));
        }
        if (z * r > 0) {
            v -= z * z2 / 6 * Math.atan(x * y / (z * r));
        }
        if (y * r > 0) {
            v -= 0.5 * z * y2 * Math.atan(x * z / (y * r));
        }
        if (x * r > 0) {
            v -= 0.5 * z * x2 * Math.atan(y * z / (x * r));
        }
        return sign * v;
    }

    /** asinh(u) for u &ge; 0, accurate for small u. */
    private static double asinh(double u) {
        return Math.log1p(u + u * u / (1 + Math.sqrt(1 + u * u)));
    }
}
