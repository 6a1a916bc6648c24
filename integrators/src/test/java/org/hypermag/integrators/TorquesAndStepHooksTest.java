package org.hypermag.integrators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.field.AppliedField;
import org.hypermag.solver.field.EffectiveField;
import org.hypermag.solver.field.FieldTerm;
import org.hypermag.solver.field.FieldTermType;
import org.hypermag.solver.field.ZeemanField;
import org.hypermag.solver.llg.LlgEquation;
import org.hypermag.solver.llg.StepAware;
import org.hypermag.solver.llg.Torque;
import org.hypermag.solver.llg.TorqueType;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.magnet.Material;
import org.junit.jupiter.api.Test;

/**
 * The open core's mechanisms for what is not a plain field: torques added to dm/dt, and terms or torques told of
 * every step attempt (as a thermal field drawn once per step will be), without allocation per step.
 */
class TorquesAndStepHooksTest {
    static final double MS = 8e5;
    /** How long, from its first round, the allocation test may keep warming the JIT when 15 rounds do not do (ns). */
    static final long WARM_UP_NANOS = 30_000_000_000L;

    /**
     * A damping-like torque towards p with rate c: dm/dt = −c m × (m × p). Its analytic solution for m ⟂ p at t = 0:
     * the angle θ to p obeys dθ/dt = −c sin θ, so tan(θ/2) = tan(θ0/2) e^{−c t}.
     */
    static final class TowardsAxis implements Torque {
        static final TorqueType TYPE = new TorqueType("towards-axis", "test torque -c m x (m x p)", List.of(),
                in -> null);
        final double c;
        final double[] p;

        TowardsAxis(double c, double... p) {
            this.c = c;
            this.p = p;
        }

        @Override
        public TorqueType type() {
            return TYPE;
        }

        @Override
        public void addTorque(double t, VectorField m, VectorField heff, VectorField dmdt) {
            for (int i = 0; i < m.size(); i++) {
                double ax = m.y[i] * p[2] - m.z[i] * p[1], ay = m.z[i] * p[0] - m.x[i] * p[2],
                        az = m.x[i] * p[1] - m.y[i] * p[0];
                dmdt.x[i] -= c * (m.y[i] * az - m.z[i] * ay);
                dmdt.y[i] -= c * (m.z[i] * ax - m.x[i] * az);
                dmdt.z[i] -= c * (m.x[i] * ay - m.y[i] * ax);
            }
        }
    }

    /** A term adding nothing that counts the step hooks; it can ask for the start derivative to be re-evaluated. */
    static final class Counting implements FieldTerm, StepAware {
        static final FieldTermType TYPE = new FieldTermType("counting", "zeeman", "test", List.of(), in -> null);
        int begins, accepted, rejected, evaluations;
        double lastDt;
        boolean redraw;

        @Override
        public FieldTermType type() {
            return TYPE;
        }

        @Override
        public void addField(double t, VectorField m, VectorField h) {
            evaluations++;
        }

        @Override
        public double energy(double t, VectorField m, VectorField ownField) {
            return 0;
        }

        @Override
        public void energyDensity(double t, VectorField m, VectorField ownField, double[] density) {
        }

        @Override
        public boolean beginStep(double t, double dt) {
            begins++;
            lastDt = dt;
            return redraw;
        }

        @Override
        public void endStep(double t, double dt, boolean ok) {
            if (ok) {
                accepted++;
            } else {
                rejected++;
            }
        }
    }

    @Test
    void aTorqueEntersDmDtAndFollowsItsAnalyticSolution() {
        Magnet magnet = Systems.singleDomain(Material.of(MS));
        EffectiveField none = new EffectiveField(1, new FieldTerm[0]);
        double c = 2e9;
        LlgEquation llg = new LlgEquation(magnet, none, List.of(new TowardsAxis(c, 0, 0, 1)));
        VectorField m = Systems.unit(Math.PI / 2, 0);
        RungeKuttaStepper s = RungeKuttaStepper.adaptive(llg, m, ButcherTableau.DORMAND_PRINCE_54, 1e-8, 1e-12);
        double t = 0, end = 1e-9;
        while (t < end) {
            t += s.step(t, end - t);
        }
        double expected = 2 * Math.atan(Math.exp(-c * end));
        assertEquals(expected, Math.acos(m.z[0]), 1e-6, "theta(1 ns)");
        assertEquals(1, m.x[0] * m.x[0] + m.y[0] * m.y[0] + m.z[0] * m.z[0], 1e-12, "|m| = 1");
        assertEquals(List.of(llg.torques().get(0)), llg.torques());
    }

