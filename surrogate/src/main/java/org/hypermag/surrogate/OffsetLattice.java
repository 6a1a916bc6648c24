package org.hypermag.surrogate;

import java.util.Locale;

/**
 * The far-zone fit offsets of a far-field model: a tensor-product lattice {xs} × {ys} in the first quadrant, point
 * (i, j) standing for its wx[i]·wy[j] mirror images (±x, ±y), the points within the near radius left out. The exact
 * kernel's parities make the mirror images equivalent, so both solvers fit the quadrant with these weights: the dense
 * one ({@link FarFieldKernel#fitFolded}) on the far points listed by {@link #farPoints}, the iterative one
 * ({@link LatticeFit}) on the lattice itself.
 *
 * <p>Immutable.
 */
final class OffsetLattice {
    final double[] xs, ys, wx, wy;
    final double radius;

    private OffsetLattice(double[] xs, double[] ys, double radius) {
        this.xs = xs;
        this.ys = ys;
        this.radius = radius;
        wx = weights(xs.length);
        wy = weights(ys.length);
    }

    private static double[] weights(int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = i > 0 ? 2 : 1;
        }
        return w;
    }

    /**
     * The offsets between the cells of a grid: i·dx, j·dy.
     *
     * @param nx cells along x
     * @param ny cells along y
     * @param dx cell size x (m)
     * @param dy cell size y (m)
     * @param radius near radius (m)
     * @return the lattice
     */
    static OffsetLattice ofGrid(int nx, int ny, double dx, double dy, double radius) {
        double[] xs = new double[nx], ys = new double[ny];
        for (int i = 0; i < nx; i++) {
            xs[i] = i * dx;
        }
        for (int j = 0; j < ny; j++) {
            ys[j] = j * dy;
        }
        return new OffsetLattice(xs, ys, radius);
    }

    /**
     * Continuous offsets up to the spans, sampled with spacing h (the last point of each axis at the span).
     *
     * @param spanX largest |offset| along x (m)
     * @param spanY largest |offset| along y (m)
     * @param h spacing (m)
     * @param radius near radius (m)
     * @return the lattice
     */
    static OffsetLattice ofSpans(double spanX, double spanY, double h, double radius) {
        return new OffsetLattice(axis(spanX, h), axis(spanY, h), radius);
    }

    private static double[] axis(double span, double h) {
        int n = (int) Math.ceil(span / h);
        double[] v = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            v[i] = Math.min(i * h, span);
        }
        return v;
    }

    /** @return whether lattice point (i, j) lies beyond the near radius */
    boolean far(int i, int j) {
        return xs[i] * xs[i] + ys[j] * ys[j] > radius * radius;
    }

    /**
     * @throws IllegalArgumentException if no lattice point lies beyond the near radius: the geometry fits inside it
     */
    void requireFarZone() {
        for (int i = 0; i < xs.length; i++) {
            for (int j = 0; j < ys.length; j++) {
                if (far(i, j)) {
                    return;
                }
            }
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT, "the geometry fits inside the near radius "
                + "R = %.4g m: there is no far zone for the surrogate to represent; use the exact method or a "
                + "smaller near radius", radius));
    }

    /**
     * The points beyond the near radius, x-major (the order {@link FarFieldKernel#fold} sorts offsets into), with
     * their weights.
     *
     * @return {x[], y[], weight[]}
     */
    double[][] farPoints() {
        int count = 0;
        for (int i = 0; i < xs.length; i++) {
            for (int j = 0; j < ys.length; j++) {
                count += far(i, j) ? 1 : 0;
            }
        }
        double[] x = new double[count], y = new double[count], w = new double[count];
        int k = 0;
        for (int i = 0; i < xs.length; i++) {
            for (int j = 0; j < ys.length; j++) {
                if (far(i, j)) {
                    x[k] = xs[i];
                    y[k] = ys[j];
                    w[k++] = wx[i] * wy[j];
                }
            }
        }
        return new double[][] {x, y, w};
    }
}
