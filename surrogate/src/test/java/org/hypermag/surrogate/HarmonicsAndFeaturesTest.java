package org.hypermag.surrogate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hypermag.solver.demag.PrismTensor;
import org.junit.jupiter.api.Test;

class HarmonicsAndFeaturesTest {

    @Test
    void trigRecurrenceAgreesWithDirectEvaluationUpToHighModes() {
        HarmonicAxis a = new HarmonicAxis(3.7e-6, 300);
        double[] c = new double[301], s = new double[301];
        for (double x : new double[] {0, 1e-9, -2.3e-6, 3.7e-6, 1.234e-7}) {
            a.trig(x, c, s);
            for (int m = 0; m <= 300; m++) {
                assertEquals(Math.cos(a.w(m) * x), c[m], 1e-12);
                assertEquals(Math.sin(a.w(m) * x), s[m], 1e-12);
            }
        }
    }

    @Test
    void momentFeaturesInterpolateExactlyAtTheAnchorsAndReproduceQuadraticsInTheSquaredSides() {
        SizeFeatures f = SizeFeatures.moments(8e-9, 16e-9, 9e-9, 14e-9, 12e-9);
        assertEquals(9, f.count());
        double[][] anchors = f.anchors(), w = f.anchorWeights();
        double[] phi = new double[9];
        for (int b = 0; b < anchors.length; b++) {
            f.evaluate(anchors[b][0], anchors[b][1], phi);
            for (int a = 0; a < anchors.length; a++) {
                double sum = 0;
                for (int k = 0; k < 9; k++) {
                    sum += phi[k] * w[k][a];
                }
                assertEquals(a == b ? 1 : 0, sum, 1e-9, "anchor " + a + " at " + b);
            }
        }
        // a function of the form Σ_k φ_k(s) C_k is recovered everywhere in the range from its anchor values
        double[] truth = {0.3, -1.1, 0.7, 0.2, 0.05, -0.4, 1.3, 0.01, -0.6};
        double[] values = new double[anchors.length];
        for (int a = 0; a < anchors.length; a++) {
            f.evaluate(anchors[a][0], anchors[a][1], phi);
            for (int k = 0; k < 9; k++) {
                values[a] += truth[k] * phi[k];
            }
        }
        f.evaluate(10.5e-9, 13e-9, phi);
        double direct = 0, viaAnchors = 0;
        for (int k = 0; k < 9; k++) {
            direct += truth[k] * phi[k];
            double ck = 0;
            for (int a = 0; a < anchors.length; a++) {
                ck += w[k][a] * values[a];
            }
            viaAnchors += ck * phi[k];
        }
        assertEquals(direct, viaAnchors, 1e-9 * Math.abs(direct));
        assertNull(f.unsupported(12e-9, 10e-9));
        assertTrue(f.unsupported(20e-9, 10e-9).contains("outside the model's size range"));
    }

    @Test
    void aSideThatDoesNotVaryAddsNoFeatures() {
        SizeFeatures f = SizeFeatures.moments(8e-9, 16e-9, 10e-9, 10e-9, 12e-9);
        assertEquals(3, f.count());
        assertEquals(3, f.anchors().length);
        SizeFeatures c = SizeFeatures.classes(new double[][] {{1e-9, 2e-9}, {2e-9, 1e-9}});
        double[] phi = new double[2];
        assertTrue(c.evaluate(2e-9, 1e-9, phi));
        assertEquals(0, phi[0]);
        assertEquals(1, phi[1]);
        assertFalse(c.evaluate(3e-9, 1e-9, phi));
    }

    private static double sq(double x) {
        return x * x;
    }

    @Test
    void fittedKernelIsSymmetricAndMatchesTheExactTensorInTheFarZone() {
        double a = 5e-9, t = 3e-9, r = 10 * a, span = 60 * a;
        double kmax = 8 / r;
        HarmonicAxis ax = new HarmonicAxis(2 * span + 4 * r, (int) Math.ceil(kmax * (2 * span + 4 * r) / (2 * Math.PI)));
        double[] off = new double[2 * 121 * 121];
        int q = 0;
        for (int i = -60; i <= 60; i++) {
            for (int j = -60; j <= 60; j++) {
                if (Math.hypot(i, j) * a > r) {
                    off[q++] = i * a;
                    off[q++] = j * a;
                }
            }
        }
        double[] offsets = java.util.Arrays.copyOf(off, q);
        FarFieldKernel k = FarFieldKernel.fit(ax, ax, offsets,
                (dx, dy, out) -> PrismTensor.evaluate(dx, dy, 0, a, a, t, out, 0));
        double[] s = new double[5], n = new double[6];
        double worst = 0, largest = 0, err2 = 0, norm2 = 0;
        for (int p = 0; p < offsets.length; p += 2) {
            k.tensor(offsets[p], offsets[p + 1], s);
            assertEquals(s[1], s[2], 1e-9 * (Math.abs(s[1]) + 1e-30), "S_xy = S_yx by construction (to rounding)");
            PrismTensor.evaluate(offsets[p], offsets[p + 1], 0, a, a, t, n, 0);
            largest = Math.max(largest, Math.abs(n[0]) + Math.abs(n[1]) + Math.abs(n[2]));
            worst = Math.max(worst, Math.abs(s[0] - n[0]) + Math.abs(s[1] - n[3]) + Math.abs(s[3] - n[1])
                    + Math.abs(s[4] - n[2]));
            err2 += sq(s[0] - n[0]) + 2 * sq(s[1] - n[3]) + sq(s[3] - n[1]) + sq(s[4] - n[2]);
            norm2 += sq(n[0]) + 2 * sq(n[3]) + sq(n[1]) + sq(n[2]);
        }
        // measured: worst 0.79 % of the largest far-zone |N|, RMS 0.60 % (the RMS is dominated by the inner edge,
        // where the kernel is largest and the band-limited basis is stretched most); the field error is far smaller,
        // since the far zone carries a few per cent of H

        assertTrue(worst < 0.015 * largest, "largest far-zone kernel error " + worst / largest + " of max |N|");
        assertTrue(err2 < sq(0.01) * norm2, "relative RMS far-zone kernel error " + Math.sqrt(err2 / norm2));
    }
}
