package org.hypermag.solver.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.hypermag.solver.Constants;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.magnet.Material;
import org.junit.jupiter.api.Test;

/** DMI energies by hand, against the continuum, and under the symmetries of the crystal classes. */
class DmiFieldTest {
    private static final double D = 3e-3;

    private static Magnet grid(int nx, int ny, int nz, double d, Material mat) {
        return Magnet.onGrid(new RegularGrid(nx, ny, nz, d, d, d), mat);
    }

    /**
     * Two 2 nm cells side by side along x, m1 = z, m2 = x: E = Dind S ŷ·(m1 × m2) = Dind S (S = 4 nm²), by hand from
     * ε = Dind (m_z ∂_x m_x − m_x ∂_x m_z) at the bond midpoint: m_z = 1/2, ∂_x m_x = 1/Δ, m_x = 1/2, ∂_x m_z = −1/Δ
     * → ε = Dind/Δ over the bond's volume S Δ. Bulk on the same pair: ε = Dbulk m·(∇ × m), (∇ × m)_y = −∂_x m_z = 1/Δ,
     * m_y = 0 at the midpoint, (∇ × m)_z = ∂_x m_y = 0: E = 0; with m2 = y instead: m·(∇×m) = m_z ∂_x m_y − m_y ∂_x m_z
     * = (1/2)(1/Δ) − (1/2)(−1/Δ) = 1/Δ → E = Dbulk S.
     */
    @Test
    void twoCellsHaveTheHandComputedEnergy() {
        double d = 2e-9, s = d * d;
        VectorField m = new VectorField(2);
        m.set(0, 0, 0, 1);
        m.set(1, 1, 0, 0);
        Magnet inter = grid(2, 1, 1, d, Material.of(8e5).with(InterfacialDmiField.DIND, D));
        assertEquals(D * s, InterfacialDmiField.of(inter).energy(0, m, null), 1e-15 * D * s);
        Magnet bulk = grid(2, 1, 1, d, Material.of(8e5).with(BulkDmiField.DBULK, D));
        assertEquals(0, BulkDmiField.of(bulk).energy(0, m, null), 1e-15 * D * s);
        m.set(1, 0, 1, 0);
        assertEquals(D * s, BulkDmiField.of(bulk).energy(0, m, null), 1e-15 * D * s);
        // the field of domain 0 is minus the gradient: H_0 = (Dind S/(mu0 Ms V)) d_01 x m_1, d_01 = y
        VectorField h = new VectorField(2);
        m.set(1, 1, 0, 0);
        InterfacialDmiField.of(inter).addField(0, m, h);
        double c = D * s / (Constants.MU0 * 8e5 * d * s);
        assertEquals(-c, h.z[0], 1e-12 * c, "y x x = -z");
    }

    /**
     * A cycloid m = (sin kx, 0, cos kx) along a 64-cell chain: inside, the energy per volume is
     * Dind sin(kΔ)/Δ = Dind k (1 − (kΔ)²/6 + ...), the continuum ε = Dind k to second order in kΔ; and the field
     * of an interior cell is (2 Dind/(μ0 Ms)) (∂_x m_z, 0, −∂_x m_x) to the same order.
     */
    @Test
    void aCycloidHasTheContinuumEnergyAndFieldToSecondOrder() {
        int n = 64;
        double d = 1e-9, k = 2 * Math.PI / (20 * d), ms = 8e5;
        Magnet chain = grid(n, 1, 1, d, Material.of(ms).with(InterfacialDmiField.DIND, D));
        VectorField m = new VectorField(n);
        for (int i = 0; i < n; i++) {
            m.set(i, Math.sin(k * i * d), 0, Math.cos(k * i * d));
        }
        InterfacialDmiField f = InterfacialDmiField.of(chain);
        double[] density = new double[n];
        f.energyDensity(0, m, null, density);
        double kd = k * d;
        for (int i = 1; i < n - 1; i++) {
            assertEquals(D * Math.sin(kd) / d, density[i], 1e-12 * D * k, "interior cell " + i);
            assertEquals(D * k, density[i], D * k * kd * kd / 6 * 1.01, "second order, cell " + i);
        }
        VectorField h = new VectorField(n);
        f.addField(0, m, h);
        int i = n / 2;
        double x = k * i * d, scale = 2 * D / (Constants.MU0 * ms);
        assertEquals(scale * (-k * Math.sin(x)), h.x[i], scale * k * kd * kd / 6 * 1.01 + 1e-9 * scale * k);
        assertEquals(scale * (-k * Math.cos(x)), h.z[i], scale * k * kd * kd / 6 * 1.01 + 1e-9 * scale * k);
    }

