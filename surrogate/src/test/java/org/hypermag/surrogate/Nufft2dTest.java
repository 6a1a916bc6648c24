package org.hypermag.surrogate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.hypermag.solver.parallel.WorkerPool;
import org.junit.jupiter.api.Test;

class Nufft2dTest {
    private static final WorkerPool POOL = WorkerPool.shared();

    /** Random angles over several periods (negative too, so wrapping is exercised) and strengths. */
    private static double[][] randomPoints(int n, long seed) {
        Random rnd = new Random(seed);
        double[] x = new double[n], y = new double[n], c = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (rnd.nextDouble() - 0.5) * 6 * Math.PI;
            y[i] = (rnd.nextDouble() - 0.5) * 6 * Math.PI;
            c[i] = rnd.nextGaussian();
        }
        return new double[][] {x, y, c};
    }

    /** Largest error of type 1 against the direct sum, relative to Σ|c|. */
    private static double type1Error(int kx, int ky, int n, double tol, long seed) {
        return type1Error(kx, ky, n, tol, seed, 0);
    }

    /**
     * Half-widths of boxes: 0 (points), tiny (the small-box rule), and up to largest rad; null when largest is 0.
     */
    private static double[] halves(int n, double largest, long seed) {
        if (largest == 0) {
            return null;
        }
        Random rnd = new Random(seed);
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = i % 7 == 0 ? 0 : i % 7 == 1 ? 1e-6 * largest : largest * rnd.nextDouble();
        }
        return a;
    }

    /** sinc(p a) = sin(p a) / (p a). */
    private static double sinc(double pa) {
        return pa == 0 ? 1 : Math.sin(pa) / pa;
    }

    /** The same with boxes of half-widths up to box rad (0: points): the direct sum has each box's sinc factors. */
    private static double type1Error(int kx, int ky, int n, double tol, long seed, double box) {
        double[][] pts = randomPoints(n, seed);
        double[] ax = halves(n, box, seed + 7), ay = halves(n, 0.7 * box, seed + 8);
        Nufft2d f = new Nufft2d(kx, ky, tol, POOL);
        double[] s = new double[2 * f.mx * f.my];
        f.forward(f.boxPoints(pts[0], pts[1], ax, ay), pts[2], s);
        double norm = 0, worst = 0;
        for (double v : pts[2]) {
            norm += Math.abs(v);
        }
        for (int q = -ky; q <= ky; q++) {
            for (int p = -kx; p <= kx; p++) {
                double re = 0, im = 0;
                for (int j = 0; j < n; j++) {
                    double a = -(p * pts[0][j] + q * pts[1][j]);
                    double g = ax == null ? 1 : sinc(p * ax[j]) * sinc(q * ay[j]);
                    re += g * pts[2][j] * Math.cos(a);
                    im += g * pts[2][j] * Math.sin(a);
                }
                int at = 2 * ((q + ky) * f.mx + p + kx);
                worst = Math.max(worst, Math.hypot(s[at] - re, s[at + 1] - im));
            }
        }
        return worst / norm;
    }

    /** Largest error of type 2 against the direct sum, relative to Σ|F|. */
    private static double type2Error(int kx, int ky, int n, double tol, long seed) {
        return type2Error(kx, ky, n, tol, seed, 0);
    }

    /** The same with boxes (0: points): the direct sum is averaged over each box (the modes' sinc factors). */
    private static double type2Error(int kx, int ky, int n, double tol, long seed, double box) {
        double[][] pts = randomPoints(n, seed);
        double[] ax = halves(n, box, seed + 7), ay = halves(n, 1.3 * box, seed + 8);
        Nufft2d f = new Nufft2d(kx, ky, tol, POOL);
        Random rnd = new Random(seed + 1);
        double[] modes = new double[2 * f.mx * f.my];
        double norm = 0;
        for (int k = 0; k < modes.length; k += 2) {
            modes[k] = rnd.nextGaussian();
            modes[k + 1] = rnd.nextGaussian();
            norm += Math.hypot(modes[k], modes[k + 1]);
        }
        double[] out = new double[n];
        java.util.Arrays.fill(out, 1.0);
        f.backward(modes, f.boxPoints(pts[0], pts[1], ax, ay), 2.0, out);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double re = 0;
            for (int q = -ky; q <= ky; q++) {
                for (int p = -kx; p <= kx; p++) {
                    int at = 2 * ((q + ky) * f.mx + p + kx);
                    double a = p * pts[0][i] + q * pts[1][i];
                    double g = ax == null ? 1 : sinc(p * ax[i]) * sinc(q * ay[i]);
                    re += g * (modes[at] * Math.cos(a) - modes[at + 1] * Math.sin(a));
                }
            }
            worst = Math.max(worst, Math.abs(out[i] - (1.0 + 2.0 * re)));
        }
        return worst / (2 * norm);
    }

    @Test
    void type1MatchesTheDirectSumWithinTheTolerance() {
        for (double tol : new double[] {1e-4, 1e-8, 1e-11}) {
            double e = type1Error(13, 6, 301, tol, 1);
            assertTrue(e <= tol, "tolerance " + tol + ": error " + e);
        }
    }

    @Test
    void type2MatchesTheDirectSumWithinTheTolerance() {
        for (double tol : new double[] {1e-4, 1e-8, 1e-11}) {
            double e = type2Error(7, 11, 257, tol, 2);
            assertTrue(e <= tol, "tolerance " + tol + ": error " + e);
        }
    }

    @Test
    void boxesSpreadTheSpectrumOfAUniformRectangle() {
        // half-widths up to 0.4 rad: p a reaches 5.2 at p = 13, past sinc's first zero
        for (double tol : new double[] {1e-4, 1e-8, 1e-11}) {
            double e = type1Error(13, 6, 301, tol, 11, 0.4);
            assertTrue(e <= tol, "tolerance " + tol + ": error " + e);
        }
    }

    @Test
    void boxesInterpolateTheAverageOverTheRectangle() {
        for (double tol : new double[] {1e-4, 1e-8, 1e-11}) {
            double e = type2Error(7, 11, 257, tol, 12, 0.25);
            assertTrue(e <= tol, "tolerance " + tol + ": error " + e);
        }
    }

    @Test
    void boxAverageOfTheKernelMatchesQuadrature() {
        SpreadingKernel k = new SpreadingKernel(2.30 * 10);
        double[][] gl = SpreadingKernel.gaussLegendre(64);
        Random rnd = new Random(5);
        double worst = 0;
        for (int t = 0; t < 500; t++) {
            double z = 2.4 * rnd.nextDouble() - 1.2, b = t % 5 == 0 ? 0.01 * rnd.nextDouble() : rnd.nextDouble();
            // the average by composite Gauss-Legendre on 16 pieces of [z - b, z + b] (the kernel is smooth enough)
            double s = 0;
            for (int piece = 0; piece < 16; piece++) {
                double lo = z - b + 2 * b * piece / 16, half = b / 16;
                for (int q = 0; q < 64; q++) {
                    s += gl[1][q] * half * k.value(lo + half * (1 + gl[0][q]));
                }
            }
            worst = Math.max(worst, Math.abs(k.box(z, b) - s / (2 * b)));
        }
        // 1.5e-11 measured: the kernel's slope is infinite at |z| = 1 (where it is e^-beta), which limits both the
        // reference quadrature and the table there; the transforms' tolerance is 1e-8
        assertTrue(worst < 1e-10, "largest difference " + worst);
        assertEquals(k.value(0.3), k.box(0.3, 0), 0);
    }

    @Test
    void boxesWiderThanThePeriodAreRefused() {
        Nufft2d f = new Nufft2d(3, 3, 1e-6, POOL);
        assertThrows(IllegalArgumentException.class, () -> f.boxPoints(new double[] {0}, new double[] {0},
                new double[] {3.5}, new double[] {0}));
        assertThrows(IllegalArgumentException.class, () -> f.boxPoints(new double[] {0}, new double[] {0},
                new double[] {-0.1}, new double[] {0}));
    }

    @Test
    void singleModesAndSinglePointsWork() {
        double[] e = {type1Error(0, 0, 1, 1e-9, 3), type2Error(0, 4, 1, 1e-9, 4), type1Error(5, 0, 2, 1e-9, 5)};
        for (double v : e) {
            assertTrue(v <= 1e-9, java.util.Arrays.toString(e));
        }
    }

    @Test
    void gaussLegendreIntegratesPolynomialsExactly() {
        double[][] gl = SpreadingKernel.gaussLegendre(7);
        for (int k = 0; k <= 13; k++) {
            double s = 0;
            for (int i = 0; i < 7; i++) {
                s += gl[1][i] * Math.pow(gl[0][i], k);
            }
            assertEquals(k % 2 == 1 ? 0 : 2.0 / (k + 1), s, 1e-14, "x^" + k);
        }
    }

    @Test
    void gridSizesHaveOnlyFactorsTwoThreeFive() {
        assertEquals(1, Nufft2d.smooth(1));
        assertEquals(15, Nufft2d.smooth(14));
        assertEquals(8, Nufft2d.smooth(7));
        assertEquals(54, Nufft2d.smooth(53));
        assertEquals(128, Nufft2d.smooth(127));
    }

    @Test
    void toleranceOutsideTheSupportedRangeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Nufft2d(3, 3, 1e-1, POOL));
        assertThrows(IllegalArgumentException.class, () -> new Nufft2d(3, 3, 1e-16, POOL));
        assertThrows(IllegalArgumentException.class, () -> new Nufft2d(-1, 3, 1e-6, POOL));
    }
}
