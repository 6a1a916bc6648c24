package org.hypermag.solver.demag;

import org.hypermag.solver.math.GaussLegendre;

/**
 * An independent reference for the field of a uniformly magnetised prism: adaptive Gauss–Legendre quadrature of
 * the surface-charge integral H(r) = (1/4π) Σ_faces σ ∫∫ (r − r')/|r − r'|³ dS', σ = M·n.
 *
 * <p>Shares no code with the closed forms. Each face rectangle is integrated with a 6×6 rule and split into four
 * until the split changes the result by less than the tolerance. Accurate to about 1e-12 relative for points not
 * closer to a face than about 1e-3 of the prism size.
 */
public final class SurfaceChargeQuadrature {
    private static final GaussLegendre RULE = new GaussLegendre(6);
    private final double tolerance;

    /** @param tolerance absolute tolerance per face and component, in units of M (A/m → A/m) */
    public SurfaceChargeQuadrature(double tolerance) {
        this.tolerance = tolerance;
    }

    /**
     * Field (A/m) at a point of a prism magnetised with M (A/m).
     *
     * @param r point {x, y, z} (m)
     * @param c prism centre (m)
     * @param s prism sides (m)
     * @param m magnetisation (A/m)
     * @return H {x, y, z}
     */
    public double[] field(double[] r, double[] c, double[] s, double[] m) {
        double[] h = new double[3];
        for (int axis = 0; axis < 3; axis++) {
            if (m[axis] == 0) {
                continue;
            }
            int u = (axis + 1) % 3, v = (axis + 2) % 3;
            for (int side = -1; side <= 1; side += 2) {
                double sigma = side * m[axis];
                double plane = c[axis] + side * 0.5 * s[axis];
                double[] acc = new double[3];
                integrate(r, axis, plane, u, c[u] - 0.5 * s[u], c[u] + 0.5 * s[u], v, c[v] - 0.5 * s[v],
                        c[v] + 0.5 * s[v], acc, 0, Math.abs(tolerance / sigma));
                for (int k = 0; k < 3; k++) {
                    h[k] += sigma / (4 * Math.PI) * acc[k];
                }
            }
        }
        return h;
    }

    /**
     * The demagnetising tensor N = −dH/dM of a prism at r relative to its centre, from the quadrature.
     *
     * @param x point x relative to the centre
     * @param y point y
     * @param z point z
     * @param sx side x
     * @param sy side y
     * @param sz side z
     * @return N_xx, N_yy, N_zz, N_xy, N_xz, N_yz
     */
    public double[] tensor(double x, double y, double z, double sx, double sy, double sz) {
        double[] r = {x, y, z}, c = {0, 0, 0}, s = {sx, sy, sz};
        double[] hx = field(r, c, s, new double[] {1, 0, 0});
        double[] hy = field(r, c, s, new double[] {0, 1, 0});
        double[] hz = field(r, c, s, new double[] {0, 0, 1});
        return new double[] {-hx[0], -hy[1], -hz[2], -hy[0], -hz[0], -hz[1]};
    }

    private void integrate(double[] r, int axis, double plane, int u, double u0, double u1, int v, double v0,
                           double v1, double[] acc, int depth, double tol) {
        double[] whole = rule(r, axis, plane, u, u0, u1, v, v0, v1);
        double um = 0.5 * (u0 + u1), vm = 0.5 * (v0 + v1);
        double[] q1 = rule(r, axis, plane, u, u0, um, v, v0, vm);
        double[] q2 = rule(r, axis, plane, u, um, u1, v, v0, vm);
        double[] q3 = rule(r, axis, plane, u, u0, um, v, vm, v1);
        double[] q4 = rule(r, axis, plane, u, um, u1, v, vm, v1);
        double err = 0, size = 0;
        for (int k = 0; k < 3; k++) {
            err = Math.max(err, Math.abs(q1[k] + q2[k] + q3[k] + q4[k] - whole[k]));
            size = Math.max(size, Math.abs(whole[k]));
        }
        // Stop at the tolerance, at the rounding level of this piece, or at a depth limit.
        if (err <= tol || err <= 1e-14 * size || depth >= 16) {
            for (int k = 0; k < 3; k++) {
                acc[k] += q1[k] + q2[k] + q3[k] + q4[k];
            }
            return;
        }
        double t = 0.5 * tol;
        integrate(r, axis, plane, u, u0, um, v, v0, vm, acc, depth + 1, t);
        integrate(r, axis, plane, u, um, u1, v, v0, vm, acc, depth + 1, t);
        integrate(r, axis, plane, u, u0, um, v, vm, v1, acc, depth + 1, t);
        integrate(r, axis, plane, u, um, u1, v, vm, v1, acc, depth + 1, t);
    }

    private static double[] rule(double[] r, int axis, double plane, int u, double u0, double u1, int v, double v0,
                                 double v1) {
        double[] out = new double[3];
        double hu = 0.5 * (u1 - u0), hv = 0.5 * (v1 - v0);
        double[] d = new double[3];
        for (int i = 0; i < RULE.size(); i++) {
            double pu = u0 + hu * (RULE.node(i) + 1);
            for (int j = 0; j < RULE.size(); j++) {
                double pv = v0 + hv * (RULE.node(j) + 1);
                d[axis] = r[axis] - plane;
                d[u] = r[u] - pu;
                d[v] = r[v] - pv;
                double d2 = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
                double w = RULE.weight(i) * RULE.weight(j) * hu * hv / (d2 * Math.sqrt(d2));
                out[0] += w * d[0];
                out[1] += w * d[1];
                out[2] += w * d[2];
            }
        }
        return out;
    }
}
