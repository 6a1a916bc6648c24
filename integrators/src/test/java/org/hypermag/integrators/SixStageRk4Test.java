package org.hypermag.integrators;

import static org.hypermag.integrators.Tableaus.assertFourthOrderWithThirdOrderEstimate;
import static org.hypermag.integrators.Tableaus.imaginaryLimit;
import static org.hypermag.integrators.Tableaus.quarterFilmRuns;
import static org.hypermag.integrators.Tableaus.stability;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The six-stage fourth-order method {@link ButcherTableau#RK46_3} ({@code method: rk46}): its order conditions, the
 * stability polynomial it was designed for, its reach along precession per evaluation against classical RK4, and
 * on an exchange-stiff film fewer evaluations than RK4(3) for a trajectory as close to a tight reference.
 */
class SixStageRk4Test {
    private static final ButcherTableau T = ButcherTableau.RK46_3;

    @Test
    void theSolutionIsOfFourthOrderAndTheEmbeddedOneOfThirdExactly() {
        assertFourthOrderWithThirdOrderEstimate(T, 1e-3);
        assertEquals(7, T.stages());
        double[][] a = T.a();
        for (int i = 0; i < a.length; i++) {
            double row = 0;
            for (double v : a[i]) {
                row += v;
            }
            assertEquals(T.c()[i], row, 1e-15, "node " + i + " is its row's sum");
        }
        for (int j = 0; j < 6; j++) {
            assertTrue(T.b()[j] > 0, "weight " + j + " positive");
        }
    }

    /** R(z) = 1 + z + z²/2 + z³/6 + z⁴/24 + 0.0056 z⁵ + 0.000845 z⁶ at points inside and around the stable region. */
    @Test
    void itsStabilityFunctionIsTheDesignedPolynomial() {
        double[] g = {1, 1, 0.5, 1.0 / 6, 1.0 / 24, 0.0056, 0.000845};
        for (double[] z : new double[][] {{0, 1}, {-0.1, 4.5}, {-2, 1}, {-3.3, 0}, {0.5, -2}, {-1, 3}}) {
            double pr = 0, pi = 0;
            for (int k = g.length - 1; k >= 0; k--) {
                double r = pr * z[0] - pi * z[1] + g[k];
                pi = pr * z[1] + pi * z[0];
                pr = r;
            }
            double[] r = stability(T, z[0], z[1]);
            double scale = Math.hypot(pr, pi);
            assertEquals(pr, r[0], 1e-14 * Math.max(1, scale), "Re R at " + z[0] + " + " + z[1] + "i");
            assertEquals(pi, r[1], 1e-14 * Math.max(1, scale), "Im R at " + z[0] + " + " + z[1] + "i");
        }
    }

    @Test
    void itReachesFurtherAlongPrecessionPerEvaluationThanClassicalRk4() {
        double[] alphas = {0, 0.02, 0.1};
        double[] expected = {4.478, 4.759, 4.953};
        for (int i = 0; i < alphas.length; i++) {
            double six = imaginaryLimit(T, alphas[i]), four = imaginaryLimit(ButcherTableau.RK4_3, alphas[i]);
            System.out.printf("alpha %.2f: stable to %.3f in six evaluations (%.3f each), RK4 %.3f in four (%.3f)%n",
                    alphas[i], six, six / 6, four, four / 4);
            assertEquals(expected[i], six, 0.005, "reach at alpha " + alphas[i]);
            assertTrue(six / 6 > 1.05 * four / 4, "per evaluation at alpha " + alphas[i] + ": " + six / 6 + " against "
                    + four / 4);
        }
    }

    /**
     * Standard problem 4's film at a quarter of its length ({@link Tableaus#quarterFilmRuns}, field 1) for 300 ps from
     * the uniform (1, 0.1, 0.05) at the default tolerance: both methods' steps are held by the fastest exchange spin
     * wave, and RK4(3)6 needs at most 93 % of RK4(3)'s evaluations (measured 90 %: 1 285 against 1 421) in steps
     * two thirds longer (214 against 355), for a state as close to a tight Dormand–Prince reference as the tolerance
     * asks: every cell within 1e-4 and within three times RK4(3)'s deviation (measured 3.2e-5 against 1.5e-5;
     * Dormand–Prince at the same tolerance 5.1e-5, {@link AdaptiveRk4Test}).
     */
    @Test
    void onAnExchangeStiffFilmItNeedsFewerEvaluationsThanRk4ForTheSameTrajectory() {
        Tableaus.FilmRuns film = quarterFilmRuns(ButcherTableau.RK4_3, T);
        Tableaus.FilmRun[] runs = film.runs();
        double moved = film.moved();
        DenseStepper s4 = runs[0].stepper(), s6 = runs[1].stepper();
        double dev4 = runs[0].deviation(), dev6 = runs[1].deviation();
        // first same as last: one evaluation to start, then one per stage but the first of each attempted step
        long attempts6 = (s6.evaluations() - 1) / 6;
        System.out.printf("32 x 8 film, 300 ps at 1e-5 rad: RK4(3) %d evaluations (%d rejected steps, deviation "
                + "%.3g); RK4(3)6 %d evaluations in %d steps (%d rejected, %.3g)%n", s4.evaluations(),
                s4.rejectedSteps(), dev4, s6.evaluations(), attempts6, s6.rejectedSteps(), dev6);
        assertTrue(moved > 0.1, "real dynamics: " + moved);
        assertTrue(s6.evaluations() <= 0.93 * s4.evaluations(), "evaluations: RK4(3)6 " + s6.evaluations()
                + ", RK4(3) " + s4.evaluations());
        assertTrue(s6.rejectedSteps() <= 0.02 * attempts6, "rejected steps " + s6.rejectedSteps());
        assertTrue(dev6 <= 1e-4 && dev6 <= 3 * dev4, "deviation from the reference " + dev6 + ", RK4(3)'s " + dev4);
    }
}
