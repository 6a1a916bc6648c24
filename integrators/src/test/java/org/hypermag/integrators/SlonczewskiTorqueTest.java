package org.hypermag.integrators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hypermag.solver.Constants;
import org.hypermag.solver.Physics;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.field.AppliedField;
import org.hypermag.solver.field.StageDrive;
import org.hypermag.solver.field.TermInputs;
import org.hypermag.solver.field.UniaxialAnisotropyField;
import org.hypermag.solver.geometry.Prisms;
import org.hypermag.solver.llg.LlgEquation;
import org.hypermag.solver.llg.SlonczewskiTorque;
import org.hypermag.solver.llg.ZhangLiTorque;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.magnet.Material;
import org.junit.jupiter.api.Test;

/**
 * The Slonczewski torque on a free macrospin (no field, α = 0) against its exact solutions: the damping-like term
 * turns m towards p with dθ/dt = −γ_LL β ε(θ) sin θ (θ the angle from p; ε = PΛ²/((Λ²+1) + (Λ²−1) cos θ)), the
 * field-like term precesses m about p at γ_LL β ε'; β = ħ j_z/(e d Ms), γ_LL = γ/μ0.
 */
class SlonczewskiTorqueTest {
    private static final double MS = 8e5, D = 2e-9, J = 5e11;

    private static LlgEquation equation(Material mat) {
        Magnet one = Magnet.ofPrisms(Prisms.of(new double[1], new double[1], new double[1], new double[] {20e-9},
                new double[] {20e-9}, new double[] {D}), new int[1], List.of(mat));
        StageDrive drive = new StageDrive();
        drive.set(null, 0);
        drive.setCurrent(AppliedField.constant(new double[] {0, 0, J}));
        TermInputs in = new TermInputs(one, null, drive);
        return new LlgEquation(one, Physics.effectiveField(in), Physics.torques(in));
    }

    private static double beta() {
        return 1.054571817e-34 * J / (1.602176634e-19 * D * MS);
    }

    /** Λ = 2, P = 0.6: the polar angle follows the ODE integrated here with RK4 at 1e-4 of the time scale. */
    @Test
    void dampingLikeTermTurnsMTowardsTheFixedLayerAsTheAngularLawSays() {
        double pol = 0.6, lambda = 2, l2 = lambda * lambda;
        Material mat = Material.of(MS).with(LlgEquation.ALPHA, 0).with(ZhangLiTorque.POL, pol)
                .with(SlonczewskiTorque.FIXED_LAYER, 0, 0, 1).with(SlonczewskiTorque.LAMBDA, lambda);
        LlgEquation llg = equation(mat);
        double theta0 = Math.toRadians(120), g = Constants.GAMMA_OOMMF / Constants.MU0, b = beta();
        VectorField m = Systems.unit(theta0, 0);
        double rate = g * b * pol; // 1/s, the scale of dθ/dt
        double t1 = 2 / rate;
        TimeEvolution.run(RungeKuttaStepper.adaptive(llg, m, ButcherTableau.DORMAND_PRINCE_54, 1e-9,
                Double.POSITIVE_INFINITY), 0, t1, t1, (t, dt, s) -> { }, () -> false);
        double th = theta0, h = t1 / 20000;
        for (int k = 0; k < 20000; k++) {
            double k1 = dTheta(th, g, b, pol, l2), k2 = dTheta(th + h / 2 * k1, g, b, pol, l2);
            double k3 = dTheta(th + h / 2 * k2, g, b, pol, l2), k4 = dTheta(th + h * k3, g, b, pol, l2);
            th += h / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
        }
        assertEquals(Math.cos(th), m.z[0], 1e-6, "cos theta after 2 time constants (from " + Math.cos(theta0) + ")");
    }

    private static double dTheta(double th, double g, double b, double pol, double l2) {
        double eps = pol * l2 / ((l2 + 1) + (l2 - 1) * Math.cos(th));
        return -g * b * eps * Math.sin(th);
    }

    /**
     * Switching of a macrospin at the critical current: a free layer with uniaxial anisotropy B_K = 2K/Ms = 0.1 T
     * along z, p = +z, m starting 5° from −z, Λ = 1 (ε = P/2 = 0.3 at every angle), ε' = 0, α = 0.05, no demag. The
     * state antiparallel to p loses stability where the damping-like torque's anti-damping equals the damping of the
     * anisotropy field: β ε = α B_K, i.e. j_c = α B_K e d Ms / (ħ ε) (the macrospin threshold of J. Z. Sun, Phys.
     * Rev. B 62, 570 (2000), without demag). 2 % above it m reverses to +z within 400 ns; 2 % below it relaxes
     * back towards −z.
     */
    @Test
    void aMacrospinSwitchesAtTheAnalyticCriticalCurrent() {
        double pol = 0.6, alpha = 0.05, ku = 4e4, bk = 2 * ku / MS, eps = pol / 2;
        double jc = alpha * bk * 1.602176634e-19 * D * MS / (1.054571817e-34 * eps);
        double start = Math.toRadians(175);
        double above = switchedMz(1.02 * jc, pol, alpha, ku, start), below = switchedMz(0.98 * jc, pol, alpha, ku,
                start);
        System.out.printf("Slonczewski macrospin: j_c = %.4e A/m^2; mz(400 ns) = %.5f at 1.02 j_c, %.5f at 0.98 j_c%n",
                jc, above, below);
        assertTrue(above > 0.99, "1.02 j_c switches to +z: mz = " + above);
        assertTrue(below < Math.cos(start), "0.98 j_c relaxes back towards -z: mz = " + below);
    }

