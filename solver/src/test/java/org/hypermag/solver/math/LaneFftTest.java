package org.hypermag.solver.math;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
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

    @Test
    void refusesLengthsWithOtherPrimeFactors() {
        assertThrows(IllegalArgumentException.class, () -> new LaneFft(7));
        assertThrows(IllegalArgumentException.class, () -> new LaneFft(0));
        assertThrows(IllegalArgumentException.class, () -> new LaneFft(2 * 11));
    }
}
