package org.hypermag.solver.demag;

import org.hypermag.solver.math.GaussLegendre;

/**
 * The point-evaluated demagnetising tensor of a uniformly magnetised, axis-aligned rectangular prism.
 *
 * <p>For a prism centred at the origin with side lengths (sx, sy, sz) and magnetisation M (A/m), the field at r is
 * H(r) = −N(r)·M. N is dimensionless, symmetric, stored as six numbers in the order {@link #XX}, {@link #YY},
 * {@link #ZZ}, {@link #XY}, {@link #XZ}, {@link #YZ}. Its trace is 1 inside the prism and 0 outside.
 *
 * <h2>How it is computed</h2>
 * <ul>
 *   <li>Near the prism (distance from its centre below {@link #CLOSED_FORM_LIMIT} times its largest side): the
 *   closed form of the surface-charge integral (Aharoni 1998; Smith et al. 2010), summed over the 8 corners:
 *   N_xx = −(1/4π) Σ s_x s_y s_z atan(YZ/(XR)), N_xy = (1/4π) Σ s_x s_y s_z ln(Z + R), the others by cyclic
 *   permutation. The logarithms are summed in pairs as ln((Z₁+R₁)/(Z₂+R₂)), written without cancellation
 *   (log1p of an exactly rearranged difference), and with ln(Z+R) = ln(ρ²) − ln(R−Z) for Z &lt; 0.</li>
 *   <li>Far away, where the closed form loses digits by cancellation (its relative error grows roughly as
 *   (r/size)³·1e-15 for cubes and faster for flat prisms), a tensor-product Gauss–Legendre cubature of the
 *   point-dipole kernel over the prism volume: 8³ points from 4 to 6 sizes, 6³ to 8, 5³ to 16, 4³ to 32, 3³ to
 *   512, 2³ to 6·10⁵ and the plain dipole beyond. Its relative error falls as (size/r)^(2n) whatever the aspect
 *   ratio. In the prism's mid-plane (z = 0, all in-plane neighbours of a film) the thickness is integrated in closed
 *   form and only the n² in-plane nodes are summed ({@link #midPlane}).</li>
 * </ul>
 * Accuracy, measured against 40-digit references (test {@code TensorReferenceTest}, docs/exact-demag.md): within
 * 1e-11 of the tensor's largest component for aspect ratios up to 10 (≤ 1e-13 within 32 sizes, ≤ 5e-12 beyond),
 * within 5e-11 up to aspect ratio 100 (the closed form for flat prisms between 0.5 and 4 sizes).
 *
 * <h2>Special points</h2>
 * <ul>
 *   <li>In the plane of a face but outside the face, and on the extensions of edges: the field is continuous and the
 *   value is exact (the atan terms with X = 0 are set to 0, where their contributions cancel).</li>
 *   <li>On a face: the normal component of H jumps by M·n there; the value returned is the mean of the limits from
 *   both sides.</li>
 *   <li>On an edge or a corner the field diverges logarithmically: some components are infinite or NaN. Use
 *   {@link #isOnEdge} to detect such points before evaluating.</li>
 * </ul>
 * The tensor depends only on ratios of lengths; inputs are scaled by the largest side first, so any length unit works.
 */
public final class PrismTensor {
    /** Index of N_xx in a tensor array. */
    public static final int XX = 0;
    /** Index of N_yy in a tensor array. */
    public static final int YY = 1;
    /** Index of N_zz in a tensor array. */
    public static final int ZZ = 2;
    /** Index of N_xy in a tensor array. */
    public static final int XY = 3;
    /** Index of N_xz in a tensor array. */
    public static final int XZ = 4;
    /** Index of N_yz in a tensor array. */
    public static final int YZ = 5;

    /** Distance from the centre, in units of the largest side, beyond which the far-field cubature is used. */
    public static final double CLOSED_FORM_LIMIT = 4;

    private static final double INV_4PI = 1 / (4 * Math.PI);
    /** Cubature nodes (on [-1, 1]) and weights (normalised to sum 1) for 1 to 4 points per axis. */
    private static final double[][] NODES = new double[9][];
    private static final double[][] WEIGHTS = new double[9][];

    static {
        for (int n = 1; n <= 8; n++) {
            GaussLegendre g = new GaussLegendre(n);
            NODES[n] = g.nodes();
            WEIGHTS[n] = g.weights();
            for (int i = 0; i < n; i++) {
                WEIGHTS[n][i] *= 0.5;
            }
        }
    }

    private PrismTensor() {
    }