    private static double switchedMz(double j, double pol, double alpha, double ku, double theta0) {
        Material mat = Material.of(MS).with(LlgEquation.ALPHA, alpha).with(ZhangLiTorque.POL, pol)
                .with(SlonczewskiTorque.FIXED_LAYER, 0, 0, 1).with(UniaxialAnisotropyField.K1, ku)
                .with(UniaxialAnisotropyField.AXIS, 0, 0, 1);
        Magnet one = Magnet.ofPrisms(Prisms.of(new double[1], new double[1], new double[1], new double[] {20e-9},
                new double[] {20e-9}, new double[] {D}), new int[1], List.of(mat));
        StageDrive drive = new StageDrive();
        drive.set(null, 0);
        drive.setCurrent(AppliedField.constant(new double[] {0, 0, j}));
        TermInputs in = new TermInputs(one, null, drive);
        LlgEquation llg = new LlgEquation(one, Physics.effectiveField(in), Physics.torques(in));
        VectorField m = Systems.unit(theta0, 0);
        double t1 = 400e-9;
        TimeEvolution.run(RungeKuttaStepper.adaptive(llg, m, ButcherTableau.DORMAND_PRINCE_54, 1e-9,
                Double.POSITIVE_INFINITY), 0, t1, t1, (t, dt, s) -> { }, () -> false);
        return m.z[0];
    }

    /** P = 0 and ε' = 0.3: a precession about p at γ_LL β ε', counter-clockwise seen from +p, at constant θ. */
    @Test
    void fieldLikeTermPrecessesMAboutTheFixedLayer() {
        double epsPrime = 0.3;
        Material mat = Material.of(MS).with(LlgEquation.ALPHA, 0).with(SlonczewskiTorque.FIXED_LAYER, 0, 0, 1)
                .with(SlonczewskiTorque.EPSILON_PRIME, epsPrime);
        LlgEquation llg = equation(mat);
        double omega = Constants.GAMMA_OOMMF / Constants.MU0 * beta() * epsPrime;
        VectorField m = Systems.unit(Math.toRadians(50), 0);
        double t1 = 0.25 * 2 * Math.PI / omega; // a quarter turn
        TimeEvolution.run(RungeKuttaStepper.adaptive(llg, m, ButcherTableau.DORMAND_PRINCE_54, 1e-9,
                Double.POSITIVE_INFINITY), 0, t1, t1, (t, dt, s) -> { }, () -> false);
        assertEquals(Math.cos(Math.toRadians(50)), m.z[0], 1e-7, "theta kept");
        assertEquals(0, m.x[0], 1e-6, "a quarter turn from +x ...");
        assertEquals(Math.sin(Math.toRadians(50)), m.y[0], 1e-6, "... to +y");
    }

    /**
     * A region as the polariser: with the polarising region held along +z (no torque on it), the free layer moves as
     * with fixed_layer [0, 0, 1]; a region pointing at itself is refused.
     */
    @Test
    void aRegionsAverageMagnetisationCanBeThePolariser() {
        Material fixed = Material.of(MS).with(LlgEquation.ALPHA, 0.05).with(ZhangLiTorque.POL, 0.5)
                .with(SlonczewskiTorque.FIXED_LAYER, 0, 0, 1);
        Material viaRegion = Material.of(MS).with(LlgEquation.ALPHA, 0.05).with(ZhangLiTorque.POL, 0.5)
                .with(SlonczewskiTorque.FIXED_LAYER_REGION, 1);
        Material polariser = Material.of(MS).with(LlgEquation.ALPHA, 0.05);
        double[] finalZ = new double[2];
        for (int q = 0; q < 2; q++) {
            Magnet two = Magnet.ofPrisms(Prisms.of(new double[] {0, 100e-9}, new double[2], new double[2],
                    new double[] {20e-9, 20e-9}, new double[] {20e-9, 20e-9}, new double[] {D, D}),
                    new int[] {0, 1}, List.of(q == 0 ? fixed : viaRegion, polariser));
            StageDrive drive = new StageDrive();
            drive.set(null, 0);
            drive.setCurrent(AppliedField.constant(new double[] {0, 0, J}));
            TermInputs in = new TermInputs(two, null, drive);
            LlgEquation llg = new LlgEquation(two, Physics.effectiveField(in), Physics.torques(in));
            VectorField m = new VectorField(2);
            m.set(0, Math.sin(2), 0, Math.cos(2));
            m.set(1, 0, 0, 1);
            double t1 = 1 / (Constants.GAMMA_OOMMF / Constants.MU0 * beta() * 0.5);
            TimeEvolution.run(RungeKuttaStepper.adaptive(llg, m, ButcherTableau.DORMAND_PRINCE_54, 1e-9,
                    Double.POSITIVE_INFINITY), 0, t1, t1, (t, dt, s) -> { }, () -> false);
            finalZ[q] = m.z[0];
            assertEquals(1, m.z[1], 0.0, "the polariser feels no torque");
        }
        assertEquals(finalZ[0], finalZ[1], 1e-12, "the same motion as with a fixed direction");
        Material self = viaRegion.with(SlonczewskiTorque.FIXED_LAYER_REGION, 0);
        Magnet one = Magnet.ofPrisms(Prisms.of(new double[1], new double[1], new double[1], new double[] {20e-9},
                new double[] {20e-9}, new double[] {D}), new int[1], List.of(self));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Physics.torques(new TermInputs(one, null, new StageDrive())));
    }
}
