package org.hypermag.solver.llg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.demag.FftDemag;
import org.hypermag.solver.field.AppliedField;
import org.hypermag.solver.field.DemagTerm;
import org.hypermag.solver.field.EffectiveField;
import org.hypermag.solver.field.ExchangeField;
import org.hypermag.solver.field.ZeemanField;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.magnet.Material;
import org.hypermag.solver.parallel.WorkerPool;
import org.junit.jupiter.api.Test;

/**
 * The LLG right-hand side split for a partitioned integrator: the long-range part is the precession and damping of
 * the demag alone, the local part that of the other terms with the torques, and the two add up to dm/dt (the
 * equation is linear in H), on a 12 × 6 film with exchange, a field, the FFT demag and a Slonczewski-like torque.
 */
class LongRangeSplitTest {
    private static final Magnet MAGNET = Magnet.onGrid(new RegularGrid(12, 6, 1, 5e-9, 5e-9, 3e-9),
            Material.of(8e5).with(ExchangeField.A, 1.3e-11).with(LlgEquation.ALPHA, 0.1));

    /** A torque that does not depend on H: dm/dt += −c m × (m × ẑ). */
    private static final Torque TOWARDS_Z = new Torque() {
        @Override
        public TorqueType type() {
            return new TorqueType("towards-z", "test torque", List.of(), in -> null);
        }

        @Override
        public void addTorque(double t, VectorField m, VectorField heff, VectorField dmdt) {
            double c = 3e9;
            for (int i = 0; i < m.size(); i++) {
                // m × (m × z) = m m_z − z
                dmdt.x[i] -= c * m.x[i] * m.z[i];
                dmdt.y[i] -= c * m.y[i] * m.z[i];
                dmdt.z[i] -= c * (m.z[i] * m.z[i] - 1);
            }
        }
    };

    private static VectorField state() {
        VectorField m = new VectorField(MAGNET.size());
        for (int i = 0; i < m.size(); i++) {
            double th = 0.4 + 0.11 * i, ph = 0.07 * i * i;
            m.set(i, Math.sin(th) * Math.cos(ph), Math.sin(th) * Math.sin(ph), Math.cos(th));
        }
        return m;
    }

    private static DemagTerm demag() {
        return new DemagTerm(MAGNET, new FftDemag(MAGNET.grid(), WorkerPool.shared()));
    }

    private static double maxDifference(VectorField a, VectorField b) {
        double max = 0;
        for (int i = 0; i < a.size(); i++) {
            max = Math.max(max, Math.abs(a.x[i] - b.x[i]) + Math.abs(a.y[i] - b.y[i]) + Math.abs(a.z[i] - b.z[i]));
        }
        return max;
    }

    private static double maxNorm(VectorField a) {
        double max = 0;
        for (int i = 0; i < a.size(); i++) {
            max = Math.max(max, Math.abs(a.x[i]) + Math.abs(a.y[i]) + Math.abs(a.z[i]));
        }
        return max;
    }

    @Test
    void theTwoPartsAddUpToDmDtAndTheLongRangeOneIsTheDemagsTorqueAlone() {
        int n = MAGNET.size();
        ZeemanField zeeman = new ZeemanField(MAGNET, AppliedField.constant(new double[] {-2e4, 3e3, 1e3}));
        LlgEquation llg = new LlgEquation(MAGNET, new EffectiveField(n, ExchangeField.of(MAGNET), zeeman, demag()),
                List.of(TOWARDS_Z));
        LlgEquation demagOnly = new LlgEquation(MAGNET, new EffectiveField(n, demag()));
        LlgEquation localOnly = new LlgEquation(MAGNET, new EffectiveField(n, ExchangeField.of(MAGNET), zeeman),
                List.of(TOWARDS_Z));
        VectorField m = state(), whole = new VectorField(n), longRange = new VectorField(n), local = new VectorField(n),
                expected = new VectorField(n), field = new VectorField(n);

        llg.derivative(0, m, expected);
        field.setFrom(llg.lastField());
        double torque = llg.lastMaxTorque(), scale = maxNorm(expected);
        llg.longRangeSplit(0, m, whole, longRange);
        assertTrue(maxDifference(whole, expected) <= 1e-12 * scale, "whole dm/dt: " + maxDifference(whole, expected));
        assertTrue(maxDifference(llg.lastField(), field) <= 1e-12 * maxNorm(field), "the last field is the whole one");
        assertEquals(torque, llg.lastMaxTorque(), 1e-12 * torque);

        demagOnly.derivative(0, m, expected);
        assertTrue(maxNorm(expected) > 1e-3 * scale, "the demag's torque is not negligible here");
        assertTrue(maxDifference(longRange, expected) <= 1e-12 * scale, "long-range part: "
                + maxDifference(longRange, expected));

        llg.localDerivative(0, m, local);
        localOnly.derivative(0, m, expected);
        assertTrue(maxDifference(local, expected) <= 1e-12 * scale, "local part: " + maxDifference(local, expected));
        for (int i = 0; i < n; i++) {
            local.x[i] += longRange.x[i];
            local.y[i] += longRange.y[i];
            local.z[i] += longRange.z[i];
        }
        assertTrue(maxDifference(local, whole) <= 1e-12 * scale, "local + long-range = whole: "
                + maxDifference(local, whole));
    }

    @Test
    void withoutADemagTermTheLongRangePartIsZeroAndTheLocalOneIsAll() {
        int n = MAGNET.size();
        LlgEquation llg = new LlgEquation(MAGNET, new EffectiveField(n, ExchangeField.of(MAGNET)));
        VectorField m = state(), whole = new VectorField(n), longRange = new VectorField(n), local = new VectorField(n);
        longRange.set(3, 1, 2, 3);
        llg.longRangeSplit(0, m, whole, longRange);
        llg.localDerivative(0, m, local);
        assertEquals(0, maxNorm(longRange), "overwritten with zeros");
        assertEquals(0, maxDifference(local, whole), "the same terms in the same order");
        assertTrue(maxNorm(whole) > 0);
    }
}
