package org.hypermag.integrators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hypermag.solver.Constants;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.field.AppliedField;
import org.hypermag.solver.field.EffectiveField;
import org.hypermag.solver.field.SecondOrderAnisotropyField;
import org.hypermag.solver.field.UniaxialAnisotropyField;
import org.hypermag.solver.field.ZeemanField;
import org.hypermag.solver.llg.LlgEquation;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.magnet.Material;
import org.junit.jupiter.api.Test;

class SingleDomainDynamicsTest {
    private static final double MS = 8e5;
    private static final double GAMMA = Constants.GAMMA_OOMMF;

    private static LlgEquation inField(Magnet magnet, double[] h) {
        return new LlgEquation(magnet, new EffectiveField(1, new ZeemanField(magnet, AppliedField.constant(h))));
    }

    @Test
    void undampedDomainPrecessesAtGammaMu0HOverTwoPi() {
        double b = 0.1; // mu0 H in T
        double h = b / Constants.MU0;
        Magnet magnet = Systems.singleDomain(Material.of(MS).with(LlgEquation.ALPHA, 0));
        VectorField m = Systems.unit(Math.toRadians(30), 0);
        RungeKuttaStepper stepper = RungeKuttaStepper.adaptive(inField(magnet, new double[] {0, 0, h}), m,
                ButcherTableau.DORMAND_PRINCE_54, 1e-10, Double.POSITIVE_INFINITY);
        double expected = GAMMA * h / (2 * Math.PI); // = (gamma/mu0) mu0 H / 2 pi, 2.80 GHz at 0.1 T
        double period = 1 / expected;
        double[] phase = {0, 0};
        double[] maxDeviation = {0};
        TimeEvolution.run(stepper, 0, 20 * period, period / 16, (t, dt, steps) -> {
            double phi = Math.atan2(m.y[0], m.x[0]);
            double d = phi - phase[1];
            d -= 2 * Math.PI * Math.rint(d / (2 * Math.PI));
            phase[0] += d;
            phase[1] = phi;
            maxDeviation[0] = Math.max(maxDeviation[0], Math.abs(m.z[0] - Math.cos(Math.toRadians(30))));
        }, () -> false);
        double measured = phase[0] / (2 * Math.PI * 20 * period);
        assertEquals(1, measured / expected, 1e-8, "frequency " + measured + " Hz vs " + expected + " Hz");
        assertTrue(maxDeviation[0] < 1e-8, "polar angle conserved at alpha = 0: " + maxDeviation[0]);
    }

    @Test
    void dampedDomainFollowsTheAnalyticLlgSolution() {
        double alpha = 0.1, h = 0.05 / Constants.MU0, theta0 = Math.toRadians(170), phi0 = 0.4;
        Magnet magnet = Systems.singleDomain(Material.of(MS).with(LlgEquation.ALPHA, alpha));
        VectorField m = Systems.unit(theta0, phi0);
        RungeKuttaStepper stepper = RungeKuttaStepper.adaptive(inField(magnet, new double[] {0, 0, h}), m,
                ButcherTableau.DORMAND_PRINCE_54, 1e-10, Double.POSITIVE_INFINITY);
        double rate = GAMMA * h / (1 + alpha * alpha);
        double[] worst = {0};
        TimeEvolution.run(stepper, 0, 8e-9, 1e-11, (t, dt, steps) -> {
            // tan(theta/2) = tan(theta0/2) exp(-alpha rate t), phi = phi0 + rate t
            double theta = 2 * Math.atan(Math.tan(theta0 / 2) * Math.exp(-alpha * rate * t));
            double phi = phi0 + rate * t;
            double ex = Math.sin(theta) * Math.cos(phi), ey = Math.sin(theta) * Math.sin(phi), ez = Math.cos(theta);
            worst[0] = Math.max(worst[0], Math.max(Math.abs(m.x[0] - ex), Math.max(Math.abs(m.y[0] - ey),
                    Math.abs(m.z[0] - ez))));
        }, () -> false);
        assertTrue(worst[0] < 1e-6, "max deviation from the analytic solution " + worst[0]);
        assertTrue(m.z[0] > 0.99, "has relaxed towards the field: mz = " + m.z[0]);
    }

    /** Runs high-damping LLG to equilibrium from near +z in a field; returns the final mz. */
    private static double settle(double k1, double fieldOverHk, double angleFromAxisDeg) {
        return settleWithK2(k1, 0, fieldOverHk, 180 - angleFromAxisDeg);
    }

    @Test
    void uniaxialDomainSwitchesAtTheStonerWohlfarthFieldAlongTheAxis() {
        assertTrue(settle(1e5, 0.98, 0) > 0.99, "no switching at 0.98 H_K");
        assertTrue(settle(1e5, 1.02, 0) < -0.99, "switching at 1.02 H_K");
    }

    @Test
    void uniaxialDomainSwitchesAtHalfTheAnisotropyFieldAtFortyFiveDegrees() {
        assertTrue(settle(1e5, 0.49, 45) > 0.5, "no switching at 0.49 H_K");
        assertTrue(settle(1e5, 0.51, 45) < -0.5, "switching at 0.51 H_K");
    }

