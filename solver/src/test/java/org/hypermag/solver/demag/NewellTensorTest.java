package org.hypermag.solver.demag;

import static org.hypermag.solver.demag.TensorAssert.assertTensorEquals;
import static org.hypermag.solver.demag.TensorAssert.newell;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.hypermag.solver.math.GaussLegendre;
import org.junit.jupiter.api.Test;

class NewellTensorTest {

    @Test
    void cubeSelfTermIsOneThirdOnTheDiagonal() {
        double[] n = newell(0, 0, 0, 3e-9, 3e-9, 3e-9);
        assertEquals(1.0 / 3, n[0], 1e-14);
        assertEquals(1.0 / 3, n[1], 1e-14);
        assertEquals(1.0 / 3, n[2], 1e-14);
        for (int k = 3; k < 6; k++) {
            assertEquals(0, n[k], 1e-16);
        }
    }

    @Test
    void flatCellSelfTermMatchesPublishedValuesAndHasTraceOne() {
        // 1 x 1 x 0.6 cell: diag(0.2738, 0.2738, 0.4525), shared/notes/surrogate-feasibility.md
        double[] n = newell(0, 0, 0, 5e-9, 5e-9, 3e-9);
        assertEquals(0.2738, n[0], 1e-4);
        assertEquals(0.2738, n[1], 1e-4);
        assertEquals(0.4525, n[2], 1e-4);
        assertEquals(1, n[0] + n[1] + n[2], 1e-14);
    }

    @Test
    void everyOffsetOtherThanZeroHasTraceZero() {
        double dx = 1, dy = 0.8, dz = 0.6;
        for (int i = -4; i <= 4; i++) {
            for (int j = -4; j <= 4; j++) {
                for (int k = -3; k <= 3; k++) {
                    if (i == 0 && j == 0 && k == 0) {
                        continue;
                    }
                    double[] n = newell(i * dx, j * dy, k * dz, dx, dy, dz);
                    double norm = Math.max(Math.abs(n[0]), Math.max(Math.abs(n[1]), Math.abs(n[2])));
                    assertEquals(0, n[0] + n[1] + n[2], 5e-12 * norm + 1e-14, "offset " + i + "," + j + "," + k);
                }
            }
        }
    }

    @Test
    void equalsTheTargetCellAverageOfThePointTensor() {
        // Independent: average the closed-form point tensor over the target cell with a 10^3 Gauss rule
        // (cells that do not touch, where the point tensor is smooth over the target cell).
        GaussLegendre g = new GaussLegendre(10);
        double dx = 1, dy = 0.7, dz = 0.5;
        double[][] offsets = {{2, 0, 0}, {2, 1.4, 0}, {0, 0, 1.0}, {3, -2.1, 1.5}, {-5, 2.8, 0}, {7, 7 * 0.7, -2}};
        double[] t = new double[6];
        for (double[] o : offsets) {
            double[] avg = new double[6];
            for (int i = 0; i < 10; i++) {
                for (int j = 0; j < 10; j++) {
                    for (int k = 0; k < 10; k++) {
                        double w = g.weight(i) * g.weight(j) * g.weight(k) / 8;
                        PrismTensor.evaluate(o[0] + 0.5 * dx * g.node(i), o[1] + 0.5 * dy * g.node(j),
                                o[2] + 0.5 * dz * g.node(k), dx, dy, dz, t, 0);
                        for (int c = 0; c < 6; c++) {
                            avg[c] += w * t[c];
                        }
                    }
                }
            }
            assertTensorEquals(avg, newell(o[0], o[1], o[2], dx, dy, dz), 1e-9, java.util.Arrays.toString(o));
        }
    }

    @Test
    void analyticFormAndFarFieldCubatureAgreeAtTheSwitch() {
        Random rnd = new Random(4);
        double[] analytic = new double[6];
        for (int trial = 0; trial < 200; trial++) {
            double dx = 0.3 + rnd.nextDouble(), dy = 0.3 + rnd.nextDouble(), dz = 0.3 + rnd.nextDouble();
            double l = Math.max(dx, Math.max(dy, dz));
            double r = NewellTensor.ANALYTIC_LIMIT * (1 + 0.25 * rnd.nextDouble());
            double[] u = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
            double un = Math.sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]);
            double x = r * u[0] / un, y = r * u[1] / un, z = r * u[2] / un;
            NewellTensor.analytic(x, y, z, dx / l, dy / l, dz / l, analytic, 0);
            assertTensorEquals(analytic, newell(x * l, y * l, z * l, dx, dy, dz), 1e-10, "r=" + r);
        }
    }

    @Test
    void diagonalIsEvenAndOffDiagonalOddInEachCoordinate() {
        double dx = 1, dy = 0.5, dz = 0.8;
        for (double[] o : new double[][] {{1, 0.5, 0}, {2, -1, 0.8}, {5, 3, -2.4}, {40, 10, 3.2}}) {
            double[] n = newell(o[0], o[1], o[2], dx, dy, dz);
            double[] mx = newell(-o[0], o[1], o[2], dx, dy, dz);
            assertTensorEquals(new double[] {n[0], n[1], n[2], -n[3], -n[4], n[5]}, mx, 1e-12, "mirror x");
            double[] my = newell(o[0], -o[1], o[2], dx, dy, dz);
            assertTensorEquals(new double[] {n[0], n[1], n[2], -n[3], n[4], -n[5]}, my, 1e-12, "mirror y");
            double[] swapped = newell(o[1], o[0], o[2], dy, dx, dz);
            assertTensorEquals(new double[] {n[1], n[0], n[2], n[3], n[5], n[4]}, swapped, 1e-12, "swap x, y");
        }
    }

    @Test
    void approachesThePointTensorFarAwayAsSizeOverRSquared() {
        double dx = 1, dy = 0.7, dz = 0.4;
        double previous = Double.NaN;
        for (double r = 4; r <= 128; r *= 2) {
            double x = 0.6 * r, y = 0.8 * r, z = 0;
            double err = TensorAssert.relativeDifference(newell(x, y, z, dx, dy, dz),
                    TensorAssert.point(x, y, z, dx, dy, dz));
            if (!Double.isNaN(previous)) {
                assertEquals(4, previous / err, 0.5, "ratio at r=" + r);
            }
            previous = err;
        }
    }
}
