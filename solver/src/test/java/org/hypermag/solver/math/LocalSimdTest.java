package org.hypermag.solver.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The SIMD bodies of the exchange stencil and the LLG torque give the bits of the scalar loops they replace (the same
 * IEEE operations in the same order), over ranges that start anywhere.
 */
class LocalSimdTest {

    private static double[] random(SplittableRandom rnd, int n, double scale) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = scale * rnd.nextDouble(-1, 1);
        }
        return a;
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
        int n = 600, o = 37, from = o + 5, end = from + 12 * simd.lanes();
        double[] mx = random(rnd, n, 1), my = random(rnd, n, 1), mz = random(rnd, n, 1);
        double[] cp = random(rnd, n, 1e6), cm = random(rnd, n, 1e6);
        double[][] h = {random(rnd, n, 1e5), random(rnd, n, 1e5), random(rnd, n, 1e5)};
        double[][] scalar = {h[0].clone(), h[1].clone(), h[2].clone()};
        double[][] m = {mx, my, mz};
        for (int i = from; i < end; i++) {
            for (int c = 0; c < 3; c++) {
                double x = m[c][i];
                scalar[c][i] += cp[i] * (m[c][i + o] - x) + cm[i] * (m[c][i - o] - x);
            }
        }
        simd.stencilAxis(o, cp, cm, mx, my, mz, h[0], h[1], h[2], from, end);
        for (int c = 0; c < 3; c++) {
            assertBits(scalar[c], h[c], "stencil component " + c);
        }

        double[] hx = random(rnd, n, 1e5), hy = random(rnd, n, 1e5), hz = random(rnd, n, 1e5);
        double[] g = random(rnd, n, 2e5), a = random(rnd, n, 0.1);
        for (boolean add : new boolean[] {false, true}) {
            double[][] d = {random(rnd, n, 1e9), random(rnd, n, 1e9), random(rnd, n, 1e9)};
            double[][] expected = {d[0].clone(), d[1].clone(), d[2].clone()};
            double max2 = 0;
            for (int i = from; i < end; i++) {
                double ax = my[i] * hz[i] - mz[i] * hy[i];
                double ay = mz[i] * hx[i] - mx[i] * hz[i];
                double az = mx[i] * hy[i] - my[i] * hx[i];
                double bx = my[i] * az - mz[i] * ay;
                double by = mz[i] * ax - mx[i] * az;
                double bz = mx[i] * ay - my[i] * ax;
                double tx = g[i] * (ax + a[i] * bx), ty = g[i] * (ay + a[i] * by), tz = g[i] * (az + a[i] * bz);
                expected[0][i] = add ? expected[0][i] + tx : tx;
                expected[1][i] = add ? expected[1][i] + ty : ty;
                expected[2][i] = add ? expected[2][i] + tz : tz;
                max2 = Math.max(max2, ax * ax + ay * ay + az * az);
            }
            double got = simd.torque(mx, my, mz, hx, hy, hz, d[0], d[1], d[2], g, a, add, from, end);
            assertEquals(Double.doubleToLongBits(max2), Double.doubleToLongBits(got), "largest |m x H|^2");
            for (int c = 0; c < 3; c++) {
                assertBits(expected[c], d[c], "torque component " + c + (add ? ", added" : ""));
            }
        }
        assertEquals(0, simd.torque(mx, my, mz, hx, hy, hz, hx.clone(), hy.clone(), hz.clone(), g, a, false, 3, 3),
                0, "an empty range");
    }
}