    /**
     * The Stoner–Wohlfarth switching field with second-order anisotropy: energy density per K1,
     * ε(θ) = sin²θ − κ cos⁴θ − 2h cos(θ − ψ) (κ = K2/K1, h = H/H_K, H_K = 2K1/(μ0 Ms), ψ the field's angle from the
     * axis). On the branch of equilibria from θ = 0, ε'(θ) = 0 gives h(θ) = −(sin 2θ + 4κ cos³θ sin θ)/(2 sin(θ − ψ));
     * the metastable state vanishes where h(θ) has its first maximum: that is the switching field.
     */
    static double switchingField(double kappa, double psi) {
        double best = 0;
        for (int k = 1; k < 2_000_000; k++) {
            double th = k * 1e-6;
            double h = -(Math.sin(2 * th) + 4 * kappa * Math.pow(Math.cos(th), 3) * Math.sin(th))
                    / (2 * Math.sin(th - psi));
            if (h < best) {
                return best;
            }
            best = h;
        }
        throw new AssertionError("no maximum");
    }

    /**
     * Relaxes (α = 1, 40 ns) a macrospin with K1 and K2 along z from 0.5° off +z in a field at an angle from +z.
     *
     * @return m_z at the end
     */
    private static double settleWithK2(double k1, double k2, double fieldOverHk, double angleFromAxisDeg) {
        Magnet magnet = Systems.singleDomain(Material.of(MS).with(LlgEquation.ALPHA, 1).with(UniaxialAnisotropyField.K1,
                k1).with(SecondOrderAnisotropyField.K2, k2).with(UniaxialAnisotropyField.AXIS, 0, 0, 1));
        double hk = 2 * k1 / (Constants.MU0 * MS);
        double a = Math.toRadians(angleFromAxisDeg);
        double[] h = {fieldOverHk * hk * Math.sin(a), 0, fieldOverHk * hk * Math.cos(a)};
        EffectiveField field = new EffectiveField(1, UniaxialAnisotropyField.of(magnet),
                k2 == 0 ? null : SecondOrderAnisotropyField.of(magnet), new ZeemanField(magnet,
                AppliedField.constant(h)));
        VectorField m = Systems.unit(Math.toRadians(0.5), 0);
        RungeKuttaStepper stepper = RungeKuttaStepper.adaptive(new LlgEquation(magnet, field), m,
                ButcherTableau.DORMAND_PRINCE_54, 1e-7, Double.POSITIVE_INFINITY);
        TimeEvolution.run(stepper, 0, 40e-9, 1e-9, (t, dt, steps) -> { }, () -> false);
        return m.z[0];
    }

    /** Issue 15: with K2 = K1/2 and the field 30° from antiparallel the macrospin switches at the field above. */
    @Test
    void secondOrderAnisotropyRaisesTheStonerWohlfarthSwitchingField() {
        double psi = Math.toRadians(150);
        double h0 = switchingField(0, psi), h = switchingField(0.5, psi);
        assertEquals(1 / Math.pow(Math.pow(Math.cos(Math.toRadians(30)), 2.0 / 3)
                + Math.pow(Math.sin(Math.toRadians(30)), 2.0 / 3), 1.5), h0, 1e-6, "the astroid without K2");
        assertTrue(h > 1.2 * h0, "K2 = K1/2 raises the switching field: " + h + " against " + h0);
        assertTrue(settleWithK2(1e5, 0.5e5, 0.99 * h, 150) > 0.5, "no switching at 0.99 of " + h + " H_K");
        assertTrue(settleWithK2(1e5, 0.5e5, 1.01 * h, 150) < -0.5, "switching at 1.01 of " + h + " H_K");
    }

    @Test
    void fixedStepMethodsConvergeAtTheirOrder() {
        double h = 0.1 / Constants.MU0;
        Magnet magnet = Systems.singleDomain(Material.of(MS).with(LlgEquation.ALPHA, 0.05));
        LlgEquation llg = inField(magnet, new double[] {0, 0, h});
        double t1 = 2e-10;
        // reference with a tiny tolerance
        VectorField ref = Systems.unit(1, 0.2);
        TimeEvolution.run(RungeKuttaStepper.adaptive(llg, ref, ButcherTableau.DORMAND_PRINCE_54, 1e-13,
                Double.POSITIVE_INFINITY), 0, t1, t1, (t, dt, s) -> { }, () -> false);
        ButcherTableau[] methods = {ButcherTableau.HEUN, ButcherTableau.RK4, ButcherTableau.RK46_3,
            ButcherTableau.DORMAND_PRINCE_54};
        int[] orders = {2, 4, 4, 5};
        for (int q = 0; q < methods.length; q++) {
            double[] err = new double[2];
            for (int r = 0; r < 2; r++) {
                double dt = (q == 3 ? 4e-12 : 2e-12) / (1 << r);
                VectorField m = Systems.unit(1, 0.2);
                TimeEvolution.run(RungeKuttaStepper.fixed(llg, m, methods[q], dt), 0, t1, t1, (t, d, s) -> { },
                        () -> false);
                err[r] = Math.max(Math.abs(m.x[0] - ref.x[0]), Math.max(Math.abs(m.y[0] - ref.y[0]),
                        Math.abs(m.z[0] - ref.z[0])));
            }
            double observed = Math.log(err[0] / err[1]) / Math.log(2);
            assertEquals(orders[q], observed, 0.3, methods[q].name() + " order (errors " + err[0] + ", " + err[1] + ")");
        }
    }
}
