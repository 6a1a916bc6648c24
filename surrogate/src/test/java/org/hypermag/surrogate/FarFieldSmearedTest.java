package org.hypermag.surrogate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.hypermag.solver.demag.NewellTensor;
import org.hypermag.solver.demag.PrismTensor;
import org.hypermag.solver.parallel.WorkerPool;
import org.junit.jupiter.api.Test;

/**
 * The fit-free far-field kernel (issue 17): the cosine and sine series of the smeared, thickness-averaged dipole,
 * times a prism's sinc factors, against the exact prism tensor (point coupling) and the Newell tensor (cell-averaged)
 * at offsets beyond the near radius; its error falls with k_max R as the window's spectrum does.
 */
class FarFieldSmearedTest {
    private static final WorkerPool POOL = WorkerPool.shared();
    /** A film 10 nm thick, near radius 100 nm, offsets up to 600 nm. */
    private static final double T = 10e-9, R = 100e-9, SPAN = 600e-9;

    /** The largest far-zone error of the kernel of one size, relative to the exact kernel's largest value at R. */
    private static double farZoneError(double kR, double sx, double sy, boolean cellAveraged) {
        double kmax = kR / R, period = 2 * SPAN + 4 * R;
        HarmonicAxis a = new HarmonicAxis(period, (int) Math.ceil(kmax * period / (2 * Math.PI)));
        double reach = cellAveraged ? Math.hypot(sx, sy) : 0.5 * Math.hypot(sx, sy);
        FarFieldSmeared sm = new FarFieldSmeared(a, a, SmearingWindow.forBasis(R - reach, kmax), 0, T,
                cellAveraged ? T : 0, POOL);
        FarFieldKernel k = sm.forSize(sx, sy);
        double v = sx * sy * T;
        double[] exact = new double[6], model = new double[5];
        exactTensor(R, 0, sx, sy, cellAveraged, exact);
        double scale = Math.abs(exact[0]) / v;
        Random rnd = new Random(3);
        double err = 0;
        for (int trial = 0; trial < 400; trial++) {
            double dx, dy;
            do {
                dx = SPAN * (2 * rnd.nextDouble() - 1);
                dy = SPAN * (2 * rnd.nextDouble() - 1);
            } while (Math.hypot(dx, dy) < R);
            exactTensor(dx, dy, sx, sy, cellAveraged, exact);
            k.tensor(dx, dy, model);
            // model: xx, xy, yx, yy, zz; exact: xx, yy, zz, xy, xz, yz (per unit volume after dividing by V)
            double[] want = {exact[0] / v, exact[3] / v, exact[3] / v, exact[1] / v, exact[2] / v};
            for (int c = 0; c < 5; c++) {
                err = Math.max(err, Math.abs(model[c] - want[c]) / scale);
            }
            assertEquals(0, exact[4], 1e-12 * Math.abs(exact[0]) + 1e-30, "N_xz vanishes in the mid-plane");
        }
        return err;
    }

    private static void exactTensor(double dx, double dy, double sx, double sy, boolean cellAveraged, double[] out) {
        if (cellAveraged) {
            NewellTensor.evaluate(dx, dy, 0, sx, sy, T, out, 0);
        } else {
            PrismTensor.evaluate(dx, dy, 0, sx, sy, T, out, 0);
        }
    }

    @Test
    void aPrismsSmearedSeriesEqualsItsExactTensorBeyondTheNearRadiusAndConvergesWithKmaxR() {
        double e8 = farZoneError(8, 12e-9, 9e-9, false), e12 = farZoneError(12, 12e-9, 9e-9, false);
        assertTrue(e12 < 2e-3, "k_max R = 12: " + e12);
        assertTrue(e12 < e8 / 10, "k_max R 8 -> 12: " + e8 + " -> " + e12);
    }

    @Test
    void aGridCellsSmearedSeriesEqualsTheNewellTensorBeyondTheNearRadius() {
        // both cells' half diagonals leave the window ρ = R − 14 nm = 0.86 R (0.94 R for the prism above):
        // measured 2.8e-3 at k_max R = 12
        double e8 = farZoneError(8, 10e-9, 10e-9, true), e12 = farZoneError(12, 10e-9, 10e-9, true);
        assertTrue(e12 < 4e-3, "k_max R = 12: " + e12);
        assertTrue(e12 < e8 / 10, "k_max R 8 -> 12: " + e8 + " -> " + e12);
    }

    @Test
    void theSizeMapIsTheRectanglesSincFactorsOfTheLineKernel() {
        HarmonicAxis a = new HarmonicAxis(1e-6, 40);
        FarFieldSmeared sm = new FarFieldSmeared(a, a, SmearingWindow.forBasis(80e-9, 1e8), 0, T, 0, POOL);
        FarFieldKernel point = sm.forSize(1e-30, 1e-30), prism = sm.forSize(30e-9, 20e-9);
        int m = 7, n = 3, l = m * 41 + n;
        double f = FarFieldSmeared.sinc(0.5 * a.w(m) * 30e-9) * FarFieldSmeared.sinc(0.5 * a.w(n) * 20e-9);
        assertEquals(f * point.xx[l], prism.xx[l], 1e-15 * Math.abs(point.xx[l]));
        assertEquals(f * point.xy[l], prism.xy[l], 1e-15 * Math.abs(point.xy[l]));
        assertEquals(0, prism.xy[n], 0, "the sine series has no m = 0 terms");
    }

