package org.hypermag.integrators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.hypermag.solver.Constants;
import org.hypermag.solver.VectorField;
import org.hypermag.solver.llg.LlgEquation;
import org.hypermag.solver.magnet.Magnet;
import org.hypermag.solver.magnet.Material;
import org.junit.jupiter.api.Test;

/**
 * Outputs by interpolation inside the steps ({@link TimeEvolution#runDense}; Dormand–Prince's continuous extension,
 * Fehlberg's cubic Hermite interpolant): the steps do not depend on the output interval, the interpolated states
 * follow the exact solution of free precession to the method's accuracy, and the last output is the end state itself.
 */
class DenseOutputTest {
    private static final double H = 8e4, THETA0 = 1.0; // A/m along z; initial polar angle (rad)

    /** Free precession about z (α = 0): m(t) = (sin θ0 cos ωt, sin θ0 sin ωt, cos θ0)... with ω = γ_LL μ0 H. */
    private static LlgEquation precession(Magnet[] out) {
        Magnet one = Systems.singleDomain(Material.of(8e5).with(LlgEquation.ALPHA, 0));
        out[0] = one;
        return new LlgEquation(one, new org.hypermag.solver.field.EffectiveField(1,
                new org.hypermag.solver.field.ZeemanField(one,
                        org.hypermag.solver.field.AppliedField.constant(new double[] {0, 0, H}))));
    }

    private static List<double[]> run(double interval, double tolerance, List<Double> stepEnds) {
        return run(ButcherTableau.DORMAND_PRINCE_54, interval, tolerance, stepEnds);
    }

    private static List<double[]> run(ButcherTableau tableau, double interval, double tolerance,
                                      List<Double> stepEnds) {
        Magnet[] mag = new Magnet[1];
        LlgEquation llg = precession(mag);
        VectorField m = Systems.unit(THETA0, 0);
        RungeKuttaStepper st = RungeKuttaStepper.adaptive(llg, m, tableau, tolerance, Double.POSITIVE_INFINITY);
        List<double[]> outputs = new ArrayList<>();
        TimeEvolution.runDense(st, m, 0, 0, 200e-12, interval, true, 1,
                (t, dt, steps) -> outputs.add(new double[] {t, m.x[0], m.y[0], m.z[0]}), (t, steps, atOutput) -> {
                    stepEnds.add(t);
                    stepEnds.add(m.x[0]);
                    return false;
                });
        return outputs;
    }

    private static ButcherTableau tableau(String method) {
        return method.equals("fehlberg") ? ButcherTableau.FEHLBERG_54 : method.equals("rk4") ? ButcherTableau.RK4_3
                : ButcherTableau.DORMAND_PRINCE_54;
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"dormand-prince", "fehlberg", "rk4"})
    void stepsDoNotDependOnTheOutputInterval(String method) {
        ButcherTableau tb = tableau(method);
        List<Double> a = new ArrayList<>(), b = new ArrayList<>();
        List<double[]> fine = run(tb, 1e-13, 1e-6, a);
        List<double[]> coarse = run(tb, 5e-11, 1e-6, b);
        assertEquals(a, b, "the same steps, bit for bit");
        assertEquals(2001, fine.size(), "outputs at 0, 0.1 ps, ..., 200 ps");
        assertEquals(5, coarse.size());
        assertTrue(a.size() / 2 < 200, "far fewer steps than outputs: " + a.size() / 2);
        double[] last = fine.get(fine.size() - 1);
        assertEquals(200e-12, last[0], 0.0);
        assertEquals(a.get(a.size() - 1), last[1], 0.0, "the end is the last step's own state");
    }

    /**
     * Interpolated outputs against the exact precession at tolerance 1e-7 rad: Dormand–Prince's fourth-order
     * extension within 2e-6 (measured 3.9e-8), Fehlberg's and RK4(3)'s cubic Hermite interpolants within 2e-6 as well.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"dormand-prince", "fehlberg", "rk4"})
    void interpolatedStatesFollowTheExactSolution(String method) {
        ButcherTableau tb = tableau(method);
        double omega = Constants.GAMMA_OOMMF * H;
        List<double[]> out = run(tb, 1e-13, 1e-7, new ArrayList<>());
        double worst = 0;
        for (double[] o : out) {
            double phi = omega * o[0];
            double[] exact = {Math.sin(THETA0) * Math.cos(phi), Math.sin(THETA0) * Math.sin(phi), Math.cos(THETA0)};
            worst = Math.max(worst, Math.max(Math.abs(o[1] - exact[0]), Math.abs(o[2] - exact[1])));
            assertEquals(1, o[1] * o[1] + o[2] * o[2] + o[3] * o[3], 1e-12, "unit length");
        }
        System.out.printf("dense output, %s: largest deviation from exact precession %.3g over %d outputs%n", method,
                worst, out.size());
        assertTrue(worst < 2e-6, "interpolated states within 2e-6 of the exact solution: " + worst);
        assertArrayEquals(new double[] {Math.sin(THETA0), 0, Math.cos(THETA0)},
                new double[] {out.get(0)[1], out.get(0)[2], out.get(0)[3]}, 0.0, "the start as given");
    }
}
