package org.hypermag.solver.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class LaneFftTest {
    /** Every length with factors 2, 3, 5 that the demag's padded grids use, and the awkward small ones. */
    private static final int[] LENGTHS = {1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16, 20, 25, 27, 30, 32, 36, 45, 60, 64,
        75, 100, 125, 128, 250, 256, 400, 480};

    @Test
    void forwardAndInverseMatchTheDirectSumForEveryRadixMix() {
        SplittableRandom rnd = new SplittableRandom(7);
        int lanes = 16;
        for (int n : LENGTHS) {
            LaneFft f = new LaneFft(n);
            for (int width : new int[] {1, 5, 16}) {
                double[] re = new double[n * lanes], im = new double[n * lanes];
                for (int i = 0; i < re.length; i++) {
                    re[i] = rnd.nextDouble(-1, 1);
                    im[i] = rnd.nextDouble(-1, 1);
                }
                double[] r0 = re.clone(), i0 = im.clone(), wr = new double[re.length], wi = new double[re.length];
                f.forward(re, im, wr, wi, lanes, width);
                double worst = 0, scale = 0;
                for (int b = 0; b < width; b++) {
                    for (int k = 0; k < n; k++) {
                        double sr = 0, si = 0;
                        for (int q = 0; q < n; q++) {
                            double a = -2 * Math.PI * ((long) q * k % n) / n;
                            sr += r0[q * lanes + b] * Math.cos(a) - i0[q * lanes + b] * Math.sin(a);
                            si += r0[q * lanes + b] * Math.sin(a) + i0[q * lanes + b] * Math.cos(a);
                        }
                        worst = Math.max(worst, Math.hypot(re[k * lanes + b] - sr, im[k * lanes + b] - si));
                        scale = Math.max(scale, Math.hypot(sr, si));
                    }
                }
                assertTrue(worst <= 1e-13 * Math.max(1, scale), "forward n = " + n + ", width " + width + ": " + worst);
                f.inverse(re, im, wr, wi, lanes, width);
                double back = 0;
                for (int b = 0; b < width; b++) {
                    for (int q = 0; q < n; q++) {
                        back = Math.max(back, Math.hypot(re[q * lanes + b] - r0[q * lanes + b],
                                im[q * lanes + b] - i0[q * lanes + b]));
                    }
                }
                assertTrue(back <= 1e-14 * Math.max(4, n), "round trip n = " + n + ": " + back);
            }
        }
    }

    /**
     * The SIMD butterflies (Vector API; the tests' JVM has {@code --add-modules jdk.incubator.vector}, as the launcher
     * and the benchmarks) give the scalar loops' bits in the lanes below the width, for widths that are and are not
     * whole vectors; the lanes past it (which the SIMD butterflies may compute over) hold NaN and must not leak.
     */
    @Test
    void simdButterfliesGiveTheScalarBits() {
        Assumptions.assumeTrue(ModuleLayer.boot().findModule(LaneFft.VECTOR_MODULE).isPresent(),
                "the JVM runs without --add-modules " + LaneFft.VECTOR_MODULE);
        assertTrue(LaneFft.simdLanes() >= 2, "the SIMD butterflies did not load: " + LaneFft.simdLanes());
        SplittableRandom rnd = new SplittableRandom(11);
        int lanes = 16;
        for (int n : new int[] {2, 4, 8, 32, 50, 64, 128, 96}) {
            LaneFft simd = new LaneFft(n), scalar = new LaneFft(n, false);
            assertTrue(simd.simd() && !scalar.simd());
            for (int width : new int[] {1, 7, 8, 13, 16}) {
                double[] re = new double[n * lanes], im = new double[n * lanes];
                for (int i = 0; i < re.length; i++) {
                    boolean used = i % lanes < width;
                    re[i] = used ? rnd.nextDouble(-1, 1) : Double.NaN;
                    im[i] = used ? rnd.nextDouble(-1, 1) : Double.NaN;
                }
                double[] re2 = re.clone(), im2 = im.clone(), wr = new double[re.length], wi = new double[re.length];
                simd.forward(re, im, wr, wi, lanes, width);
                scalar.forward(re2, im2, wr, wi, lanes, width);
                assertLanesEqual(re2, re, lanes, width, "forward re n = " + n + ", width " + width);
                assertLanesEqual(im2, im, lanes, width, "forward im n = " + n + ", width " + width);
                simd.inverse(re, im, wr, wi, lanes, width);
                scalar.inverse(re2, im2, wr, wi, lanes, width);
                assertLanesEqual(re2, re, lanes, width, "inverse re n = " + n + ", width " + width);
                assertLanesEqual(im2, im, lanes, width, "inverse im n = " + n + ", width " + width);
            }
        }
    }

    /**
     * A forward transform told that the elements from {@code count} on are zero (NaN there here: they must not be
     * read, beyond being set to zero) gives the values of the full transform of the zero-padded input, with the
     * SIMD butterflies and without, for lengths whose first pass has radix 4, 2 or neither and counts below, at and
     * above n/2.
     */
    @Test
    void forwardOfAZeroPaddedInputSkipsTheZeroHalfAndGivesTheFullTransformsValues() {
        SplittableRandom rnd = new SplittableRandom(13);
        int lanes = 16;
        for (int n : new int[] {2, 4, 6, 10, 30, 32, 50, 64, 100, 128, 200, 256, 15}) {
            for (boolean useSimd : new boolean[] {true, false}) {
                LaneFft f = new LaneFft(n, useSimd);
                for (int count : new int[] {0, 1, n / 4, n / 2 - 1, n / 2, n / 2 + 1, n}) {
                    if (count < 0 || count > n) {
                        continue;
                    }
                    for (int width : new int[] {3, 16}) {
                        double[] re = new double[n * lanes], im = new double[n * lanes];
                        double[] padRe = new double[re.length], padIm = new double[re.length];
                        for (int i = 0; i < re.length; i++) {
                            boolean given = i / lanes < count && i % lanes < width;
                            re[i] = given ? rnd.nextDouble(-1, 1) : Double.NaN;
                            im[i] = given ? rnd.nextDouble(-1, 1) : Double.NaN;
                            padRe[i] = given ? re[i] : i % lanes < width ? 0 : Double.NaN;
                            padIm[i] = given ? im[i] : i % lanes < width ? 0 : Double.NaN;
                        }
                        double[] wr = new double[re.length], wi = new double[re.length];
                        f.forward(re, im, wr, wi, lanes, width, count);
                        f.forward(padRe, padIm, wr, wi, lanes, width);
                        for (int i = 0; i < re.length; i++) {
                            if (i % lanes < width) {
                                String what = "n " + n + ", count " + count + ", width " + width + ", simd "
                                        + useSimd + ", element " + i;
                                assertEquals(padRe[i], re[i], 0.0, what);
                                assertEquals(padIm[i], im[i], 0.0, what);
                            }
                        }
                    }
                }
            }
        }
    }

    /** The unscaled inverse is n times the inverse, for the real transform n/2 times. */
    @Test
    void unscaledInversesAreTheInversesTimesTheirLength() {
        SplittableRandom rnd = new SplittableRandom(19);
        int lanes = 16;
        for (int n : new int[] {4, 30, 64, 100, 200}) {
            LaneFft f = new LaneFft(n);
            LaneRealFft real = new LaneRealFft(2 * n);
            int size = real.arrayLength(lanes);
            double[] re = new double[size], im = new double[size];
            for (int i = 0; i < size; i++) {
                re[i] = rnd.nextDouble(-1, 1);
                im[i] = rnd.nextDouble(-1, 1);
            }
            double[] wr = new double[size], wi = new double[size];
            double[][] scaled = {re.clone(), im.clone()}, unscaled = {re.clone(), im.clone()};
            f.inverse(scaled[0], scaled[1], wr, wi, lanes, lanes);
            f.inverseUnscaled(unscaled[0], unscaled[1], wr, wi, lanes, lanes);
            double[][] realScaled = {re.clone(), im.clone()}, realUnscaled = {re.clone(), im.clone()};
            real.inverse(realScaled[0], realScaled[1], wr, wi, lanes, lanes);
            real.inverseUnscaled(realUnscaled[0], realUnscaled[1], wr, wi, lanes, lanes);
            for (int part = 0; part < 2; part++) {
                for (int i = 0; i < n * lanes; i++) {
                    assertEquals(n * scaled[part][i], unscaled[part][i], 1e-13 * n, "n " + n + ", element " + i);
                    assertEquals(n * realScaled[part][i], realUnscaled[part][i], 1e-13 * n, "real, n " + n);
                }
            }
        }
    }

    /**
     * The variants without the copy back leave the same bits as forward and inverseUnscaled in the work arrays after an
     * odd number of passes and in place after an even one.
     */
    @Test
    void transformsWithoutTheCopyBackLeaveTheSameBitsWhereEndsInWorkSays() {
        SplittableRandom rnd = new SplittableRandom(23);
        int lanes = 16;
        for (int n : new int[] {2, 4, 8, 30, 64, 100, 128, 200, 400}) {
            LaneFft f = new LaneFft(n);
            int passes = 0;
            for (int r = n; r > 1; passes++) {
                r /= r % 4 == 0 ? 4 : r % 2 == 0 ? 2 : r % 3 == 0 ? 3 : 5;
            }
            assertEquals(passes % 2 == 1, f.endsInWork(), "n " + n + ": " + passes + " passes");
            for (int count : new int[] {n / 2, n}) {
                double[] re = new double[n * lanes], im = new double[n * lanes];
                for (int i = 0; i < re.length; i++) {
                    re[i] = i / lanes < count ? rnd.nextDouble(-1, 1) : 0;
                    im[i] = i / lanes < count ? rnd.nextDouble(-1, 1) : 0;
                }
                double[] wr = new double[re.length], wi = new double[re.length];
                double[] er = re.clone(), ei = im.clone(), lr = re.clone(), li = im.clone();
                f.forward(er, ei, wr, wi, lanes, lanes, count);
                double[] kr = new double[re.length], ki = new double[re.length];
                f.forwardLeaving(lr, li, kr, ki, lanes, lanes, count);
                String what = "n " + n + ", count " + count;
                assertLanesEqual(er, f.endsInWork() ? kr : lr, lanes, lanes, what + ", forward");
                assertLanesEqual(ei, f.endsInWork() ? ki : li, lanes, lanes, what + ", forward");
                f.inverseUnscaled(er, ei, wr, wi, lanes, lanes);
                double[] sr = f.endsInWork() ? kr : lr, si = f.endsInWork() ? ki : li;
                double[] tr = f.endsInWork() ? lr : kr, ti = f.endsInWork() ? li : ki;
                f.inverseUnscaledLeaving(sr, si, tr, ti, lanes, lanes);
                assertLanesEqual(er, f.endsInWork() ? tr : sr, lanes, lanes, what + ", inverse");
                assertLanesEqual(ei, f.endsInWork() ? ti : si, lanes, lanes, what + ", inverse");
            }
        }
    }

    /** Same bits in the lanes below the width, and finite there (the NaN of the unused lanes did not leak). */
    static void assertLanesEqual(double[] expected, double[] actual, int lanes, int width, String what) {
        for (int i = 0; i < expected.length; i++) {
            if (i % lanes < width) {
                assertTrue(Double.isFinite(actual[i]), what + ": element " + i + " is " + actual[i]);
                assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(actual[i]),
                        what + ": element " + i);
            }
        }
    }

    @Test
    void refusesLengthsWithOtherPrimeFactors() {
        assertThrows(IllegalArgumentException.class, () -> new LaneFft(7));
        assertThrows(IllegalArgumentException.class, () -> new LaneFft(0));
        assertThrows(IllegalArgumentException.class, () -> new LaneFft(2 * 11));
    }
}