    @Test
    void betweenTwoLayersAllSixComponentsFollowTheExactTensorBeyondTheNearRadius() {
        // a source layer 10 nm thick and a target 14 nm above it: prisms at the target's mid-plane point, grid cells
        // averaged over the target cell; xz and yz no longer vanish
        double dz = 14e-9, kR = 12, kmax = kR / R, period = 2 * SPAN + 4 * R;
        HarmonicAxis a = new HarmonicAxis(period, (int) Math.ceil(kmax * period / (2 * Math.PI)));
        for (boolean cells : new boolean[] {false, true}) {
            double sx = 10e-9, sy = cells ? 10e-9 : 8e-9, v = sx * sy * T;
            double reach = cells ? Math.hypot(sx, sy) : 0.5 * Math.hypot(sx, sy);
            FarFieldKernel k = new FarFieldSmeared(a, a, SmearingWindow.forBasis(R - reach, kmax), dz, T,
                    cells ? T : 0, POOL).forSize(sx, sy);
            assertTrue(k.offPlane());
            double[] exact = new double[6], model = new double[6];
            Random rnd = new Random(8);
            double err = 0, scale = 0, largestXz = 0;
            for (int trial = 0; trial < 300; trial++) {
                double x, y;
                do {
                    x = SPAN * (2 * rnd.nextDouble() - 1);
                    y = SPAN * (2 * rnd.nextDouble() - 1);
                } while (Math.hypot(x, y) < R);
                if (cells) {
                    NewellTensor.evaluate(x, y, dz, sx, sy, T, exact, 0);
                } else {
                    PrismTensor.evaluate(x, y, dz, sx, sy, T, exact, 0);
                }
                k.tensor6(x, y, model);
                for (int c = 0; c < 6; c++) {
                    err = Math.max(err, Math.abs(model[c] - exact[c] / v));
                }
                largestXz = Math.max(largestXz, Math.abs(exact[4] / v));
            }
            if (cells) {
                NewellTensor.evaluate(R, 0, dz, sx, sy, T, exact, 0);
            } else {
                PrismTensor.evaluate(R, 0, dz, sx, sy, T, exact, 0);
            }
            scale = Math.abs(exact[0]) / v;
            assertTrue(largestXz > 0.02 * scale, "xz is exercised: " + largestXz / scale);
            assertTrue(err / scale < 4e-3, (cells ? "cells" : "prisms") + ": " + err / scale);
        }
    }

    @Test
    void inTheSourcesOwnPlaneTheKernelHasNoXzOrYzSeries() {
        HarmonicAxis a = new HarmonicAxis(1e-6, 30);
        assertTrue(!new FarFieldSmeared(a, a, SmearingWindow.forBasis(80e-9, 1.2e8), 0, T, 0, POOL)
                .forSize(10e-9, 10e-9).offPlane());
    }

    @Test
    void theMomentFeaturesReproduceTheExactSizeMapBetweenTheirAnchors() {
        // the learned-free size map (quadratic in the squared sides, 3 x 3 anchors) against the exact sinc factors
        // at random sizes of a granular film's range: the hypernetwork's G(s) against the exact per-source map
        double kmax = 12 / R, period = 2 * SPAN + 4 * R;
        HarmonicAxis a = new HarmonicAxis(period, (int) Math.ceil(kmax * period / (2 * Math.PI)));
        FarFieldSmeared sm = new FarFieldSmeared(a, a, SmearingWindow.forBasis(R - 12e-9, kmax), 0, T, 0,
                POOL);
        SizeFeatures f = SizeFeatures.moments(7.5e-9, 17e-9, 7.5e-9, 17e-9, 12e-9);
        double[][] anchors = f.anchors();
        FarFieldKernel[] exactAtAnchors = new FarFieldKernel[anchors.length];
        for (int k = 0; k < anchors.length; k++) {
            exactAtAnchors[k] = sm.forSize(anchors[k][0], anchors[k][1]);
        }
        FarFieldKernel[] sets = FarFieldFit.sets(f, exactAtAnchors);
        Random rnd = new Random(4);
        double worst = 0;
        double[] phi = new double[f.count()];
        for (int trial = 0; trial < 50; trial++) {
            double sx = 7.5e-9 + 9.5e-9 * rnd.nextDouble(), sy = 7.5e-9 + 9.5e-9 * rnd.nextDouble();
            f.evaluate(sx, sy, phi);
            double[] mapped = FarFieldKernel.combine(sets, phi).fieldWeighted(), exact = sm.forSize(sx, sy)
                    .fieldWeighted();
            double err = 0, scale = 0;
            for (int q = 0; q < exact.length; q++) {
                err = Math.max(err, Math.abs(mapped[q] - exact[q]));
                scale = Math.max(scale, Math.abs(exact[q]));
            }
            worst = Math.max(worst, err / scale);
        }
        System.out.println("moment size map against the exact sinc map: largest coefficient error " + worst);
        // measured 5.5e-8: the quadratic map in (s_x², s_y²) through 3 x 3 Chebyshev anchors interpolates the sinc
        // factors to the sixth-order term of their expansion
        assertTrue(worst < 1e-6, "largest coefficient error relative to the largest coefficient: " + worst);
    }
}
