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
import org.hypermag.solver.llg.SpinOrbitTorque;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.magnet.Material;
import org.junit.jupiter.api.Test;

/**
 * Spin-orbit torques on a free macrospin (no field, α = 0) against the exact solutions: the damping-like torque turns
 * m towards σ with tan(θ/2) = tan(θ0/2) exp(−γ_LL B_DL t), B_DL = ħ θ_SH j/(2 e d Ms); the current reversed turns it
 * away; the field-like torque precesses m about σ at γ_LL r B_DL.
 */
class SpinOrbitTorqueTest {
    private static final double MS = 8e5, D = 1e-9, J = 1e11, THETA = 0.3;

    private static VectorField evolve(double jx, double ratio, double theta0, double t1) {
        Material mat = Material.of(MS).with(LlgEquation.ALPHA, 0).with(SpinOrbitTorque.SIGMA, 0, 1, 0)
                .with(SpinOrbitTorque.SPIN_HALL_ANGLE, THETA).with(SpinOrbitTorque.FIELD_LIKE_RATIO, ratio);
        Magnet one = Magnet.ofPrisms(Prisms.of(new double[1], new double[1], new double[1], new double[] {20e-9},
                new double[] {20e-9}, new double[] {D}), new int[1], List.of(mat));
        StageDrive drive = new StageDrive();
        drive.set(null, 0);
        drive.setCurrent(AppliedField.constant(new double[] {jx, 0, 0}));
        TermInputs in = new TermInputs(one, null, drive);
        LlgEquation llg = new LlgEquation(one, Physics.effectiveField(in), Physics.torques(in));
        // theta0 from sigma = +y, in the x-y plane
        VectorField m = new VectorField(1);
        m.set(0, Math.sin(theta0), Math.cos(theta0), 0);
        TimeEvolution.run(RungeKuttaStepper.adaptive(llg, m, ButcherTableau.DORMAND_PRINCE_54, 1e-9,
                Double.POSITIVE_INFINITY), 0, t1, t1, (t, dt, s) -> { }, () -> false);
        return m;
    }

    private static double rate() {
        double bdl = 1.054571817e-34 * THETA * J / (2 * 1.602176634e-19 * D * MS);
        return Constants.GAMMA_OOMMF / Constants.MU0 * bdl;
    }

    @Test
    void dampingLikeTorqueTurnsMTowardsSigmaAndAwayWhenTheCurrentIsReversed() {
        double theta0 = Math.toRadians(100), t1 = 1 / rate();
        // the current along sigma x z = y x z = +x drives m towards +sigma
        VectorField towards = evolve(J, 0, theta0, t1);
        double expected = 2 * Math.atan(Math.tan(theta0 / 2) * Math.exp(-1));
        assertEquals(Math.cos(expected), towards.y[0], 1e-6);
        VectorField away = evolve(-J, 0, theta0, t1);
        assertEquals(Math.cos(2 * Math.atan(Math.tan(theta0 / 2) * Math.exp(1))), away.y[0], 1e-6);
    }

    /**
     * With the field-like torque (r = 2) as well: the polar angle from σ still follows the damping-like law, and the
     * azimuth about σ advances at γ_LL r B_DL (σ × m: from +x towards −z for σ = +y).
     */
    @Test
    void fieldLikeTorquePrecessesMAboutSigma() {
        double ratio = 2, omega = ratio * rate(), t1 = 0.25 * 2 * Math.PI / omega;
        VectorField m = evolve(J, ratio, Math.PI / 2, t1);
        double theta = 2 * Math.atan(Math.exp(-rate() * t1));
        assertEquals(Math.cos(theta), m.y[0], 1e-6, "the polar angle from sigma");
        assertEquals(omega * t1, Math.atan2(-m.z[0], m.x[0]), 1e-5, "a quarter turn about sigma");
    }

    /** A current confined to region 0 drives domain 0 and leaves domain 1 (region 1, same material) alone. */
    @Test
    void aCurrentInOneRegionDrivesOnlyThatRegion() {
        Material mat = Material.of(MS).with(LlgEquation.ALPHA, 0).with(SpinOrbitTorque.SIGMA, 0, 1, 0)
                .with(SpinOrbitTorque.SPIN_HALL_ANGLE, THETA);
        Magnet two = Magnet.ofPrisms(Prisms.of(new double[] {0, 100e-9}, new double[2], new double[2],
                new double[] {20e-9, 20e-9}, new double[] {20e-9, 20e-9}, new double[] {D, D}), new int[] {0, 1},
                List.of(mat, mat));
        StageDrive drive = new StageDrive();
        drive.set(null, 0);
        drive.setCurrent(AppliedField.constant(new double[] {J, 0, 0}), new boolean[] {true, false});
        TermInputs in = new TermInputs(two, null, drive);
        LlgEquation llg = new LlgEquation(two, Physics.effectiveField(in), Physics.torques(in));
        VectorField m = new VectorField(2);
        m.set(0, 1, 0, 0);
        m.set(1, 1, 0, 0);
        double t1 = 1 / rate();
        TimeEvolution.run(RungeKuttaStepper.adaptive(llg, m, ButcherTableau.DORMAND_PRINCE_54, 1e-9,
                Double.POSITIVE_INFINITY), 0, t1, t1, (t, dt, s) -> { }, () -> false);
        assertEquals(Math.cos(2 * Math.atan(Math.exp(-1))), m.y[0], 1e-6, "driven");
        assertEquals(1, m.x[1], 0.0, "not driven");
    }
}
