package org.hypermag.solver.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class LaneRealFftTest {
    /** Even lengths whose halves mix every radix, the padded x lengths of the demag's grids among them. */
    private static final int[] LENGTHS = {2, 4, 6, 8, 10, 12, 16, 18, 20, 30, 32, 50, 54, 64, 90, 100, 128, 250, 256,
        480, 512};

    @Test
    void forwardGivesTheDirectSumsBinsAndInverseGivesTheSamplesBack() {
        SplittableRandom rnd = new SplittableRandom(11);
        int lanes = 16;
        for (int n : LENGTHS) {
            LaneRealFft f = new LaneRealFft(n);
            int size = f.arrayLength(lanes), half = n / 2;
            for (int width : new int[] {1, 7, 16}) {
                double[][] x = new double[width][n];
                double[] re = new double[size], im = new double[size], wr = new double[size], wi = new double[size];
                for (int b = 0; b < width; b++) {
                    for (int j = 0; j < n; j++) {
                        x[b][j] = rnd.nextDouble(-1, 1);
                    }
                    for (int q = 0; q < half; q++) {
                        re[q * lanes + b] = x[b][2 * q];
                        im[q * lanes + b] = x[b][2 * q + 1];
                    }
                }
                f.forward(re, im, wr, wi, lanes, width);
                double worst = 0, scale = 0;
                for (int b = 0; b < width; b++) {
                    for (int k = 0; k <= half; k++) {
                        double sr = 0, si = 0;
                        for (int j = 0; j < n; j++) {
                            double a = -2 * Math.PI * ((long) j * k % n) / n;
                            sr += x[b][j] * Math.cos(a);
                            si += x[b][j] * Math.sin(a);
                        }
                        worst = Math.max(worst, Math.hypot(re[k * lanes + b] - sr, im[k * lanes + b] - si));
                        scale = Math.max(scale, Math.hypot(sr, si));
                    }
                }
                assertTrue(worst <= 1e-13 * Math.max(1, scale), "forward n = " + n + ", width " + width + ": " + worst);
                // the inverse must ignore the imaginary parts at 0 and n/2 (a Hermitian spectrum has none)
                for (int b = 0; b < width; b++) {
                    im[b] = 5;
                    im[half * lanes + b] = -3;
                }
                f.inverse(re, im, wr, wi, lanes, width);
                double back = 0;
                for (int b = 0; b < width; b++) {
                    for (int q = 0; q < half; q++) {
                        back = Math.max(back, Math.abs(re[q * lanes + b] - x[b][2 * q]));
                        back = Math.max(back, Math.abs(im[q * lanes + b] - x[b][2 * q + 1]));
                    }
                }
                assertTrue(back <= 1e-14 * Math.max(4, n), "round trip n = " + n + ", width " + width + ": " + back);
            }
        }
    }

    /** The SIMD path (butterflies and split) gives the scalar loops' bits in the lanes below the width. */
    @Test
    void simdGivesTheScalarBits() {
        Assumptions.assumeTrue(LaneFft.simdLanes() > 0, "the JVM runs without --add-modules " + LaneFft.VECTOR_MODULE);
        SplittableRandom rnd = new SplittableRandom(5);
        int lanes = 16;
        for (int n : new int[] {2, 4, 8, 20, 64, 256, 250}) {
            LaneRealFft simd = new LaneRealFft(n), scalar = new LaneRealFft(n, false);
            assertTrue(simd.simd() && !scalar.simd());
            int size = simd.arrayLength(lanes);
            for (int width : new int[] {1, 8, 13, 16}) {
                double[] re = new double[size], im = new double[size];
                for (int i = 0; i < size; i++) {
                    boolean used = i % lanes < width && i < n / 2 * lanes;
                    re[i] = used ? rnd.nextDouble(-1, 1) : Double.NaN;
                    im[i] = used ? rnd.nextDouble(-1, 1) : Double.NaN;
                }
                double[] re2 = re.clone(), im2 = im.clone(), wr = new double[size], wi = new double[size];
                simd.forward(re, im, wr, wi, lanes, width);
                scalar.forward(re2, im2, wr, wi, lanes, width);
                LaneFftTest.assertLanesEqual(re2, re, lanes, width, "forward re, n = " + n + ", width " + width);
                LaneFftTest.assertLanesEqual(im2, im, lanes, width, "forward im, n = " + n + ", width " + width);
                simd.inverse(re, im, wr, wi, lanes, width);
                scalar.inverse(re2, im2, wr, wi, lanes, width);
                LaneFftTest.assertLanesEqual(re2, re, lanes, width, "inverse re, n = " + n + ", width " + width);
                LaneFftTest.assertLanesEqual(im2, im, lanes, width, "inverse im, n = " + n + ", width " + width);
            }
        }
    }

    @Test
    void oddOrTooShortLengthsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LaneRealFft(0));
        assertThrows(IllegalArgumentException.class, () -> new LaneRealFft(7));
        assertThrows(IllegalArgumentException.class, () -> new LaneRealFft(14)); // half 7: not 2, 3, 5 only
    }

    /** Only the first pairs given (NaN past them, never read): the values of the zero-padded input's transform. */
    @Test
    void forwardOfAZeroPaddedSequenceGivesTheFullTransformsValues() {
        SplittableRandom rnd = new SplittableRandom(17);
        int lanes = 16;
        for (int n : new int[] {4, 12, 60, 128, 200, 256, 400}) {
            LaneRealFft f = new LaneRealFft(n);
            int size = f.arrayLength(lanes);
            for (int pairs : new int[] {1, n / 4, (n / 2 + 1) / 2, n / 2}) {
                double[] re = new double[size], im = new double[size], padRe = new double[size];
                double[] padIm = new double[size], wr = new double[size], wi = new double[size];
                for (int i = 0; i < size; i++) {
                    boolean given = i / lanes < pairs;
                    re[i] = given ? rnd.nextDouble(-1, 1) : Double.NaN;
                    im[i] = given ? rnd.nextDouble(-1, 1) : Double.NaN;
                    padRe[i] = given ? re[i] : 0;
                    padIm[i] = given ? im[i] : 0;
                }
                f.forward(re, im, wr, wi, lanes, lanes, pairs);
                f.forward(padRe, padIm, wr, wi, lanes, lanes);
                for (int i = 0; i < size; i++) {
                    assertEquals(padRe[i], re[i], 0.0, "n " + n + ", pairs " + pairs + ", element " + i);
                    assertEquals(padIm[i], im[i], 0.0, "n " + n + ", pairs " + pairs + ", element " + i);
                }
            }
        }
    }
}