    /**
     * Symmetry: rotating a configuration and the lattice together about z by 90° leaves the interfacial energy
     * (C_nv, axis z) unchanged; rotating about x by 90° leaves the bulk energy (class T) unchanged but not the
     * interfacial one; mirror images (m transformed as an axial vector) reverse the energy unless the mirror is a
     * symmetry of the class: x → −x leaves the interfacial energy (C_nv has vertical mirror planes) and reverses the
     * bulk one (class T has no mirror), z → −z reverses the interfacial one: each DMI selects a chirality.
     */
    @Test
    void energiesFollowTheSymmetriesOfTheirCrystalClasses() {
        int n = 5;
        double d = 2e-9;
        Material mat = Material.of(8e5).with(InterfacialDmiField.DIND, D).with(BulkDmiField.DBULK, -2e-3);
        Magnet cube = grid(n, n, n, d, mat);
        RegularGrid g = cube.grid();
        Random rnd = new Random(4);
        VectorField m = new VectorField(n * n * n);
        for (int q = 0; q < m.size(); q++) {
            double a = rnd.nextGaussian(), b = rnd.nextGaussian(), c = rnd.nextGaussian(), r = Math.sqrt(a * a + b * b
                    + c * c);
            m.set(q, a / r, b / r, c / r);
        }
        InterfacialDmiField inter = InterfacialDmiField.of(cube);
        BulkDmiField bulk = BulkDmiField.of(cube);
        double ei = inter.energy(0, m, null), eb = bulk.energy(0, m, null);
        assertTrue(Math.abs(ei) > 0 && Math.abs(eb) > 0);
        // about z: (x, y, z) -> (-y, x, z) on positions and vectors
        VectorField rz = new VectorField(m.size()), rx = new VectorField(m.size()), mirror = new VectorField(m.size()),
                mirrorZ = new VectorField(m.size());
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    int from = g.index(i, j, k);
                    rz.set(g.index(n - 1 - j, i, k), -m.y[from], m.x[from], m.z[from]);
                    rx.set(g.index(i, n - 1 - k, j), m.x[from], -m.z[from], m.y[from]);
                    // mirror x -> -x: an axial vector keeps its x component and flips y and z
                    mirror.set(g.index(n - 1 - i, j, k), m.x[from], -m.y[from], -m.z[from]);
                    mirrorZ.set(g.index(i, j, n - 1 - k), -m.x[from], -m.y[from], m.z[from]);
                }
            }
        }
        double tol = 1e-12 * Math.abs(ei);
        assertEquals(ei, inter.energy(0, rz, null), tol, "interfacial, rotated about z");
        assertEquals(eb, bulk.energy(0, rz, null), 1e-12 * Math.abs(eb), "bulk, rotated about z");
        assertEquals(eb, bulk.energy(0, rx, null), 1e-12 * Math.abs(eb), "bulk, rotated about x");
        assertTrue(Math.abs(inter.energy(0, rx, null) - ei) > 1e-3 * Math.abs(ei), "interfacial is not isotropic");
        assertEquals(ei, inter.energy(0, mirror, null), tol, "x -> -x is a symmetry of Cnv");
        assertEquals(-ei, inter.energy(0, mirrorZ, null), tol, "z -> -z reverses the interfacial energy");
        assertEquals(-eb, bulk.energy(0, mirror, null), 1e-12 * Math.abs(eb), "x -> -x reverses the bulk energy");
    }

    /** DMI needs neighbours: separated grains (or, for Dind, a column of cells stacked along z) are refused. */
    @Test
    void aGeometryWithoutNeighboursIsRefused() {
        Material mat = Material.of(8e5).with(InterfacialDmiField.DIND, D).with(BulkDmiField.DBULK, D);
        Magnet apart = Magnet.ofPrisms(Prisms.of(new double[] {0, 10e-9}, new double[2], new double[2],
                new double[] {2e-9, 2e-9}, new double[] {2e-9, 2e-9}, new double[] {2e-9, 2e-9}), new int[2],
                List.of(mat));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> InterfacialDmiField.of(apart)).getMessage()
                .contains("side by side"));
        assertThrows(IllegalArgumentException.class, () -> BulkDmiField.of(apart));
        Magnet column = Magnet.onGrid(new RegularGrid(1, 1, 4, 2e-9, 2e-9, 2e-9), mat);
        assertThrows(IllegalArgumentException.class, () -> InterfacialDmiField.of(column));
        assertEquals(3, BulkDmiField.of(column).pairCount());
    }
}
