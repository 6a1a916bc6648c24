package org.hypermag.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * The vortex-core locator on synthetic cores: a Gaussian m_z bump of width w placed between cell centres on a
 * 40 × 30 × 2 lattice of 2.5 nm cells is found within 0.05 cells (the three-point parabola's error for w = 2 cells,
 * the SP5 core's size at its mesh), with its polarity; cores pointing down are found as well.
 */
class VortexCoreTest {
    private static final int NX = 40, NY = 30, NZ = 2;
    private static final double D = 2.5e-9;

    private static double[] coreAt(double xc, double yc, double polarity, double width, double[][] centres) {
        double[] mz = new double[centres.length];
        for (int i = 0; i < centres.length; i++) {
            double dx = centres[i][0] - xc, dy = centres[i][1] - yc;
            mz[i] = polarity * Math.exp(-(dx * dx + dy * dy) / (width * width));
        }
        return mz;
    }

    private static double[][] lattice() {
        double[][] c = new double[NX * NY * NZ][];
        for (int k = 0; k < NZ; k++) {
            for (int j = 0; j < NY; j++) {
                for (int i = 0; i < NX; i++) {
                    c[i + NX * (j + NY * k)] = new double[] {(i + 0.5) * D, (j + 0.5) * D, (k + 0.5) * D};
                }
            }
        }
        return c;
    }

    @Test
    void aCoreBetweenCellCentresIsFoundWithinAFractionOfACell() {
        double[][] c = lattice();
        ColumnLattice lat = ColumnLattice.of(c, 1 << 20);
        assertEquals(NX, lat.nx());
        assertEquals(NY, lat.ny());
        double[][] cores = {{51.3e-9, 30.1e-9, 1}, {20.0e-9, 41.9e-9, -1}, {63.7e-9, 36.2e-9, 1}};
        for (double[] core : cores) {
            double[] found = VortexCore.locate(lat, coreAt(core[0], core[1], core[2], 2 * D, c));
            assertEquals(core[0], found[0], 0.05 * D, "x of the core at " + core[0]);
            assertEquals(core[1], found[1], 0.05 * D, "y of the core at " + core[1]);
            assertEquals(core[2], Math.signum(found[2]), 0.0, "polarity");
        }
    }

    @Test
    void centresOffALatticeHaveNoColumns() {
        double[][] c = {{0, 0, 0}, {1e-9, 0, 0}, {2.5e-9, 0, 0}};
        assertNull(ColumnLattice.of(c, 100));
    }
}
