package org.hypermag.integrators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.field.EffectiveField;
import org.hypermag.solver.llg.Dynamics;
import org.hypermag.solver.llg.LlgEquation;
import org.hypermag.solver.magnet.Magnet;
import org.junit.jupiter.api.Test;

class FilmDynamicsTest {

    /**
     * At tolerance 1e-8 per step the measured drift is 2.5e-7; it scales about linearly with the tolerance (5.7e-4
     * at the default 1e-5, 1.6e-8 at 1e-9; docs/dynamics.md).
     */
    @Test
    void undampedEnergyIsConservedAndMagnetisationStaysUnitOverAThousandSteps() {
        Magnet magnet = Systems.film(12, 10, 2, 0);
        EffectiveField field = Systems.fieldOf(magnet, null);
        VectorField m = Systems.twisted(magnet);
        double e0 = Systems.totalEnergy(field, 0, m);
        RungeKuttaStepper stepper = RungeKuttaStepper.adaptive(new LlgEquation(magnet, field), m,
                ButcherTableau.DORMAND_PRINCE_54, 1e-8, Double.POSITIVE_INFINITY);
        double t = 0, worstNorm = 0;
        for (int step = 0; step < 1000; step++) {
            t += stepper.step(t, Double.POSITIVE_INFINITY);
            for (int i = 0; i < m.size(); i++) {
                double n = Math.sqrt(m.x[i] * m.x[i] + m.y[i] * m.y[i] + m.z[i] * m.z[i]);
                worstNorm = Math.max(worstNorm, Math.abs(n - 1));
            }
        }
        double e1 = Systems.totalEnergy(field, t, m);
        assertTrue(worstNorm <= 1e-12, "|m| - 1 up to " + worstNorm);
        assertTrue(Math.abs(e1 - e0) <= 1e-6 * Math.abs(e0), "relative energy drift " + (e1 - e0) / e0
                + " over " + t + " s");
        assertTrue(t > 1e-11, "the 1000 steps covered real dynamics: " + t + " s");
    }

    @Test
    void relaxationAtZeroFieldNeverRaisesTheEnergyAndConverges() {
        Magnet magnet = Systems.film(16, 16, 1, 0.5);
        EffectiveField field = Systems.fieldOf(magnet, null);
        VectorField m = Systems.twisted(magnet);
        List<Double> energies = new ArrayList<>();
        energies.add(Systems.totalEnergy(field, 0, m));
        Relaxer.Result r = Relaxer.withDefaults(field, m).relax(0, (it, e, torque) -> energies.add(e));
        for (int k = 1; k < energies.size(); k++) {
            assertTrue(energies.get(k) <= energies.get(k - 1), "energy rose at iteration " + k);
        }
        assertEquals(Relaxer.Outcome.CONVERGED, r.outcome(), r.toString());
        assertTrue(r.maxTorque() <= Relaxer.DEFAULT_TORQUE_TOLERANCE);
        assertTrue(energies.get(energies.size() - 1) < 0.5 * energies.get(0), "energy dropped substantially");
        // the relaxed state is an equilibrium of the dynamics too: torque of the final state recomputed
        LlgEquation llg = new LlgEquation(magnet, field);
        llg.derivative(0, m, new VectorField(m.size()));
        assertTrue(llg.lastMaxTorque() <= Relaxer.DEFAULT_TORQUE_TOLERANCE * 1.0001);
    }

    @Test
    void builtInAndHipparchusIntegratorsAgreeOnASmallSystem() {
        Magnet magnet = Systems.film(4, 4, 1, 0.1);
        EffectiveField field = Systems.fieldOf(magnet, new double[] {-3e4, 1e4, 5e3});
        VectorField a = Systems.twisted(magnet), b = a.copy();
        TimeEvolution.run(RungeKuttaStepper.adaptive(new LlgEquation(magnet, field), a,
                ButcherTableau.DORMAND_PRINCE_54, 1e-9, Double.POSITIVE_INFINITY), 0, 50e-12, 10e-12,
                (t, dt, s) -> { }, () -> false);
        TimeEvolution.run(HipparchusStepper.dormandPrince853(new LlgEquation(magnet, field), b, 1e-12, 1e-12), 0,
                50e-12, 10e-12, (t, dt, s) -> { }, () -> false);
        double worst = 0;
        for (int i = 0; i < a.size(); i++) {
            worst = Math.max(worst, Math.abs(a.x[i] - b.x[i]) + Math.abs(a.y[i] - b.y[i]) + Math.abs(a.z[i] - b.z[i]));
        }
        assertTrue(worst < 1e-6, "max difference " + worst);
        double moved = 0;
        VectorField start = Systems.twisted(magnet);
        for (int i = 0; i < a.size(); i++) {
            moved = Math.max(moved, Math.abs(a.x[i] - start.x[i]));
        }
        assertTrue(moved > 1e-2, "the state evolved: " + moved);
    }

    @Test
    void nonFiniteTorqueStopsTheRunWithTheDomainAndTimeAndKeepsTheLastGoodState() {
        Magnet magnet = Systems.film(3, 3, 1, 0.1);
        EffectiveField field = Systems.fieldOf(magnet, new double[] {1e4, 0, 0});
        LlgEquation llg = new LlgEquation(magnet, field);
        double failAt = 20e-12;
        Dynamics failing = new Dynamics() {
            public int size() {
                return llg.size();
            }

            public void derivative(double t, VectorField m, VectorField dmdt) {
                llg.derivative(t, m, dmdt);
                if (t > failAt) {
                    dmdt.y[4] = Double.NaN;
                }
            }
        };
        VectorField m = Systems.twisted(magnet);
        RungeKuttaStepper stepper = RungeKuttaStepper.dormandPrince(failing, m);
        List<Double> outputs = new ArrayList<>();
        VectorField lastOutput = m.copy();
        IntegrationException e = org.junit.jupiter.api.Assertions.assertThrows(IntegrationException.class,
                () -> TimeEvolution.run(stepper, 0, 100e-12, 1e-12, (t, dt, s) -> {
                    outputs.add(t);
                    lastOutput.setFrom(m);
                }, () -> false));
        assertEquals(IntegrationException.Reason.NON_FINITE, e.reason());
        assertEquals(4, e.domain());
        assertTrue(e.time() <= failAt + 1e-12 && e.time() >= failAt - 2e-12, "failed at " + e.time());
        assertTrue(e.getMessage().contains("domain 4") && e.getMessage().contains("t = "), e.getMessage());
        for (int i = 0; i < m.size(); i++) {
            assertTrue(Double.isFinite(m.x[i]) && Double.isFinite(m.y[i]) && Double.isFinite(m.z[i]));
        }
        assertEquals(20, outputs.size() - 1, "all 20 output times before the failure were delivered");
    }
}
