package org.hypermag.integrators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hypermag.solver.VectorField;
import org.hypermag.solver.demag.FftDemag;
import org.hypermag.solver.field.AppliedField;
import org.hypermag.solver.field.DemagTerm;
import org.hypermag.solver.field.EffectiveField;
import org.hypermag.solver.field.ExchangeField;
import org.hypermag.solver.field.ZeemanField;
import org.hypermag.solver.geometry.RegularGrid;
import org.hypermag.solver.llg.LlgEquation;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.magnet.Material;
import org.hypermag.solver.parallel.WorkerPool;
import org.junit.jupiter.api.Test;

/**
 * The adaptive classical Runge–Kutta method {@link ButcherTableau#RK4_3}: its embedded estimate is of third order,
 * it is stable further along the imaginary axis per evaluation than Dormand–Prince (the property that matters on
 * exchange-stiff grids, where precession of the fastest spin wave holds the step), and on such a film it needs far
 * fewer evaluations for the same trajectory.
 */
class AdaptiveRk4Test {
    /** Σ_i w_i Π_k (stage quantity)… for the order conditions up to four of a tableau with weights w. */
    private static double[] conditions(ButcherTableau t, double[] w) {
        double[] c = t.c();
        double[][] a = t.a();
        int s = c.length;
        double[] ac = new double[s], ac2 = new double[s], aac = new double[s];
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < a[i].length; j++) {
                ac[i] += a[i][j] * c[j];
                ac2[i] += a[i][j] * c[j] * c[j];
            }
        }
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < a[i].length; j++) {
                aac[i] += a[i][j] * ac[j];
            }
        }
        double[] r = new double[8];
        for (int i = 0; i < s; i++) {
            r[0] += w[i];
            r[1] += w[i] * c[i];
            r[2] += w[i] * c[i] * c[i];
            r[3] += w[i] * ac[i];
            r[4] += w[i] * c[i] * c[i] * c[i];
            r[5] += w[i] * c[i] * ac[i];
            r[6] += w[i] * ac2[i];
            r[7] += w[i] * aac[i];
        }
        return r;
    }

    /** Butcher's order conditions up to order 4: 1, 1/2, 1/3, 1/6, 1/4, 1/8, 1/12, 1/24. */
    private static final double[] EXACT = {1, 0.5, 1.0 / 3, 1.0 / 6, 0.25, 0.125, 1.0 / 12, 1.0 / 24};

    @Test
    void theSolutionIsOfFourthOrderAndTheEmbeddedOneOfThirdExactly() {
        ButcherTableau t = ButcherTableau.RK4_3;
        double[] main = conditions(t, t.b()), emb = conditions(t, t.bStar());
        for (int k = 0; k < 8; k++) {
            assertEquals(EXACT[k], main[k], 1e-15, "RK4 condition " + k);
        }
        for (int k = 0; k < 4; k++) {
            assertEquals(EXACT[k], emb[k], 1e-15, "embedded condition " + k);
        }
        // a fourth-order condition fails for the embedded weights, so the estimate is not identically zero
        double miss = 0;
        for (int k = 4; k < 8; k++) {
            miss = Math.max(miss, Math.abs(emb[k] - EXACT[k]));
        }
        assertTrue(miss > 0.01, "embedded fourth-order residual " + miss);
        assertTrue(t.fsal());
        assertEquals(t.b().length - 1, t.a()[t.a().length - 1].length);
        for (int j = 0; j < t.b().length - 1; j++) {
            assertEquals(t.b()[j], t.a()[t.a().length - 1][j], 0.0, "the last stage is evaluated at y1");
        }
    }

    /** |R(z)| of the tableau's solution, R(z) = 1 + z bᵀ(I − zA)⁻¹1, by the stage recursion in complex numbers. */
    private static double amplification(ButcherTableau t, double re, double im) {
        int s = t.c().length;
        double[] yr = new double[s], yi = new double[s];
        double rr = 1, ri = 0;
        for (int i = 0; i < s; i++) {
            double sr = 0, si = 0;
            for (int j = 0; j < t.a()[i].length; j++) {
                sr += t.a()[i][j] * yr[j];
                si += t.a()[i][j] * yi[j];
            }
            yr[i] = 1 + re * sr - im * si;
            yi[i] = re * si + im * sr;
        }
        double br = 0, bi = 0;
        for (int i = 0; i < s; i++) {
            br += t.b()[i] * yr[i];
            bi += t.b()[i] * yi[i];
        }
        rr += re * br - im * bi;
        ri += re * bi + im * br;
        return Math.hypot(rr, ri);
    }

    /** The largest y with |R(y(−α + i))| ≤ 1 on the way out from 0 (α: the damping of a precessing mode). */
    private static double imaginaryLimit(ButcherTableau t, double alpha) {
        double y = 0;
        while (amplification(t, -alpha * (y + 1e-3), y + 1e-3) <= 1 + 1e-12) {
            y += 1e-3;
        }
        return y;
    }

    @Test
    void rk4IsStableTwiceAsFarPerEvaluationAlongPrecessionAsDormandPrince() {
        // a mode precessing at ω with damping α = 0.02 (standard problem 4's) has λ = ω(−α + i)
        double rk4 = imaginaryLimit(ButcherTableau.RK4_3, 0.02), dp = imaginaryLimit(ButcherTableau.DORMAND_PRINCE_54,
                0.02), rkf = imaginaryLimit(ButcherTableau.FEHLBERG_54, 0.02);
        System.out.printf("stable |lambda dt| along precession (alpha 0.02): RK4 %.3f (4 evaluations), Dormand-Prince "
                + "%.3f (6), Fehlberg %.3f (6)%n", rk4, dp, rkf);
        assertEquals(2.87, rk4, 0.02, "classical RK4");
        assertTrue(rk4 / 4 > 1.8 * dp / 6, "per evaluation: RK4 " + rk4 / 4 + ", Dormand-Prince " + dp / 6);
        assertTrue(rk4 / 4 > rkf / 6, "per evaluation: RK4 " + rk4 / 4 + ", Fehlberg " + rkf / 6);
    }

    private static RungeKuttaStepper run(ButcherTableau t, double tolerance, Magnet magnet, EffectiveField field,
                                         VectorField m, double end) {
        RungeKuttaStepper st = RungeKuttaStepper.adaptive(new LlgEquation(magnet, field), m, t, tolerance,
                Double.POSITIVE_INFINITY);
        TimeEvolution.runDense(st, m, 0, 0, end, end, true, 1, (time, dt, steps) -> { },
                (time, steps, atOutput) -> false);
        return st;
    }

    /**
     * Standard problem 4's film at a quarter of its length (32 × 8 cells of 3.90625 × 3.90625 × 3 nm; exchange, demag,
     * field 1 of −24.6 mT at 170° from +x; α = 0.02) for 300 ps from the uniform (1, 0.1, 0.05) at the default
     * tolerance: the fastest exchange spin wave (≈ 3·10¹² rad/s) holds both methods' steps, and RK4(3) takes at most
     * 65 % of Dormand–Prince's evaluations (measured 56 %; stable 2.87 in four evaluations against 2.08 in six) for a
     * state as close to a tight reference (every cell within 1e-4 and twice Dormand–Prince's deviation; measured
     * 1.6e-5 against 5.1e-5).
     */
    @Test
    void onAnExchangeStiffFilmItNeedsFarFewerEvaluationsForTheSameTrajectory() {
        Magnet magnet = Magnet.onGrid(new RegularGrid(32, 8, 1, 3.90625e-9, 3.90625e-9, 3e-9), Material.of(8e5)
                .with(ExchangeField.A, 1.3e-11).with(LlgEquation.ALPHA, 0.02));
        double mu0 = 4e-7 * Math.PI;
        EffectiveField field = new EffectiveField(magnet.size(), ExchangeField.of(magnet), new ZeemanField(magnet,
                AppliedField.constant(new double[] {-24.6e-3 / mu0, 4.3e-3 / mu0, 0})),
                new DemagTerm(magnet, new FftDemag(magnet.grid(), WorkerPool.shared())));
        double end = 300e-12;
        VectorField ref = uniform(magnet.size()), dp = ref.copy(), rk4 = ref.copy();
        run(ButcherTableau.DORMAND_PRINCE_54, 1e-8, magnet, field, ref, end);
        RungeKuttaStepper sDp = run(ButcherTableau.DORMAND_PRINCE_54, RungeKuttaStepper.DEFAULT_TOLERANCE, magnet,
                field, dp, end), sRk4 = run(ButcherTableau.RK4_3, RungeKuttaStepper.DEFAULT_TOLERANCE, magnet, field,
                rk4, end);
        long eDp = sDp.evaluations(), eRk4 = sRk4.evaluations();
        double devDp = 0, devRk4 = 0, moved = 0;
        VectorField start = uniform(magnet.size());
        for (int i = 0; i < ref.size(); i++) {
            devDp = Math.max(devDp, dist(dp, ref, i));
            devRk4 = Math.max(devRk4, dist(rk4, ref, i));
            moved = Math.max(moved, dist(start, ref, i));
        }
        System.out.printf("32 x 8 film, 300 ps at 1e-5 rad: Dormand-Prince %d evaluations (largest deviation %.3g), "
                + "RK4(3) %d (%.3g, %d rejected steps); the state moved up to %.3g%n", eDp, devDp, eRk4, devRk4,
                sRk4.rejectedSteps(), moved);
        // the PI controller holds the step below the stability limit instead of crossing it every few steps
        assertTrue(sRk4.rejectedSteps() <= 0.02 * eRk4 / 4, "rejected steps " + sRk4.rejectedSteps());
        assertTrue(moved > 0.1, "real dynamics: " + moved);
        assertTrue(eRk4 <= 0.65 * eDp, "evaluations: RK4(3) " + eRk4 + ", Dormand-Prince " + eDp);
        assertTrue(devRk4 <= 1e-4 && devRk4 <= 2 * devDp, "RK4(3) deviation from the reference " + devRk4
                + ", Dormand-Prince's " + devDp);
        assertNotEquals(0.0, devRk4);
    }

    private static VectorField uniform(int n) {
        VectorField m = new VectorField(n);
        double norm = Math.sqrt(1 + 0.01 + 0.0025);
        for (int i = 0; i < n; i++) {
            m.set(i, 1 / norm, 0.1 / norm, 0.05 / norm);
        }
        return m;
    }

    private static double dist(VectorField a, VectorField b, int i) {
        return Math.sqrt(Math.pow(a.x[i] - b.x[i], 2) + Math.pow(a.y[i] - b.y[i], 2) + Math.pow(a.z[i] - b.z[i], 2));
    }
}
