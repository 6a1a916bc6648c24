package org.hypermag.solver.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.magnet.Material;
import org.junit.jupiter.api.Test;

/** Which domains face each other, and the energy of the coupling by hand. */
class InterlayerExchangeTest {
    private static final Material MAT = Material.of(8e5);

    /**
     * Two films of 4 x 3 cells of 3 x 4 nm with one empty layer between: 12 facing pairs of area 12 nm²; with
     * m = z below and m at 60° above, E = −12 S (J1 cos 60° + J2 cos² 60°).
     */
    @Test
    void facingCellsOfABilayerCoupleWithTheHandComputedEnergy() {
        Magnet m = TermContracts.bilayer();
        InterlayerExchangeField f = InterlayerExchangeField.of(m);
        assertEquals(12, f.pairCount());
        VectorField s = new VectorField(24);
        for (int i = 0; i < 24; i++) {
            if (i < 12) {
                s.set(i, 0, 0, 1);
            } else {
                s.set(i, Math.sin(Math.PI / 3), 0, 0.5);
            }
        }
        double area = 3e-9 * 4e-9, j1 = -1.2e-3, j2 = -0.3e-3;
        double expected = -12 * area * (j1 * 0.5 + j2 * 0.25);
        assertEquals(expected, f.energy(0, s, null), 1e-12 * Math.abs(expected));
    }

    /** Prisms face each other where their footprints overlap, with the overlap as the area. */
    @Test
    void stackedPrismsFaceWhereTheirFootprintsOverlap() {
        InterlayerExchangeField f = InterlayerExchangeField.of(TermContracts.stackedPrisms());
        // 0 (x -3..3, y -2.5..2.5) faces 2 (x -1.5..3.5, y -2..4) and 3 (x 4.5..9.5): only 2; 1 (x 3..9) faces 2, 3
        assertEquals(3, f.pairCount());
    }

    /** Regions side by side, or with a third region between, do not face: a clear refusal. */
    @Test
    void regionsThatDoNotFaceEachOtherAreRefused() {
        Magnet side = Magnet.ofPrisms(Prisms.of(new double[] {0, 5e-9}, new double[2], new double[2],
                new double[] {5e-9, 5e-9}, new double[] {5e-9, 5e-9}, new double[] {2e-9, 2e-9}), new int[] {0, 1},
                List.of(MAT, MAT)).withInterlayer(new Magnet.Interlayer(0, 1, -1e-3, 0));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> InterlayerExchangeField.of(side)).getMessage()
                .contains("do not face"));
        RegularGrid g = new RegularGrid(2, 2, 3, 2e-9, 2e-9, 2e-9);
        int[] regions = new int[12];
        for (int c = 0; c < 12; c++) {
            regions[c] = c / 4; // layers of regions 0, 1, 2
        }
        int[] cells = new int[12];
        for (int c = 0; c < 12; c++) {
            cells[c] = c;
        }
        Magnet sandwich = Magnet.onGrid(g, cells, regions, List.of(MAT, MAT, MAT))
                .withInterlayer(new Magnet.Interlayer(0, 2, 1e-3, 0));
        assertThrows(IllegalArgumentException.class, () -> InterlayerExchangeField.of(sandwich),
                "region 1 lies between 0 and 2");
    }
}
