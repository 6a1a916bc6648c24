package org.hypermag.solver.field;

import org.hypermag.solver.llg.LlgEquation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.hypermag.solver.Constants;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.magnet.Material;
import org.junit.jupiter.api.Test;

class FieldTermsTest {
    private static final double MS = 8e5, A = 1.3e-11;

    @Test
    void uniformMagnetisationHasNoExchangeFieldOrEnergy() {
        Magnet magnet = Magnet.onGrid(new RegularGrid(7, 5, 3, 2e-9, 3e-9, 4e-9), Material.of(MS).with(ExchangeField.A, A));
        ExchangeField ex = ExchangeField.of(magnet);
        VectorField m = new VectorField(magnet.size());
        for (int i = 0; i < m.size(); i++) {
            m.set(i, 0.6, 0, 0.8);
        }
        VectorField h = new VectorField(m.size());
        ex.addField(0, m, h);
        for (int i = 0; i < m.size(); i++) {
            assertEquals(0, h.x[i], 1e-9);
            assertEquals(0, h.z[i], 1e-9);
        }
        assertEquals(0, ex.energy(0, m, h), 0);
        assertEquals(7 * 5 * 3 * 3 - 5 * 3 - 7 * 3 - 7 * 5, ex.pairCount(), "6-neighbour pairs with free boundaries");
    }

    @Test
    void exchangeFieldOfASpinSpiralIsTheContinuumLaplacian() {
        // m = (cos kx, sin kx, 0): continuum H = 2A/(mu0 Ms) d2m/dx2 = -2A k^2/(mu0 Ms) m; the 3-point stencil gives
        // the factor (2 - 2 cos(k dx))/dx^2 instead of k^2, exactly
        int n = 64;
        double dx = 1e-9, k = 2 * Math.PI / (n * dx) * 3;
        Magnet magnet = Magnet.onGrid(new RegularGrid(n, 1, 1, dx, 2e-9, 2e-9), Material.of(MS).with(ExchangeField.A, A));
        VectorField m = new VectorField(n);
        for (int i = 0; i < n; i++) {
            m.set(i, Math.cos(k * i * dx), Math.sin(k * i * dx), 0);
        }
        VectorField h = new VectorField(n);
        ExchangeField.of(magnet).addField(0, m, h);
        double factor = -2 * A / (Constants.MU0 * MS) * (2 - 2 * Math.cos(k * dx)) / (dx * dx);
        for (int i = 1; i < n - 1; i++) {
            assertEquals(factor * m.x[i], h.x[i], 1e-9 * Math.abs(factor));
            assertEquals(factor * m.y[i], h.y[i], 1e-9 * Math.abs(factor));
        }
        // energy = A * (area) * sum over bonds |dm|^2 / dx = A V/dx^2 sum 2(1 - cos k dx)
        double expected = A * 2e-9 * 2e-9 / dx * (n - 1) * 2 * (1 - Math.cos(k * dx));
        assertEquals(expected, ExchangeField.of(magnet).energy(0, m, h), 1e-12 * expected);
    }

    @Test
    void sharedFacesOfGridCellsGiveTheSameExchangeAsTheGrid() {
        RegularGrid g = new RegularGrid(5, 4, 2, 2e-9, 3e-9, 2.5e-9);
        Material mat = Material.of(MS).with(ExchangeField.A, A);
        Magnet onGrid = Magnet.onGrid(g, mat);
        Magnet asPrisms = Magnet.ofPrisms(g.toPrisms(), new int[g.cellCount()], List.of(mat));
        VectorField m = FieldTermContractTest.randomUnit(g.cellCount(), 5);
        VectorField h1 = new VectorField(m.size()), h2 = new VectorField(m.size());
        ExchangeField.of(onGrid).addField(0, m, h1);
        ExchangeField.of(asPrisms).addField(0, m, h2);
        for (int i = 0; i < m.size(); i++) {
            assertEquals(h1.x[i], h2.x[i], 1e-9 * Math.abs(h1.x[i]) + 1e-6);
            assertEquals(h1.y[i], h2.y[i], 1e-9 * Math.abs(h1.y[i]) + 1e-6);
        }
        assertEquals(ExchangeField.of(onGrid).pairCount(), ExchangeField.of(asPrisms).pairCount());
    }