    @Test
    void everyStepAttemptIsAnnouncedAndEndedWithWhetherItWasAccepted() {
        Magnet magnet = Systems.singleDomain(Material.of(MS).with(LlgEquation.ALPHA, 0.1));
        Counting counting = new Counting();
        EffectiveField field = new EffectiveField(1, counting, new ZeemanField(magnet,
                AppliedField.constant(new double[] {0, 0, 8e5})));
        LlgEquation llg = new LlgEquation(magnet, field);
        VectorField m = Systems.unit(1.0, 0);
        // a first step far too long is rejected several times before one is accepted
        RungeKuttaStepper s = RungeKuttaStepper.adaptive(llg, m, ButcherTableau.DORMAND_PRINCE_54, 1e-6, 1);
        s.setProposedStep(1e-9);
        double t = 0;
        for (int k = 0; k < 50; k++) {
            t += s.step(t, 1e-9);
        }
        assertEquals(50, counting.accepted);
        assertEquals(s.rejectedSteps(), counting.rejected);
        assertTrue(counting.rejected > 0, "the first attempts were rejected");
        assertEquals(counting.accepted + counting.rejected, counting.begins, "one begin per attempt");
        assertTrue(counting.lastDt > 0 && counting.lastDt <= 1e-9);
    }

    @Test
    void aTermThatDrawsAnewEachStepMakesTheStepperEvaluateTheStartAgain() {
        Magnet magnet = Systems.singleDomain(Material.of(MS).with(LlgEquation.ALPHA, 0.1));
        for (boolean redraw : new boolean[] {false, true}) {
            Counting counting = new Counting();
            counting.redraw = redraw;
            LlgEquation llg = new LlgEquation(magnet, new EffectiveField(1, counting, new ZeemanField(magnet,
                    AppliedField.constant(new double[] {0, 0, 8e5}))));
            VectorField m = Systems.unit(1.0, 0);
            RungeKuttaStepper s = RungeKuttaStepper.fixed(llg, m, ButcherTableau.RK4, 1e-14);
            for (int k = 0; k < 10; k++) {
                s.step(k * 1e-14, 1e-14);
            }
            // RK4 has no first-same-as-last: 4 evaluations per step either way
            assertEquals(40, counting.evaluations, "redraw " + redraw);
            Counting dp = new Counting();
            dp.redraw = redraw;
            LlgEquation llg2 = new LlgEquation(magnet, new EffectiveField(1, dp, new ZeemanField(magnet,
                    AppliedField.constant(new double[] {0, 0, 8e5}))));
            RungeKuttaStepper f = RungeKuttaStepper.fixed(llg2, Systems.unit(1.0, 0),
                    ButcherTableau.DORMAND_PRINCE_54, 1e-14);
            double t = 0;
            for (int k = 0; k < 10; k++) {
                t += f.step(t, 1e-14);
            }
            // Dormand-Prince reuses its last stage as the next first one (6 per step after the first) unless the
            // term drew anew, which costs the first stage again (7 per step)
            assertEquals(redraw ? 70 : 61, dp.evaluations, "redraw " + redraw);
        }
    }

