package org.hypermag.surrogate.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.hypermag.solver.parallel.WorkerPool;
import org.junit.jupiter.api.Test;

/**
 * The register-blocked matrix product: against the plain triple loop, with offsets, row strides, adding to C, sizes
 * that leave partial tiles in rows and columns; the SIMD tiles give the scalar loops' bits; any thread count gives
 * the same bits.
 */
class GemmTest {
    /** m, n, k: whole tiles, partial row tiles, partial vectors, one column, an empty inner dimension, a wide panel. */
    private static final int[][] SIZES = {{8, 32, 16}, {13, 45, 7}, {1, 9, 3}, {5, 1, 11}, {6, 17, 0}, {37, 300, 65},
        {70, 64, 1024}, {9, 300, 600}};

    @Test
    void theProductIsThePlainTripleLoopWithOffsetsAndStrides() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int[] s : SIZES) {
            int m = s[0], n = s[1], k = s[2], lda = k + 3, ldb = n + 2, ldc = n + 5;
            double[] a = random(rnd, 7 + m * lda), b = random(rnd, 4 + k * ldb), c0 = random(rnd, 2 + m * ldc);
            for (boolean add : new boolean[] {false, true}) {
                double[] c = c0.clone();
                Gemm.multiply(m, n, k, a, 7, lda, b, 4, ldb, c, 2, ldc, add, WorkerPool.shared());
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        double want = add ? c0[2 + i * ldc + j] : 0, scale = Math.abs(want);
                        for (int p = 0; p < k; p++) {
                            want += a[7 + i * lda + p] * b[4 + p * ldb + j];
                            scale += Math.abs(a[7 + i * lda + p] * b[4 + p * ldb + j]);
                        }
                        assertEquals(want, c[2 + i * ldc + j], 1e-14 * Math.max(scale, 1),
                                "size " + m + " x " + n + " x " + k + ", add " + add + ", element " + i + ", " + j);
                    }
                    // the stride's gap is not touched
                    for (int j = n; j < ldc && 2 + i * ldc + j < c.length; j++) {
                        assertEquals(c0[2 + i * ldc + j], c[2 + i * ldc + j]);
                    }
                }
            }
        }
    }

    @Test
    void theSimdTilesGiveTheScalarBitsOnAnyThreadCount() {
        SplittableRandom rnd = new SplittableRandom(5);
        assertTrue(Gemm.simdLanes() > 0 || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty(),
                "the Vector API module is present, so the SIMD tiles should be loaded");
        try (WorkerPool one = new WorkerPool(1); WorkerPool two = new WorkerPool(2)) {
            for (int[] s : SIZES) {
                int m = s[0], n = s[1], k = s[2];
                double[] a = random(rnd, m * k), b = random(rnd, k * n), c0 = random(rnd, m * n);
                for (boolean add : new boolean[] {false, true}) {
                    double[] scalar = c0.clone(), simd = c0.clone(), threads = c0.clone();
                    Gemm.multiply(m, n, k, a, 0, k, b, 0, n, scalar, 0, n, add, one, null);
                    Gemm.multiply(m, n, k, a, 0, k, b, 0, n, simd, 0, n, add, one);
                    Gemm.multiply(m, n, k, a, 0, k, b, 0, n, threads, 0, n, add, two);
                    assertArrayEquals(scalar, simd, "size " + m + " x " + n + " x " + k + ", add " + add);
                    assertArrayEquals(simd, threads, "size " + m + " x " + n + " x " + k + ", add " + add);
                }
            }
        }
    }

    @Test
    void theTransposeSwapsRowsAndColumns() {
        double[] src = random(new SplittableRandom(1), 40 * 50), dst = new double[37 * 45];
        Gemm.transpose(37, 45, src, 0, 50, dst);
        for (int i = 0; i < 37; i++) {
            for (int j = 0; j < 45; j++) {
                assertEquals(src[i * 50 + j], dst[j * 37 + i]);
            }
        }
    }

    @Test
    void stridesShorterThanTheRowsAreRefused() {
        double[] x = new double[16];
        assertThrows(IllegalArgumentException.class,
                () -> Gemm.multiply(2, 4, 4, x, 0, 3, x, 0, 4, new double[8], 0, 4, false, WorkerPool.shared()));
    }

    private static double[] random(SplittableRandom rnd, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 2 * rnd.nextDouble() - 1;
        }
        return x;
    }
}
