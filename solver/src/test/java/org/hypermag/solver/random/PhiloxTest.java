package org.hypermag.solver.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PhiloxTest {

    /**
     * The known-answer vectors of Philox4x32-10 in Random123's tests/kat_vectors (D. E. Shaw Research, Random123
     * 1.14.0): counter words, key words, output words.
     */
    @Test
    void blocksMatchRandom123KnownAnswers() {
        int[] out = new int[4];
        Philox.block(0, 0, 0, 0, 0, 0, out);
        assertArrayEquals(new int[] {0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}, out);
        Philox.block(-1, -1, -1, -1, -1, -1, out);
        assertArrayEquals(new int[] {0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd}, out);
        Philox.block(0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0, out);
        assertArrayEquals(new int[] {0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1}, out);
    }

    /** Known quantiles of the standard normal distribution (to the approximation's 1.15e-9 relative error). */
    @Test
    void inverseNormalGivesKnownQuantiles() {
        assertEquals(0, Philox.inverseNormal(0.5), 1e-15);
        assertEquals(1.959963984540054, Philox.inverseNormal(0.975), 1.15e-9 * 1.96);
        assertEquals(-1.959963984540054, Philox.inverseNormal(0.025), 1.15e-9 * 1.96);
        assertEquals(-3.090232306167813, Philox.inverseNormal(0.001), 1.15e-9 * 3.1);
        assertEquals(4.264890793922825, Philox.inverseNormal(1 - 1e-5), 1e-9 * 4.3 + 1e-10);
    }

    /** Mean 0, variance 1, no correlation between the three variates: 4 standard errors on 200 000 triples. */
    @Test
    void normalsHaveUnitVarianceAndAreUncorrelated() {
        int n = 200_000;
        double[] x = new double[n], y = new double[n], z = new double[n];
        int[] words = new int[4];
        for (int i = 0; i < n; i++) {
            Philox.normals(12345L, 1, i % 1000, i / 1000, words, x, y, z, i);
        }
        for (double[] v : new double[][] {x, y, z}) {
            double s = 0, s2 = 0;
            for (double a : v) {
                s += a;
                s2 += a * a;
            }
            assertEquals(0, s / n, 4 / Math.sqrt(n));
            assertEquals(1, s2 / n, 4 * Math.sqrt(2.0 / n));
        }
        double xy = 0, yz = 0;
        for (int i = 0; i < n; i++) {
            xy += x[i] * y[i];
            yz += y[i] * z[i];
        }
        assertEquals(0, xy / n, 4 / Math.sqrt(n));
        assertEquals(0, yz / n, 4 / Math.sqrt(n));
    }
}