    /**
     * Steps and the dense output between them (a table row's interpolation, all three kinds: Dormand–Prince's
     * continuous extension, RK4(3)'s Hermite, the partitioned pair's Hermite) allocate nothing.
     */
    @Test
    void stepsWithTorquesAndHooksAndTheirInterpolationsAllocateNothing() {
        Magnet magnet = Systems.film(8, 4, 1, 0.1);
        for (String method : new String[] {"Dormand-Prince 5(4)", "RK4(3)", PartitionedTableau.PRK48.name()}) {
            Counting counting = new Counting();
            List<FieldTerm> terms = new java.util.ArrayList<>(Systems.fieldOf(magnet, new double[] {-2e4, 3e3, 0})
                    .terms());
            terms.add(counting);
            EffectiveField field = new EffectiveField(magnet.size(), terms.toArray(new FieldTerm[0]));
            LlgEquation llg = new LlgEquation(magnet, field, List.of(new TowardsAxis(1e9, 0, 0, 1)));
            VectorField m = Systems.twisted(magnet), row = new VectorField(magnet.size());
            DenseStepper s = method.equals(PartitionedTableau.PRK48.name())
                    ? PartitionedStepper.adaptive(llg, m, PartitionedTableau.PRK48, RungeKuttaStepper.DEFAULT_TOLERANCE,
                            Double.POSITIVE_INFINITY)
                    : RungeKuttaStepper.adaptive(llg, m, method.equals("RK4(3)") ? ButcherTableau.RK4_3
                            : ButcherTableau.DORMAND_PRINCE_54, RungeKuttaStepper.DEFAULT_TOLERANCE,
                            Double.POSITIVE_INFINITY);
            double t = 0;
            for (int k = 0; k < 200; k++) {
                t += s.step(t, 1e-12);
                s.interpolate(0.5, row);
            }
            com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory
                    .getThreadMXBean();
            // rounds of 200 steps until the JIT has compiled the step (in the interpreter and the first compilers
            // some temporaries are still objects; when that finishes depends on the machine's load, so the rounds
            // are bounded by time, not by their number: a loaded CI machine compiles later). The step allocates
            // nothing once compiled; a step or an interpolation that allocates fails every round until the deadline.
            long bytes = Long.MAX_VALUE;
            int rounds = 0;
            long deadline = System.nanoTime() + WARM_UP_NANOS;
            while (bytes >= 2000 && (rounds < 15 || System.nanoTime() < deadline)) {
                long before = bean.getThreadAllocatedBytes(Thread.currentThread().getId());
                for (int k = 0; k < 200; k++) {
                    t += s.step(t, 1e-12);
                    s.interpolate(0.5, row);
                }
                bytes = bean.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
                rounds++;
            }
            // the FFT demag's worker threads are not counted; the stepping thread allocates nothing per step (a few
            // hundred bytes of measurement noise are tolerated)
            assertTrue(bytes < 2000, method + ": " + bytes + " bytes allocated in 200 steps and "
                    + "interpolations, after " + rounds + " rounds of 200");
        }
    }

    @Test
    void aFixedStepThatTurnsMTooFarIsRefusedNamingAStepThatWouldDo() {
        Magnet magnet = Systems.singleDomain(Material.of(MS));
        LlgEquation llg = new LlgEquation(magnet, new EffectiveField(1, new ZeemanField(magnet,
                AppliedField.constant(new double[] {0, 0, 8e5}))));
        VectorField m = Systems.unit(1.0, 0);
        double[] before = {m.x[0], m.y[0], m.z[0]};
        // gamma H = 1.8e11 rad/s: a 1e-11 s Heun step turns m by about 1.5 rad
        RungeKuttaStepper heun = RungeKuttaStepper.fixed(llg, m, ButcherTableau.HEUN, 1e-11);
        IntegrationException e = assertThrows(IntegrationException.class, () -> heun.step(0, 1e-11));
        assertEquals(IntegrationException.Reason.STEP_TOO_LARGE, e.reason());
        assertTrue(e.getMessage().contains("use a step of at most"), e.getMessage());
        assertEquals(before[0], m.x[0], 0, "the state is kept");
        // a step that turns m by less than 0.05 rad is taken
        RungeKuttaStepper fine = RungeKuttaStepper.fixed(llg, m, ButcherTableau.HEUN, 2e-13);
        assertEquals(2e-13, fine.step(0, 1), 0);
    }
}