    /**
     * A magnet that fills its grid runs the exchange as a stencil (ExchangeStencil), any other as compressed rows:
     * with two materials (different Ms and A, so the couplings differ per cell and per direction) and every axis
     * populated, the stencil's field, energy and the compressed rows' (the same cells as prisms, and the grid with
     * one cell left out, which has no stencil) agree to rounding. A magnet built from the list of all cells in
     * order is the full grid (gridCells() null), so scenario grids take the fast paths too.
     */
    @Test
    void gridStencilGivesTheCompressedRowsFieldAndEnergyWithTwoMaterials() {
        RegularGrid g = new RegularGrid(6, 5, 3, 2e-9, 3e-9, 2.5e-9);
        List<Material> mats = List.of(Material.of(MS).with(ExchangeField.A, A),
                Material.of(0.6 * MS).with(ExchangeField.A, 0.4 * A));
        int n = g.cellCount();
        int[] cells = new int[n], regions = new int[n];
        for (int i = 0; i < n; i++) {
            cells[i] = i;
            regions[i] = (i * 7) % 3 == 0 ? 1 : 0;
        }
        Magnet stencil = Magnet.onGrid(g, cells, regions, mats);
        Magnet rows = Magnet.ofPrisms(g.toPrisms(), regions, mats);
        assertNull(stencil.gridCells(), "every cell in order is stored as null, as Magnet.onGrid(grid, material)");
        assertTrue(ExchangeField.of(stencil).usesStencil());
        assertFalse(ExchangeField.of(rows).usesStencil());
        VectorField m = FieldTermContractTest.randomUnit(n, 11);
        VectorField h1 = new VectorField(n), h2 = new VectorField(n);
        ExchangeField.of(stencil).addField(0, m, h1);
        ExchangeField.of(rows).addField(0, m, h2);
        double scale = 0;
        for (int i = 0; i < n; i++) {
            scale = Math.max(scale, Math.abs(h2.x[i]) + Math.abs(h2.y[i]) + Math.abs(h2.z[i]));
        }
        for (int i = 0; i < n; i++) {
            assertEquals(h2.x[i], h1.x[i], 1e-13 * scale);
            assertEquals(h2.y[i], h1.y[i], 1e-13 * scale);
            assertEquals(h2.z[i], h1.z[i], 1e-13 * scale);
        }
        double e = ExchangeField.of(rows).energy(0, m, h2);
        assertEquals(e, ExchangeField.of(stencil).energy(0, m, h1), 1e-13 * e);

        // the last cell left out: compressed rows on the grid, the same field on the other cells as the prisms'
        int[] fewer = java.util.Arrays.copyOf(cells, n - 1);
        int[] fewerRegions = java.util.Arrays.copyOf(regions, n - 1);
        Magnet partial = Magnet.onGrid(g, fewer, fewerRegions, mats);
        Magnet partialPrisms = Magnet.ofPrisms(g.toPrisms(fewer), fewerRegions, mats);
        assertFalse(ExchangeField.of(partial).usesStencil());
        VectorField mp = FieldTermContractTest.randomUnit(n - 1, 12);
        VectorField h3 = new VectorField(n - 1), h4 = new VectorField(n - 1);
        ExchangeField.of(partial).addField(0, mp, h3);
        ExchangeField.of(partialPrisms).addField(0, mp, h4);
        for (int i = 0; i < n - 1; i++) {
            assertEquals(h4.x[i], h3.x[i], 1e-13 * scale);
        }
    }

