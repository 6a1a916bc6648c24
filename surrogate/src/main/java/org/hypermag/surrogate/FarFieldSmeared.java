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
    /** The line kernel's coefficients per unit volume: a^xx, a^yy, a^xy, a^zz at m (Ky + 1) + n. */
    private final double[] xx, yy, xy, zz;

    /**
     * Samples and transforms the thickness-averaged smeared dipole.
     *
     * @param ax x harmonics (period P_x, K_x)
     * @param ay y harmonics
     * @param window the smearing window
     * @param thickness the film's thickness t (m)
     * @param cellAveraged true for the cell-averaged coupling of a grid (source and target averaged over t), false
     *     for the point coupling at the target's mid-plane (source averaged over t)
     * @param pool threads for the sampling
     */
    FarFieldSmeared(HarmonicAxis ax, HarmonicAxis ay, SmearingWindow window, double thickness, boolean cellAveraged,
                    WorkerPool pool) {
        this.ax = ax;
        this.ay = ay;
        this.window = window;
        this.cellAveraged = cellAveraged;
        int mx = samples(ax), my = samples(ay);
        double hx = ax.period / (2.0 * mx), hy = ay.period / (2.0 * my);
        double[][] zw = thicknessRule(thickness, cellAveraged, window.beta / window.rho);
        double[] z = zw[0], wz = zw[1];
        int rows = mx + 1, cols = my + 1;
        double[][] f = new double[4][rows * cols];
        pool.forRange(rows, 1, (from, to) -> {
            double[] t = new double[6];
            for (int i = from; i < to; i++) {
                Cancellation.check();
                double x = i * hx;
                for (int j = 0; j < cols; j++) {
                    double y = j * hy, sxx = 0, syy = 0, sxy = 0, szz = 0;
                    for (int q = 0; q < z.length; q++) {
                        window.dipole(x, y, z[q], t);
                        sxx += wz[q] * t[0];
                        syy += wz[q] * t[1];
                        szz += wz[q] * t[2];
                        sxy += wz[q] * t[3];
                    }
                    int at = i * cols + j;
                    f[0][at] = sxx;
                    f[1][at] = syy;
                    f[2][at] = sxy;
                    f[3][at] = szz;
                }
            }
        });
        int kx = ax.modes, ky = ay.modes, size = (kx + 1) * (ky + 1);
        xx = new double[size];
        yy = new double[size];
        xy = new double[size];
        zz = new double[size];
        cosine(f[0], rows, cols, xx, kx, ky);
        cosine(f[1], rows, cols, yy, kx, ky);
        cosine(f[3], rows, cols, zz, kx, ky);
        sine(f[2], rows, cols, xy, kx, ky);
    }

    /** Lattice intervals over half a period: at least OVERSAMPLING per harmonic, and more than K. */
    static int samples(HarmonicAxis a) {
        return Math.max(a.modes + 2, (int) Math.ceil(OVERSAMPLING * Math.max(1, a.modes)));
    }

    /**
     * Nodes and weights (summing to 1) of the thickness average: source over [−t/2, t/2] (point coupling), or the
     * offset u = z_target − z_source with the triangular weight (t − |u|)/t² over [−t, t] (cell-averaged), each
     * segment by Gauss–Legendre with enough nodes for the window's band (k_max t).
     */
    static double[][] thicknessRule(double t, boolean cellAveraged, double kBand) {
        int n = 6 + (int) Math.ceil(0.6 * kBand * t);
        GaussLegendre g = new GaussLegendre(n);
        if (!cellAveraged) {
            double[] z = new double[n], w = new double[n];
            for (int q = 0; q < n; q++) {
                z[q] = 0.5 * t * g.node(q);
                w[q] = 0.5 * g.weight(q);
            }
            return new double[][] {z, w};
        }
        double[] z = new double[2 * n], w = new double[2 * n];
        for (int q = 0; q < n; q++) {
            double u = 0.5 * t * (g.node(q) + 1), wu = 0.5 * t * g.weight(q) * (t - u) / (t * t);
            z[q] = u;
            w[q] = wu;
            z[n + q] = -u;
            w[n + q] = wu;
        }
        return new double[][] {z, w};
    }

    /**
     * Cosine series of samples f(i h_x, j h_y) on the quadrant (rows × cols = (M_x + 1)(M_y + 1)), kept to
     * (K_x + 1)(K_y + 1) coefficients: a DCT-I along each axis.
     */
    private static void cosine(double[] f, int rows, int cols, double[] out, int kx, int ky) {
        int mx = rows - 1, my = cols - 1;
        double[] byRow = new double[(kx + 1) * cols];
        DoubleFFT_1D fftX = new DoubleFFT_1D(2L * mx), fftY = new DoubleFFT_1D(2L * my);
        double[] bx = new double[2 * mx], by = new double[2 * my];
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i <= mx; i++) {
                bx[i] = f[i * cols + j];
            }
            for (int i = 1; i < mx; i++) {
                bx[2 * mx - i] = bx[i];
            }
            fftX.realForward(bx);
            for (int m = 0; m <= kx; m++) {
                byRow[m * cols + j] = cosineCoefficient(bx, m, mx);
            }
        }
        for (int m = 0; m <= kx; m++) {
            for (int j = 0; j <= my; j++) {
                by[j] = byRow[m * cols + j];
            }
            for (int j = 1; j < my; j++) {
                by[2 * my - j] = by[j];
            }
            fftY.realForward(by);
            for (int n = 0; n <= ky; n++) {
                out[m * (ky + 1) + n] = cosineCoefficient(by, n, my);
            }
        }
    }

    /** a_m of f_j ≈ Σ a_m cos(π m j / M) from the real FFT of the even extension (length 2M). */
    private static double cosineCoefficient(double[] fft, int m, int mm) {
        if (m == 0) {
            return fft[0] / (2.0 * mm);
        }
        if (m == mm) {
            return fft[1] / (2.0 * mm);
        }
        return fft[2 * m] / mm;
    }

    /** Sine series (both axes) of samples on the quadrant, kept to (K_x + 1)(K_y + 1): a DST-I along each axis. */
    private static void sine(double[] f, int rows, int cols, double[] out, int kx, int ky) {
        int mx = rows - 1, my = cols - 1;
        double[] byRow = new double[(kx + 1) * cols];
        DoubleFFT_1D fftX = new DoubleFFT_1D(2L * mx), fftY = new DoubleFFT_1D(2L * my);
        double[] bx = new double[2 * mx], by = new double[2 * my];
        for (int j = 1; j < my; j++) {
            java.util.Arrays.fill(bx, 0);
            for (int i = 1; i < mx; i++) {
                bx[i] = f[i * cols + j];
                bx[2 * mx - i] = -bx[i];
            }
            fftX.realForward(bx);
            for (int m = 1; m <= kx && m < mx; m++) {
                byRow[m * cols + j] = -bx[2 * m + 1] / mx;
            }
        }
        for (int m = 1; m <= kx; m++) {
            java.util.Arrays.fill(by, 0);
            for (int j = 1; j < my; j++) {
                by[j] = byRow[m * cols + j];
                by[2 * my - j] = -by[j];
            }
            fftY.realForward(by);
            for (int n = 1; n <= ky && n < my; n++) {
                out[m * (ky + 1) + n] = -by[2 * n + 1] / my;
            }
        }
    }

    /**
     * The kernel of a source of in-plane size (s_x, s_y), per unit volume: the line kernel's coefficients times
     * sinc(w_m s_x/2) sinc(w_n s_y/2), squared when the target cell is averaged too.
     *
     * @param sx x side (m)
     * @param sy y side (m)
     * @return the kernel
     */
    FarFieldKernel forSize(double sx, double sy) {
        int kx = ax.modes, ky = ay.modes, size = (kx + 1) * (ky + 1);
        double[] fx = new double[kx + 1], fy = new double[ky + 1];
        for (int m = 0; m <= kx; m++) {
            fx[m] = sinc(0.5 * ax.w(m) * sx);
            if (cellAveraged) {
                fx[m] *= fx[m];
            }
        }
        for (int n = 0; n <= ky; n++) {
            fy[n] = sinc(0.5 * ay.w(n) * sy);
            if (cellAveraged) {
                fy[n] *= fy[n];
            }
        }
        double[] a = new double[size], b = new double[size], c = new double[size], d = new double[size];
        for (int m = 0, l = 0; m <= kx; m++) {
            for (int n = 0; n <= ky; n++, l++) {
                double g = fx[m] * fy[n];
                a[l] = g * xx[l];
                b[l] = g * yy[l];
                c[l] = g * xy[l];
                d[l] = g * zz[l];
            }
        }
        return new FarFieldKernel(ax, ay, a, b, c, d);
    }

    /** sin(x)/x. */
    static double sinc(double x) {
        return Math.abs(x) < 1e-4 ? 1 - x * x / 6 : Math.sin(x) / x;
    }
}
