package org.hypermag.integrators;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/**
 * What the tests of the Runge–Kutta tableaux share: Butcher's order conditions, the stability function along
 * precession, and standard problem 4's film at a quarter of its length, where exchange holds the step.
 */
final class Tableaus {
    private Tableaus() {
    }

    /** Butcher's order conditions up to order 4: 1, 1/2, 1/3, 1/6, 1/4, 1/8, 1/12, 1/24. */
    static final double[] EXACT = {1, 0.5, 1.0 / 3, 1.0 / 6, 0.25, 0.125, 1.0 / 12, 1.0 / 24};

    /**
     * @return the left sides of the eight order conditions up to four for the tableau's stages with weights w: Σw,
     *     Σwc, Σwc², Σw·Ac, Σwc³, Σw c·Ac, Σw·Ac², Σw·AAc
     */
    static double[] conditions(ButcherTableau t, double[] w) {
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

    /**
     * Asserts that the tableau's solution meets the eight fourth-order conditions and its embedded one the four
     * third-order ones (to 1e-15), that the embedded one misses a fourth-order condition by more than minMiss (so the
     * estimate is not identically zero), and that its last stage is evaluated at y₁ (first same as last).
     */
    static void assertFourthOrderWithThirdOrderEstimate(ButcherTableau t, double minMiss) {
        double[] main = conditions(t, t.b()), emb = conditions(t, t.bStar());
        for (int k = 0; k < 8; k++) {
            assertEquals(EXACT[k], main[k], 1e-15, t.name() + ": fourth-order condition " + k);
        }
        for (int k = 0; k < 4; k++) {
            assertEquals(EXACT[k], emb[k], 1e-15, t.name() + ": embedded third-order condition " + k);
        }
        double miss = 0;
        for (int k = 4; k < 8; k++) {
            miss = Math.max(miss, Math.abs(emb[k] - EXACT[k]));
        }
        assertTrue(miss > minMiss, t.name() + ": the embedded solution's fourth-order residual " + miss);
        assertTrue(t.fsal());
        double[] last = t.a()[t.a().length - 1];
        assertEquals(t.b().length - 1, last.length);
        for (int j = 0; j < last.length; j++) {
            assertEquals(t.b()[j], last[j], 0.0, t.name() + ": the last stage is evaluated at y1");
        }
    }

    /**
     * @return R(z) = 1 + z bᵀ(I − zA)⁻¹1 of the tableau's solution as {Re, Im}, by the stage recursion in complex
     *     numbers
     */
    static double[] stability(ButcherTableau t, double re, double im) {
        int s = t.c().length;
        double[] yr = new double[s], yi = new double[s];
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
        return new double[] {1 + re * br - im * bi, re * bi + im * br};
    }

    /** @return |R(z)| of the tableau's solution */
    static double amplification(ButcherTableau t, double re, double im) {
        double[] r = stability(t, re, im);
        return Math.hypot(r[0], r[1]);
    }

    /** The largest y with |R(y(−α + i))| ≤ 1 on the way out from 0 (α: the damping of a precessing mode). */
    static double imaginaryLimit(ButcherTableau t, double alpha) {
        double y = 0;
        while (amplification(t, -alpha * (y + 1e-3), y + 1e-3) <= 1 + 1e-12) {
            y += 1e-3;
        }
        return y;
    }

    /** One method's run on the quarter film: its stepper (for its counts) and its largest deviation (per cell). */
    record FilmRun(DenseStepper stepper, double deviation) {
    }

    /**
     * @param moved the reference's largest move from the start (per cell)
     * @param runs one run per method, in order
     */
    record FilmRuns(double moved, FilmRun... runs) {
    }

    /**
     * The methods' runs on standard problem 4's film at a quarter of its length (32 × 8 cells of 3.90625 × 3.90625
     * × 3 nm of permalloy: Ms 8e5 A/m, A 1.3e-11 J/m, α = 0.02; exchange, demag and field 1, μ0H = (−24.6, 4.3, 0)
     * mT) for 300 ps from the uniform (1, 0.1, 0.05), each at the default tolerance, and their deviations from a
     * Dormand–Prince reference at 1e-8 rad.
     *
     * @param methods the tableaux to run
     * @return the runs and how far the reference moved
     */
    static FilmRuns quarterFilmRuns(ButcherTableau... methods) {
        java.util.List<java.util.function.BiFunction<LlgEquation, VectorField, DenseStepper>> steppers =
                new java.util.ArrayList<>();
        for (ButcherTableau t : methods) {
            steppers.add((llg, m) -> RungeKuttaStepper.adaptive(llg, m, t, RungeKuttaStepper.DEFAULT_TOLERANCE,
                    Double.POSITIVE_INFINITY));
        }
        return quarterFilm(steppers);
    }

    /**
     * As {@link #quarterFilmRuns(ButcherTableau...)}, for any adaptive steppers.
     *
     * @param methods each makes a stepper of the equation and state it is given, at the default tolerance
     * @return the runs and how far the reference moved
     */
    static FilmRuns quarterFilm(java.util.List<java.util.function.BiFunction<LlgEquation, VectorField,
            DenseStepper>> methods) {
        Magnet magnet = quarterFilm();
        EffectiveField field = quarterFilmField(magnet);
        double end = 300e-12;
        VectorField ref = uniform(magnet.size());
        run(RungeKuttaStepper.adaptive(new LlgEquation(magnet, field), ref, ButcherTableau.DORMAND_PRINCE_54, 1e-8,
                Double.POSITIVE_INFINITY), ref, end);
        FilmRun[] runs = new FilmRun[methods.size()];
        for (int k = 0; k < runs.length; k++) {
            VectorField m = uniform(magnet.size());
            DenseStepper st = methods.get(k).apply(new LlgEquation(magnet, field), m);
            run(st, m, end);
            runs[k] = new FilmRun(st, maxDistance(m, ref));
        }
        return new FilmRuns(maxDistance(uniform(magnet.size()), ref), runs);
    }

    /** @return standard problem 4's film at a quarter of its length (32 × 8 cells), α = 0.02 */
    static Magnet quarterFilm() {
        return Magnet.onGrid(new RegularGrid(32, 8, 1, 3.90625e-9, 3.90625e-9, 3e-9), Material.of(8e5)
                .with(ExchangeField.A, 1.3e-11).with(LlgEquation.ALPHA, 0.02));
    }

    /** @return exchange, field 1 and the FFT demag on the quarter film */
    static EffectiveField quarterFilmField(Magnet magnet) {
        double mu0 = 4e-7 * Math.PI;
        return new EffectiveField(magnet.size(), ExchangeField.of(magnet), new ZeemanField(magnet,
                AppliedField.constant(new double[] {-24.6e-3 / mu0, 4.3e-3 / mu0, 0})),
                new DemagTerm(magnet, new FftDemag(magnet.grid(), WorkerPool.shared())));
    }

    /** Runs the stepper's state m from 0 to end (outputs by dense interpolation, none inside). */
    private static void run(DenseStepper st, VectorField m, double end) {
        TimeEvolution.runDense(st, m, 0, 0, end, end, true, 1, (time, dt, steps) -> { },
                (time, steps, atOutput) -> false);
    }

    /** @return n copies of the unit vector along (1, 0.1, 0.05) */
    static VectorField uniform(int n) {
        VectorField m = new VectorField(n);
        double norm = Math.sqrt(1 + 0.01 + 0.0025);
        for (int i = 0; i < n; i++) {
            m.set(i, 1 / norm, 0.1 / norm, 0.05 / norm);
        }
        return m;
    }

    /** @return the largest distance |a_i − b_i| over the domains */
    static double maxDistance(VectorField a, VectorField b) {
        double max = 0;
        for (int i = 0; i < a.size(); i++) {
            max = Math.max(max, Math.sqrt(Math.pow(a.x[i] - b.x[i], 2) + Math.pow(a.y[i] - b.y[i], 2)
                    + Math.pow(a.z[i] - b.z[i], 2)));
        }
        return max;
    }
}