    @Test
    void prismsTouchingAtAnEdgeOnlyAreNotCoupledAndOverlappingPrismsAreRejected() {
        Material mat = Material.of(MS).with(ExchangeField.A, A);
        Prisms edge = Prisms.of(new double[] {0, 2e-9}, new double[] {0, 2e-9}, new double[] {0, 0},
                new double[] {2e-9, 2e-9}, new double[] {2e-9, 2e-9}, new double[] {2e-9, 2e-9});
        assertEquals(0, ExchangeField.of(Magnet.ofPrisms(edge, new int[2], List.of(mat))).pairCount());
        Prisms overlap = Prisms.of(new double[] {0, 1e-9}, new double[] {0, 0}, new double[] {0, 0},
                new double[] {2e-9, 2e-9}, new double[] {2e-9, 2e-9}, new double[] {2e-9, 2e-9});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExchangeField.of(Magnet.ofPrisms(overlap, new int[2], List.of(mat))));
        assertEquals("prisms 0 and 1 overlap", e.getMessage());
    }

    @Test
    void zeroInterRegionScalingDecouplesRegions() {
        RegularGrid g = new RegularGrid(2, 1, 1, 2e-9, 2e-9, 2e-9);
        Material mat = Material.of(MS).with(ExchangeField.A, A);
        Magnet coupled = Magnet.onGrid(g, new int[] {0, 1}, new int[] {0, 1}, List.of(mat, mat));
        Magnet decoupled = coupled.withExchangeScaling(0, 1, 0);
        VectorField m = new VectorField(2);
        m.set(0, 1, 0, 0);
        m.set(1, 0, 1, 0);
        VectorField h = new VectorField(2);
        ExchangeField.of(coupled).addField(0, m, h);
        assertEquals(2 * A / (Constants.MU0 * MS * 4e-18), h.y[0], 1e-6);
        h.clear();
        ExchangeField.of(decoupled).addField(0, m, h);
        assertEquals(0, h.y[0], 0);
    }

    @Test
    void uniaxialFieldIsAlongTheAxisWithTheAnisotropyFieldMagnitude() {
        double k1 = 5e5;
        Magnet magnet = Magnet.onGrid(new RegularGrid(1, 1, 1, 2e-9, 2e-9, 2e-9),
                Material.of(MS).with(UniaxialAnisotropyField.K1, k1).with(UniaxialAnisotropyField.AXIS, 0, 0, 2));
        VectorField m = new VectorField(1);
        m.set(0, 0, 0, 1);
        VectorField h = new VectorField(1);
        UniaxialAnisotropyField an = UniaxialAnisotropyField.of(magnet);
        an.addField(0, m, h);
        assertEquals(2 * k1 / (Constants.MU0 * MS), h.z[0], 1e-9);
        assertEquals(0, an.energy(0, m, h), 0);
        m.set(0, 1, 0, 0);
        assertEquals(k1 * 8e-27, an.energy(0, m, h), 1e-12 * k1 * 8e-27);
        assertNull(UniaxialAnisotropyField.of(Magnet.onGrid(new RegularGrid(1, 1, 1, 1, 1, 1), Material.of(MS))));
    }

    @Test
    void cubicEnergyVanishesAlongTheCubeAxesAndPeaksAlongTheBodyDiagonal() {
        double kc1 = 4e4;
        Magnet magnet = Magnet.onGrid(new RegularGrid(1, 1, 1, 1e-9, 1e-9, 1e-9),
                Material.of(MS).with(CubicAnisotropyField.KC1, kc1).with(CubicAnisotropyField.KC2, 0)
                .with(CubicAnisotropyField.AXES, 1, 0, 0, 0, 1, 0));
        CubicAnisotropyField c = CubicAnisotropyField.of(magnet);
        VectorField m = new VectorField(1);
        VectorField h = new VectorField(1);
        m.set(0, 0, 1, 0);
        assertEquals(0, c.energy(0, m, h), 0);
        double s = 1 / Math.sqrt(3);
        m.set(0, s, s, s);
        assertEquals(kc1 / 3 * 1e-27, c.energy(0, m, h), 1e-12 * kc1 * 1e-27);
        c.addField(0, m, h);
        // along the diagonal the field is parallel to m (no torque) and points against it for Kc1 > 0
        assertEquals(h.x[0], h.y[0], 1e-9);
        assertEquals(h.x[0], h.z[0], 1e-9);
        assertEquals(-4 * kc1 / (3 * Constants.MU0 * MS) * s, h.x[0], 1e-6);
    }

    @Test
    void appliedFieldProtocolsGiveTheirValues() {
        double[] out = new double[3];
        AppliedField.ramp(new double[] {0, 0, 0}, new double[] {10, -20, 0}, 1e-9, 3e-9).value(2e-9, out);
        assertEquals(5, out[0], 1e-12);
        assertEquals(-10, out[1], 1e-12);
        AppliedField.ramp(new double[] {0, 0, 0}, new double[] {10, -20, 0}, 1e-9, 3e-9).value(9e-9, out);
        assertEquals(10, out[0], 0);
        AppliedField.sinusoid(new double[] {1, 0, 0}, new double[] {0, 2, 0}, 1e9, 0).value(0.25e-9, out);
        assertEquals(2, out[1], 1e-12);
        AppliedField tab = AppliedField.tabulated(new double[] {0, 1e-9, 2e-9},
                new double[][] {{0, 0, 0}, {0, 0, 4}, {8, 0, 0}});
        tab.value(0.5e-9, out);
        assertEquals(2, out[2], 1e-12);
        tab.value(1.5e-9, out);
        assertEquals(4, out[0], 1e-12);
        assertEquals(2, out[2], 1e-12);
        tab.value(5e-9, out);
        assertEquals(8, out[0], 0);
        assertThrows(IllegalArgumentException.class,
                () -> AppliedField.tabulated(new double[] {1, 1}, new double[][] {{0, 0, 0}, {0, 0, 0}}));
    }

    @Test
    void invalidMaterialsAreRejectedWithTheQuantityAndUnit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Material.of(-1));
        assertEquals("Ms (A/m): got -1.0; expected a number > 0 (A/m)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Material.of(MS).with(LlgEquation.ALPHA, -0.1));
        assertEquals("alpha (1): got -0.1; expected a number >= 0 (dimensionless)", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Material.of(MS).with(CubicAnisotropyField.KC1, 1).with(CubicAnisotropyField.KC2, 0)
                .with(CubicAnisotropyField.AXES, 1, 0, 0, 1, 1, 0));
    }

    @Test
    void secondOrderAnisotropyHasEnergyMinusK2CosToTheFourthAndItsFieldAlongTheAxis() {
        double k2 = 3e4;
        Magnet magnet = Magnet.onGrid(new RegularGrid(1, 1, 1, 2e-9, 2e-9, 2e-9), Material.of(MS)
                .with(SecondOrderAnisotropyField.K2, k2).with(UniaxialAnisotropyField.AXIS, 0, 0, 1));
        SecondOrderAnisotropyField term = SecondOrderAnisotropyField.of(magnet);
        VectorField m = new VectorField(1);
        m.set(0, Math.sin(Math.PI / 3), 0, Math.cos(Math.PI / 3));
        VectorField h = new VectorField(1);
        term.addField(0, m, h);
        double v = 8e-27;
        assertEquals(-k2 / 16 * v, term.energy(0, m, h), 1e-12 * k2 * v, "-K2 cos^4(60 deg) V");
        assertEquals(4 * k2 / (org.hypermag.solver.Constants.MU0 * MS) / 8, h.z[0], 1e-9 * h.z[0],
                "4 K2 / (mu0 Ms) cos^3(60 deg) along the axis");
        assertEquals(0, h.x[0], 0);
        assertEquals(null, SecondOrderAnisotropyField.of(Magnet.onGrid(new RegularGrid(1, 1, 1, 2e-9, 2e-9, 2e-9),
                Material.of(MS))), "left out when K2 = 0");
    }
}