    /**
     * Evaluates the tensor of a prism centred at the origin at the point (x, y, z).
     *
     * @param x point x relative to the prism centre (any length unit)
     * @param y point y relative to the prism centre
     * @param z point z relative to the prism centre
     * @param sx prism side along x (same unit), &gt; 0
     * @param sy prism side along y, &gt; 0
     * @param sz prism side along z, &gt; 0
     * @param out receives N_xx, N_yy, N_zz, N_xy, N_xz, N_yz at {@code out[offset..offset+5]}
     * @param offset first index written
     */
    public static void evaluate(double x, double y, double z, double sx, double sy, double sz,
                                double[] out, int offset) {
        double l = Math.max(sx, Math.max(sy, sz));
        double inv = 1 / l;
        x *= inv;
        y *= inv;
        z *= inv;
        double a = 0.5 * sx * inv, b = 0.5 * sy * inv, c = 0.5 * sz * inv;
        double r = Math.sqrt(x * x + y * y + z * z);
        if (r < CLOSED_FORM_LIMIT) {
            closedForm(x, y, z, a, b, c, out, offset);
        } else {
            int n = r < 6 ? 8 : r < 8 ? 6 : r < 16 ? 5 : r < 32 ? 4 : r < 512 ? 3 : r < 6e5 ? 2 : 1;
            if (z == 0) {
                midPlane(x, y, a, b, c, NODES[n], WEIGHTS[n], out, offset);
            } else {
                DipoleCubature.evaluate(x, y, z, a, b, c, NODES[n], WEIGHTS[n], 8 * a * b * c, out, offset);
            }
        }
    }

    /**
     * The far-field cubature at a point in the prism's mid-plane (z = 0: every in-plane neighbour in a film): the
     * Gauss–Legendre product over x and y, with the dipole kernel integrated over the thickness in closed form along
     * each (x, y) node's line, ∫ dz/d³ = 2c/(ρ² s) and ∫ dz/d⁵ = 2c(2c² + 3ρ²)/(3ρ⁴ s³) over [−c, c] with
     * ρ² = X² + Y², s = √(ρ² + c²): exact in z, so at least as accurate as the 3-D product rule, with n² instead of n³
     * kernel evaluations; N_xz = N_yz = 0 exactly. Lengths scaled as in {@link #closedForm}.
     */
    static void midPlane(double x, double y, double a, double b, double c, double[] g, double[] w, double[] out,
                         int offset) {
        int n = g.length;
        double sxx = 0, syy = 0, szz = 0, sxy = 0;
        double c2 = c * c;
        for (int i = 0; i < n; i++) {
            double dx = x - a * g[i];
            for (int j = 0; j < n; j++) {
                double dy = y - b * g[j];
                double rho2 = dx * dx + dy * dy, s2 = rho2 + c2, s = Math.sqrt(s2);
                // averages over the thickness: (1/2c) ∫ dz/d³ and (1/2c) ∫ dz/d⁵
                double i1 = 1 / (rho2 * s), i2 = (2 * c2 + 3 * rho2) / (3 * rho2 * rho2 * s2 * s);
                double wij = w[i] * w[j];
                sxx += wij * (i1 - 3 * dx * dx * i2);
                syy += wij * (i1 - 3 * dy * dy * i2);
                szz += wij * (3 * rho2 * i2 - 2 * i1);
                sxy -= wij * 3 * dx * dy * i2;
            }
        }
        // N = V/(4π) times the kernel averaged over the volume, V = 8abc
        double f = 8 * a * b * c * INV_4PI;
        out[offset + XX] = f * sxx;
        out[offset + YY] = f * syy;
        out[offset + ZZ] = f * szz;
        out[offset + XY] = f * sxy;
        out[offset + XZ] = 0;
        out[offset + YZ] = 0;
    }

