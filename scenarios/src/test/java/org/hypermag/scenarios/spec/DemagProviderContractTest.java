package org.hypermag.scenarios.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.demag.DemagField;
import org.hypermag.solver.demag.DemagProvider;
import org.hypermag.solver.demag.DemagRequest;
import org.hypermag.solver.demag.DemagSetting;
import org.hypermag.solver.demag.DemagSettings;
import org.hypermag.solver.demag.ExactDemagProvider;
import org.hypermag.solver.demag.NoDemagProvider;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.magnet.Material;
import org.hypermag.solver.parallel.WorkerPool;
import org.junit.jupiter.api.Test;

/**
 * The contract every demag method in {@link DemagMethods#ALL} keeps, checked for each of them on a grid and on
 * arbitrary prisms: a name and settings fit for the {@code demag:} key, {@code unsupported} and
 * {@code estimateBytes} before anything is built, a field with sources = targets = domains that refuses wrong sizes
 * and adds (never overwrites), and the field at points sized by sources and points. A method added to the list is
 * held to the same rules without touching this test.
 */
class DemagProviderContractTest {
    private static final WorkerPool POOL = new WorkerPool(2);
    private static final Material PERMALLOY = Material.of(8e5);

    private static Magnet grid() {
        return Magnet.onGrid(new RegularGrid(12, 6, 1, 4e-9, 4e-9, 3e-9), PERMALLOY);
    }

    /**
     * Nine equal single-layer islands at irregular positions (not a grid), spread wider than the surrogate's default
     * near zone so that it has a far field to represent.
     */
    private static Magnet islands() {
        int n = 9;
        double[] cx = new double[n], cy = new double[n], cz = new double[n];
        double[] sx = new double[n], sy = new double[n], sz = new double[n];
        for (int i = 0; i < n; i++) {
            cx[i] = (i % 3) * 600e-9 + (i * 7 % 5) * 13e-9;
            cy[i] = (i / 3) * 550e-9 + (i * 3 % 4) * 9e-9;
            sx[i] = 20e-9;
            sy[i] = 12e-9;
            sz[i] = 5e-9;
        }
        return Magnet.ofPrisms(Prisms.of(cx, cy, cz, sx, sy, sz), new int[n], List.of(PERMALLOY));
    }

    private static VectorField tilted(int n) {
        VectorField m = new VectorField(n);
        for (int i = 0; i < n; i++) {
            double a = 0.3 * i;
            m.set(i, 8e5 * Math.cos(a), 8e5 * Math.sin(a) * 0.8, 8e5 * Math.sin(a) * 0.6);
        }
        return m;
    }

