package org.hypermag.integrators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hypermag.integrators.Tableaus.assertFourthOrderWithThirdOrderEstimate;
import static org.hypermag.integrators.Tableaus.imaginaryLimit;
import static org.hypermag.integrators.Tableaus.quarterFilmRuns;

import org.junit.jupiter.api.Test;

/**
 * The adaptive classical Runge–Kutta method {@link ButcherTableau#RK4_3}: its embedded estimate is of third order,
 * it is stable further along the imaginary axis per evaluation than Dormand–Prince (the property that matters on
 * exchange-stiff grids, where precession of the fastest spin wave holds the step), and on such a film it needs far
 * fewer evaluations for the same trajectory.
 */
class AdaptiveRk4Test {
    @Test
    void theSolutionIsOfFourthOrderAndTheEmbeddedOneOfThirdExactly() {
        assertFourthOrderWithThirdOrderEstimate(ButcherTableau.RK4_3, 0.01);
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
        Tableaus.FilmRuns film = quarterFilmRuns(ButcherTableau.DORMAND_PRINCE_54, ButcherTableau.RK4_3);
        Tableaus.FilmRun[] runs = film.runs();
        double moved = film.moved();
        DenseStepper sRk4 = runs[1].stepper();
        long eDp = runs[0].stepper().evaluations(), eRk4 = sRk4.evaluations();
        double devDp = runs[0].deviation(), devRk4 = runs[1].deviation();
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
}
