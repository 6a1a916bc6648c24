package org.hypermag.integrators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.hypermag.solver.Constants;
import org.hypermag.solver.Physics;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.field.AppliedField;
import org.hypermag.solver.field.StageDrive;
import org.hypermag.solver.field.TermInputs;
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
}
