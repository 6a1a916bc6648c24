package org.hypermag.solver.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpectralProductTest {
    /**
     * One layer's product: the tensor with Nxz = Nyz = 0 and Nxy times ±1 (a mirrored k_y row), against the full
     * product with those entries; the SIMD lanes give the scalar bits.
     */
    @Test
    void layerKernelProductIsTheFullProductWithoutTheZCouplingsAndSimdGivesTheScalarBits() {
        SplittableRandom rnd = new SplittableRandom(4);
        int size = 64;
        double[][] layer = randomParts(rnd, 4, size), m0 = randomParts(rnd, 6, size);
        LaneFft.Butterflies simd = new LaneFft(2).butterflies();
        for (double sign : new double[] {1, -1}) {
            double[][] full = new double[6][size];
            for (int i = 0; i < size; i++) {
                full[0][i] = layer[0][i];
                full[1][i] = layer[1][i];
                full[2][i] = layer[2][i];
                full[3][i] = sign * layer[3][i];
            }
            for (int[] at : new int[][] {{0, 0, 16}, {3, 7, 13}, {5, 40, 1}, {8, 8, 24}}) {
                int d = at[0], q = at[1], width = at[2];
                double[][] expected = copy(m0), scalar = copy(m0), vector = copy(m0);
                SpectralProduct.kernelProduct(expected, d, full, q, width, 1, 1, null);
                SpectralProduct.layerKernelProduct(scalar, d, layer, q, width, sign, null);
                SpectralProduct.layerKernelProduct(vector, d, layer, q, width, sign, simd);
                for (int c = 0; c < 6; c++) {
                    for (int l = 0; l < width; l++) {
                        assertEquals(expected[c][d + l], scalar[c][d + l], 1e-15, "part " + c + " lane " + l);
                        assertEquals(Double.doubleToLongBits(scalar[c][d + l]),
                                Double.doubleToLongBits(vector[c][d + l]), "SIMD part " + c + " lane " + l);
                    }
                }
            }
        }
    }

    /**
     * The FFT demag's spectral product −N·M: the scalar loop is the symmetric tensor times the complex vector, and the
     * SIMD one gives its bits, at offsets and widths that are and are not whole vectors, with the kernel read as is
     * and for a wavevector mirrored in y, in z and in both (Nxy, Nxz, Nyz negated where they are odd).
     */
    @Test
    void kernelProductIsMinusTheTensorTimesMAndSimdGivesTheScalarBits() {
        SplittableRandom rnd = new SplittableRandom(3);
        int size = 64;
        double[][] kernel = randomParts(rnd, 6, size), m0 = randomParts(rnd, 6, size);
        LaneFft.Butterflies simd = new LaneFft(2).butterflies();
        for (double[] sign : new double[][] {{1, 1}, {-1, 1}, {1, -1}, {-1, -1}}) {
            for (int[] at : new int[][] {{0, 0, 16}, {3, 7, 13}, {5, 40, 1}, {8, 8, 24}}) {
                int d = at[0], q = at[1], width = at[2];
                double[][] scalar = copy(m0), vector = copy(m0);
                SpectralProduct.kernelProduct(scalar, d, kernel, q, width, sign[0], sign[1], null);
                SpectralProduct.kernelProduct(vector, d, kernel, q, width, sign[0], sign[1], simd);
                for (int l = 0; l < width; l++) {
                    int r = d + l, k = q + l;
                    double nxy = sign[0] * kernel[3][k], nxz = sign[1] * kernel[4][k];
                    double nyz = sign[0] * sign[1] * kernel[5][k];
                    double[][] n = {{kernel[0][k], nxy, nxz}, {nxy, kernel[1][k], nyz}, {nxz, nyz, kernel[2][k]}};
                    for (int row = 0; row < 3; row++) {
                        for (int part = 0; part < 2; part++) {
                            double expected = 0;
                            for (int col = 0; col < 3; col++) {
                                expected -= n[row][col] * m0[2 * col + part][r];
                            }
                            assertEquals(expected, scalar[2 * row + part][r], 1e-15, "lane " + l);
                            assertEquals(Double.doubleToLongBits(scalar[2 * row + part][r]),
                                    Double.doubleToLongBits(vector[2 * row + part][r]), "SIMD lane " + l);
                        }
                    }
                }
                for (int c = 0; c < 6; c++) {
                    for (int i = 0; i < size; i++) {
                        if (i < d || i >= d + width) {
                            assertEquals(m0[c][i], vector[c][i], "untouched outside the lanes");
                        }
                    }
                }
            }
        }
    }

    private static double[][] copy(double[][] a) {
        double[][] b = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            b[i] = a[i].clone();
        }
        return b;
    }

    /** @return rows arrays of size numbers uniform in [−1, 1) */
    private static double[][] randomParts(SplittableRandom rnd, int rows, int size) {
        double[][] a = new double[rows][size];
        for (double[] row : a) {
            for (int i = 0; i < size; i++) {
                row[i] = rnd.nextDouble(-1, 1);
            }
        }
        return a;
    }
}