    @Test
    void namesAreUniqueAndSettingsAreDocumentedKeysOtherThanMethod() {
        Set<String> names = new HashSet<>();
        for (DemagProvider p : DemagMethods.ALL) {
            assertTrue(p.name().matches("[a-z][a-z0-9_-]*"), p.name());
            assertTrue(names.add(p.name()), "duplicate method " + p.name());
            assertFalse(p.doc().isBlank(), p.name());
            Set<String> keys = new HashSet<>();
            for (DemagSetting s : p.settings()) {
                assertTrue(keys.add(s.key()), p.name() + ": duplicate setting " + s.key());
                assertFalse(s.key().equals("method"), p.name());
                assertFalse(s.doc().isBlank(), p.name() + "." + s.key());
            }
            assertSame(p, DemagMethods.byName(p.name()));
            assertEquals(DemagSettings.defaults(p), DemagSettings.defaults(p), "defaults are a value");
        }
        assertEquals(ExactDemagProvider.INSTANCE, DemagMethods.ALL.get(0), "the default is the exact method");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DemagMethods.byName("fmm"));
        assertTrue(e.getMessage().contains(String.join(", ", DemagMethods.names())), e.getMessage());
    }

    @Test
    void everyMethodBuildsAFieldAmongTheDomainsThatAddsAndRefusesWrongSizes() {
        for (Magnet magnet : List.of(grid(), islands())) {
            for (DemagProvider p : DemagMethods.ALL) {
                String what = p.name() + (magnet.isOnGrid() ? " on a grid" : " on prisms");
                DemagSettings settings = DemagSettings.defaults(p);
                String why = p.unsupported(magnet, settings);
                if (why != null) {
                    assertFalse(why.isBlank(), what);
                    assertThrows(IllegalArgumentException.class,
                            () -> p.build(DemagRequest.onCpu(magnet, p, POOL)), what);
                    continue;
                }
                assertTrue(p.estimateBytes(magnet, settings) >= 0, what);
                DemagField f = p.build(DemagRequest.onCpu(magnet, p, POOL));
                if (p == NoDemagProvider.INSTANCE) {
                    assertNull(f, "none builds no field");
                    assertEquals(0, p.estimateBytes(magnet, settings));
                    continue;
                }
                assertNotNull(f, what);
                int n = magnet.size();
                assertEquals(n, f.sources(), what);
                assertEquals(n, f.targets(), what);
                assertEquals("cpu", f.device(), what);
                assertFalse(f.describe().isBlank(), what);

                VectorField m = tilted(n);
                VectorField once = new VectorField(n);
                f.addField(m, once);
                VectorField twice = new VectorField(n);
                f.addField(m, twice);
                f.addField(m, twice);
                double largest = 0;
                for (int i = 0; i < n; i++) {
                    double[] h = {once.x[i], once.y[i], once.z[i]}, h2 = {twice.x[i], twice.y[i], twice.z[i]};
                    for (int c = 0; c < 3; c++) {
                        assertTrue(Double.isFinite(h[c]), what);
                        largest = Math.max(largest, Math.abs(h[c]));
                        assertEquals(2 * h[c], h2[c], 1e-12 * Math.abs(h[c]) + 1e-9, what + ": adds");
                    }
                }
                assertTrue(largest > 1e3 && largest < 8e5, what + ": |H| within (1e3, Ms) A/m, got " + largest);
                assertThrows(IllegalArgumentException.class, () -> f.addField(tilted(n + 1), new VectorField(n)),
                        what + ": magnetisation of the wrong size");
                assertThrows(IllegalArgumentException.class, () -> f.addField(tilted(n), new VectorField(n - 1)),
                        what + ": field of the wrong size");
            }
        }
    }

    @Test
    void fieldAtPointsIsSizedBySourcesAndPointsOrRefusedWithAReason() {
        Magnet magnet = islands();
        double[] x = {-50e-9, 730e-9, 360e-9}, y = {10e-9, 590e-9, -40e-9};
        double[] inPlane = {0, 0, 0}, above = {20e-9, 0, 15e-9};
        for (DemagProvider p : DemagMethods.ALL) {
            DemagRequest request = DemagRequest.onCpu(null, p, POOL);
            if (p == NoDemagProvider.INSTANCE) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> p.atPoints(magnet.prisms(), x, y, inPlane, request));
                assertTrue(e.getMessage().contains("none"), e.getMessage());
                continue;
            }
            try {
                p.atPoints(magnet.prisms(), x, y, above, request);
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage().contains("point"), p.name() + ": a refusal names the point: " + e.getMessage());
            }
            DemagField f = p.atPoints(magnet.prisms(), x, y, inPlane, request);
            assertEquals(magnet.size(), f.sources(), p.name());
            assertEquals(x.length, f.targets(), p.name());
            VectorField h = new VectorField(x.length);
            f.addField(tilted(magnet.size()), h);
            for (int i = 0; i < x.length; i++) {
                double norm = Math.sqrt(h.x[i] * h.x[i] + h.y[i] * h.y[i] + h.z[i] * h.z[i]);
                assertTrue(Double.isFinite(norm) && norm > 0, p.name() + " at point " + i);
            }
        }
    }
}
