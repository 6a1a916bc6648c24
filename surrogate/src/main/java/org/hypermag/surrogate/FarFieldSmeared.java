package org.hypermag.surrogate;

import org.hypermag.solver.math.GaussLegendre;
import org.hypermag.solver.parallel.Cancellation;
import org.hypermag.solver.parallel.WorkerPool;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The fit-free far-field kernel of a one-layer film (issue 17): the point dipole smeared by a compact radial window
 * ({@link SmearingWindow}), averaged over the film's thickness, sampled on a lattice over one quadrant of the period
 * and turned into cosine (xx, yy, zz) and sine (xy) series by one DCT-I and one DST-I per axis. No least squares.
 *
 * <p>Why it is exact in the far zone: the smeared dipole equals the dipole wherever the window's ball misses the
 * source, so a prism's smeared kernel equals its exact kernel at every in-plane offset of at least ρ + its half
 * diagonal (plus the target's half diagonal where the exact path averages over the target cell): ρ is chosen so
 * that this holds for every pair beyond the near radius R. The smeared kernel is almost band-limited (its spectrum
 * is the exact one times Ŵ(|k|), falling like e^{−β} beyond β/ρ ≈ 0.95 k_max), so its truncated series is accurate
 * there; the near zone is exact minus the series, as for the fitted model.
 *
 * <p>Sizes: a prism's kernel is the thickness-averaged line kernel convolved with its in-plane rectangle, so its
 * coefficients are the line kernel's times sinc(w_m s_x / 2) sinc(w_n s_y / 2) (per unit volume): an exact map from
 * size to coefficients. On a grid the exact path also averages over the target cell (the Newell tensor): the factor
 * is squared and the thickness average becomes the triangular weight of two averages.
 *
 * <p>Immutable after construction.
 */
final class FarFieldSmeared {
    /** Lattice points per harmonic along each axis (issue 17: about 1.5 suffices). */
    static final double OVERSAMPLING = 1.5;

    final HarmonicAxis ax, ay;
    final SmearingWindow window;
    /** Whether the exact path averages over the target cell (grids). */
    final boolean cellAveraged;
    /** The line kernel's coefficients per unit volume: a^xx, a^yy, a^xy, a^zz (and a^xz, a^yz off the plane). */
    private final double[] xx, yy, xy, zz, xz, yz;

    /**
     * Samples and transforms the smeared dipole between two layers: from a source layer of thickness t_s to targets
     * whose mid-plane lies dz above the source's, at the target's mid-plane point (t_t = 0, point coupling) or
     * averaged over the target's thickness t_t (cell-averaged coupling). Off the source's plane (dz ≠ 0) the xz and
     * yz series are made too.
     *
     * @param ax x harmonics
     * @param ay y harmonics
     * @param window the smearing window
     * @param dz target mid-plane minus source mid-plane (m)
     * @param sourceThickness t_s (m), > 0
     * @param targetThickness t_t (m): 0 for the point coupling, > 0 for the cell-averaged one
     * @param pool threads for the sampling
     */
    FarFieldSmeared(HarmonicAxis ax, HarmonicAxis ay, SmearingWindow window, double dz, double sourceThickness,
                    double targetThickness, WorkerPool pool) {
        this.ax = ax;
        this.ay = ay;
        this.window = window;
        this.cellAveraged = targetThickness > 0;
        boolean off = dz != 0;
        int mx = samples(ax), my = samples(ay);
        double hx = ax.period / (2.0 * mx), hy = ay.period / (2.0 * my);
        double[][] zw = thicknessRule(dz, sourceThickness, targetThickness, window.beta / window.rho);
        double[] z = zw[0], wz = zw[1];
        int rows = mx + 1, cols = my + 1;
        double[][] f = new double[off ? 6 : 4][rows * cols];
        pool.forRange(rows, 1, (from, to) -> {
            double[] t = new double[6];
            for (int i = from; i < to; i++) {
                Cancellation.check();
                double x = i * hx;
                for (int j = 0; j < cols; j++) {
                    double y = j * hy, sxx = 0, syy = 0, sxy = 0, szz = 0, sxz = 0, syz = 0;
                    for (int q = 0; q < z.length; q++) {
                        window.dipole(x, y, z[q], t);
                        sxx += wz[q] * t[0];
                        syy += wz[q] * t[1];
                        szz += wz[q] * t[2];
                        sxy += wz[q] * t[3];
                        sxz += wz[q] * t[4];
                        syz += wz[q] * t[5];
                    }
                    int at = i * cols + j;
                    f[0][at] = sxx;
                    f[1][at] = syy;
                    f[2][at] = sxy;
                    f[3][at] = szz;
                    if (off) {
                        f[4][at] = sxz;
                        f[5][at] = syz;
                    }
                }
            }
        });
        int kx = ax.modes, ky = ay.modes, size = (kx + 1) * (ky + 1);
        xx = new double[size];
        yy = new double[size];
        xy = new double[size];
        zz = new double[size];
        series(f[0], rows, cols, xx, kx, ky, false, false);
        series(f[1], rows, cols, yy, kx, ky, false, false);
        series(f[3], rows, cols, zz, kx, ky, false, false);
        series(f[2], rows, cols, xy, kx, ky, true, true);
        if (off) {
            xz = new double[size];
            yz = new double[size];
            series(f[4], rows, cols, xz, kx, ky, true, false);
            series(f[5], rows, cols, yz, kx, ky, false, true);
        } else {
            xz = null;
            yz = null;
        }
    }

    /** Lattice intervals over half a period: at least OVERSAMPLING per harmonic, and more than K. */
    static int samples(HarmonicAxis a) {
        return Math.max(a.modes + 2, (int) Math.ceil(OVERSAMPLING * Math.max(1, a.modes)));
    }

    /**
     * Nodes and weights (summing to 1) of the vertical offsets u = dz + z_t − z_s over the source's thickness (and
     * the target's for the cell-averaged coupling): z_s uniform on [−t_s/2, t_s/2] for a point target; for equal
     * thicknesses the triangular weight (t − |v|)/t² of v = z_t − z_s on [−t, t], split at 0; else the product of
     * both uniform rules. Each segment by Gauss–Legendre with enough nodes for the window's band (k t).
     */
    static double[][] thicknessRule(double dz, double ts, double tt, double kBand) {
        int n = 6 + (int) Math.ceil(0.6 * kBand * Math.max(ts, tt));
        GaussLegendre g = new GaussLegendre(n);
        if (tt == 0) {
            double[] z = new double[n], w = new double[n];
            for (int q = 0; q < n; q++) {
                z[q] = dz - 0.5 * ts * g.node(q);
                w[q] = 0.5 * g.weight(q);
            }
            return new double[][] {z, w};
        }
        if (tt == ts) {
            double t = ts;
            double[] z = new double[2 * n], w = new double[2 * n];
            for (int q = 0; q < n; q++) {
                double u = 0.5 * t * (g.node(q) + 1), wu = 0.5 * t * g.weight(q) * (t - u) / (t * t);
                z[q] = dz + u;
                w[q] = wu;
                z[n + q] = dz - u;
                w[n + q] = wu;
            }
            return new double[][] {z, w};
        }
        double[] z = new double[n * n], w = new double[n * n];
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < n; q++) {
                z[p * n + q] = dz + 0.5 * tt * g.node(p) - 0.5 * ts * g.node(q);
                w[p * n + q] = 0.25 * g.weight(p) * g.weight(q);
            }
        }
        return new double[][] {z, w};
    }

    /**
     * The series of samples f(i h_x, j h_y) on the quadrant (rows × cols = (M_x + 1)(M_y + 1)) kept to
     * (K_x + 1)(K_y + 1) coefficients: along each axis a DCT-I (cosine: even in that axis) or a DST-I (sine: odd, the
     * samples at both ends are zero and left out).
     */
    private static void series(double[] f, int rows, int cols, double[] out, int kx, int ky, boolean sinX,
                               boolean sinY) {
        int mx = rows - 1, my = cols - 1;
        double[] byRow = new double[(kx + 1) * cols];
        DoubleFFT_1D fftX = new DoubleFFT_1D(2L * mx), fftY = new DoubleFFT_1D(2L * my);
        double[] bx = new double[2 * mx], by = new double[2 * my];
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i <= mx; i++) {
                bx[i] = f[i * cols + j];
            }
            transform(bx, mx, sinX, fftX);
            for (int m = 0; m <= kx; m++) {
                byRow[m * cols + j] = coefficient(bx, m, mx, sinX);
            }
        }
        for (int m = 0; m <= kx; m++) {
            for (int j = 0; j <= my; j++) {
                by[j] = byRow[m * cols + j];
            }
            transform(by, my, sinY, fftY);
            for (int n = 0; n <= ky; n++) {
                out[m * (ky + 1) + n] = coefficient(by, n, my, sinY);
            }
        }
    }

    /** The real FFT of the even (cosine) or odd (sine) extension of b[0..m] to length 2m, in place. */
    private static void transform(double[] b, int m, boolean odd, DoubleFFT_1D fft) {
        if (odd) {
            b[0] = 0;
            b[m] = 0;
            for (int i = 1; i < m; i++) {
                b[2 * m - i] = -b[i];
            }
        } else {
            for (int i = 1; i < m; i++) {
                b[2 * m - i] = b[i];
            }
        }
        fft.realForward(b);
    }

    /**
     * a_k of f_j ≈ Σ a_k cos(π k j / M) (cosine) or Σ a_k sin(π k j / M) (sine) from the real FFT of the extension.
     */
    private static double coefficient(double[] fft, int k, int m, boolean odd) {
        if (odd) {
            return k == 0 || k >= m ? 0 : -fft[2 * k + 1] / m;
        }
        if (k == 0) {
            return fft[0] / (2.0 * m);
        }
        if (k == m) {
            return fft[1] / (2.0 * m);
        }
        return k > m ? 0 : fft[2 * k] / m;
    }

    /**
     * The kernel of a source of in-plane size (s_x, s_y), per unit volume: the line kernel's coefficients times
     * sinc(w_m s_x/2) sinc(w_n s_y/2), squared when the target cell is averaged too ({@link #sized}).
     *
     * @param sx x side (m)
     * @param sy y side (m)
     * @return the kernel
     */
    FarFieldKernel forSize(double sx, double sy) {
        int size = (ax.modes + 1) * (ay.modes + 1);
        double[][] line = xz != null ? new double[][] {xx, yy, xy, zz, xz, yz} : new double[][] {xx, yy, xy, zz};
        double[][] out = new double[line.length][size];
        sized(ax, ay, line, sx, sy, cellAveraged, new double[ay.modes + 1], out);
        return new FarFieldKernel(ax, ay, out[0], out[1], out[2], out[3], line.length > 4 ? out[4] : null,
                line.length > 4 ? out[5] : null);
    }

    /**
     * The exact size map, declared once: a source of in-plane size (s_x, s_y) has the line kernel's coefficients times
     * sinc(w_m s_x/2) sinc(w_n s_y/2) per unit volume (squared when the target cell is averaged too). Allocates
     * nothing.
     *
     * @param ax x harmonics
     * @param ay y harmonics
     * @param line the line kernel's series (xx, yy, xy, zz, and xz, yz between layers), each of the basis size
     * @param sx x side (m)
     * @param sy y side (m)
     * @param squared whether the target is averaged over the same rectangle
     * @param fy work array of at least Ky + 1
     * @param out receives the series, one array per line series
     */
    static void sized(HarmonicAxis ax, HarmonicAxis ay, double[][] line, double sx, double sy, boolean squared,
                      double[] fy, double[][] out) {
        int kx = ax.modes, ky = ay.modes;
        for (int n = 0; n <= ky; n++) {
            fy[n] = sinc(0.5 * ay.w(n) * sy);
            if (squared) {
                fy[n] *= fy[n];
            }
        }
        for (int m = 0, l = 0; m <= kx; m++) {
            double fx = sinc(0.5 * ax.w(m) * sx);
            if (squared) {
                fx *= fx;
            }
            for (int n = 0; n <= ky; n++, l++) {
                double g = fx * fy[n];
                for (int c = 0; c < line.length; c++) {
                    out[c][l] = g * line[c][l];
                }
            }
        }
    }

    /** sin(x)/x. */
    static double sinc(double x) {
        return Math.abs(x) < 1e-4 ? 1 - x * x / 6 : Math.sin(x) / x;
    }
}
