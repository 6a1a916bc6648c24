package org.hypermag.solver.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The exchange stencil's and the LLG torque's loops give the same bits with their SIMD bodies as with the scalar
 * loops alone (the same IEEE operations in the same order), over ranges that start anywhere and end past whole
 * vectors. That the scalar loops compute the exchange field and the torque is tested with the terms themselves
 * (FieldTermsTest against the compressed rows, the LLG tests).
 */
class LocalSimdTest {

    private static double[] random(SplittableRandom rnd, int n, double scale) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = scale * rnd.nextDouble(-1, 1);
        }
        return a;
    }

    private static double[][] copies(double[][] a) {
        return new double[][] {a[0].clone(), a[1].clone(), a[2].clone()};
    }

    private static void assertBits(double[] expected, double[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(actual[i]), what + " at " + i);
        }
    }

    @Test
    void simdLoopsRunWhereTheVectorApiDoesAndGiveTheScalarBits() {
        assertEquals(LaneFft.vectorApiEnabled(), LocalSimd.VECTOR != null);
        LocalSimd simd = LocalSimd.VECTOR;
        assertNotNull(simd, "the tests run with --add-modules jdk.incubator.vector");
        SplittableRandom rnd = new SplittableRandom(9);
        int n = 600, o = 37, from = o + 5, to = from + 12 * simd.lanes() + 3; // a scalar tail after the vectors
        double[] mx = random(rnd, n, 1), my = random(rnd, n, 1), mz = random(rnd, n, 1);
        double[] cp = random(rnd, n, 1e6), cm = random(rnd, n, 1e6);
        double[][] h = {random(rnd, n, 1e5), random(rnd, n, 1e5), random(rnd, n, 1e5)}, scalar = copies(h);
        LocalSimd.stencilAxis(o, cp, cm, mx, my, mz, scalar[0], scalar[1], scalar[2], from, to, null);
        LocalSimd.stencilAxis(o, cp, cm, mx, my, mz, h[0], h[1], h[2], from, to, simd);
        for (int c = 0; c < 3; c++) {
            assertBits(scalar[c], h[c], "stencil component " + c);
        }

        double[] hx = random(rnd, n, 1e5), hy = random(rnd, n, 1e5), hz = random(rnd, n, 1e5);
        double[] g = random(rnd, n, 2e5), a = random(rnd, n, 0.1);
        for (boolean add : new boolean[] {false, true}) {
            double[][] d = {random(rnd, n, 1e9), random(rnd, n, 1e9), random(rnd, n, 1e9)}, expected = copies(d);
            double max2 = LocalSimd.torque(mx, my, mz, hx, hy, hz, expected[0], expected[1], expected[2], g, a, add,
                    from, to, null);
            double got = LocalSimd.torque(mx, my, mz, hx, hy, hz, d[0], d[1], d[2], g, a, add, from, to, simd);
            assertEquals(Double.doubleToLongBits(max2), Double.doubleToLongBits(got), "largest |m x H|^2");
            for (int c = 0; c < 3; c++) {
                assertBits(expected[c], d[c], "torque component " + c + (add ? ", added" : ""));
            }
        }
        assertEquals(0, LocalSimd.torque(mx, my, mz, hx, hy, hz, hx.clone(), hy.clone(), hz.clone(), g, a, false, 3,
                3, simd), 0, "an empty range");
    }
}
