package org.hypermag.surrogate.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.parallel.WorkerPool;
import org.junit.jupiter.api.Test;

/** The paper models as a demag field among domains: placement, additivity, rescaling and what is refused. */
class PaperModelDemagTest {
    private static PaperModel randomModel(String name, double unit) {
        Settings s = Settings.defaults(name).withFourier(4, 0.25).withBasis(12, 3, 12, 0.5).withScales(unit, 8e5);
        PaperModel m = PaperModels.create(name, s, Map.of());
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < m.params.length; i++) {
            m.params[i] = 0.1 * r.nextGaussian();
        }
        return m;
    }

    /** A 5 x 3 array of 8 nm x 6 nm x 3 nm prisms, pitch 10 nm, shifted to (x0, y0, z0) (m). */
    private static Prisms array(double x0, double y0, double z0, double scale) {
        int n = 15;
        double[] cx = new double[n], cy = new double[n], cz = new double[n], sx = new double[n], sy = new double[n],
                sz = new double[n];
        for (int i = 0; i < n; i++) {
            cx[i] = x0 + scale * 10e-9 * (i % 5);
            cy[i] = y0 + scale * 10e-9 * (i / 5);
            cz[i] = z0;
            sx[i] = scale * 8e-9;
            sy[i] = scale * 6e-9;
            sz[i] = scale * 3e-9;
        }
        return Prisms.of(cx, cy, cz, sx, sy, sz);
    }

    private static VectorField magnetisation(int n, double ms) {
        VectorField m = new VectorField(n);
        SplittableRandom r = new SplittableRandom(9);
        for (int i = 0; i < n; i++) {
            m.set(i, ms * (r.nextDouble() - 0.5), ms * (r.nextDouble() - 0.5), ms * (r.nextDouble() - 0.5));
        }
        return m;
    }

    @Test
    void theFieldIsTheModelsFieldOfAllDomainsAtTheirCentresPlacedAtTheOrigin() {
        PaperModel m = randomModel("fourier", 10e-9);
        Prisms p = array(0, 0, 0, 1), shifted = array(1e-6, -2e-6, 5e-9, 1);
        VectorField mag = magnetisation(p.size(), 8e5);
        double[] mx = mag.x.clone(), my = mag.y.clone(), mz = mag.z.clone();
        double[] px = new double[p.size()], py = new double[p.size()];
        for (int i = 0; i < p.size(); i++) {
            px[i] = p.cx(i) - 20e-9;
            py[i] = p.cy(i) - 10e-9;
        }
        Prisms centred = Prisms.of(px, py, new double[p.size()], col(p, 3), col(p, 4), col(p, 5));
        double[] hx = new double[p.size()], hy = new double[p.size()], hz = new double[p.size()];
        m.field(centred, mx, my, mz, px, py, hx, hy, hz);
        try (WorkerPool pool = new WorkerPool(2)) {
            PaperModelDemag d = PaperModelDemag.bind(m, shifted, pool);
            VectorField h = new VectorField(p.size());
            h.set(0, 1, 2, 3); // addField adds
            d.addField(mag, h);
            for (int i = 0; i < p.size(); i++) {
                double scale = Math.abs(hx[i]) + Math.abs(hy[i]) + Math.abs(hz[i]);
                assertEquals(hx[i] + (i == 0 ? 1 : 0), h.x[i], 1e-12 * scale, "hx " + i);
                assertEquals(hy[i] + (i == 0 ? 2 : 0), h.y[i], 1e-12 * scale, "hy " + i);
                assertEquals(hz[i] + (i == 0 ? 3 : 0), h.z[i], 1e-12 * scale, "hz " + i);
            }
            assertTrue(d.describe().contains("paper model fourier") && d.describe().contains("H_z channel"),
                    d.describe());
        }
    }

    private static double[] col(Prisms p, int c) {
        double[] v = new double[p.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = c == 3 ? p.sx(i) : c == 4 ? p.sy(i) : p.sz(i);
        }
        return v;
    }

    @Test
    void aRescaledModelGivesTheSameFieldOnTheScaledGeometry() {
        for (String name : PaperModels.NAMES) {
            PaperModel m = randomModel(name, 10e-9);
            PaperModel big = m.withScales(70e-9, 4e5);
            assertEquals(70e-9, big.settings().lengthUnit());
            assertTrue(big.training().get("training.rescaledFrom").contains("1.0E-8 m"), big.training().toString());
            Prisms small = array(0, 0, 0, 1), large = array(0, 0, 0, 7);
            VectorField mag = magnetisation(small.size(), 8e5), half = new VectorField(small.size());
            for (int i = 0; i < small.size(); i++) {
                half.set(i, 0.5 * mag.x[i], 0.5 * mag.y[i], 0.5 * mag.z[i]);
            }
            try (WorkerPool pool = new WorkerPool(1)) {
                VectorField h1 = new VectorField(small.size()), h2 = new VectorField(small.size());
                PaperModelDemag.bind(m, small, pool).addField(mag, h1);
                PaperModelDemag.bind(big, large, pool).addField(half, h2);
                for (int i = 0; i < small.size(); i++) {
                    double s = Math.abs(h1.x[i]) + Math.abs(h1.y[i]) + Math.abs(h1.z[i]);
                    assertEquals(0.5 * h1.x[i], h2.x[i], 1e-12 * s, name + " hx " + i);
                    assertEquals(0.5 * h1.y[i], h2.y[i], 1e-12 * s, name + " hy " + i);
                    assertEquals(0.5 * h1.z[i], h2.z[i], 1e-12 * s, name + " hz " + i);
                }
            }
        }
    }

    @Test
    void theLengthUnitForDomainsPutsTheirCentresOnTheTrainedSquare() {
        Prisms p = array(3e-6, 0, 0, 1); // centres span 40 nm x 20 nm
        double u = PaperModelDemag.lengthUnitFor(p);
        assertEquals(10e-9, u, 1e-21, "half span 20 nm over 2 units");
        assertNull(PaperModelDemag.unsupported(randomModel("linear", u), p));
        assertTrue(PaperModelDemag.unsupported(randomModel("linear", 0.9 * u), p).contains("+-2 units"));
        Prisms one = Prisms.of(new double[] {0}, new double[] {0}, new double[] {0}, new double[] {30e-9},
                new double[] {10e-9}, new double[] {3e-9});
        assertEquals(15e-9, PaperModelDemag.lengthUnitFor(one), 1e-21, "a single prism: its side is 2 units");
        assertEquals(java.util.List.of(), PaperModelDemag.outsideTraining(randomModel("linear", u), p),
                "sides 0.6-0.8 and thickness 0.3 units are trained sizes");
        assertEquals(java.util.List.of("in-plane sides 0.0600-0.0800 units (trained 0.5-2)",
                "thickness 0.0300-0.0300 units (trained 0.1-1)"),
                PaperModelDemag.outsideTraining(randomModel("linear", 100e-9), p));
    }

    @Test
    void domainsInSeveralLayersOrBeyondTheTrainedSquareAreRefusedWithTheReason() {
        PaperModel m = randomModel("fourier", 10e-9);
        Prisms two = Prisms.of(new double[] {0, 0}, new double[] {0, 0}, new double[] {0, 4e-9},
                new double[] {8e-9, 8e-9}, new double[] {8e-9, 8e-9}, new double[] {3e-9, 3e-9});
        try (WorkerPool pool = new WorkerPool(1)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> PaperModelDemag.bind(m, two, pool));
            assertTrue(e.getMessage().contains("several layers") && e.getMessage().contains("domain 1"),
                    e.getMessage());
            IllegalArgumentException wide = assertThrows(IllegalArgumentException.class,
                    () -> PaperModelDemag.bind(m, array(0, 0, 0, 3), pool));
            assertTrue(wide.getMessage().contains("length unit is 1.000e-08 m")
                    && wide.getMessage().contains("span 1.200e-07 x 6.000e-08 m"), wide.getMessage());
        }
    }
}