    /**
     * The closed form, valid everywhere but losing accuracy as (r/size)³ far away. Lengths scaled so the largest
     * side is 1; (a, b, c) are the half sides. Package-private for tests.
     */
    static void closedForm(double x, double y, double z, double a, double b, double c, double[] out, int offset) {
        double xp = x - a, xm = x + a, yp = y - b, ym = y + b, zp = z - c, zm = z + c;
        double xp2 = xp * xp, xm2 = xm * xm, yp2 = yp * yp, ym2 = ym * ym, zp2 = zp * zp, zm2 = zm * zm;
        // Corner distances, named by the signs (sx, sy, sz) of the corner (sx a, sy b, sz c).
        double rppp = Math.sqrt(xp2 + yp2 + zp2);
        double rppm = Math.sqrt(xp2 + yp2 + zm2);
        double rpmp = Math.sqrt(xp2 + ym2 + zp2);
        double rpmm = Math.sqrt(xp2 + ym2 + zm2);
        double rmpp = Math.sqrt(xm2 + yp2 + zp2);
        double rmpm = Math.sqrt(xm2 + yp2 + zm2);
        double rmmp = Math.sqrt(xm2 + ym2 + zp2);
        double rmmm = Math.sqrt(xm2 + ym2 + zm2);

        // Diagonal: sum over corners of s * atan(...), s = sx sy sz.
        double nxx = at(yp * zp, xp * rppp) - at(yp * zm, xp * rppm) - at(ym * zp, xp * rpmp) + at(ym * zm, xp * rpmm)
                - at(yp * zp, xm * rmpp) + at(yp * zm, xm * rmpm) + at(ym * zp, xm * rmmp) - at(ym * zm, xm * rmmm);
        double nyy = at(xp * zp, yp * rppp) - at(xp * zm, yp * rppm) - at(xp * zp, ym * rpmp) + at(xp * zm, ym * rpmm)
                - at(xm * zp, yp * rmpp) + at(xm * zm, yp * rmpm) + at(xm * zp, ym * rmmp) - at(xm * zm, ym * rmmm);
        double nzz = at(xp * yp, zp * rppp) - at(xp * yp, zm * rppm) - at(xp * ym, zp * rpmp) + at(xp * ym, zm * rpmm)
                - at(xm * yp, zp * rmpp) + at(xm * yp, zm * rmpm) + at(xm * ym, zp * rmmp) - at(xm * ym, zm * rmmm);

        // Off-diagonal: ln terms paired along the third axis; pair sign is the product of the two other signs.
        double nxy = logDiff(z, c, rppp, rppm, xp2 + yp2) - logDiff(z, c, rpmp, rpmm, xp2 + ym2)
                - logDiff(z, c, rmpp, rmpm, xm2 + yp2) + logDiff(z, c, rmmp, rmmm, xm2 + ym2);
        double nxz = logDiff(y, b, rppp, rpmp, xp2 + zp2) - logDiff(y, b, rppm, rpmm, xp2 + zm2)
                - logDiff(y, b, rmpp, rmmp, xm2 + zp2) + logDiff(y, b, rmpm, rmmm, xm2 + zm2);
        double nyz = logDiff(x, a, rppp, rmpp, yp2 + zp2) - logDiff(x, a, rppm, rmpm, yp2 + zm2)
                - logDiff(x, a, rpmp, rmmp, ym2 + zp2) + logDiff(x, a, rpmm, rmmm, ym2 + zm2);

        out[offset + XX] = -INV_4PI * nxx;
        out[offset + YY] = -INV_4PI * nyy;
        out[offset + ZZ] = -INV_4PI * nzz;
        out[offset + XY] = INV_4PI * nxy;
        out[offset + XZ] = INV_4PI * nxz;
        out[offset + YZ] = INV_4PI * nyz;
    }

    /** atan(p/q), with 0 where q = 0 (a point in a face plane: the paired terms cancel there). */
    private static double at(double p, double q) {
        return q == 0 ? 0 : Math.atan(p / q);
    }

    /**
     * ln(w₁ + r₁) − ln(w₂ + r₂) with w₁ = w − h, w₂ = w + h, r₁² = ρ² + w₁², r₂² = ρ² + w₂², written without
     * cancellation. −∞ when the point lies on the edge (ρ = 0, |w| ≤ h).
     */
    private static double logDiff(double w, double h, double r1, double r2, double rho2) {
        double w1 = w - h, w2 = w + h;
        if (w1 >= 0) {
            // (w1 + r1)/(w2 + r2) - 1, using r1 - r2 = (w1 - w2)(w1 + w2)/(r1 + r2).
            return Math.log1p(-2 * h * (1 + 2 * w / (r1 + r2)) / (w2 + r2));
        } else if (w2 <= 0) {
            // ln((r2 - w2)/(r1 - w1)), since w + r = rho^2/(r - w) for w < 0.
            return Math.log1p(-2 * h * (1 - 2 * w / (r1 + r2)) / (r1 - w1));
        } else {
            return Math.log(rho2 / ((r1 - w1) * (w2 + r2)));
        }
    }

    /**
     * Tells whether a point lies on an edge or a corner of a prism, where the field is singular. A coordinate counts
     * as lying in a face plane when it is within a few units in the last place of it (the rounding of a centre ± half
     * side computed in double).
     *
     * @param px point x (m)
     * @param py point y (m)
     * @param pz point z (m)
     * @param cx prism centre x (m)
     * @param cy prism centre y (m)
     * @param cz prism centre z (m)
     * @param sx prism side x (m)
     * @param sy prism side y (m)
     * @param sz prism side z (m)
     * @return true if at least two coordinates lie in face planes and the third within the prism's extent
     */
    public static boolean isOnEdge(double px, double py, double pz, double cx, double cy, double cz,
                                   double sx, double sy, double sz) {
        int onPlane = 0;
        int state;
        state = axisState(px, cx, sx);
        if (state < 0) {
            return false;
        }
        onPlane += state;
        state = axisState(py, cy, sy);
        if (state < 0) {
            return false;
        }
        onPlane += state;
        state = axisState(pz, cz, sz);
        if (state < 0) {
            return false;
        }
        onPlane += state;
        return onPlane >= 2;
    }

    /** 1: on a face plane; 0: strictly between the planes; −1: outside the slab. */
    private static int axisState(double p, double c, double s) {
        double lo = c - 0.5 * s, hi = c + 0.5 * s;
        double tol = 8 * Math.ulp(Math.max(Math.abs(p), Math.max(Math.abs(lo), Math.abs(hi))));
        if (Math.abs(p - lo) <= tol || Math.abs(p - hi) <= tol) {
            return 1;
        }
        return (p > lo && p < hi) ? 0 : -1;
    }
}
