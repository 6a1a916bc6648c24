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

    /**
     * Deterministic switching of a perpendicular macrospin: B_K = 2K/Ms = 0.2 T along z, an in-plane field
     * B_x = 20 mT along the current, σ = +y, α = 0.1, no demag; the current rises over 5 ns (slowly: m follows its
     * equilibrium), holds for 5 ns, falls over 5 ns, and m relaxes for 10 ns without it.
     * The damping-like torque is the torque of the field B_DL m × σ, so an equilibrium in the x-z plane exists while
     * B_DL ≤ max_θ cos θ (B_K sin θ − B_x) (≈ B_K/2 − B_x/√2: K.-S. Lee et al., Appl. Phys. Lett. 102, 112410
     * (2013), Eq. 2); that maximum, found here numerically, is the threshold. At 1.03 times it the current of one
     * sign reverses m to −z for good (the sign set by B_x); at 0.97 times neither sign does.
     */
    @Test
    void aPerpendicularMacrospinSwitchesAtTheDampingLikeThreshold() {
        double ku = 8e4, bk = 2 * ku / MS, bx = 0.02;
        double best = 0;
        for (int k = 0; k <= 200_000; k++) {
            double th = 0.5 * Math.PI * k / 200_000;
            best = Math.max(best, Math.cos(th) * (bk * Math.sin(th) - bx));
        }
        double jc = best * 2 * 1.602176634e-19 * D * MS / (1.054571817e-34 * THETA);
        double[] mz = new double[4];
        double[] factors = {1.03, -1.03, 0.97, -0.97};
        for (int q = 0; q < 4; q++) {
            mz[q] = switching(factors[q] * jc, ku, bx);
        }
        System.out.printf("SOT switching: B_DL threshold %.5f T (Lee et al.'s approximation %.5f T), j_c = %.4e "
                + "A/m^2; mz(25 ns) at +-1.03 j_c: %.4f, %.4f; at +-0.97 j_c: %.4f, %.4f%n", best,
                bk / 2 - bx / Math.sqrt(2), jc, mz[0], mz[1], mz[2], mz[3]);
        assertTrue(Math.min(mz[0], mz[1]) < -0.99 && Math.max(mz[0], mz[1]) > 0.99,
                "1.03 j_c: one sign of the current switches, the other does not: " + mz[0] + ", " + mz[1]);
        assertTrue(mz[2] > 0.99 && mz[3] > 0.99, "0.97 j_c: no switching: " + mz[2] + ", " + mz[3]);
    }

    private static double switching(double jx, double ku, double bx) {
        Material mat = Material.of(MS).with(LlgEquation.ALPHA, 0.1).with(SpinOrbitTorque.SIGMA, 0, 1, 0)
                .with(SpinOrbitTorque.SPIN_HALL_ANGLE, THETA).with(UniaxialAnisotropyField.K1, ku)
                .with(UniaxialAnisotropyField.AXIS, 0, 0, 1);
        Magnet one = Magnet.ofPrisms(Prisms.of(new double[1], new double[1], new double[1], new double[] {20e-9},
                new double[] {20e-9}, new double[] {D}), new int[1], List.of(mat));
        StageDrive drive = new StageDrive();
        drive.set(AppliedField.constant(new double[] {bx / Constants.MU0, 0, 0}), 0);
        drive.setCurrent((t, out) -> { // up over 5 ns, held for 5 ns, down over 5 ns, then off
            out[0] = jx * Math.max(0, Math.min(1, Math.min(t / 5e-9, (15e-9 - t) / 5e-9)));
            out[1] = 0;
            out[2] = 0;
        });
        TermInputs in = new TermInputs(one, null, drive);
        LlgEquation llg = new LlgEquation(one, Physics.effectiveField(in), Physics.torques(in));
        VectorField m = new VectorField(1);
        m.set(0, 0, 0, 1);
        double t1 = 25e-9;
        TimeEvolution.run(RungeKuttaStepper.adaptive(llg, m, ButcherTableau.DORMAND_PRINCE_54, 1e-9,
                Double.POSITIVE_INFINITY), 0, t1, t1, (t, dt, s) -> { }, () -> false);
        return m.z[0];
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
